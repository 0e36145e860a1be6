import { useMutation, useQuery } from 'urql';
import { graphql } from '@binaan/client';
import { openSignalStatuses } from '@binaan/domain';
import type { DashboardFilters } from '../../lib/filters/url-filters';
import { MutationErrorFragment } from '../../lib/mutation-error-fragment';

/** The early-warning signals of the chosen areas, and when they were last computed. */
export const SignalsPageQuery = graphql(`
  query SignalsPage($filter: SignalFilter!) {
    signals(filter: $filter, first: 200) {
      id
      weekStart
      type
      observed
      expected
      threshold
      score
      status
      note
      version
      statusChangedAt
      regency { code name }
      province { code name }
    }
    lastSignalRun { finishedAt }
  }
`);

/** The page's variables: the chosen areas' signals, open ones only unless asked (also the benchmark's). */
export function signalsPageVariables(filters: DashboardFilters, showClosed: boolean) {
  return {
    filter: {
      area: {
        provinceCodes: filters.provinces.length ? filters.provinces : null,
        regencyCodes: filters.regencies.length ? filters.regencies : null,
      },
      statuses: showClosed ? null : [...openSignalStatuses],
    },
  };
}

export function useSignals(filters: DashboardFilters, showClosed: boolean) {
  const [result, reexecute] = useQuery({
    query: SignalsPageQuery,
    variables: signalsPageVariables(filters, showClosed),
  });
  return { ...result, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}

export const ReviewSignalMutation = graphql(
  `
    mutation ReviewSignal($input: ReviewSignalInput!) {
      reviewSignal(input: $input) {
        __typename
        ...MutationError
        ... on SignalChangedError { path }
        ... on MutationReviewSignalSuccess { data { id status note version } }
      }
    }
  `,
  [MutationErrorFragment],
);

export const useReviewSignal = () => useMutation(ReviewSignalMutation);
