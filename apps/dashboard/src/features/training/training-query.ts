import { graphql } from '@binaan/client';
import { traineeRoles } from '@binaan/domain';
import { useQuery } from 'urql';
import { levelFor, periodRange } from '../../lib/filters/url-filters';
import { forecastVariables } from '../../components/ui/projection';
import { type DashboardFilters, toAnalyticsFilter } from '../../lib/filters/url-filters';

export const TrainingPageQuery = graphql(`
  query TrainingPage(
    $groupBy: AreaLevel!
    $filter: AnalyticsFilter!
    $members: TaskForceMemberFilter!
    $withForecast: Boolean!
    $forecastLevel: RegionLevel!
    $year: Int!
  ) {
    trainingCompletion(groupBy: $groupBy, filter: $filter) {
      computedAt
      rows {
        area { code name }
        members
        completedAll { numerator denominator rate }
        modules { module { code name } completed { numerator denominator rate } }
      }
      total {
        members
        completedAll { numerator denominator rate }
        modules { module { code name } completed { numerator denominator rate } }
      }
    }
    missing: taskForceMembers(first: 50, filter: $members, orderBy: { field: JOINED_ON, direction: ASC }) {
      totalCount
      edges {
        node {
          id
          role
          fullName
          joinedOn
          completedModules { code }
          taskForce { designation { village { code name regency { name } } } }
        }
      }
    }
    trainingModules { code name }
    forecastToTarget(groupBy: $forecastLevel, year: $year, filter: $filter) @include(if: $withForecast) {
      area { code }
      membersTrained { soFar projected low high target status tooEarly }
    }
  }
`);

/** The page's variables for these filters (also what the benchmark sends as this page). */
export function trainingPageVariables(filters: DashboardFilters) {
  const filter = toAnalyticsFilter(filters);
  // The immigration officer trains the task force and is not counted among its trainees.
  const members = { area: filter.area, current: true, incompleteTraining: true, roles: [...traineeRoles] };
  return {
    groupBy: levelFor(filters),
    filter,
    members,
    ...forecastVariables(levelFor(filters), periodRange(filters.period).to),
  };
}

export function useTraining(filters: DashboardFilters) {
  const [result, reexecute] = useQuery({ query: TrainingPageQuery, variables: trainingPageVariables(filters) });
  return { ...result, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}
