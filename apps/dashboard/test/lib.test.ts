import { describe, expect, it } from 'vitest';
import {
  filterFileNameParts,
  parseFilters,
  parsePeriod,
  periodRange,
  serializePeriod,
  toAnalyticsFilter,
  trendRange,
  writeFilters,
} from '../src/lib/filters/url-filters';
import { stackReportsByMonth } from '../src/lib/reports-by-month';
import { csvFileName } from '../src/lib/csv';
import { formatChange, formatMonth, formatNumber, formatPercent, shortAreaName } from '../src/lib/format';
import { pivot } from '../src/lib/pivot';

describe('formatting', () => {
  it('writes numbers and percentages the Indonesian way, and the English way', () => {
    expect(formatNumber(1234, 'id')).toBe('1.234');
    expect(formatNumber(1234.56, 'id', 1)).toBe('1.234,6');
    expect(formatPercent(0.125, 'id')).toBe('12,5\u00a0%');
    expect(formatNumber(1234, 'en')).toBe('1,234');
    expect(formatPercent(0.125, 'en')).toBe('12.5%');
    expect(formatPercent(null, 'id')).toBe('–');
    expect(formatChange(-0.092, 'id')).toBe('−9,2\u00a0%');
    expect(formatMonth('2024-05', 'id')).toBe('Mei 2024');
    expect(shortAreaName('Kabupaten Sumba Barat Daya')).toBe('Kab. Sumba Barat Daya');
  });
});

describe('filters in the URL', () => {
  const now = new Date('2026-11-24T03:00:00Z');

  it('reads and writes every period form', () => {
    for (const value of ['2026', '2026-Q3', '2026-10', '2026-01-15..2026-02-20']) {
      expect(serializePeriod(parsePeriod(value, now))).toBe(value);
    }
    expect(parsePeriod(null, now)).toEqual({ kind: 'month', year: 2026, month: 11 });
    expect(parsePeriod('nonsense', now)).toEqual({ kind: 'month', year: 2026, month: 11 });
    expect(periodRange({ kind: 'quarter', year: 2024, quarter: 1 })).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(periodRange({ kind: 'month', year: 2024, month: 2 })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(trendRange({ kind: 'month', year: 2026, month: 10 })).toEqual({ from: '2025-11-01', to: '2026-10-31' });
  });

  it('round-trips filters through search params and ignores junk', () => {
    const params = new URLSearchParams('prov=53,xx&kab=53.18&var=DESA_BINAAN&period=2026-Q2&tab=x');
    const filters = parseFilters(params, now);
    expect(filters).toEqual({
      provinces: ['53'],
      regencies: ['53.18'],
      variant: 'DESA_BINAAN',
      period: { kind: 'quarter', year: 2026, quarter: 2 },
    });
    const written = writeFilters(params, filters);
    expect(written.get('prov')).toBe('53');
    expect(written.get('tab')).toBe('x');
    expect(toAnalyticsFilter(filters)).toEqual({
      area: { provinceCodes: ['53'], regencyCodes: ['53.18'] },
      variants: ['DESA_BINAAN'],
      period: { from: '2026-04-01', to: '2026-06-30' },
    });
    expect(csvFileName(['cakupan', ...filterFileNameParts(filters)])).toBe(
      'binaan_cakupan_prov-53_kab-53.18_desa-binaan_2026-q2.csv',
    );
  });
});

describe('reshaping rows for charts', () => {
  it('stacks report counts by month with a column per type', () => {
    const rows = stackReportsByMonth([
      { month: '2026-02', type: 'REFUGEES', reports: 2 },
      { month: '2026-01', type: 'OTHER', reports: 3 },
      { month: '2026-01', type: 'REFUGEES', reports: 1 },
    ]);
    expect(rows.map((row) => [row.month, row.OTHER, row.REFUGEES, row.FOREIGN_NATIONAL_PRESENT])).toEqual([
      ['2026-01', 3, 1, 0],
      ['2026-02', 0, 2, 0],
    ]);
  });

  it('pivots long rows into wide rows with a total', () => {
    const wide = pivot(
      [
        { key: '53.18', label: 'SBD', series: 'CLOSED', value: 4 },
        { key: '53.18', label: 'SBD', series: 'SUBMITTED', value: 1 },
        { key: '53.01', label: 'Kupang', series: 'CLOSED', value: 2 },
      ],
      ['SUBMITTED', 'CLOSED'] as const,
    );
    expect(wide).toEqual([
      { key: '53.18', label: 'SBD', total: 5, SUBMITTED: 1, CLOSED: 4 },
      { key: '53.01', label: 'Kupang', total: 2, SUBMITTED: 0, CLOSED: 2 },
    ]);
  });
});
