import { useQuery } from 'urql';
import { graphql } from '@binaan/client';
import { type DashboardFilters, toAnalyticsFilter, trendRange } from '../../lib/filters/url-filters';

export const ReportsPageQuery = graphql(`
  query ReportsPage($filter: AnalyticsFilter!, $trend: AnalyticsFilter!, $open: VillageReportFilter!) {
    byRegencyType: reportStats(groupBy: [REGENCY, TYPE], filter: $filter) {
      computedAt
      rows { regency { code name } type reports }
    }
    byRegencyStatus: reportStats(groupBy: [REGENCY, STATUS], filter: $filter) {
      rows { regency { code name } status reports }
    }
    byRegency: reportStats(groupBy: [REGENCY], filter: $filter) {
      rows { regency { code name } reports followedUp medianDaysToFollowUp }
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

export function useReports(filters: DashboardFilters) {
  const filter = toAnalyticsFilter(filters);
  const trend = toAnalyticsFilter(filters, trendRange(filters.period));
  const open = { area: filter.area, variants: filter.variants, open: true };
  const [result, reexecute] = useQuery({ query: ReportsPageQuery, variables: { filter, trend, open } });
  return { ...result, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}
