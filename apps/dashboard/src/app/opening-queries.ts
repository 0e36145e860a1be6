// The query each analytics page opens with, from its address and the caller's own kabupaten/kota. Two
// readers must agree on it: the router starts it while the page's code is still loading (router.tsx),
// and the benchmark sends it as the page (scripts/page-requests.ts). The page's own hook builds the same
// variables, so urql finds its query already asked for or answered; the browser tests count the requests
// a first load sends, so a page whose hook and this list part ways fails there.
import type { DocumentNode } from 'graphql';
import { CoveragePageQuery, coveragePageVariables } from '../features/area-coverage/coverage-query';
import { mapLevelFor, MapPageQuery, mapPageVariables } from '../features/map/map-query';
import { OverviewPageQuery, overviewPageVariables } from '../features/overview/overview-query';
import { ReportsPageQuery, reportsPageVariables } from '../features/reports/reports-query';
import { SignalsPageQuery, signalsPageVariables } from '../features/signals/signals-query';
import { TrainingPageQuery, trainingPageVariables } from '../features/training/training-query';
import { parseFilters } from '../lib/filters/url-filters';

export const ANALYTICS_PAGES = ['/ringkasan', '/peta', '/cakupan', '/laporan', '/sinyal', '/pelatihan'] as const;
export type AnalyticsPage = (typeof ANALYTICS_PAGES)[number];

export interface OpeningQuery {
  query: DocumentNode;
  variables: Record<string, unknown>;
}

/**
 * What `page` asks for when opened with these search parameters; `ownRegencies` is the caller's own
 * kabupaten/kota (a Kanwil its province's, a Kanim its own), null for a caller who sees the whole country.
 */
export function openingQuery(
  page: AnalyticsPage,
  params: URLSearchParams,
  ownRegencies: string[] | null | undefined,
  now = new Date(),
): OpeningQuery {
  const filters = parseFilters(params, now, ownRegencies);
  switch (page) {
    case '/ringkasan':
      return { query: OverviewPageQuery, variables: overviewPageVariables(filters) };
    case '/peta':
      return { query: MapPageQuery, variables: mapPageVariables(filters, mapLevelFor(filters, params)) };
    case '/cakupan':
      return { query: CoveragePageQuery, variables: coveragePageVariables(filters, ownRegencies) };
    case '/laporan':
      return { query: ReportsPageQuery, variables: reportsPageVariables(filters) };
    case '/sinyal':
      // Open signals only, as the page opens.
      return { query: SignalsPageQuery, variables: signalsPageVariables(filters, false) };
    case '/pelatihan':
      return { query: TrainingPageQuery, variables: trainingPageVariables(filters) };
  }
}
