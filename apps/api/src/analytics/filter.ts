// The filter every analytics query shares. Each query starts with the same `WITH f AS (...)` so that the
// filter's values are declared once, typed, and usable by any part of the query; a null list means "all".
// Days and months are counted in Indonesia's western time (WIB, Asia/Jakarta), as the offices count them.
import { type AreaLevel, REPORTING_TIME_ZONE } from '@binaan/domain';
import { raw, type Sql, sql } from './sql.js';

export type { AreaLevel };

export interface AnalyticsFilter {
  provinceCodes?: string[] | null;
  regencyCodes?: string[] | null;
  districtCodes?: string[] | null;
  variants?: string[] | null;
  /** First and last day included, as `YYYY-MM-DD`. */
  from?: string | null;
  to?: string | null;
  reportTypes?: string[] | null;
}

const nonEmpty = (list: string[] | null | undefined) => (list && list.length > 0 ? list : null);

/** `f AS (…)`: the filter as one row, for the `WITH` that starts every analytics statement. */
export function filterCte(filter: AnalyticsFilter): Sql {
  return sql`f AS (
  SELECT ${nonEmpty(filter.provinceCodes)}::text[] AS provinces, ${nonEmpty(filter.regencyCodes)}::text[] AS regencies,
         ${nonEmpty(filter.districtCodes)}::text[] AS districts, ${nonEmpty(filter.variants)}::text[] AS variants,
         ${filter.from ?? null}::date AS date_from, ${filter.to ?? null}::date AS date_to,
         ${nonEmpty(filter.reportTypes)}::text[] AS report_types, ${REPORTING_TIME_ZONE}::text AS tz
)`;
}

/**
 * The filter's variants as a parameter of their own, for predicates on rollup rows: compared with a
 * parameter rather than a column of `f`, the condition becomes an index condition, evaluated once.
 */
export const variantsParam = (filter: AnalyticsFilter): Sql => sql`${nonEmpty(filter.variants)}::text[]`;

// Predicates are written only for the parts of the filter that are set: a catch-all form such as
// `(f.provinces IS NULL OR p.code = ANY(f.provinces))` hides its selectivity from the planner, which then
// estimates one row and nests loops over thousands.

const TRUE = raw('TRUE');

/** Villages `v` (joined to `p`, `r`, `dist`) inside the filter's areas. */
export function areaPredicate(filter: AnalyticsFilter): Sql {
  const parts = [
    nonEmpty(filter.provinceCodes) && 'p.code = ANY(f.provinces)',
    nonEmpty(filter.regencyCodes) && 'r.code = ANY(f.regencies)',
    nonEmpty(filter.districtCodes) && 'dist.code = ANY(f.districts)',
  ].filter(Boolean);
  return parts.length ? raw(parts.join(' AND ')) : TRUE;
}

export const VILLAGE_JOINS = raw(`JOIN province p ON p.id = v.province_id
  JOIN regency r ON r.id = v.regency_id
  JOIN district dist ON dist.id = v.district_id`);

/** Designations `g` of the filter's variants. */
export function variantPredicate(filter: AnalyticsFilter): Sql {
  return nonEmpty(filter.variants) ? raw('g.variant::text = ANY(f.variants)') : TRUE;
}

/** Reports `rep` (or per-type report rows) of the filter's types. */
export function reportTypePredicate(filter: AnalyticsFilter, alias = 'rep'): Sql {
  return nonEmpty(filter.reportTypes) ? raw(`${alias}.type::text = ANY(f.report_types)`) : TRUE;
}

/** The code and name columns of an area level, from the joins above. */
export function areaColumns(level: AreaLevel): { code: Sql; name: Sql } {
  const alias = { PROVINCE: 'p', REGENCY: 'r', DISTRICT: 'dist' }[level];
  return { code: raw(`${alias}.code`), name: raw(`${alias}.name`) };
}

/** A calendar day in the reporting time zone, as the timestamp its first instant is. */
export const dayStart = (date: Sql) => sql`(${date}::timestamp AT TIME ZONE f.tz)`;
