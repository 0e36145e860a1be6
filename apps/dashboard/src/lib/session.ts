import { useMutation, useQuery } from 'urql';
import { graphql } from '@binaan/client';

/**
 * What every page's frame needs, in one round trip: who is signed in, and the provinces and
 * kabupaten/kota for the filter bar. Signed out, `me` is null and the areas are refused.
 */
export const ShellQuery = graphql(`
  query Shell {
    me {
      kind
      displayName
      email
      role
      area
      mustChangePassword
      permissions { readRecords readAggregates writeRecords setTargets reviewSignals issueTokens administerUsers personal wholeCountry regencyCodes }
    }
    provinces(first: 100) {
      edges { node { code name regencies { code name } } }
    }
  }
`);

export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on Error { message }
      ... on SignInThrottledError { retryAfterSeconds locked }
      ... on MutationSignInSuccess { data { displayName } }
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut { signOut }
`);

export function useSession() {
  const [result] = useQuery({ query: ShellQuery });
  return {
    me: result.data?.me ?? null,
    fetching: result.fetching || (!result.data && !result.error),
    error: result.error,
  };
}

export const useSignIn = () => useMutation(SignInMutation);
export const useSignOut = () => useMutation(SignOutMutation);
