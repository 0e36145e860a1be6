// The coverage rollups against the designations they count. After random sequences of writes in SQL
// (designations added; status changes added to their history, back-dated anywhere, or taken back; their
// variant, year and village changed; removed), coverage through the API equals a count from the status
// history for several periods and variant filters, and the kept rollups equal a rebuild.
import { designationStatuses, programmeVariants } from '@binaan/domain';
import fc from 'fast-check';
import { expect } from 'vitest';
import { describeRollupProperty, pick } from './support/rollup-property.js';

/**
 * Per province: villages with a designation of the variants ($1, null: all) whose status in force on $3
 * (null: the latest) is ACTIVE, counted straight from the history (the latest change effective by then,
 * the last recorded of a day); and designations past PLANNED of those variants in the years of $2..$3
 * inaugurated by $3.
 */
const RAW_COVERAGE = `
  WITH in_force AS (
    SELECT DISTINCT ON (c.designation_id) c.designation_id, c.to_status
      FROM designation_status_change c
     WHERE $3::date IS NULL OR c.effective_on <= $3::date
     ORDER BY c.designation_id, c.effective_on DESC, c.id DESC
  )
  SELECT p.code || ' designated ' ||
         COUNT(DISTINCT g.village_id) FILTER (WHERE s.to_status = 'ACTIVE') ||
         ' inaugurated ' ||
         COUNT(*) FILTER (WHERE g.status <> 'PLANNED' AND ($3::date IS NULL OR g.inaugurated_on <= $3::date)
                            AND ($2::date IS NULL OR g.year >= extract(year FROM $2::date))
                            AND ($3::date IS NULL OR g.year <= extract(year FROM $3::date))) AS line
    FROM province p
    JOIN village v ON v.province_id = p.id
    JOIN designation g ON g.village_id = v.id AND ($1::text[] IS NULL OR g.variant::text = ANY($1::text[]))
    LEFT JOIN in_force s ON s.designation_id = g.id
   GROUP BY p.code`;

const KEPT = `
  SELECT 'V ' || grain || period_start || area_level || area_id || ' ' || variant_set || '=' || villages AS line
    FROM designated_village_rollup WHERE villages <> 0
  UNION ALL
  SELECT 'I ' || grain || period_start || area_level || area_id || ' ' || variant || year || '=' || designations
    FROM inauguration_rollup WHERE designations <> 0
  UNION ALL
  SELECT 'E ' || village_id || ' ' || variant_set || ' ' || day || ' ' || change FROM village_designation_event`;

const VARIANTS = programmeVariants;
const STATUSES = designationStatuses;

describeRollupProperty('coverage rollups', (probe) => {
  const { lines, ids } = probe;
  /** Designations of Kalimantan Selatan and Bangka Belitung: two provinces, so that moves cross areas. */
  const designations = () =>
    ids(`SELECT g.id FROM designation g JOIN village v ON v.id = g.village_id JOIN province p ON p.id = v.province_id
          WHERE p.code IN ('63', '19') ORDER BY g.id`);
  const villages = () =>
    ids(
      `SELECT v.id FROM village v JOIN province p ON p.id = v.province_id WHERE p.code IN ('63', '19') ORDER BY v.id`,
    );

  const variant = fc.constantFrom(...VARIANTS);
  const status = fc.constantFrom(...STATUSES);
  const write = fc.oneof(
    fc.record({ kind: fc.constant('designate'), village: fc.nat(), variant, days: fc.integer({ min: 0, max: 1300 }) }),
    // A change effective any day from mid-2023 to late 2026: after, between or before the others.
    fc.record({ kind: fc.constant('change'), pick: fc.nat(), status, days: fc.integer({ min: 0, max: 1300 }) }),
    fc.record({ kind: fc.constant('unchange'), pick: fc.nat() }),
    fc.record({ kind: fc.constant('variant'), pick: fc.nat(), variant }),
    fc.record({ kind: fc.constant('year'), pick: fc.nat(), year: fc.integer({ min: 2023, max: 2026 }) }),
    fc.record({ kind: fc.constant('move'), pick: fc.nat(), village: fc.nat() }),
    fc.record({ kind: fc.constant('remove'), pick: fc.nat() }),
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
             SELECT $1, $2::programme_variant, (SELECT MIN(id) FROM immigration_office), extract(year FROM DATE '2023-06-01' + $3::int)
             ON CONFLICT (village_id, variant) DO NOTHING RETURNING id
           )
           INSERT INTO designation_status_change (designation_id, to_status, effective_on, recorded_by)
           SELECT id, 'PLANNED', DATE '2023-06-01' + $3::int, 'test' FROM g`,
          [village, step.variant, step.days],
        );
        return;
      }
      case 'change': {
        const designation = pick(await designations(), step.pick);
        await sql.query(
          `INSERT INTO designation_status_change (designation_id, to_status, effective_on, recorded_by)
           VALUES ($1, $2::designation_status, DATE '2023-06-01' + $3::int, 'test')`,
          [designation, step.status, step.days],
        );
        return;
      }
      case 'unchange': {
        const changes = await ids(
          `SELECT c.id FROM designation_status_change c JOIN designation g ON g.id = c.designation_id
             JOIN village v ON v.id = g.village_id JOIN province p ON p.id = v.province_id
            WHERE p.code IN ('63', '19') ORDER BY c.id`,
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
      case 'year': {
        const designation = pick(await designations(), step.pick);
        await sql.query(`UPDATE designation SET year = $2 WHERE id = $1`, [designation, step.year]);
        return;
      }
      case 'move': {
        const designation = pick(await designations(), step.pick);
        const village = pick(await villages(), step.village);
        await sql.query(
          `UPDATE designation g SET village_id = $2 WHERE g.id = $1
              AND NOT EXISTS (SELECT 1 FROM designation o WHERE o.village_id = $2 AND o.variant = g.variant)`,
          [designation, village],
        );
        return;
      }
      case 'remove': {
        // Only designations nothing else refers to: reports and task forces keep theirs.
        const designation = pick(await designations(), step.pick);
        await sql.query(
          `DELETE FROM designation g WHERE g.id = $1
              AND NOT EXISTS (SELECT 1 FROM task_force tf WHERE tf.designation_id = g.id)
              AND NOT EXISTS (SELECT 1 FROM village_report r WHERE r.designation_id = g.id)`,
          [designation],
        );
      }
    }
  }

  async function fromApi(variants: string[] | null, from: string | null, to: string | null): Promise<string[]> {
    const result = await probe.api.graphql(
      `query($filter: AnalyticsFilter) { coverage(groupBy: PROVINCE, filter: $filter) {
         rows { area { code } designatedVillages targetAttainment { numerator } } } }`,
      { filter: { variants, period: from && to ? { from, to } : null } },
      'national',
    );
    expect(result.errors).toBeUndefined();
    return result
      .data!.coverage.rows.filter(
        (row: any) => row.designatedVillages > 0 || (row.targetAttainment?.numerator ?? 0) > 0,
      )
      .map(
        (row: any) =>
          `${row.area.code} designated ${row.designatedVillages} inaugurated ${row.targetAttainment?.numerator ?? 0}`,
      )
      .sort();
  }

  const views: [string[] | null, string | null, string | null][] = [
    [null, null, null],
    [null, '2024-01-01', '2024-12-31'],
    [['DESA_BINAAN'], '2025-01-01', '2026-11-20'],
    [['KELURAHAN_BINAAN', 'IMIGRASI_CORNER'], '2023-01-01', '2025-06-15'],
  ];

  return {
    families: ['coverage'],
    kept: KEPT,
    write,
    apply,
    invariant: {
      title: 'answers as the status history does, for several periods and variants, after random writes',
      async check() {
        for (const [variants, from, to] of views) {
          const raw = (await lines(RAW_COVERAGE, [variants, from, to])).filter(
            (line) => !line.endsWith('designated 0 inaugurated 0'),
          );
          expect(await fromApi(variants, from, to)).toEqual(raw);
        }
      },
    },
    runs: 6,
  };
});
