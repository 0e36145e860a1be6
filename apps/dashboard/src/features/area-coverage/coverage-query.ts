import { useQuery } from 'urql';
import { graphql } from '@binaan/client';
import { useSession } from '../../lib/session';
import { type DashboardFilters, levelFor, periodRange, toAnalyticsFilter } from '../../lib/filters/url-filters';
import { forecastVariables } from '../../components/ui/projection';

export const CoveragePageQuery = graphql(`
  query CoveragePage(
    $groupBy: AreaLevel!
    $filter: AnalyticsFilter!
    $area: AreaFilter
    $withForecast: Boolean!
    $forecastLevel: RegionLevel!
    $year: Int!
  ) {
    coverage(groupBy: $groupBy, filter: $filter) {
      computedAt
      rows {
        area { level code name }
        villages
        designatedVillages
        target
        coverage { numerator denominator rate }
        targetAttainment { numerator denominator rate }
      }
      total { villages designatedVillages target coverage { rate } targetAttainment { rate } }
    }
    forecastToTarget(groupBy: $forecastLevel, year: $year, filter: $filter) @include(if: $withForecast) {
      area { code }
      designations { soFar projected low high target status tooEarly }
    }
    priorityVillages: villages(first: 50, filter: { area: $area, isPriority: true, designated: false }, orderBy: { field: DISTANCE_TO_OFFICE, direction: DESC }) {
      totalCount
      edges {
        node {
          code
          name
          district { name }
          regency { name }
          isLandBorder
          isSeaBorder
          isMigrantWorkerSendingArea
          distanceToOfficeKm
        }
      }
    }
  }
`);

/**
 * The page's variables for these filters (also what the benchmark sends as this page). Villages are
 * listed nationwide by the API; a user limited to an area (`ownRegencies`) gets the list for that area.
 */
export function coveragePageVariables(filters: DashboardFilters, ownRegencies: string[] | null | undefined) {
  const filter = toAnalyticsFilter(filters);
  const area = ownRegencies && !filter.area.regencyCodes ? { ...filter.area, regencyCodes: ownRegencies } : filter.area;
  return {
    groupBy: levelFor(filters),
    filter,
    area,
    ...forecastVariables(levelFor(filters), periodRange(filters.period).to),
  };
}

export function useCoverage(filters: DashboardFilters) {
  const { me } = useSession();
  const [result, reexecute] = useQuery({
    query: CoveragePageQuery,
    variables: coveragePageVariables(filters, me?.permissions.regencyCodes),
  });
  return { ...result, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}
