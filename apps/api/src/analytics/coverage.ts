// Programme coverage: villages in an area (from the per-area village counts), those with an active
// designation and the inaugurations counted against the work-plan target (from the coverage rollups).
import type { SqlExecutor } from '@binaan/db';
import { areaPredicate, type AnalyticsFilter, type AreaLevel, areaColumns, filterCte } from './filter.js';
import {
  atLevel,
  rollupAreaJoins,
  rollupAreaRestriction,
  rollupChangesUpTo,
  rollupLevel,
  rollupVariantPredicate,
  variantSetPredicate,
} from './rollups.js';
import { empty, raw, select, type Sql, sql } from './sql.js';

export interface AreaKey {
  level: AreaLevel;
  code: string;
  name: string;
}

export interface CoverageFigures {
  /** Desa and kelurahan in the area. */
  villages: number;
  /** Villages with an ACTIVE designation inaugurated by the end of the period. */
  designatedVillages: number;
  /** Designations inaugurated (not PLANNED) in the period's years, by its end: counted against the target. */
  inauguratedInTargetYears: number;
  /** Villages to designate in the period's years per the work plan; null where no target is set at this level. */
  target: number | null;
}

export interface CoverageRow extends CoverageFigures {
  area: AreaKey;
}

export async function coverageByArea(
  db: SqlExecutor,
  level: AreaLevel,
  filter: AnalyticsFilter,
): Promise<CoverageRow[]> {
  const area = areaColumns(level);
  const counted = rollupLevel(filter, [level]);
  const joins = rollupAreaJoins[counted];
  const areas = rollupAreaRestriction(counted, filter);
  const targets = targetsCte(level, filter);
  const where = (variants: Sql) => sql`${atLevel(counted)} AND ${areas} AND ${variants}`;
  // Designated villages and inaugurations come from the coverage rollups (packages/db/rollups/coverage.sql),
  // summed up to the period's end; villages from the per-area counts.
  const rows = await select<{
    code: string;
    name: string;
    villages: number;
    designated: number;
    inaugurated: number;
    target: number | null;
  }>(
    db,
    sql`WITH ${filterCte(filter)},
     villages AS (
       SELECT ${area.code} AS code, ${area.name} AS name, SUM(x.villages)::int AS villages
         FROM area_village_count x ${joins} CROSS JOIN f
        WHERE ${atLevel(counted)} AND ${areas} AND x.villages > 0 AND ${areaPredicate(filter)}
        GROUP BY 1, 2
     ),
     designated AS (
       SELECT ${area.code} AS code, SUM(x.villages)::int AS designated
         FROM (${rollupChangesUpTo('designated_village_rollup', where(variantSetPredicate(filter)), filter)}) x ${joins} CROSS JOIN f
        WHERE ${areaPredicate(filter)}
        GROUP BY 1
     ),
     inaugurated AS (
       SELECT ${area.code} AS code, SUM(x.designations)::int AS inaugurated
         FROM (${rollupChangesUpTo('inauguration_rollup', where(rollupVariantPredicate(filter)), filter)}) x ${joins} CROSS JOIN f
        WHERE ${areaPredicate(filter)}
          AND (f.date_from IS NULL OR x.year >= extract(year FROM f.date_from))
          AND (f.date_to IS NULL OR x.year <= extract(year FROM f.date_to))
        GROUP BY 1
     )${
       targets
         ? sql`,
     ${targets}`
         : empty
     }
     SELECT c.code, c.name, c.villages, COALESCE(d.designated, 0)::int AS designated, COALESCE(i.inaugurated, 0)::int AS inaugurated,
            ${targets ? raw('t.target') : raw('NULL::int')} AS target
       FROM villages c LEFT JOIN designated d ON d.code = c.code LEFT JOIN inaugurated i ON i.code = c.code
            ${targets ? raw('LEFT JOIN targets t ON t.code = c.code') : empty}
      ORDER BY c.code`,
    // A kept plan: coverage by kabupaten/kota went from 225-244 to 337-347 requests a second nationally.
    { reusePlan: true },
  );
  return rows.map((row) => ({
    area: { level, code: row.code, name: row.name },
    villages: row.villages,
    designatedVillages: row.designated,
    inauguratedInTargetYears: row.inaugurated,
    target: row.target,
  }));
}

/**
 * Work-plan targets for the period's years, per row area, as a CTE `targets (code, target)`; null where
 * targets are not set at this level (kecamatan). A province's own target is used unless the filter
 * names kabupaten/kota, in which case their targets are summed.
 */
function targetsCte(level: AreaLevel, filter: AnalyticsFilter): Sql | null {
  if (level === 'DISTRICT' || filter.districtCodes?.length) return null;
  const years = raw(`(f.date_from IS NULL OR t.year >= extract(year FROM f.date_from))
    AND (f.date_to IS NULL OR t.year <= extract(year FROM f.date_to))`);
  if (level === 'PROVINCE' && !filter.regencyCodes?.length) {
    return sql`targets AS (
       SELECT p.code, SUM(t.villages_to_designate)::int AS target
         FROM province_target t JOIN province p ON p.id = t.province_id CROSS JOIN f
        WHERE (f.provinces IS NULL OR p.code = ANY(f.provinces)) AND ${years}
        GROUP BY p.code)`;
  }
  return sql`targets AS (
       SELECT ${raw(level === 'PROVINCE' ? 'p.code' : 'r.code')} AS code, SUM(t.villages_to_designate)::int AS target
         FROM regency_target t JOIN regency r ON r.id = t.regency_id JOIN province p ON p.id = r.province_id CROSS JOIN f
        WHERE (f.provinces IS NULL OR p.code = ANY(f.provinces)) AND (f.regencies IS NULL OR r.code = ANY(f.regencies)) AND ${years}
        GROUP BY 1)`;
}

/** Sums disjoint areas into one figure. The target is known only when every area has one. */
export function sumCoverage(rows: CoverageFigures[]): CoverageFigures {
  return rows.reduce<CoverageFigures>(
    (total, row) => ({
      villages: total.villages + row.villages,
      designatedVillages: total.designatedVillages + row.designatedVillages,
      inauguratedInTargetYears: total.inauguratedInTargetYears + row.inauguratedInTargetYears,
      target: total.target === null || row.target === null ? null : total.target + row.target,
    }),
    { villages: 0, designatedVillages: 0, inauguratedInTargetYears: 0, target: 0 },
  );
}
