// Reporting completeness: of the villages designated (and active) in a month, how many sent at least
// one report that month (from the completeness rollup, or with a report-type filter from the
// per-village monthly report counts; never from the reports).
import type { SqlExecutor } from '@binaan/db';
import {
  areaPredicate,
  type AnalyticsFilter,
  type AreaLevel,
  areaColumns,
  filterCte,
  reportTypePredicate,
  variantPredicate,
  VILLAGE_JOINS,
} from './filter.js';
import { atLevel, rollupAreaJoins, rollupAreaRestriction, rollupLevel, variantSetPredicate } from './rollups.js';
import { raw, select, sql } from './sql.js';

export interface CompletenessRow {
  /** `YYYY-MM`, in WIB. */
  month: string;
  area: { level: AreaLevel; code: string; name: string } | null;
  /** Villages designated and active at some point in the month. */
  designatedVillages: number;
  /** Of those, villages that sent at least one report (of the filter's types) in the month. */
  reportingVillages: number;
}

/** The months of the period (default: the twelve months up to today), as `months (month_start, next_month)`. */
const MONTHS_CTE = raw(`today AS (SELECT (now() AT TIME ZONE f.tz)::date AS day FROM f),
     months AS (
       SELECT m::date AS month_start, (m + interval '1 month')::date AS next_month
         FROM f, today,
              generate_series(date_trunc('month', COALESCE(f.date_from, (today.day - interval '11 months')::date)),
                              date_trunc('month', COALESCE(f.date_to, today.day)), interval '1 month') AS m
     )`);

/**
 * One row per month of the period (default: the twelve months up to today) and, if `level` is given,
 * per area at that level. Read from the completeness rollup; with a report-type filter, from the
 * designations and the per-type monthly counts.
 */
export async function reportingCompleteness(
  db: SqlExecutor,
  level: AreaLevel | null,
  filter: AnalyticsFilter,
): Promise<CompletenessRow[]> {
  const rows = filter.reportTypes?.length ? await fromRecords(db, level, filter) : await fromRollup(db, level, filter);
  return rows.map((row) => ({
    month: row.month,
    area: level && row.code ? { level, code: row.code, name: row.name ?? '' } : null,
    designatedVillages: row.designated,
    reportingVillages: row.reporting,
  }));
}

interface CountedRow {
  month: string;
  code: string | null;
  name: string | null;
  designated: number;
  reporting: number;
}

/**
 * Per area: the designated villages before the period (the sum of earlier changes), then month by month
 * that plus the changes so far, and the villages that reported that month.
 */
async function fromRollup(db: SqlExecutor, level: AreaLevel | null, filter: AnalyticsFilter): Promise<CountedRow[]> {
  const area = level ? areaColumns(level) : null;
  const rollup = rollupLevel(filter, level ? [level] : []);
  return select<CountedRow>(
    db,
    sql`WITH ${filterCte(filter)}, ${MONTHS_CTE},
     bounds AS (SELECT MIN(month_start) AS first_month, MAX(month_start) AS last_month FROM months),
     changes AS (
       SELECT ${area ? sql`${area.code} AS code, ${area.name} AS name` : raw('NULL::text AS code, NULL::text AS name')},
              x.month, x.designated_change, x.reporting
         FROM completeness_rollup x ${rollupAreaJoins[rollup]} CROSS JOIN f CROSS JOIN bounds
        WHERE ${atLevel(rollup)} AND ${rollupAreaRestriction(rollup, filter)} AND ${variantSetPredicate(filter)}
          AND x.month <= bounds.last_month AND ${areaPredicate(filter)}
     ),
     areas AS (
       SELECT c.code, c.name, COALESCE(SUM(c.designated_change) FILTER (WHERE c.month < bounds.first_month), 0) AS before
         FROM changes c CROSS JOIN bounds GROUP BY c.code, c.name
     ),
     counted AS (
       SELECT m.month_start, a.code, a.name,
              a.before + SUM(COALESCE(SUM(c.designated_change), 0)) OVER (PARTITION BY a.code ORDER BY m.month_start) AS designated,
              COALESCE(SUM(c.reporting), 0) AS reporting
         FROM areas a CROSS JOIN months m
         LEFT JOIN changes c ON c.code IS NOT DISTINCT FROM a.code AND c.month = m.month_start
        GROUP BY m.month_start, a.code, a.name, a.before
     )
     SELECT to_char(month_start, 'YYYY-MM') AS month, code, name, designated::int AS designated, reporting::int AS reporting
       FROM counted WHERE designated > 0
      ORDER BY month_start, code`,
  );
}

/** From the records: each designated village probed in the per-type monthly report counts. */
async function fromRecords(db: SqlExecutor, level: AreaLevel | null, filter: AnalyticsFilter): Promise<CountedRow[]> {
  const area = level ? areaColumns(level) : null;
  const areaSelect = area
    ? sql`${area.code} AS code, ${area.name} AS name,`
    : raw('NULL::text AS code, NULL::text AS name,');
  return select<CountedRow>(
    db,
    sql`WITH ${filterCte(filter)}, ${MONTHS_CTE},
     designated AS (
       SELECT DISTINCT m.month_start, g.village_id, ${areaSelect} 1 AS one
         FROM months m
         CROSS JOIN f
         -- Active on at least one day of the month, by the status history.
         JOIN designation_active_span g ON g.first_day < m.next_month AND (g.end_day IS NULL OR g.end_day > m.month_start)
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
  );
}
