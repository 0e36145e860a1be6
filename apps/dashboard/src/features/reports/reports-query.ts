import { useQuery } from 'urql';
import { graphql } from '@binaan/client';
import { type DashboardFilters, levelFor, toAnalyticsFilter, trendRange } from '../../lib/filters/url-filters';

export const ReportsPageQuery = graphql(`
  query ReportsPage(
    $level: ReportDimension!
    $filter: AnalyticsFilter!
    $trend: AnalyticsFilter!
    $open: VillageReportFilter!
  ) {
    byAreaType: reportStats(groupBy: [$level, TYPE], filter: $filter) {
      computedAt
      rows { province { code name } regency { code name } district { code name } type reports }
    }
    byAreaStatus: reportStats(groupBy: [$level, STATUS], filter: $filter) {
      rows { province { code name } regency { code name } district { code name } status reports }
    }
    byArea: reportStats(groupBy: [$level], filter: $filter) {
      rows { province { code } regency { code } district { code } reports followedUp medianDaysToFollowUp }
    }
    trend: reportStats(groupBy: [MONTH], filter: $trend) {
      rows { month reports followedUp }
    }
    openReports: reports(first: 50, filter: $open, orderBy: { field: SUBMITTED_AT, direction: ASC }) {
      totalCount
      edges { node { id type status ageDays submittedAt village { code name } regency { name } } }
    }
  }
`);

/** The area a row of the page's report statistics is about, at the page's level. */
export function areaOfRow(row: {
  province?: { code: string; name?: string } | null;
  regency?: { code: string; name?: string } | null;
  district?: { code: string; name?: string } | null;
}): { code: string; name: string } {
  const area = row.district ?? row.regency ?? row.province;
  return { code: area?.code ?? '', name: area?.name ?? '' };
}

/** The page's variables for these filters (also what the benchmark sends as this page). */
export function reportsPageVariables(filters: DashboardFilters) {
  const filter = toAnalyticsFilter(filters);
  const trend = toAnalyticsFilter(filters, trendRange(filters.period));
  const open = { area: filter.area, variants: filter.variants, open: true };
  // Nationally one row per province, then a province's kabupaten/kota, then a kabupaten/kota's kecamatan:
  // 514 stacked bars are neither readable nor quick to draw.
  return { level: levelFor(filters), filter, trend, open };
}

export function useReports(filters: DashboardFilters) {
  const [result, reexecute] = useQuery({ query: ReportsPageQuery, variables: reportsPageVariables(filters) });
  return { ...result, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}
