import { useMutation, useQuery } from 'urql';
import { graphql } from '@binaan/client';
import { MutationErrorFragment } from '../../lib/mutation-error-fragment';

/** A province's work plan for a year: each kabupaten/kota's targets beside what has been reached. */
export const WorkPlanQuery = graphql(`
  query WorkPlan($province: String!, $filter: AnalyticsFilter!) {
    province(code: $province) {
      code
      name
      regencies { code name targets { year villagesToDesignate membersToTrain version } }
    }
    coverage(groupBy: REGENCY, filter: $filter) {
      computedAt
      rows { area { code } villages designatedVillages target targetAttainment { numerator denominator rate } }
    }
    trainingCompletion(groupBy: REGENCY, filter: $filter) {
      rows { area { code } members completedAll { numerator denominator rate } }
    }
  }
`);

export function useWorkPlan(provinceCode: string, year: number) {
  const filter = { area: { provinceCodes: [provinceCode] }, period: { from: `${year}-01-01`, to: `${year}-12-31` } };
  const [result, reexecute] = useQuery({
    query: WorkPlanQuery,
    variables: { province: provinceCode, filter },
    pause: !provinceCode,
  });
  return { ...result, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}

export const SetWorkPlanTargetsMutation = graphql(
  `
    mutation SetWorkPlanTargets($input: SetWorkPlanTargetsInput!) {
      setWorkPlanTargets(input: $input) {
        __typename
        ...MutationError
        ... on TargetsChangedError { path }
        ... on MutationSetWorkPlanTargetsSuccess { data { villagesToDesignate membersToTrain version regency { code } } }
      }
    }
  `,
  [MutationErrorFragment],
);

export const useSetWorkPlanTargets = () => useMutation(SetWorkPlanTargetsMutation);
