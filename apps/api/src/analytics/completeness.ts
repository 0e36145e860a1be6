// Reporting completeness: of the villages designated (and active) in a month, how many sent at least
// one report that month (from the completeness rollup, or with a report-type filter from the
// per-village monthly report counts). A month the period cuts (it starts after the 1st or ends before
// the last day) counts only the period's days, from the designations' history and the reports of those
// days: one period rule for every figure (docs/analysts.md).
import type { SqlExecutor } from '@binaan/db';
import { addDays, lastDayOfMonth, slicePeriod } from '@binaan/domain';
import {
  areaPredicate,
  dayStart,
  type AnalyticsFilter,
  type AreaLevel,
  areaColumns,
  filterCte,
  reportTypePredicate,
  variantPredicate,
  VILLAGE_JOINS,
} from './filter.js';
import {
  atLevel,
  rollupAreaJoins,
  rollupAreaRestriction,
  rollupChangesUpTo,
  rollupLevel,
  variantSetPredicate,
} from './rollups.js';
import { join, raw, select, sql } from './sql.js';

export interface CompletenessRow {
  /** `YYYY-MM`, in WIB. */
  month: string;
  /** The days of the month counted (WIB, both included): the whole month unless the period cuts it. */
  from: string;
  to: string;
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
  const cut = cutMonths(filter);
  const days = await Promise.all(cut.map((window) => fromDays(db, level, filter, window)));
  const whole = rows.filter((row) => !cut.some((window) => window.month === row.month));
  return [...whole.map((row) => ({ ...row, ...monthDays(row.month) })), ...days.flat()]
    .sort((a, b) => a.month.localeCompare(b.month) || (a.code ?? '').localeCompare(b.code ?? ''))
    .map((row) => ({
      month: row.month,
      from: row.from,
      to: row.to,
      area: level && row.code ? { level, code: row.code, name: row.name ?? '' } : null,
      designatedVillages: row.designated,
      reportingVillages: row.reporting,
    }));
}

interface DayWindow {
  month: string;
  from: string;
  to: string;
}

const monthDays = (month: string) => ({ from: `${month}-01`, to: lastDayOfMonth(month) });

/** The months the period's first or last day cuts, with the days of them it covers. */
function cutMonths(filter: AnalyticsFilter): DayWindow[] {
  const windows: DayWindow[] = [];
  const { from, to } = filter;
  if (from && !from.endsWith('-01')) {
    const month = from.slice(0, 7);
    windows.push({ month, from, to: to && to.slice(0, 7) === month ? to : lastDayOfMonth(month) });
  }
  if (to && to !== lastDayOfMonth(to.slice(0, 7)) && !windows.some((window) => window.month === to.slice(0, 7))) {
    const month = to.slice(0, 7);
    windows.push({ month, from: from && from > `${month}-01` ? from : `${month}-01`, to });
  }
  return windows;
}

/** A month the period cuts, over its days only. */
async function fromDays(
  db: SqlExecutor,
  level: AreaLevel | null,
  filter: AnalyticsFilter,
  window: DayWindow,
): Promise<(CountedRow & { from: string; to: string })[]> {
  const rows = await completenessOverDays(db, level, filter, window);
  return rows.map((row) => ({ ...row, month: window.month, from: window.from, to: window.to }));
}

/**
 * Completeness over any span of days (both included): villages ACTIVE on at least one of them (by the
 * status history), and of those the ones that sent a report (of the filter's types) on one of them. A
 * month's first days without a type filter (the overview's periods) come from the day rollup; otherwise
 * the villages that reported (whole months from the per-village monthly counts, the days at either end
 * from the reports' index) are one set joined to the designated ones.
 */
export async function completenessOverDays(
  db: SqlExecutor,
  level: AreaLevel | null,
  filter: AnalyticsFilter,
  days: { from: string; to: string },
): Promise<Omit<CountedRow, 'month'>[]> {
  const firstDaysOfAMonth = days.from.endsWith('-01') && days.to.slice(0, 7) === days.from.slice(0, 7);
  if (firstDaysOfAMonth && !filter.reportTypes?.length) return overFirstDaysFromRollup(db, level, filter, days);
  const area = level ? areaColumns(level) : null;
  const areaSelect = area
    ? sql`${area.code} AS code, ${area.name} AS name,`
    : raw('NULL::text AS code, NULL::text AS name,');
  const slices = slicePeriod(days.from, days.to);
  // The villages that reported in the span, as one set joined to the designated ones: probing each
  // designated village's reports took 1.6 s nationally for a week, the set 0.13 s (EXPLAIN ANALYZE).
  const reportedIn = [
    ...(slices.months
      ? [
          sql`SELECT vm.village_id FROM village_month_report vm CROSS JOIN f
               WHERE vm.reports > 0 AND ${reportTypePredicate(filter, 'vm')}
                 AND vm.month >= ${slices.months.from}::date AND vm.month < ${slices.months.to}::date`,
        ]
      : []),
    ...slices.days.map(
      (edge) => sql`SELECT rep.village_id FROM village_report rep CROSS JOIN f
               WHERE ${reportTypePredicate(filter)}
                 AND rep.submitted_at >= ${dayStart(sql`${edge.from}::date`)}
                 AND rep.submitted_at < ${dayStart(sql`${addDays(edge.to!, 1)}::date`)}`,
    ),
  ];
  return select<Omit<CountedRow, 'month'>>(
    db,
    sql`WITH ${filterCte(filter)},
     designated AS (
       SELECT DISTINCT g.village_id, ${areaSelect} 1 AS one
         FROM designation_active_span g
         JOIN village v ON v.id = g.village_id ${VILLAGE_JOINS}
         CROSS JOIN f
        WHERE g.first_day <= ${days.to}::date AND (g.end_day IS NULL OR g.end_day > ${days.from}::date)
          AND ${areaPredicate(filter)} AND ${variantPredicate(filter)}
     ),
     reported AS (SELECT DISTINCT village_id FROM (${join(reportedIn, ' UNION ALL ')}) reports_in_span)
     SELECT d.code, d.name, COUNT(*)::int AS designated, COUNT(r.village_id)::int AS reporting
       FROM designated d LEFT JOIN reported r ON r.village_id = d.village_id
      GROUP BY d.code, d.name
      ORDER BY d.code`,
  );
}

/**
 * Completeness over days 1..d of one month, from the rollups (packages/db/rollups/coverage.sql): the
 * villages ACTIVE on the 1st plus those that entered by day d, and those whose first day both ACTIVE and
 * having reported is at most d. The same figures as the records give (test/completeness-rollup.test.ts),
 * in 2-4 ms nationally instead of 150 (npm run explain:overview -w @binaan/bench).
 */
async function overFirstDaysFromRollup(
  db: SqlExecutor,
  level: AreaLevel | null,
  filter: AnalyticsFilter,
  days: { from: string; to: string },
): Promise<Omit<CountedRow, 'month'>[]> {
  const rollup = rollupLevel(filter, level ? [level] : []);
  const area = level ? areaColumns(level) : { code: raw('NULL::text'), name: raw('NULL::text') };
  const where = sql`${atLevel(rollup)} AND ${rollupAreaRestriction(rollup, filter)} AND ${variantSetPredicate(filter)}`;
  return select<Omit<CountedRow, 'month'>>(
    db,
    sql`WITH ${filterCte(filter)},
     active_on_first AS (
       SELECT ${area.code} AS code, ${area.name} AS name, SUM(x.villages) AS villages
         FROM (${rollupChangesUpTo('designated_village_rollup', where, { to: days.from })}) x ${rollupAreaJoins[rollup]} CROSS JOIN f
        WHERE ${areaPredicate(filter)}
        GROUP BY 1, 2
     ),
     by_day AS (
       SELECT ${area.code} AS code, ${area.name} AS name, SUM(x.entered) AS entered, SUM(x.reporting) AS reporting
         FROM completeness_day_rollup x ${rollupAreaJoins[rollup]} CROSS JOIN f
        WHERE ${where} AND x.day >= ${days.from}::date AND x.day <= ${days.to}::date AND ${areaPredicate(filter)}
        GROUP BY 1, 2
     ),
     counted AS (
       SELECT code, name, SUM(villages)::int AS designated, SUM(reporting)::int AS reporting
         FROM (SELECT code, name, villages, 0 AS reporting FROM active_on_first
               UNION ALL SELECT code, name, entered, reporting FROM by_day) both_parts
        GROUP BY code, name
     )
     SELECT code, name, designated, reporting FROM counted WHERE designated > 0 ORDER BY code`,
  );
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
