// Long rows (key, series, value) to wide rows (key, one column per series), for stacked charts and tables.
export function pivot<Series extends string>(
  rows: readonly { key: string; label: string; series: string; value: number }[],
  seriesNames: readonly Series[],
): ({ key: string; label: string; total: number } & Record<Series, number>)[] {
  const wide = new Map<string, { key: string; label: string; total: number } & Record<Series, number>>();
  for (const row of rows) {
    const entry =
      wide.get(row.key) ??
      ({ key: row.key, label: row.label, total: 0, ...Object.fromEntries(seriesNames.map((name) => [name, 0])) } as {
        key: string;
        label: string;
        total: number;
      } & Record<Series, number>);
    if ((seriesNames as readonly string[]).includes(row.series)) {
      const counts = entry as Record<string, number>;
      counts[row.series] = (counts[row.series] ?? 0) + row.value;
      entry.total += row.value;
    }
    wide.set(row.key, entry);
  }
  return [...wide.values()];
}
