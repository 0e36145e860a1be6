// The filter every analytics query shares. Each query starts with the same `WITH f AS (...)` so that all
// parameters are declared once, typed, and usable by any part of the query; a null list means "all".
// Days and months are counted in Indonesia's western time (WIB, Asia/Jakarta), as the offices count them.
import { type AreaLevel, REPORTING_TIME_ZONE } from '@binaan/domain';

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

/** The parameters in the order FILTER_CTE declares them. */
export function filterParams(filter: AnalyticsFilter): unknown[] {
  return [
    nonEmpty(filter.provinceCodes),
    nonEmpty(filter.regencyCodes),
    nonEmpty(filter.districtCodes),
    nonEmpty(filter.variants),
    filter.from ?? null,
    filter.to ?? null,
    nonEmpty(filter.reportTypes),
    REPORTING_TIME_ZONE,
  ];
}

export const FILTER_CTE = `f AS (
  SELECT $1::text[] AS provinces, $2::text[] AS regencies, $3::text[] AS districts, $4::text[] AS variants,
         $5::date AS date_from, $6::date AS date_to, $7::text[] AS report_types, $8::text AS tz
)`;

/**
 * The variants parameter itself, for predicates on rollup rows: compared with a parameter rather than a
 * column of `f`, the condition becomes an index condition, evaluated once.
 */
export const VARIANTS_PARAM = '$4::text[]';

// Predicates are written only for the parts of the filter that are set: a catch-all form such as
// `(f.provinces IS NULL OR p.code = ANY(f.provinces))` hides its selectivity from the planner, which then
// estimates one row and nests loops over thousands.

/** Villages `v` (joined to `p`, `r`, `dist`) inside the filter's areas. */
export function areaPredicate(filter: AnalyticsFilter): string {
  const parts = [
    nonEmpty(filter.provinceCodes) && 'p.code = ANY(f.provinces)',
    nonEmpty(filter.regencyCodes) && 'r.code = ANY(f.regencies)',
    nonEmpty(filter.districtCodes) && 'dist.code = ANY(f.districts)',
  ].filter(Boolean);
  return parts.length ? parts.join(' AND ') : 'TRUE';
}

export const VILLAGE_JOINS = `JOIN province p ON p.id = v.province_id
  JOIN regency r ON r.id = v.regency_id
  JOIN district dist ON dist.id = v.district_id`;

/** Designations `g` of the filter's variants. */
export function variantPredicate(filter: AnalyticsFilter): string {
  return nonEmpty(filter.variants) ? 'g.variant::text = ANY(f.variants)' : 'TRUE';
}

/** Reports `rep` of the filter's types. */
export function reportTypePredicate(filter: AnalyticsFilter): string {
  return nonEmpty(filter.reportTypes) ? 'rep.type::text = ANY(f.report_types)' : 'TRUE';
}

/** The code and name columns of an area level, from the joins above. */
export function areaColumns(level: AreaLevel): { code: string; name: string } {
  const alias = { PROVINCE: 'p', REGENCY: 'r', DISTRICT: 'dist' }[level];
  return { code: `${alias}.code`, name: `${alias}.name` };
}

/** A calendar day in the reporting time zone, as the timestamp its first instant is. */
export const dayStart = (date: string) => `(${date}::timestamp AT TIME ZONE f.tz)`;
