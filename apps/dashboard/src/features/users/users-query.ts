import { useMutation, useQuery } from 'urql';
import { graphql } from '@binaan/client';
import { MutationErrorFragment } from '../../lib/mutation-error-fragment';

export const UsersPageQuery = graphql(`
  query UsersPage($filter: UserFilter) {
    users(first: 100, filter: $filter, orderBy: { field: EMAIL, direction: ASC }) {
      totalCount
      edges {
        node {
          id
          email
          displayName
          role
          province { code name }
          office { code name province { code } }
          canSeePersonalData
          disabledAt
          mustChangePassword
          lastSignInAt
        }
      }
    }
  }
`);

export function useUsers(search: string) {
  const [result, reexecute] = useQuery({
    query: UsersPageQuery,
    variables: { filter: search.trim() ? { search: search.trim() } : null },
  });
  return { ...result, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}

/** The offices of a province, for a Kanim account's office. */
export const OfficesOfProvinceQuery = graphql(`
  query OfficesOfProvince($province: String!) {
    offices(first: 100, area: { provinceCodes: [$province] }) { edges { node { code name } } }
  }
`);

export function useOfficesOf(provinceCode: string) {
  const [result] = useQuery({
    query: OfficesOfProvinceQuery,
    variables: { province: provinceCode },
    pause: !provinceCode,
  });
  return result.data?.offices.edges.map((edge) => edge.node) ?? [];
}

const AccountFields = graphql(`
  fragment CreatedAccount on AccountWithTemporaryPassword @_unmask {
    temporaryPassword
    user { id email }
  }
`);

export const CreateUserMutation = graphql(
  `
    mutation CreateUser($input: CreateUserInput!) {
      createUser(input: $input) {
        __typename
        ...MutationError
        ... on MutationCreateUserSuccess { data { ...CreatedAccount } }
      }
    }
  `,
  [MutationErrorFragment, AccountFields],
);

export const ResetUserPasswordMutation = graphql(
  `
    mutation ResetUserPassword($input: AccountInput!) {
      resetUserPassword(input: $input) {
        __typename
        ...MutationError
        ... on MutationResetUserPasswordSuccess { data { ...CreatedAccount } }
      }
    }
  `,
  [MutationErrorFragment, AccountFields],
);

export const DisableUserMutation = graphql(
  `
    mutation DisableUser($input: AccountInput!) {
      disableUser(input: $input) {
        __typename
        ...MutationError
        ... on MutationDisableUserSuccess { data { id disabledAt } }
      }
    }
  `,
  [MutationErrorFragment],
);

export const EnableUserMutation = graphql(
  `
    mutation EnableUser($input: AccountInput!) {
      enableUser(input: $input) {
        __typename
        ...MutationError
        ... on MutationEnableUserSuccess { data { id disabledAt } }
      }
    }
  `,
  [MutationErrorFragment],
);

export const ChangeUserAccessMutation = graphql(
  `
    mutation ChangeUserAccess($input: ChangeUserAccessInput!) {
      changeUserAccess(input: $input) {
        __typename
        ...MutationError
        ... on MutationChangeUserAccessSuccess { data { id role } }
      }
    }
  `,
  [MutationErrorFragment],
);

export const useCreateUser = () => useMutation(CreateUserMutation);
export const useChangeUserAccess = () => useMutation(ChangeUserAccessMutation);
export const useResetUserPassword = () => useMutation(ResetUserPasswordMutation);
export const useDisableUser = () => useMutation(DisableUserMutation);
export const useEnableUser = () => useMutation(EnableUserMutation);
