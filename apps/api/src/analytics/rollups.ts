// What the rollup-reading analytics share: which level of rows to read, and how to reach their areas.
// The rollup tables (packages/db/rollups/, registered in @binaan/db's rollups.ts) hold each figure per
// province, kabupaten/kota and kecamatan, by day and by month, under the codes of rollupCodes.
import { rollupCodes } from '@binaan/db';
import { type AnalyticsFilter, type AreaLevel, areaPredicate, VARIANTS_PARAM } from './filter.js';

const { PROVINCE, REGENCY, DISTRICT } = rollupCodes.areaLevel;
const { DAY, MONTH } = rollupCodes.grain;

export type RollupLevel = (typeof rollupCodes.areaLevel)[AreaLevel];

/** The coarsest rollup level that still answers the filter and the grouping: fewer rows to add up. */
export function rollupLevel(filter: AnalyticsFilter, groupedBy: AreaLevel[]): RollupLevel {
  if (filter.districtCodes?.length || groupedBy.includes('DISTRICT')) return DISTRICT;
  if (filter.regencyCodes?.length || groupedBy.includes('REGENCY')) return REGENCY;
  return PROVINCE;
}

/**
 * Ends a subquery of rollup rows so that it is planned on its own (OFFSET 0 keeps it from being merged
 * into the outer query). Merged, the planner reads a level's rows in area order to merge-join them with
 * the 38 provinces, believing it can stop at the last province id: the area_id statistics mix all three
 * levels. It cannot stop, and read every day of every province (8 ms instead of 0.7 ms for a month so far).
 */
export const PLANNED_ALONE = 'OFFSET 0';

/** Joins from a rollup row `x` to the area aliases the area predicate and columns use (p, r, dist). */
export const rollupAreaJoins: Record<RollupLevel, string> = {
  P: 'JOIN province p ON p.id = x.area_id',
  R: 'JOIN regency r ON r.id = x.area_id JOIN province p ON p.id = r.province_id',
  D: 'JOIN district dist ON dist.id = x.area_id JOIN regency r ON r.id = dist.regency_id JOIN province p ON p.id = dist.province_id',
};

const areaTables: Record<RollupLevel, { from: string; id: string }> = {
  P: { from: 'province p', id: 'p.id' },
  R: { from: 'regency r JOIN province p ON p.id = r.province_id', id: 'r.id' },
  D: {
    from: 'district dist JOIN regency r ON r.id = dist.regency_id JOIN province p ON p.id = dist.province_id',
    id: 'dist.id',
  },
};

/**
 * The filter's areas as rollup area ids (`x.area_id IN (…)`), so that the rows of a few areas are found
 * through the (grain, level, area, period) index instead of reading every area's rows in the period.
 */
export function rollupAreaRestriction(level: RollupLevel, filter: AnalyticsFilter): string {
  if (!filter.provinceCodes?.length && !filter.regencyCodes?.length && !filter.districtCodes?.length) return 'TRUE';
  const { from, id } = areaTables[level];
  return `x.area_id IN (SELECT ${id} FROM ${from} CROSS JOIN f WHERE ${areaPredicate(filter)})`;
}

/** Rollup rows `x` of the filter's programme variants (rows carry the variant as text, '' for none). */
export function rollupVariantPredicate(filter: AnalyticsFilter): string {
  return filter.variants?.length ? `x.variant = ANY(${VARIANTS_PARAM})` : 'TRUE';
}

/**
 * Rollup rows `x` keyed by a set of variants (designated_village_rollup): the set of the filter's, every
 * variant when it names none. The bits follow the enum's order, so the database computes the set.
 */
export const variantSetPredicate = `x.variant_set = variant_set(${VARIANTS_PARAM})`;

/**
 * A rollup table's rows `x` of changes dated up to the filter's last day (all of them without one), as a
 * subquery: whole months from month rows, the days of the last month from day rows, each an index range
 * scan (the bounds are parameters pushed to `params`, so the planner sees them). Their sum is the figure
 * at that day. `where` restricts both (level, areas, variants).
 */
export function rollupChangesUpTo(table: string, where: string, filter: AnalyticsFilter, params: unknown[]): string {
  if (!filter.to) return `SELECT x.* FROM ${table} x WHERE x.grain = '${MONTH}' AND ${where} ${PLANNED_ALONE}`;
  params.push(`${filter.to.slice(0, 7)}-01`, filter.to);
  const monthStart = `$${params.length - 1}::date`;
  const lastDay = `$${params.length}::date`;
  return `SELECT x.* FROM ${table} x WHERE x.grain = '${MONTH}' AND x.period_start < ${monthStart} AND ${where}
     UNION ALL
     SELECT x.* FROM ${table} x WHERE x.grain = '${DAY}' AND x.period_start >= ${monthStart} AND x.period_start <= ${lastDay} AND ${where}
     ${PLANNED_ALONE}`;
}
