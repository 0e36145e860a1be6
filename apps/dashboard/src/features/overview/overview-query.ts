import { useQuery } from 'urql';
import { type DashboardFilters, levelFor, toAnalyticsFilter, trendRange } from '../../lib/filters/url-filters';
import { graphql } from '@binaan/client';

/** Everything the overview shows, in one round trip. */
export const OverviewPageQuery = graphql(`
  query OverviewPage(
    $level: AreaLevel!
    $filter: AnalyticsFilter!
    $trend: AnalyticsFilter!
    $signals: SignalFilter!
  ) {
    overview(filter: $filter) {
      computedAt
      period { from to partial }
      previousPeriod { from to }
      designatedVillages { current previous change }
      coverage { current { numerator denominator rate } previous { numerator denominator rate } }
      targetAttainment { current { numerator denominator rate } previous { numerator denominator rate } }
      reports { current previous change }
      reportingCompleteness { current { numerator denominator rate } previous { numerator denominator rate } }
      membersFullyTrained { current { numerator denominator rate } previous { numerator denominator rate } }
    }
    coverage(groupBy: $level, filter: $filter) {
      computedAt
      rows { area { code name } villages designatedVillages coverage { numerator denominator rate } }
    }
    reportStats(groupBy: [MONTH, TYPE], filter: $trend) {
      rows { month type reports }
    }
    trainingCompletion(groupBy: $level, filter: $filter) {
      rows { area { code name } members completedAll { numerator denominator rate } }
    }
    signals(filter: $signals, first: 5) {
      id weekStart type observed expected score regency { code name }
    }
  }
`);

/**
 * The page's variables for these filters (also what the benchmark sends as this page). Its charts are
 * one level below the filters, as every page's: provinces nationally, a province's kabupaten/kota (also
 * a Kanwil's or a Kanim's own), a kabupaten/kota's kecamatan.
 */
export function overviewPageVariables(filters: DashboardFilters) {
  const filter = toAnalyticsFilter(filters);
  const trend = toAnalyticsFilter(filters, trendRange(filters.period));
  // The open early-warning signals of the same areas, strongest of the latest week first.
  const signals = { area: filter.area, statuses: ['NEW' as const, 'ACKNOWLEDGED' as const] };
  return { level: levelFor(filters), filter, trend, signals };
}

export function useOverview(filters: DashboardFilters) {
  const [result, reexecute] = useQuery({ query: OverviewPageQuery, variables: overviewPageVariables(filters) });
  return { ...result, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}
