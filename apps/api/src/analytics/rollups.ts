// What the rollup-reading analytics share: which level of rows to read, and how to reach their areas.
// The rollup tables (packages/db/rollups/, registered in @binaan/db's rollups.ts) hold each figure per
// province, kabupaten/kota and kecamatan, by day and by month (and the change rollups by year too), under
// the codes of rollupCodes.
import { rollupCodes } from '@binaan/db';
import { type AnalyticsFilter, type AreaLevel, areaPredicate, variantsParam } from './filter.js';
import { literal, raw, type Sql, sql } from './sql.js';

const { PROVINCE, REGENCY, DISTRICT } = rollupCodes.areaLevel;
const { DAY, MONTH, YEAR } = rollupCodes.grain;

export type RollupLevel = (typeof rollupCodes.areaLevel)[AreaLevel];
export type RollupGrain = (typeof rollupCodes.grain)[keyof typeof rollupCodes.grain];

/** The coarsest rollup level that still answers the filter and the grouping: fewer rows to add up. */
export function rollupLevel(filter: AnalyticsFilter, groupedBy: AreaLevel[]): RollupLevel {
  if (filter.districtCodes?.length || groupedBy.includes('DISTRICT')) return DISTRICT;
  if (filter.regencyCodes?.length || groupedBy.includes('REGENCY')) return REGENCY;
  return PROVINCE;
}

/** Rollup rows `x` at one area level and grain. */
export const atLevel = (level: RollupLevel): Sql => sql`x.area_level = ${literal(level)}`;
export const atGrain = (grain: RollupGrain): Sql => sql`x.grain = ${literal(grain)}`;

/**
 * Ends a subquery of rollup rows so that it is planned on its own (OFFSET 0 keeps it from being merged
 * into the outer query). Merged, the planner reads a level's rows in area order to merge-join them with
 * the 38 provinces, believing it can stop at the last province id: the area_id statistics mix all three
 * levels. It cannot stop, and read every day of every province (8 ms instead of 0.7 ms for a month so far).
 */
export const PLANNED_ALONE = raw('OFFSET 0');

/** Joins from a rollup row `x` to the area aliases the area predicate and columns use (p, r, dist). */
export const rollupAreaJoins: Record<RollupLevel, Sql> = {
  P: raw('JOIN province p ON p.id = x.area_id'),
  R: raw('JOIN regency r ON r.id = x.area_id JOIN province p ON p.id = r.province_id'),
  D: raw(
    'JOIN district dist ON dist.id = x.area_id JOIN regency r ON r.id = dist.regency_id JOIN province p ON p.id = dist.province_id',
  ),
};

const areaTables: Record<RollupLevel, { from: Sql; id: Sql }> = {
  P: { from: raw('province p'), id: raw('p.id') },
  R: { from: raw('regency r JOIN province p ON p.id = r.province_id'), id: raw('r.id') },
  D: {
    from: raw('district dist JOIN regency r ON r.id = dist.regency_id JOIN province p ON p.id = dist.province_id'),
    id: raw('dist.id'),
  },
};

/**
 * The filter's areas as rollup area ids (`x.area_id IN (…)`), so that the rows of a few areas are found
 * through the (grain, level, area, period) index instead of reading every area's rows in the period.
 */
export function rollupAreaRestriction(level: RollupLevel, filter: AnalyticsFilter): Sql {
  if (!filter.provinceCodes?.length && !filter.regencyCodes?.length && !filter.districtCodes?.length)
    return raw('TRUE');
  const { from, id } = areaTables[level];
  return sql`x.area_id IN (SELECT ${id} FROM ${from} CROSS JOIN f WHERE ${areaPredicate(filter)})`;
}

/** Rollup rows `x` of the filter's programme variants (rows carry the variant as text, '' for none). */
export function rollupVariantPredicate(filter: AnalyticsFilter): Sql {
  return filter.variants?.length ? sql`x.variant = ANY(${variantsParam(filter)})` : raw('TRUE');
}

/**
 * Rollup rows `x` keyed by a set of variants (designated_village_rollup): the set of the filter's, every
 * variant when it names none. The bits follow the enum's order, so the database computes the set.
 */
export const variantSetPredicate = (filter: AnalyticsFilter): Sql =>
  sql`x.variant_set = variant_set(${variantsParam(filter)})`;

/**
 * A change rollup's rows `x` dated up to the filter's last day (all of them without one), as a subquery:
 * whole years from year rows, the months of the last year from month rows, the days of the last month
 * from day rows, each an index range scan (the bounds are parameters, so the planner sees them). Their
 * sum is the figure at that day. `where` restricts all three (level, areas, variants). For the tables
 * whose keys come from rollup_keys() (packages/db/rollups/coverage.sql): designated villages,
 * inaugurations, training.
 */
export function rollupChangesUpTo(table: string, where: Sql, filter: AnalyticsFilter): Sql {
  const rows = sql`SELECT x.* FROM ${raw(table)} x`;
  if (!filter.to) return sql`${rows} WHERE ${atGrain(YEAR)} AND ${where} ${PLANNED_ALONE}`;
  const yearStart = sql`${`${filter.to.slice(0, 4)}-01-01`}::date`;
  const monthStart = sql`${`${filter.to.slice(0, 7)}-01`}::date`;
  const lastDay = sql`${filter.to}::date`;
  return sql`${rows} WHERE ${atGrain(YEAR)} AND x.period_start < ${yearStart} AND ${where}
     UNION ALL
     ${rows} WHERE ${atGrain(MONTH)} AND x.period_start >= ${yearStart} AND x.period_start < ${monthStart} AND ${where}
     UNION ALL
     ${rows} WHERE ${atGrain(DAY)} AND x.period_start >= ${monthStart} AND x.period_start <= ${lastDay} AND ${where}
     ${PLANNED_ALONE}`;
}
