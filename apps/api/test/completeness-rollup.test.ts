// The completeness rollup against the records. After random sequences of writes in SQL (designations
// added; status changes added from any day or taken back; designations moved between variants; reports
// added and removed), reporting
// completeness from the rollup equals the same figure computed from the designations and the per-type
// monthly counts (the path a report-type filter takes; naming every type changes nothing else), for
// several periods, levels and variant filters, whole months and months cut after their first days (read
// from completeness_day_rollup, kept with the coverage events); and the kept rollups equal a rebuild.
import { designationStatuses, programmeVariants, reportTypes } from '@binaan/domain';
import fc from 'fast-check';
import { testDatabaseKind } from '@binaan/db/testing';
import { expect, it } from 'vitest';
import { describeRollupProperty, pick } from './support/rollup-property.js';

const REPORT_TYPES = [...reportTypes];
const VARIANTS = programmeVariants;
const STATUSES = designationStatuses;

const KEPT = `
  SELECT 'C ' || area_level || area_id || ' ' || variant_set || ' ' || month || '=' || designated_change || '/' || reporting AS line
    FROM completeness_rollup WHERE designated_change <> 0 OR reporting <> 0
  UNION ALL SELECT 'E ' || village_id || ' ' || variant_set || ' ' || month || ' ' || change FROM village_activity_event
  UNION ALL SELECT 'R ' || village_id || ' ' || month FROM village_reported_month
  UNION ALL SELECT 'CD ' || area_level || area_id || ' ' || variant_set || ' ' || day || '=' || entered || '/' || reporting
    FROM completeness_day_rollup WHERE entered <> 0 OR reporting <> 0
  UNION ALL SELECT 'VD ' || village_id || ' ' || variant_set || ' ' || day || '=' || entered || '/' || reporting FROM village_completeness_day
  UNION ALL SELECT 'F ' || village_id || ' ' || month || ' ' || first_day FROM village_month_first_report`;

describeRollupProperty('completeness rollup', (probe) => {
  const { ids } = probe;
  /** Records of Kabupaten Kotabaru and Tanah Bumbu (Kalimantan Selatan) and of Bangka Belitung. */
  const designations = () =>
    ids(`SELECT g.id FROM designation g JOIN village v ON v.id = g.village_id JOIN regency r ON r.id = v.regency_id
          WHERE r.code IN ('63.02', '63.10') OR r.code LIKE '19.%' ORDER BY g.id`);
  const villages = () =>
    ids(`SELECT v.id FROM village v JOIN regency r ON r.id = v.regency_id
          WHERE r.code IN ('63.02', '63.10') OR r.code LIKE '19.%' ORDER BY v.id LIMIT 200`);

  const day = fc.integer({ min: 0, max: 1300 }); // days after 2023-06-01
  const write = fc.oneof(
    fc.record({ kind: fc.constant('designate'), village: fc.nat(), variant: fc.constantFrom(...VARIANTS), day }),
    fc.record({ kind: fc.constant('status'), pick: fc.nat(), status: fc.constantFrom(...STATUSES), day }),
    fc.record({ kind: fc.constant('redate'), pick: fc.nat(), day }),
    fc.record({ kind: fc.constant('variant'), pick: fc.nat(), variant: fc.constantFrom(...VARIANTS) }),
    fc.record({
      kind: fc.constant('report'),
      village: fc.nat(),
      type: fc.constantFrom(...REPORT_TYPES),
      day,
      // In UTC: from 17:00 on, it is the next day in WIB.
      hour: fc.integer({ min: 0, max: 23 }),
    }),
    fc.record({ kind: fc.constant('unreport'), pick: fc.nat() }),
  );
  type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;

  async function apply(step: Write) {
    const sql = probe.api.db.sql;
    switch (step.kind) {
      case 'designate': {
        const village = pick(await villages(), step.village);
        await sql.query(
          `WITH g AS (
             INSERT INTO designation (village_id, variant, office_id, year)
             VALUES ($1, $2::programme_variant, (SELECT MIN(id) FROM immigration_office), 2025)
             ON CONFLICT (village_id, variant) DO NOTHING RETURNING id
           )
           INSERT INTO designation_status_change (designation_id, to_status, effective_on, recorded_by)
           SELECT id, 'ACTIVE', DATE '2023-06-01' + $3::int, 'test' FROM g`,
          [village, step.variant, step.day],
        );
        return;
      }
      case 'status': {
        // A change effective any day (on a month's first or last day sometimes): after, between or before the others.
        const designation = pick(await designations(), step.pick);
        await sql.query(
          `INSERT INTO designation_status_change (designation_id, to_status, effective_on, recorded_by)
           VALUES ($1, $2::designation_status, DATE '2023-06-01' + $3::int, 'test')`,
          [designation, step.status, step.day],
        );
        return;
      }
      case 'redate': {
        // A change taken back.
        const changes = await ids(
          `SELECT c.id FROM designation_status_change c WHERE c.designation_id = ANY($1::int[]) ORDER BY c.id`,
          [await designations()],
        );
        await sql.query('DELETE FROM designation_status_change WHERE id = $1', [pick(changes, step.pick)]);
        return;
      }
      case 'variant': {
        const designation = pick(await designations(), step.pick);
        await sql.query(
          `UPDATE designation g SET variant = $2::programme_variant WHERE g.id = $1
              AND NOT EXISTS (SELECT 1 FROM designation o WHERE o.village_id = g.village_id AND o.variant = $2::programme_variant)`,
          [designation, step.variant],
        );
        return;
      }
      case 'report': {
        const village = pick(await villages(), step.village);
        await sql.query(
          `INSERT INTO village_report (submitter, source, client_reference, village_id, regency_id, province_id, type, occurred_on, submitted_at,
                                       people_involved, description, status, status_changed_at)
           SELECT 'test', 'test', gen_random_uuid()::text, v.id, v.regency_id, v.province_id, $2::report_type, DATE '2023-06-01' + $3::int,
                  ((DATE '2023-06-01' + $3::int) + make_time($4, 45, 0)) AT TIME ZONE 'UTC', 1, 'Laporan uji.', 'SUBMITTED', now()
             FROM village v WHERE v.id = $1`,
          [village, step.type, step.day, step.hour],
        );
        return;
      }
      case 'unreport': {
        const report = pick(
          await ids(
            `SELECT r.id FROM village_report r JOIN regency g ON g.id = r.regency_id WHERE g.code IN ('63.02', '63.10') ORDER BY r.id`,
          ),
          step.pick,
        );
        await sql.transaction(async (tx) => {
          await tx.query(`DELETE FROM report_status_transition WHERE report_id = $1`, [report]);
          await tx.query(`DELETE FROM village_report WHERE id = $1`, [report]);
        });
      }
    }
  }

  async function completeness(groupBy: string | null, filter: Record<string, unknown>): Promise<unknown[]> {
    const result = await probe.api.graphql(
      `query($filter: AnalyticsFilter) { reportingCompleteness(${groupBy ? `groupBy: ${groupBy}, ` : ''}filter: $filter) {
         rows { month area { code } designatedVillages reportingVillages } } }`,
      { filter },
      'national',
    );
    expect(result.errors).toBeUndefined();
    return result.data!.reportingCompleteness.rows;
  }

  const views: [string | null, Record<string, unknown>][] = [
    [null, { period: { from: '2023-06-01', to: '2026-11-30' } }],
    ['PROVINCE', { period: { from: '2024-01-01', to: '2025-12-31' } }],
    [
      'REGENCY',
      { area: { provinceCodes: ['63'] }, variants: ['DESA_BINAAN'], period: { from: '2025-01-01', to: '2026-11-30' } },
    ],
    [
      'DISTRICT',
      {
        area: { regencyCodes: ['63.02'] },
        variants: ['DESA_BINAAN', 'IMIGRASI_CORNER'],
        period: { from: '2024-06-01', to: '2025-06-30' },
      },
    ],
    // Months cut after their first days ("this month so far"): read from completeness_day_rollup.
    [null, { period: { from: '2025-03-01', to: '2025-03-17' } }],
    [null, { period: { from: '2024-09-01', to: '2024-09-01' } }],
    ['PROVINCE', { period: { from: '2024-12-01', to: '2025-02-10' } }],
    [
      'REGENCY',
      { area: { provinceCodes: ['63'] }, variants: ['DESA_BINAAN'], period: { from: '2025-07-01', to: '2025-07-20' } },
    ],
    [
      'DISTRICT',
      {
        area: { regencyCodes: ['63.02'] },
        variants: ['DESA_BINAAN', 'IMIGRASI_CORNER'],
        period: { from: '2026-02-01', to: '2026-02-27' },
      },
    ],
  ];

  return {
    families: ['coverage', 'completeness'],
    kept: KEPT,
    write,
    apply,
    invariant: {
      title: 'equals the count from the records, for several periods, levels and variants, after random writes',
      async check() {
        let rows = 0;
        for (const [groupBy, filter] of views) {
          const fromRollup = await completeness(groupBy, filter);
          rows += fromRollup.length;
          expect(fromRollup).toEqual(await completeness(groupBy, { ...filter, reportTypes: REPORT_TYPES }));
        }
        expect(rows).toBeGreaterThan(20);
      },
    },
    runs: 6,
    more() {
      // Two connections: PostgreSQL only (PGlite has one).
      it.skipIf(testDatabaseKind !== 'postgres')(
        'keeps a village right when two transactions write its reports at once',
        async () => {
          const sql = probe.api.db.sql;
          const [village] = await ids(
            `SELECT e.village_id AS id FROM village_designation_event e JOIN village v ON v.id = e.village_id
              GROUP BY e.village_id HAVING SUM(e.change) > 0 ORDER BY e.village_id LIMIT 1`,
          );
          // The first report of two months with none yet: each moves its month's first day and recounts
          // the village's completeness days.
          const report = `INSERT INTO village_report (submitter, source, client_reference, village_id, regency_id, province_id, type,
                            occurred_on, submitted_at, people_involved, description, status, status_changed_at)
            SELECT 'test', 'test', gen_random_uuid()::text, v.id, v.regency_id, v.province_id, 'OTHER', $2::date,
                   ($2::date + time '09:00') AT TIME ZONE 'Asia/Jakarta', 1, 'Laporan uji.', 'SUBMITTED', now()
              FROM village v WHERE v.id = $1`;
          let release!: () => void;
          const held = new Promise<void>((resolve) => (release = resolve));
          let firstWrote!: () => void;
          const wrote = new Promise<void>((resolve) => (firstWrote = resolve));
          const first = sql.transaction(async (tx) => {
            await tx.query(report, [village, '2027-02-15']);
            firstWrote();
            await held;
          });
          await wrote;
          const second = sql.transaction((tx) => tx.query(report, [village, '2027-03-15']));
          // The second is under way while the first, not yet committed, has already recounted the village.
          setTimeout(release, 300);
          await Promise.all([first, second]);

          const kept = await probe.lines(KEPT);
          expect(kept.filter((line) => line.startsWith(`F ${village} 2027-0`))).toHaveLength(2);
          await sql.exec('SELECT rebuild_coverage_rollups(); SELECT rebuild_completeness_rollup()');
          expect(await probe.lines(KEPT)).toEqual(kept);
        },
      );
    },
  };
});
