// @vitest-environment jsdom
// Chart and table components take plain props: rendered here with fixtures, no API.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BarChart } from '../src/components/charts/bar-chart';
import { DataTable } from '../src/components/ui/data-table';
import { projectionText } from '../src/components/ui/projection';
import { i18n } from '../src/lib/i18n';
import { FigureCard } from '../src/components/ui/figure-card';
import { ErrorState } from '../src/components/ui/states';

afterEach(cleanup);

const provinces = [
  { code: '53', name: 'Nusa Tenggara Timur', villages: 3442, designated: 136 },
  { code: '63', name: 'Kalimantan Selatan', villages: 2016, designated: 71 },
  { code: '19', name: 'Kepulauan Bangka Belitung', villages: 393, designated: 38 },
];

describe('BarChart', () => {
  it('draws one bar per row and category', () => {
    const { container } = render(
      <BarChart
        ariaLabel="Desa binaan per provinsi"
        data={provinces}
        index="name"
        categories={[
          { key: 'villages', label: 'Desa' },
          { key: 'designated', label: 'Desa binaan' },
        ]}
        width={600}
        height={300}
      />,
    );
    expect(screen.getByRole('img', { name: 'Desa binaan per provinsi' })).toBeTruthy();
    expect(container.querySelectorAll('.recharts-bar-rectangle path')).toHaveLength(provinces.length * 2);
    expect(container.textContent).toContain('Kalimantan Selatan');
    expect(container.textContent).toContain('Desa binaan');
  });

  it('calls back with the row of a clicked bar', () => {
    const onSelect = vi.fn();
    const { container } = render(
      <BarChart
        ariaLabel="x"
        data={provinces}
        index="name"
        categories={[{ key: 'designated', label: 'Desa binaan' }]}
        width={600}
        height={300}
        onSelect={onSelect}
      />,
    );
    const bars = container.querySelectorAll('.recharts-bar-rectangle path');
    fireEvent.click(bars[1]!);
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ code: '63' }));
  });
});

/** Captures the CSV the next download button press hands to the browser, as text. */
function captureCsvDownloads() {
  const blobs: Blob[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return 'blob:csv';
  });
  URL.revokeObjectURL = vi.fn();
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  const text = (index = 0) =>
    new Promise<string>((resolve) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result).replace(/^\ufeff/, ''));
      reader.readAsText(blobs[index]!);
    });
  return { click, text };
}

describe('DataTable', () => {
  const columns = [
    { key: 'name', header: 'Provinsi', cell: (row: (typeof provinces)[number]) => row.name },
    {
      key: 'villages',
      header: 'Desa',
      numeric: true,
      cell: (row: (typeof provinces)[number]) => row.villages.toLocaleString('id-ID'),
      csv: (row: (typeof provinces)[number]) => row.villages,
    },
  ];

  it('shows a header and a row per item, and an accessible caption', () => {
    render(<DataTable caption="Cakupan" columns={columns} rows={provinces} rowKey={(row) => row.code} />);
    const table = screen.getByRole('table', { name: 'Cakupan' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(provinces.length + 1);
    expect(
      within(rows[1]!)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Nusa Tenggara Timur', '3.442']);
  });

  it('shows a short header on screen, and names the column in full to screen readers and in the CSV', async () => {
    const downloads = captureCsvDownloads();
    const module = { key: 'PASSPORT', header: 'Prosedur paspor dan aplikasi M-Paspor', shortHeader: 'Paspor' };
    render(
      <DataTable
        caption="Gugus tugas"
        columns={[columns[0]!, { ...module, cell: () => '✓' }]}
        rows={provinces.slice(0, 1)}
        rowKey={(row) => row.code}
        csvFileName="gugus-tugas.csv"
        csvLabel="Unduh CSV"
      />,
    );
    const header = screen.getByRole('columnheader', { name: module.header });
    expect(header.textContent).toBe('Paspor');
    expect(header.getAttribute('title')).toBe(module.header);
    fireEvent.click(screen.getByRole('button', { name: 'Unduh CSV' }));
    expect((await downloads.text()).split(/\r?\n/)[0]).toBe('Provinsi,Prosedur paspor dan aplikasi M-Paspor');
  });

  it('says why it is empty', () => {
    render(
      <DataTable
        caption="Laporan"
        columns={columns}
        rows={[]}
        rowKey={(row) => row.code}
        emptyMessage="Tidak ada laporan pada periode ini."
      />,
    );
    expect(screen.getByText('Tidak ada laporan pada periode ini.')).toBeTruthy();
  });

  it('downloads the rows on screen as CSV', async () => {
    const downloads = captureCsvDownloads();
    render(
      <DataTable
        caption="Cakupan"
        columns={columns}
        rows={provinces}
        rowKey={(row) => row.code}
        csvFileName="binaan_cakupan.csv"
        csvLabel="Unduh CSV"
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Unduh CSV' }));
    expect(downloads.click).toHaveBeenCalled();
    expect((await downloads.text()).split(/\r?\n/)).toEqual([
      'Provinsi,Desa',
      'Nusa Tenggara Timur,3442',
      'Kalimantan Selatan,2016',
      'Kepulauan Bangka Belitung,393',
    ]);
  });
});

describe('FigureCard and states', () => {
  it('shows a figure with its parts and the previous period', () => {
    render(
      <FigureCard
        label="Cakupan desa"
        value="4,2 %"
        parts="259 dari 6.118"
        previous="Periode sebelumnya: 4,1 %"
        trend="up"
        testId="c"
      />,
    );
    const card = screen.getByTestId('c');
    expect(card.textContent).toContain('4,2 %');
    expect(card.textContent).toContain('259 dari 6.118');
    expect(card.getAttribute('title')).toBe('259 dari 6.118');
  });

  it('offers a retry when loading failed', () => {
    const retry = vi.fn();
    render(<ErrorState message="Data tidak dapat dimuat." retryLabel="Coba lagi" onRetry={retry} />);
    fireEvent.click(screen.getByRole('button', { name: 'Coba lagi' }));
    expect(retry).toHaveBeenCalledOnce();
    expect(screen.getByRole('alert').textContent).toContain('Data tidak dapat dimuat.');
  });
});

describe('projectionText', () => {
  const t = i18n.getFixedT('id');
  const projection = { soFar: 10, projected: 1277, low: 807, high: 1799, target: 270 };

  it('shows the projection, its interval and the status', () => {
    expect(projectionText({ ...projection, status: 'ON_TRACK', tooEarly: false }, t, 'id')).toBe(
      '≈ 1.277 (807–1.799) · sesuai jalur',
    );
  });

  it('shows only the count so far while the API says it is too early (January)', () => {
    expect(projectionText({ ...projection, status: null, tooEarly: true }, t, 'id')).toBe(
      '10 sejak 1 Jan; proyeksi mulai 1 Feb',
    );
  });
});
