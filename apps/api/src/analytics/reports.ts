// Report statistics: counts by any combination of area, type, status and month, with the median days
// from submission to follow-up.
import type { SqlExecutor } from '@binaan/db';
import {
  type AnalyticsFilter,
  areaPredicate,
  dayStart,
  FILTER_CTE,
  filterParams,
  reportTypePredicate,
  variantPredicate,
  VILLAGE_JOINS,
} from './filter.js';

export type ReportDimension = 'PROVINCE' | 'REGENCY' | 'DISTRICT' | 'TYPE' | 'STATUS' | 'MONTH';

export interface ReportStatsRow {
  province: { code: string; name: string } | null;
  regency: { code: string; name: string } | null;
  district: { code: string; name: string } | null;
  type: string | null;
  status: string | null;
  /** `YYYY-MM`, in WIB. */
  month: string | null;
  reports: number;
  /** Reports that have been followed up (the sample of the median). */
  followedUp: number;
  medianDaysToFollowUp: number | null;
}

const dimensionColumns: Record<ReportDimension, string[]> = {
  PROVINCE: ['province_code', 'province_name'],
  REGENCY: ['regency_code', 'regency_name'],
  DISTRICT: ['district_code', 'district_name'],
  TYPE: ['type'],
  STATUS: ['status'],
  MONTH: ['month'],
};

/** Reports inside the filter, one row each, with what the statistics group and measure. */
export const filteredReports = (filter: AnalyticsFilter) => `filtered_reports AS (
  SELECT rep.id, rep.village_id, rep.type::text AS type, rep.status::text AS status, rep.submitted_at,
         p.code AS province_code, p.name AS province_name, r.code AS regency_code, r.name AS regency_name,
         dist.code AS district_code, dist.name AS district_name,
         to_char(rep.submitted_at AT TIME ZONE f.tz, 'YYYY-MM') AS month
    FROM village_report rep
    JOIN village v ON v.id = rep.village_id ${VILLAGE_JOINS}
    LEFT JOIN designation g ON g.id = rep.designation_id
    CROSS JOIN f
   WHERE ${areaPredicate(filter)}
     AND ${variantPredicate(filter)}
     AND ${reportTypePredicate(filter)}
     AND (f.date_from IS NULL OR rep.submitted_at >= ${dayStart('f.date_from')})
     AND (f.date_to IS NULL OR rep.submitted_at < ${dayStart('(f.date_to + 1)')})
)`;

export async function reportStats(sql: SqlExecutor, groupBy: ReportDimension[], filter: AnalyticsFilter): Promise<ReportStatsRow[]> {
  const dimensions = [...new Set(groupBy)];
  const columns = dimensions.flatMap((dimension) => dimensionColumns[dimension]);
  const select = columns.length ? `${columns.join(', ')},` : '';
  const grouping = columns.length ? `GROUP BY ${columns.join(', ')} ORDER BY ${columns.join(', ')}` : '';
  const rows = await sql.query<Record<string, string | number | null>>(
    `WITH ${FILTER_CTE}, ${filteredReports(filter)},
     with_follow_up AS (
       SELECT fr.*, (SELECT MIN(t.changed_at) FROM report_status_transition t
                      WHERE t.report_id = fr.id AND t.to_status = 'FOLLOWED_UP') AS followed_up_at
         FROM filtered_reports fr
     )
     SELECT ${select} COUNT(*)::int AS reports, COUNT(followed_up_at)::int AS followed_up,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM followed_up_at - submitted_at) / 86400)
              FILTER (WHERE followed_up_at IS NOT NULL) AS median_days
       FROM with_follow_up
     ${grouping}`,
    filterParams(filter),
  );
  const has = (dimension: ReportDimension) => dimensions.includes(dimension);
  const area = (row: Record<string, string | number | null>, prefix: string) => ({
    code: String(row[`${prefix}_code`]),
    name: String(row[`${prefix}_name`]),
  });
  return rows.map((row) => ({
      province: has('PROVINCE') ? area(row, 'province') : null,
      regency: has('REGENCY') ? area(row, 'regency') : null,
      district: has('DISTRICT') ? area(row, 'district') : null,
      type: has('TYPE') ? String(row.type) : null,
      status: has('STATUS') ? String(row.status) : null,
      month: has('MONTH') ? String(row.month) : null,
      reports: Number(row.reports),
      followedUp: Number(row.followed_up),
    medianDaysToFollowUp: row.median_days === null ? null : Number(row.median_days),
  }));
}
