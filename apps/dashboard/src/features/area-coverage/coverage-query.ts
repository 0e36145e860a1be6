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
      designations { projected low high target status }
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

export function useCoverage(filters: DashboardFilters) {
  const filter = toAnalyticsFilter(filters);
  // Villages are listed nationwide by the API; a user limited to an area gets the list for that area.
  const { me } = useSession();
  const ownArea = me?.permissions.regencyCodes;
  const area = ownArea && !filter.area.regencyCodes ? { ...filter.area, regencyCodes: ownArea } : filter.area;
  const [result, reexecute] = useQuery({
    query: CoveragePageQuery,
    variables: {
      groupBy: levelFor(filters),
      filter,
      area,
      ...forecastVariables(levelFor(filters), periodRange(filters.period).to),
    },
  });
  return { ...result, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}
