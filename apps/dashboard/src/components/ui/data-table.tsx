// A table from plain rows, with a CSV download of exactly the rows shown.
import type { ReactNode } from 'react';
import { type CsvColumn, downloadCsv, toCsv } from '../../lib/csv';

export interface Column<Row> {
  key: string;
  /** The column's full name: in the CSV, and what assistive technology reads. */
  header: string;
  /** A shorter name shown in the table, for a column whose full name would widen it past a tablet. */
  shortHeader?: string;
  cell: (row: Row) => ReactNode;
  /** The value in the CSV; defaults to the cell when it is a string or number. */
  csv?: (row: Row) => string | number | null | undefined;
  numeric?: boolean;
}

export interface DataTableProps<Row> {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** File name for the CSV download; no download button without it. */
  csvFileName?: string;
  csvLabel?: string;
  emptyMessage?: string;
}

/**
 * "Kabupaten/kota" and "Desa/kelurahan" are each one word to the browser, and the widest word sets a
 * column's narrowest width: a line may break after the slash, so a table fits a tablet upright.
 */
function breakableAfterSlashes(header: string): ReactNode {
  const [first, ...rest] = header.split('/');
  return [first, ...rest.flatMap((part, index) => ['/', <wbr key={index} />, part])];
}

export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  csvFileName,
  csvLabel = 'CSV',
  emptyMessage,
}: DataTableProps<Row>) {
  const csvColumns: CsvColumn<Row>[] = columns.map((column) => ({
    header: column.header,
    value: (row) => {
      if (column.csv) return column.csv(row);
      const cell = column.cell(row);
      return typeof cell === 'string' || typeof cell === 'number' ? cell : '';
    },
  }));
  return (
    <div className="table-wrap">
      <div className="table-toolbar">
        <span className="table-title" aria-hidden="true">
          {caption}
        </span>
        {csvFileName && rows.length > 0 && (
          <button
            type="button"
            className="csv-button no-print"
            onClick={() => downloadCsv(csvFileName, toCsv(rows, csvColumns))}
          >
            {csvLabel}
          </button>
        )}
      </div>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th
                key={column.key}
                scope="col"
                className={column.numeric ? 'numeric' : undefined}
                title={column.shortHeader && column.header}
                aria-label={column.shortHeader && column.header}
              >
                {breakableAfterSlashes(column.shortHeader ?? column.header)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 && emptyMessage ? (
            <tr>
              <td colSpan={columns.length} className="empty">
                {emptyMessage}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => (
                  <td key={column.key} className={column.numeric ? 'numeric' : undefined}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
