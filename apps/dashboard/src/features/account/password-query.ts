import { useMutation } from 'urql';
import { graphql } from '@binaan/client';
import { MutationErrorFragment } from '../../lib/mutation-error-fragment';

export const ChangeOwnPasswordMutation = graphql(
  `
    mutation ChangeOwnPassword($input: ChangeOwnPasswordInput!) {
      changeOwnPassword(input: $input) {
        __typename
        ...MutationError
        ... on SignInThrottledError { retryAfterSeconds }
        ... on MutationChangeOwnPasswordSuccess { data }
      }
    }
  `,
  [MutationErrorFragment],
);

export const useChangeOwnPassword = () => useMutation(ChangeOwnPasswordMutation);
