// Turns report counts per (month, type) into one row per month with a column per type, for a stacked chart.
export const reportTypes = [
  'FOREIGN_NATIONAL_PRESENT',
  'SUSPECTED_TRAFFICKING',
  'SUSPECTED_SMUGGLING',
  'NON_PROCEDURAL_MIGRANT_WORKER',
  'REFUGEES',
  'PASSPORT_INFORMATION_REQUEST',
  'OTHER',
] as const;

export type ReportTypeName = (typeof reportTypes)[number];
export type MonthRow = { month: string } & Record<ReportTypeName, number>;

export function stackReportsByMonth(rows: readonly { month: string | null; type: string | null; reports: number }[]): MonthRow[] {
  const byMonth = new Map<string, MonthRow>();
  for (const row of rows) {
    if (!row.month || !row.type) continue;
    const entry = byMonth.get(row.month) ?? ({ month: row.month, ...Object.fromEntries(reportTypes.map((type) => [type, 0])) } as MonthRow);
    if ((reportTypes as readonly string[]).includes(row.type)) entry[row.type as ReportTypeName] += row.reports;
    byMonth.set(row.month, entry);
  }
  return [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month));
}
