// Reporting completeness: of the villages designated (and active) in a month, how many sent at least
// one report that month (from the per-village monthly rollup, not the reports).
import type { SqlExecutor } from '@binaan/db';
import {
  areaPredicate,
  type AnalyticsFilter,
  type AreaLevel,
  areaColumns,
  dayStart,
  FILTER_CTE,
  filterParams,
  reportTypePredicate,
  variantPredicate,
  VILLAGE_JOINS,
} from './filter.js';

export interface CompletenessRow {
  /** `YYYY-MM`, in WIB. */
  month: string;
  area: { level: AreaLevel; code: string; name: string } | null;
  /** Villages designated and active at some point in the month. */
  designatedVillages: number;
  /** Of those, villages that sent at least one report (of the filter's types) in the month. */
  reportingVillages: number;
}

/**
 * One row per month of the period (default: the twelve months up to today) and, if `level` is given,
 * per area at that level.
 */
export async function reportingCompleteness(sql: SqlExecutor, level: AreaLevel | null, filter: AnalyticsFilter): Promise<CompletenessRow[]> {
  const area = level ? areaColumns(level) : null;
  const areaSelect = area ? `${area.code} AS code, ${area.name} AS name,` : `NULL::text AS code, NULL::text AS name,`;
  const rows = await sql.query<{ month: string; code: string | null; name: string | null; designated: number; reporting: number }>(
    `WITH ${FILTER_CTE},
     today AS (SELECT (now() AT TIME ZONE f.tz)::date AS day FROM f),
     months AS (
       SELECT m::date AS month_start, (m + interval '1 month')::date AS next_month
         FROM f, today,
              generate_series(date_trunc('month', COALESCE(f.date_from, (today.day - interval '11 months')::date)),
                              date_trunc('month', COALESCE(f.date_to, today.day)), interval '1 month') AS m
     ),
     designated AS (
       SELECT DISTINCT m.month_start, g.village_id, ${areaSelect} 1 AS one
         FROM months m
         CROSS JOIN f
         JOIN designation g ON g.inaugurated_on < m.next_month
          AND (g.status = 'ACTIVE' OR (g.status IN ('SUSPENDED', 'ENDED') AND g.status_changed_at >= ${dayStart('m.month_start')}))
         JOIN village v ON v.id = g.village_id ${VILLAGE_JOINS}
        WHERE ${areaPredicate(filter)} AND ${variantPredicate(filter)}
     )
     -- Looked up per designated village (a primary-key probe each): far fewer than the villages that report.
     SELECT to_char(d.month_start, 'YYYY-MM') AS month, d.code, d.name,
            COUNT(*)::int AS designated,
            COUNT(*) FILTER (WHERE EXISTS (
              SELECT 1 FROM village_month_report rep
               WHERE rep.month = d.month_start AND rep.village_id = d.village_id AND rep.reports > 0 AND ${reportTypePredicate(filter)}))::int AS reporting
       FROM designated d CROSS JOIN f
      GROUP BY d.month_start, d.code, d.name
      ORDER BY d.month_start, d.code`,
    filterParams(filter),
  );
  return rows.map((row) => ({
    month: row.month,
    area: level && row.code ? { level, code: row.code, name: row.name ?? '' } : null,
    designatedVillages: row.designated,
    reportingVillages: row.reporting,
  }));
}
