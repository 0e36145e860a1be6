import { useMutation, useQuery } from 'urql';
import { graphql } from '@binaan/client';
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

export function useSignals(filter: {
  area: { provinceCodes: string[] | null; regencyCodes: string[] | null };
  statuses: ('NEW' | 'ACKNOWLEDGED' | 'ESCALATED' | 'DISMISSED')[] | null;
}) {
  const [result, reexecute] = useQuery({ query: SignalsPageQuery, variables: { filter } });
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
