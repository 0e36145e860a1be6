import { useMutation, useQuery } from 'urql';
import { graphql } from '../../lib/graphql';

export const MeQuery = graphql(`
  query Me {
    me {
      kind
      displayName
      email
      role
      area
      permissions { readRecords readAggregates personal wholeCountry }
    }
  }
`);

export const SignInMutation = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      __typename
      ... on Error { message }
      ... on MutationSignInSuccess { data { displayName } }
    }
  }
`);

export const SignOutMutation = graphql(`
  mutation SignOut { signOut }
`);

export function useSession() {
  const [result] = useQuery({ query: MeQuery });
  return { me: result.data?.me ?? null, fetching: result.fetching || (!result.data && !result.error), error: result.error };
}

export const useSignIn = () => useMutation(SignInMutation);
export const useSignOut = () => useMutation(SignOutMutation);
