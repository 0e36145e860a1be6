// The table columns the figures share, formatted in the reader's language and exported as raw values.
import { formatNumber, formatPercent, type Locale } from '../../lib/format';
import type { Column } from './data-table';

export interface ColumnKit<Row> {
  /** A count (or any number, with `digits`). */
  number(key: string, header: string, value: (row: Row) => number | null | undefined, digits?: number): Column<Row>;
  /** A share (0–1), shown as a percentage and exported as the fraction. */
  percent(key: string, header: string, rate: (row: Row) => number | null | undefined, digits?: number): Column<Row>;
  /** Plain text, the same in the table and the CSV. */
  text(key: string, header: string, value: (row: Row) => string): Column<Row>;
  /** An area's name that drills down into it when pressed (plain text without `drill`). */
  area(
    key: string,
    header: string,
    name: (row: Row) => string,
    drill: { into: (row: Row) => void; label: (row: Row) => string } | null,
  ): Column<Row>;
}

export function columnKit<Row>(locale: Locale): ColumnKit<Row> {
  return {
    number: (key, header, value, digits = 0) => ({
      key,
      header,
      numeric: true,
      cell: (row) => formatNumber(value(row), locale, digits),
      csv: value,
    }),
    percent: (key, header, rate, digits) => ({
      key,
      header,
      numeric: true,
      cell: (row) => formatPercent(rate(row), locale, digits),
      csv: rate,
    }),
    text: (key, header, value) => ({ key, header, cell: value }),
    area: (key, header, name, drill) => ({
      key,
      header,
      csv: name,
      cell: (row) =>
        drill ? (
          <button type="button" className="link" onClick={() => drill.into(row)} aria-label={drill.label(row)}>
            {name(row)}
          </button>
        ) : (
          name(row)
        ),
    }),
  };
}
