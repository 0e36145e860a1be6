import { graphql } from '@binaan/client';
import { useMutation, useQuery } from 'urql';

/** The tokens this person issued (national leadership sees every token). */
export const TokensQuery = graphql(`
  query TokensPage {
    apiTokens { id name scopes office { code name } createdAt expiresAt lastUsedAt revokedAt }
  }
`);

export const IssueTokenMutation = graphql(`
  mutation IssueToken($input: IssueApiTokenInput!) {
    issueApiToken(input: $input) {
      __typename
      ... on MutationIssueApiTokenSuccess { data { secret token { id name } } }
      ... on Error { message }
    }
  }
`);

export const RevokeTokenMutation = graphql(`
  mutation RevokeToken($id: ID!) {
    revokeApiToken(id: $id) {
      __typename
      ... on MutationRevokeApiTokenSuccess { data { id revokedAt } }
      ... on Error { message }
    }
  }
`);

// The list is refetched after a change rather than patched: the cache has no entity for a new token.
export const useTokens = () => useQuery({ query: TokensQuery, requestPolicy: 'cache-and-network' });
export const useIssueToken = () => useMutation(IssueTokenMutation);
export const useRevokeToken = () => useMutation(RevokeTokenMutation);
