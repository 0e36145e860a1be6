// CSV export of what a table shows, with the applied filters in the file name.
import Papa from 'papaparse';

export interface CsvColumn<Row> {
  header: string;
  value: (row: Row) => string | number | null | undefined;
}

export function toCsv<Row>(rows: Row[], columns: CsvColumn<Row>[]): string {
  return Papa.unparse({
    fields: columns.map((column) => column.header),
    data: rows.map((row) => columns.map((column) => column.value(row) ?? '')),
  });
}

/** `binaan-cakupan_prov-53_2026.csv`: the page and the filters, safe for any file system. */
export function csvFileName(parts: (string | null | undefined)[]): string {
  const cleaned = parts
    .filter((part): part is string => Boolean(part))
    .map((part) =>
      part
        .toLowerCase()
        .replace(/[^a-z0-9.-]+/g, '-')
        .replace(/^-|-$/g, ''),
    );
  return `${['binaan', ...cleaned].join('_')}.csv`;
}

export function downloadCsv(fileName: string, csv: string): void {
  // A byte-order mark so that spreadsheet programs read the UTF-8 names correctly.
  const blob = new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
