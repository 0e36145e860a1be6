// The one panel every figure is shown in: its chart, its data as a table (for screen readers, keyboards
// and print) with a CSV download of exactly those rows, and the time the figures were computed.
import type { ReactNode } from 'react';
import { csvFileName } from '../../lib/csv';
import { useI18n } from '../../lib/i18n';
import { columnKit, type ColumnKit } from './columns';
import { type Column, DataTable, type DataTableProps } from './data-table';
import { Panel } from './panel';

export interface PanelTable<Row> extends Omit<DataTableProps<Row>, 'caption' | 'csvFileName' | 'csvLabel' | 'columns'> {
  /** The columns, or a function of the shared kinds of column (counts, percentages, text). */
  columns: Column<Row>[] | ((column: ColumnKit<Row>) => Column<Row>[]);
  /** The CSV file's name, or its parts (the page's filter is appended); no download without it. */
  csvName?: string | string[];
  /** Defaults to the panel's title. */
  caption?: string;
}

export function ChartPanel<Row>({
  title,
  dataTime,
  chart,
  table,
  tableInline = !chart,
  fileParts = [],
  children,
}: {
  title: string;
  /** "Data per …": when the figures were computed. */
  dataTime?: string;
  chart?: ReactNode;
  table: PanelTable<Row>;
  /** Show the table under the chart instead of behind "Table" (the default when there is no chart). */
  tableInline?: boolean;
  /** The page's filter, as parts of the CSV file name. */
  fileParts?: string[];
  /** Shown between the chart and the table (hints, empty states). */
  children?: ReactNode;
}) {
  const { t, locale } = useI18n();
  const { csvName, caption = title, columns, ...rest } = table;
  const dataTable = (
    <DataTable
      {...rest}
      columns={typeof columns === 'function' ? columns(columnKit<Row>(locale)) : columns}
      caption={caption}
      csvFileName={csvName ? csvFileName([csvName, ...fileParts].flat()) : undefined}
      csvLabel={t('common.exportCsv')}
    />
  );
  return (
    <Panel title={title} dataTime={dataTime} table={tableInline ? undefined : dataTable} tableLabel={t('common.table')}>
      {chart}
      {children}
      {tableInline && dataTable}
    </Panel>
  );
}
