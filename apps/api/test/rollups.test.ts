// The rollups against the reports they count. After random sequences of writes, through the API and
// straight in SQL (status steps, follow-ups, new reports, retyped, moved in time, deleted, a designation
// changing variant), the rollup tables equal a recount written here from village_report and its
// transitions, and reportStats through the API equals a GROUP BY over the raw reports.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeRollupProperty, pick } from './support/rollup-property.js';

const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

/** What each rollup row should hold, recounted from the reports; follow-ups come from the transitions. */
const RECOUNT = `
  WITH rep AS (
    SELECT r.province_id, r.regency_id, v.district_id, r.village_id, COALESCE(g.variant::text, '') AS variant, r.type::text AS type,
           r.status::text AS status, (r.submitted_at AT TIME ZONE 'Asia/Jakarta')::date AS day,
           EXISTS (SELECT 1 FROM report_status_transition t WHERE t.report_id = r.id AND t.to_status = 'FOLLOWED_UP') AS followed
      FROM village_report r JOIN village v ON v.id = r.village_id LEFT JOIN designation g ON g.id = r.designation_id
  ), keyed AS (
    SELECT k.grain, k.period_start, k.area_level, k.area_id, rep.variant, rep.type, rep.status, rep.followed
      FROM rep CROSS JOIN LATERAL (VALUES
        ('D', rep.day, 'P', rep.province_id), ('D', rep.day, 'R', rep.regency_id), ('D', rep.day, 'D', rep.district_id),
        ('M', date_trunc('month', rep.day)::date, 'P', rep.province_id), ('M', date_trunc('month', rep.day)::date, 'R', rep.regency_id),
        ('M', date_trunc('month', rep.day)::date, 'D', rep.district_id)) AS k(grain, period_start, area_level, area_id)
  )
  SELECT grain || ' ' || period_start || ' ' || area_level || area_id || ' ' || variant || ' ' || type || ' ' || status
         || ' = ' || COUNT(*) || '/' || COUNT(*) FILTER (WHERE followed) AS line
    FROM keyed GROUP BY grain, period_start, area_level, area_id, variant, type, status ORDER BY line`;

const STORED = `
  SELECT grain || ' ' || period_start || ' ' || area_level || area_id || ' ' || variant || ' ' || type::text || ' ' || status::text
         || ' = ' || reports || '/' || followed_up AS line
    FROM report_rollup WHERE reports <> 0 OR followed_up <> 0 ORDER BY line`;

/** The totals (report_total_rollup) against the detailed rows they add up. */
const TOTALS = `
  SELECT grain || ' ' || period_start || ' ' || area_level || area_id || ' = ' || SUM(reports) || '/' || SUM(followed_up)
         || ' rejected ' || COALESCE(SUM(reports) FILTER (WHERE status = 'REJECTED'), 0) AS line
    FROM report_rollup GROUP BY grain, period_start, area_level, area_id HAVING SUM(reports) <> 0 OR SUM(followed_up) <> 0`;
const STORED_TOTALS = `
  SELECT grain || ' ' || period_start || ' ' || area_level || area_id || ' = ' || reports || '/' || followed_up
         || ' rejected ' || rejected AS line
    FROM report_total_rollup WHERE reports <> 0 OR followed_up <> 0`;

/** All time per area, variant, type and status (report_status_total) against the month rows they add up. */
const STATUS_TOTALS = `
  SELECT area_level || area_id || ' ' || variant || ' ' || type::text || ' ' || status::text || ' = ' || SUM(reports) || '/' || SUM(followed_up) AS line
    FROM report_rollup WHERE grain = 'M'
   GROUP BY area_level, area_id, variant, type, status HAVING SUM(reports) <> 0 OR SUM(followed_up) <> 0`;
const STORED_STATUS_TOTALS = `
  SELECT area_level || area_id || ' ' || variant || ' ' || type::text || ' ' || status::text || ' = ' || reports || '/' || followed_up AS line
    FROM report_status_total WHERE reports <> 0 OR followed_up <> 0`;

const VILLAGE_MONTHS = `
  SELECT month || ' ' || village_id || ' ' || type || ' = ' || COUNT(*) AS line
    FROM (SELECT date_trunc('month', (submitted_at AT TIME ZONE 'Asia/Jakarta')::date)::date AS month, village_id, type::text AS type
            FROM village_report) rep
   GROUP BY month, village_id, type`;
const STORED_VILLAGE_MONTHS = `
  SELECT month || ' ' || village_id || ' ' || type || ' = ' || reports AS line FROM village_month_report WHERE reports <> 0 ORDER BY line`;

/** reportStats by kecamatan, type, status and month over a period with partial months at both ends. */
const PERIOD = { from: '2025-02-10', to: '2026-11-17' };
const RAW_STATS = `
  SELECT code || ' ' || type || ' ' || status || ' ' || month || ' = ' || COUNT(*) || '/' || COUNT(*) FILTER (WHERE followed) AS line
    FROM (SELECT dist.code, r.type::text AS type, r.status::text AS status,
                 to_char(r.submitted_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM') AS month,
                 EXISTS (SELECT 1 FROM report_status_transition t WHERE t.report_id = r.id AND t.to_status = 'FOLLOWED_UP') AS followed
            FROM village_report r JOIN village v ON v.id = r.village_id JOIN district dist ON dist.id = v.district_id
            JOIN province p ON p.id = r.province_id
           WHERE p.code = '63' AND r.submitted_at >= ('${PERIOD.from}'::timestamp AT TIME ZONE 'Asia/Jakarta')
             AND r.submitted_at < (('${PERIOD.to}'::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta')) rep
   GROUP BY code, type, status, month`;

const RAW_REGENCY_MONTHS = `
  SELECT code || ' ' || month || ' = ' || COUNT(*) || '/' || COUNT(*) FILTER (WHERE followed) AS line
    FROM (SELECT g.code, to_char(r.submitted_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM') AS month,
                 EXISTS (SELECT 1 FROM report_status_transition t WHERE t.report_id = r.id AND t.to_status = 'FOLLOWED_UP') AS followed
            FROM village_report r JOIN regency g ON g.id = r.regency_id JOIN province p ON p.id = r.province_id
           WHERE p.code = '63' AND r.submitted_at >= ('${PERIOD.from}'::timestamp AT TIME ZONE 'Asia/Jakarta')
             AND r.submitted_at < (('${PERIOD.to}'::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta')) rep
   GROUP BY code, month`;

describeRollupProperty('report rollups', (probe) => {
  const { lines } = probe;
  /** Villages of Kabupaten Kotabaru that new reports come from (looked up once). */
  let villages: string[] | undefined;
  const someVillage = async (n: number) => {
    villages ??= (
      await probe.api.db.sql.query<{ code: string }>(
        `SELECT v.code FROM village v JOIN regency r ON r.id = v.regency_id WHERE r.code = '63.02' ORDER BY v.code LIMIT 40`,
      )
    ).map((row) => row.code);
    return pick(villages, n);
  };
  /** A report of Kanim Batulicin's area, picked by a generated number. */
  const someReport = async (pick: number) => {
    const rows = await probe.api.db.sql.query<{ id: number; status: string }>(
      `SELECT id, status::text AS status FROM village_report WHERE regency_id = (SELECT id FROM regency WHERE code = '63.02') ORDER BY id`,
    );
    return rows[pick % rows.length];
  };

  const next: Record<string, string[]> = {
    SUBMITTED: ['VERIFIED', 'REJECTED'],
    VERIFIED: ['FOLLOWED_UP'],
    FOLLOWED_UP: ['CLOSED'],
  };
  const types = ['FOREIGN_NATIONAL_PRESENT', 'SUSPECTED_TRAFFICKING', 'NON_PROCEDURAL_MIGRANT_WORKER', 'REFUGEES'];
  const variants = ['DESA_BINAAN', 'KELURAHAN_BINAAN', 'IMIGRASI_CORNER'];

  const write = fc.oneof(
    fc.record({ kind: fc.constant('submit'), village: fc.nat(), type: fc.constantFrom(...types), ref: fc.uuid() }),
    fc.record({ kind: fc.constant('step'), pick: fc.nat() }),
    fc.record({ kind: fc.constant('retype'), pick: fc.nat(), type: fc.constantFrom(...types) }),
    fc.record({
      kind: fc.constant('move'),
      pick: fc.nat(),
      daysBack: fc.integer({ min: 0, max: 1000 }),
      hour: fc.integer({ min: 0, max: 23 }),
    }),
    fc.record({ kind: fc.constant('delete'), pick: fc.nat() }),
    fc.record({ kind: fc.constant('variant'), pick: fc.nat(), variant: fc.constantFrom(...variants) }),
  );

  type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

  async function apply(step: Write): Promise<void> {
    const report = await someReport('pick' in step ? step.pick : 0);
    switch (step.kind) {
      case 'submit': {
        const result = await probe.api.graphql(
          `mutation($input: SubmitVillageReportInput!) { submitVillageReport(input: $input) { __typename } }`,
          {
            input: {
              source: 'test:rollups',
              clientReference: step.ref,
              villageCode: await someVillage(step.village),
              type: step.type,
              occurredOn: '2026-11-01',
              peopleInvolved: 2,
              description: 'Generated for the rollup test.',
            },
          },
          'kanim',
        );
        expect(result.errors).toBeUndefined();
        return;
      }
      case 'step': {
        const to = next[report!.status]?.[step.pick % 2] ?? next[report!.status]?.[0];
        if (!to) return;
        const result = await probe.api.graphql(
          `mutation($input: TransitionReportStatusInput!) { transitionReportStatus(input: $input) { __typename } }`,
          {
            input: {
              reportId: gid('VillageReport', report!.id),
              toStatus: to,
              expectedStatus: report!.status,
              ...(to === 'REJECTED' ? { note: 'Laporan ganda.' } : {}),
              ...(to === 'FOLLOWED_UP' ? { actionTaken: 'Pemeriksaan di lokasi.' } : {}),
            },
          },
          'kanim',
        );
        expect(result.errors).toBeUndefined();
        expect(result.data!.transitionReportStatus.__typename).toBe('MutationTransitionReportStatusSuccess');
        return;
      }
      case 'retype':
        await probe.api.db.sql.query(`UPDATE village_report SET type = $2::report_type WHERE id = $1`, [
          report!.id,
          step.type,
        ]);
        return;
      case 'move':
        await probe.api.db.sql.query(
          `UPDATE village_report SET submitted_at = timestamptz '2026-11-24 00:00+07' - make_interval(days => $2, hours => $3) WHERE id = $1`,
          [report!.id, step.daysBack, step.hour],
        );
        return;
      case 'delete':
        await probe.api.db.sql.transaction(async (tx) => {
          await tx.query(`DELETE FROM report_status_transition WHERE report_id = $1`, [report!.id]);
          await tx.query(`DELETE FROM village_report WHERE id = $1`, [report!.id]);
        });
        return;
      case 'variant':
        // A village has one designation per variant; a clash is refused by the database and changes nothing.
        await probe.api.db.sql
          .query(
            `UPDATE designation SET variant = $2::programme_variant
              WHERE id = (SELECT designation_id FROM village_report WHERE id = $1)`,
            [report!.id, step.variant],
          )
          .catch(() => undefined);
    }
  }

  return {
    families: ['reports'],
    kept: `SELECT 'rollup ' || line AS line FROM (${STORED}) r UNION ALL SELECT 'total ' || line FROM (${STORED_TOTALS}) t
           UNION ALL SELECT 'status total ' || line FROM (${STORED_STATUS_TOTALS}) s`,
    write,
    apply,
    invariant: {
      title: 'match a recount from the reports after random writes',
      async check() {
        expect(await lines(STORED)).toEqual(await lines(RECOUNT));
        expect(await lines(STORED_TOTALS)).toEqual(await lines(TOTALS));
        expect(await lines(STORED_STATUS_TOTALS)).toEqual(await lines(STATUS_TOTALS));
        expect(await lines(STORED_VILLAGE_MONTHS)).toEqual(await lines(VILLAGE_MONTHS));
      },
    },
    runs: 8,
    more() {
      it('answer reportStats as the raw reports do, days at both ends of the period included', async () => {
        const result = await probe.api.graphql(
          `query($period: Period) { reportStats(groupBy: [DISTRICT, TYPE, STATUS, MONTH],
           filter: { area: { provinceCodes: ["63"] }, period: $period }) {
           rows { district { code } type status month reports followedUp } } }`,
          { period: PERIOD },
          'national',
        );
        expect(result.errors).toBeUndefined();
        const fromApi = result.data!.reportStats.rows.map(
          (row: any) =>
            `${row.district.code} ${row.type} ${row.status} ${row.month} = ${row.reports}/${row.followedUp}`,
        );
        const raw = await lines(RAW_STATS);
        expect(raw.length).toBeGreaterThan(50);
        expect([...fromApi].sort()).toEqual(raw);
      });

      it('answer reportStats per kabupaten/kota and month (from the totals) as the raw reports do', async () => {
        const result = await probe.api.graphql(
          `query($period: Period) { reportStats(groupBy: [REGENCY, MONTH], filter: { area: { provinceCodes: ["63"] }, period: $period }) {
           rows { regency { code } month reports followedUp } } }`,
          { period: PERIOD },
          'national',
        );
        expect(result.errors).toBeUndefined();
        const fromApi = result.data!.reportStats.rows.map(
          (row: any) => `${row.regency.code} ${row.month} = ${row.reports}/${row.followedUp}`,
        );
        const raw = await lines(RAW_REGENCY_MONTHS);
        expect(raw.length).toBeGreaterThan(20);
        expect([...fromApi].sort()).toEqual(raw);
      });

      it('keeps the village counts per area through new, moved and removed villages', async () => {
        const counts = `SELECT area_level || area_id || '=' || villages AS line FROM area_village_count WHERE villages <> 0`;
        const recount = `SELECT 'P' || province_id || '=' || COUNT(*) AS line FROM village GROUP BY province_id
        UNION ALL SELECT 'R' || regency_id || '=' || COUNT(*) FROM village GROUP BY regency_id
        UNION ALL SELECT 'D' || district_id || '=' || COUNT(*) FROM village GROUP BY district_id`;
        expect(await lines(counts)).toEqual(await lines(recount));
        const sql = probe.api.db.sql;
        // A new village (pemekaran) in a kecamatan of Tanah Bumbu, then moved to a kecamatan of another province.
        await sql.query(
          `INSERT INTO village (code, name, kind, province_id, regency_id, district_id)
         SELECT dist.code || '.2999', 'Desa Uji', 'DESA', dist.province_id, dist.regency_id, dist.id
           FROM district dist JOIN regency r ON r.id = dist.regency_id WHERE r.code = '63.10' ORDER BY dist.code LIMIT 1`,
        );
        await sql.query(
          `UPDATE village SET (province_id, regency_id, district_id) = (SELECT province_id, regency_id, id FROM district WHERE code LIKE '53.%' ORDER BY code LIMIT 1)
          WHERE name = 'Desa Uji'`,
        );
        expect(await lines(counts)).toEqual(await lines(recount));
        await sql.query(`DELETE FROM village WHERE name = 'Desa Uji'`);
        expect(await lines(counts)).toEqual(await lines(recount));
      });
    },
  };
});
