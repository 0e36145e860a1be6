// Report statistics: counts by any combination of area, type, status and month, read from the report
// rollup (packages/db/rollups/reports.sql), with the median days from submission to follow-up.
import { rollupCodes, type SqlExecutor } from '@binaan/db';
import { nextMonth, type ReportStatus, type ReportType, slicePeriod } from '@binaan/domain';
import {
  type AnalyticsFilter,
  type AreaLevel,
  areaPredicate,
  dayStart,
  filterCte,
  reportTypePredicate,
  variantPredicate,
  VILLAGE_JOINS,
} from './filter.js';
import {
  atGrain,
  atLevel,
  PLANNED_ALONE,
  rollupAreaJoins,
  rollupAreaRestriction,
  type RollupGrain,
  type RollupLevel,
  rollupLevel,
  rollupVariantPredicate,
} from './rollups.js';
import { empty, join, raw, select, type Sql, sql } from './sql.js';

const { PROVINCE, DISTRICT } = rollupCodes.areaLevel;

export type ReportDimension = 'PROVINCE' | 'REGENCY' | 'DISTRICT' | 'TYPE' | 'STATUS' | 'MONTH';

export interface ReportStatsRow {
  province: { code: string; name: string } | null;
  regency: { code: string; name: string } | null;
  district: { code: string; name: string } | null;
  type: ReportType | null;
  status: ReportStatus | null;
  /** `YYYY-MM`, in WIB. */
  month: string | null;
  reports: number;
  /** Reports that have been followed up (the sample of the median). */
  followedUp: number;
  /** Reports REJECTED: never followed up, so out of the follow-up rate's denominator. */
  rejected: number;
  /** Computed only when asked for: it needs the reports themselves, not the rollup. */
  medianDaysToFollowUp: () => Promise<number | null>;
}

const areaLevels: ReportDimension[] = ['PROVINCE', 'REGENCY', 'DISTRICT'];

const dimensionColumns: Record<ReportDimension, string[]> = {
  PROVINCE: ['province_code', 'province_name'],
  REGENCY: ['regency_code', 'regency_name'],
  DISTRICT: ['district_code', 'district_name'],
  TYPE: ['type'],
  STATUS: ['status'],
  MONTH: ['month'],
};

type RollupTable = 'report_rollup' | 'report_total_rollup' | 'report_status_total';

/**
 * Where the counts come from: with no period and no months, report_status_total (all time per area,
 * variant, type and status); otherwise report_total_rollup (per area and period alone) when nothing asks
 * for the variant, type or status, report_rollup when something does. Each is far fewer rows to add up
 * than the next: nationally, all time by status is 5,000 rows instead of 64,000 (0.5 s).
 */
function rollupTable(dimensions: ReportDimension[], filter: AnalyticsFilter): RollupTable {
  if (!filter.from && !filter.to && !dimensions.includes('MONTH')) return 'report_status_total';
  const needsDetail =
    dimensions.includes('TYPE') ||
    dimensions.includes('STATUS') ||
    filter.variants?.length ||
    filter.reportTypes?.length;
  return needsDetail ? 'report_rollup' : 'report_total_rollup';
}

/** The rollup rows in the period, as one UNION ALL of index range scans. */
function rollupRowsInPeriod(table: RollupTable, level: RollupLevel, filter: AnalyticsFilter): Sql {
  if (table === 'report_status_total') {
    return sql`SELECT x.area_id, ${detailColumns}, NULL::date AS period_start, x.reports, x.followed_up
      FROM report_status_total x WHERE ${atLevel(level)} AND ${rollupAreaRestriction(level, filter)}
      ${PLANNED_ALONE}`;
  }
  const day = (value: string) => sql`${value}::date`;
  const { months, days } = slicePeriod(filter.from, filter.to);
  const areas = rollupAreaRestriction(level, filter);
  const parts: Sql[] = [];
  if (months) {
    const range = [
      months.from && sql`x.period_start >= ${day(months.from)}`,
      months.to && sql`x.period_start < ${day(months.to)}`,
    ];
    parts.push(rollupSelect(table, rollupCodes.grain.MONTH, level, range, areas));
  }
  for (const slice of days) {
    const range = [
      slice.from && sql`x.period_start >= ${day(slice.from)}`,
      slice.to && sql`x.period_start <= ${day(slice.to)}`,
    ];
    parts.push(rollupSelect(table, rollupCodes.grain.DAY, level, range, areas));
  }
  return sql`${join(parts, '\n UNION ALL\n')}\n ${PLANNED_ALONE}`;
}

/** The detail columns of report_rollup and report_status_total rows. */
const detailColumns = raw(
  "x.variant, x.type::text AS type, x.status::text AS status, CASE WHEN x.status = 'REJECTED' THEN x.reports ELSE 0 END AS rejected",
);

function rollupSelect(
  table: 'report_rollup' | 'report_total_rollup',
  grain: RollupGrain,
  level: RollupLevel,
  range: (Sql | null | '' | undefined)[],
  areas: Sql,
): Sql {
  const detail =
    table === 'report_rollup'
      ? detailColumns
      : raw("'' AS variant, NULL::text AS type, NULL::text AS status, x.rejected");
  const bounds = range.filter((part): part is Sql => Boolean(part));
  return sql`SELECT x.area_id, ${detail}, x.period_start, x.reports, x.followed_up
    FROM ${raw(table)} x WHERE ${join([atGrain(grain), atLevel(level), areas, ...bounds], ' AND ')}`;
}

export async function reportStats(
  db: SqlExecutor,
  groupBy: ReportDimension[],
  filter: AnalyticsFilter,
): Promise<ReportStatsRow[]> {
  const dimensions = [...new Set(groupBy)];
  const columns = dimensions.flatMap((dimension) => dimensionColumns[dimension]);
  const selected = columns.length ? raw(`${columns.join(', ')},`) : empty;
  const grouping = columns.length ? raw(`GROUP BY ${columns.join(', ')} ORDER BY ${columns.join(', ')}`) : empty;
  const level = rollupLevel(
    filter,
    dimensions.filter((dimension): dimension is AreaLevel => areaLevels.includes(dimension)),
  );
  const rows = await select<Record<string, string | number | null>>(
    db,
    sql`WITH ${filterCte(filter)},
     counted AS (
       SELECT p.code AS province_code, p.name AS province_name,
              ${raw(level === PROVINCE ? 'NULL' : 'r.code')} AS regency_code, ${raw(level === PROVINCE ? 'NULL' : 'r.name')} AS regency_name,
              ${raw(level === DISTRICT ? 'dist.code' : 'NULL')} AS district_code, ${raw(level === DISTRICT ? 'dist.name' : 'NULL')} AS district_name,
              x.type, x.status, to_char(x.period_start, 'YYYY-MM') AS month,
              x.reports, x.followed_up, x.rejected
         FROM (${rollupRowsInPeriod(rollupTable(dimensions, filter), level, filter)}) x
         ${rollupAreaJoins[level]}
         CROSS JOIN f
        WHERE ${areaPredicate(filter)}
          AND ${rollupVariantPredicate(filter)}
          AND ${reportTypePredicate(filter, 'x')}
     )
     SELECT ${selected} COALESCE(SUM(reports), 0)::int AS reports, COALESCE(SUM(followed_up), 0)::int AS followed_up,
            COALESCE(SUM(rejected), 0)::int AS rejected
       FROM counted
     ${grouping}`,
  );
  // Rollup rows can sum to zero once reports are deleted; the ungrouped total is always one row.
  const nonEmpty = columns.length ? rows.filter((row) => Number(row.reports) > 0) : rows;
  const medians = lazy(() => medianDaysToFollowUp(db, columns, filter));
  const has = Object.fromEntries(dimensions.map((dimension) => [dimension, true])) as Partial<
    Record<ReportDimension, true>
  >;
  const area = (row: Record<string, string | number | null>, prefix: string) => ({
    code: String(row[`${prefix}_code`]),
    name: String(row[`${prefix}_name`]),
  });
  // Hundreds of rows per answer: each row's key for the median is made only if the median is asked for.
  const medianOf = (row: Record<string, unknown>) => async () => (await medians()).get(groupKey(columns, row)) ?? null;
  return nonEmpty.map((row) => ({
    province: has.PROVINCE ? area(row, 'province') : null,
    regency: has.REGENCY ? area(row, 'regency') : null,
    district: has.DISTRICT ? area(row, 'district') : null,
    // The database's enum values, which a test in @binaan/db ties to the domain's lists.
    type: has.TYPE ? (String(row.type) as ReportType) : null,
    status: has.STATUS ? (String(row.status) as ReportStatus) : null,
    month: has.MONTH ? String(row.month) : null,
    reports: Number(row.reports),
    followedUp: Number(row.followed_up),
    rejected: Number(row.rejected),
    medianDaysToFollowUp: medianOf(row),
  }));
}

const groupKey = (columns: string[], row: Record<string, unknown>) =>
  JSON.stringify(columns.map((column) => row[column] ?? null));

/** Runs `load` once, on first call, and shares its promise. */
function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= load());
}

/**
 * The median needs every followed-up report's duration, which no count can give; it is one statement
 * for all rows, run only when a query selects it.
 */
async function medianDaysToFollowUp(
  db: SqlExecutor,
  columns: string[],
  filter: AnalyticsFilter,
): Promise<Map<string, number | null>> {
  const selected = columns.length ? raw(`${columns.join(', ')},`) : empty;
  const grouping = columns.length ? raw(`GROUP BY ${columns.join(', ')}`) : empty;
  const rows = await select<Record<string, string | number | null>>(
    db,
    sql`WITH ${filterCte(filter)},
     followed AS (
       SELECT rep.type::text AS type, rep.status::text AS status,
              p.code AS province_code, p.name AS province_name, r.code AS regency_code, r.name AS regency_name,
              dist.code AS district_code, dist.name AS district_name,
              to_char(rep.submitted_at AT TIME ZONE f.tz, 'YYYY-MM') AS month,
              EXTRACT(EPOCH FROM rep.followed_up_at - rep.submitted_at) / 86400 AS days
         FROM village_report rep
         JOIN village v ON v.id = rep.village_id ${VILLAGE_JOINS}
         -- Only to filter by variant: without it, the reports are read from their (submitted_at, village_id,
         -- followed_up_at) index alone, not from the table (this month's medians nationally: 180 -> 40 ms).
         ${filter.variants?.length ? raw('LEFT JOIN designation g ON g.id = rep.designation_id') : empty}
         CROSS JOIN f
        WHERE rep.followed_up_at IS NOT NULL
          AND ${areaPredicate(filter)} AND ${variantPredicate(filter)} AND ${reportTypePredicate(filter)}
          -- Bounds written out, not "f.date_from IS NULL OR …": that form hides them from the planner,
          -- which then read all 5 M reports for this month's medians (0.84 s) instead of its days.
          AND ${filter.from ? sql`rep.submitted_at >= ${dayStart(sql`${filter.from}::date`)}` : raw('TRUE')}
          AND ${filter.to ? sql`rep.submitted_at < ${dayStart(sql`(${filter.to}::date + 1)`)}` : raw('TRUE')}
     )
     SELECT ${selected} percentile_cont(0.5) WITHIN GROUP (ORDER BY days) AS median_days
       FROM followed ${grouping}`,
  );
  return new Map(
    rows.map((row) => [groupKey(columns, row), row.median_days === null ? null : Number(row.median_days)]),
  );
}

/**
 * A monthly series with its empty months: every month of the period (or, without one, from the first to
 * the last month with reports) for every group the rows have, with 0 where nothing came in. Ordered as
 * the statement orders them: by the dimensions in the order asked for.
 */
export function withEmptyMonths(
  rows: ReportStatsRow[],
  groupBy: ReportDimension[],
  filter: Pick<AnalyticsFilter, 'from' | 'to'>,
): ReportStatsRow[] {
  if (!groupBy.includes('MONTH')) return rows;
  const seen = rows.map((row) => row.month!).sort();
  const first = filter.from?.slice(0, 7) ?? seen[0];
  const last = filter.to?.slice(0, 7) ?? seen.at(-1);
  if (!first || !last) return rows;
  const months: string[] = [];
  for (let month = first; month <= last; month = nextMonth(month)) months.push(month);
  const groupOf = (row: ReportStatsRow) =>
    JSON.stringify([row.province?.code, row.regency?.code, row.district?.code, row.type, row.status]);
  const groups = new Map<string, ReportStatsRow>();
  for (const row of rows) if (!groups.has(groupOf(row))) groups.set(groupOf(row), row);
  // A filter with no rows at all still has its months, for the one group of the dimensions asked for.
  if (groups.size === 0 && groupBy.every((dimension) => dimension === 'MONTH')) {
    groups.set(
      '[]',
      emptyRow({ province: null, regency: null, district: null, type: null, status: null, month: null }),
    );
  }
  const byKey = new Map(rows.map((row) => [`${groupOf(row)}|${row.month}`, row]));
  const filled = [...groups.values()].flatMap((group) =>
    months.map((month) => byKey.get(`${groupOf(group)}|${month}`) ?? emptyRow({ ...group, month })),
  );
  const sortKey: Record<ReportDimension, (row: ReportStatsRow) => string> = {
    PROVINCE: (row) => row.province?.code ?? '',
    REGENCY: (row) => row.regency?.code ?? '',
    DISTRICT: (row) => row.district?.code ?? '',
    TYPE: (row) => row.type ?? '',
    STATUS: (row) => row.status ?? '',
    MONTH: (row) => row.month ?? '',
  };
  const dimensions = [...new Set(groupBy)];
  return filled.sort((a, b) => {
    for (const dimension of dimensions) {
      const [left, right] = [sortKey[dimension](a), sortKey[dimension](b)];
      if (left !== right) return left < right ? -1 : 1;
    }
    return 0;
  });
}

function emptyRow(row: Pick<ReportStatsRow, 'province' | 'regency' | 'district' | 'type' | 'status' | 'month'>) {
  return {
    ...row,
    reports: 0,
    followedUp: 0,
    rejected: 0,
    medianDaysToFollowUp: async () => null,
  } satisfies ReportStatsRow;
}
