// Questions analysts ask that took 6–12 paged requests and work on their side, each now one query, checked
// against SQL written here from the tables (the status history read directly, not through the API's view).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededApi, SEED_TODAY, type SeededApi } from './support/seeded-api.js';

describe('analyst questions in one query', () => {
  let api: SeededApi;
  beforeAll(async () => {
    api = await createSeededApi();
  });
  afterAll(async () => {
    await api.dispose();
  });

  it('designated villages that sent nothing in a period, with the day of their last report', async () => {
    const result = await api.graphql(`{ villages(first: 100, filter: { area: { provinceCodes: ["53"] },
      silentDuring: { from: "2026-10-01", to: "2026-10-31" } }) { totalCount edges { node { code lastReportOn } } } }`);
    expect(result.errors).toBeUndefined();
    const expected = await api.db.sql.query<{ code: string; last: string | null }>(
      `WITH changes AS (
         SELECT c.designation_id, c.effective_on, c.to_status,
                LEAD(c.effective_on) OVER (PARTITION BY c.designation_id ORDER BY c.effective_on, c.id) AS next_on
           FROM designation_status_change c
       ), active AS (
         SELECT DISTINCT g.village_id FROM changes s JOIN designation g ON g.id = s.designation_id
          WHERE s.to_status = 'ACTIVE' AND s.effective_on <= DATE '2026-10-31' AND (s.next_on IS NULL OR s.next_on > DATE '2026-10-01')
       )
       SELECT v.code, to_char(MAX(r.submitted_at AT TIME ZONE 'Asia/Makassar'), 'YYYY-MM-DD') AS last
         FROM active a JOIN village v ON v.id = a.village_id JOIN province p ON p.id = v.province_id
         LEFT JOIN village_report r ON r.village_id = v.id
        WHERE p.code = '53'
          AND NOT EXISTS (SELECT 1 FROM village_report o WHERE o.village_id = v.id
                            AND (o.submitted_at AT TIME ZONE 'Asia/Jakarta')::date BETWEEN DATE '2026-10-01' AND DATE '2026-10-31')
        GROUP BY v.code ORDER BY v.code`,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(result.data!.villages.totalCount).toBe(expected.length);
    expect(result.data!.villages.edges.map((edge: any) => edge.node)).toEqual(
      expected.slice(0, 100).map((row) => ({ code: row.code, lastReportOn: row.last })),
    );
  });

  it('open reports older than N days, with several statuses', async () => {
    const result =
      await api.graphql(`{ old: reports(filter: { area: { regencyCodes: ["63.02"] }, openLongerThanDays: 30 }) { totalCount }
      verified: reports(filter: { area: { regencyCodes: ["63.02"] }, openLongerThanDays: 30, statuses: [VERIFIED, FOLLOWED_UP] }) { totalCount } }`);
    expect(result.errors).toBeUndefined();
    const count = async (statuses: string[]) => {
      const [row] = await api.db.sql.query<{ count: number }>(
        `SELECT COUNT(*)::int AS count FROM village_report r JOIN regency g ON g.id = r.regency_id
          WHERE g.code = '63.02' AND r.status::text = ANY($1::text[])
            AND (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date < (now() AT TIME ZONE 'Asia/Jakarta')::date - 30`,
        [statuses],
      );
      return row!.count;
    };
    expect(await count(['SUBMITTED', 'VERIFIED', 'FOLLOWED_UP'])).toBeGreaterThan(0);
    expect(result.data!.old.totalCount).toBe(await count(['SUBMITTED', 'VERIFIED', 'FOLLOWED_UP']));
    expect(result.data!.verified.totalCount).toBe(await count(['VERIFIED', 'FOLLOWED_UP']));
  });

  it('a monthly series with its empty months, on request', async () => {
    // One kecamatan over the programme's life: some months have no report.
    const query = (fill: boolean) =>
      api.graphql(`{ reportStats(groupBy: [MONTH], fillEmptyMonths: ${fill},
        filter: { area: { districtCodes: ["63.02.15"] }, period: { from: "2023-07-01", to: "${SEED_TODAY}" } }) {
        rows { month reports followedUp rejected } } }`);
    const [sparse, filled] = await Promise.all([query(false), query(true)]);
    const months: string[] = [];
    for (
      let at = new Date('2023-07-01T00:00:00Z');
      at.toISOString().slice(0, 7) <= SEED_TODAY.slice(0, 7);
      at.setUTCMonth(at.getUTCMonth() + 1)
    )
      months.push(at.toISOString().slice(0, 7));
    const rows = filled.data!.reportStats.rows as { month: string; reports: number }[];
    expect(rows.map((row) => row.month)).toEqual(months);
    const sparseRows = sparse.data!.reportStats.rows as { month: string; reports: number }[];
    expect(sparseRows.length).toBeLessThan(months.length); // there are empty months to fill
    const byMonth = new Map(sparseRows.map((row) => [row.month, row]));
    for (const row of rows)
      expect(row).toEqual(byMonth.get(row.month) ?? { month: row.month, reports: 0, followedUp: 0, rejected: 0 });
  });
});
