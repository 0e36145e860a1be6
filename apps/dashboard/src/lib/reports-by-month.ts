// Turns report counts per (month, type) into one row per month with a column per type, for a stacked chart.
// Every report type of the domain gets a column, so a new type cannot drop out of the charts.
import { type ReportType, reportTypes } from '@binaan/domain';

export type MonthRow = { month: string } & Record<ReportType, number>;

export function stackReportsByMonth(
  rows: readonly { month: string | null; type: string | null; reports: number }[],
): MonthRow[] {
  const byMonth = new Map<string, MonthRow>();
  for (const row of rows) {
    if (!row.month || !row.type) continue;
    const entry =
      byMonth.get(row.month) ??
      ({ month: row.month, ...Object.fromEntries(reportTypes.map((type) => [type, 0])) } as MonthRow);
    if ((reportTypes as readonly string[]).includes(row.type)) entry[row.type as ReportType] += row.reports;
    byMonth.set(row.month, entry);
  }
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
}
