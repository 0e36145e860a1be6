import { useMutation } from 'urql';
import { graphql } from '@binaan/client';
import { MutationErrorFragment } from '../../lib/mutation-error-fragment';

export const DesignateVillageMutation = graphql(
  `
  mutation DesignateVillage($input: DesignateVillageInput!) {
    designateVillage(input: $input) {
      __typename
      ...MutationError
      ... on MutationDesignateVillageSuccess { data { id variant status } }
    }
  }
`,
  [MutationErrorFragment],
);

export const ChangeDesignationStatusMutation = graphql(
  `
  mutation ChangeDesignationStatus($input: ChangeDesignationStatusInput!) {
    changeDesignationStatus(input: $input) {
      __typename
      ...MutationError
      ... on DesignationChangedError { path designation { id status } }
      ... on MutationChangeDesignationStatusSuccess { data { id status } }
    }
  }
`,
  [MutationErrorFragment],
);

export const useDesignateVillage = () => useMutation(DesignateVillageMutation);
export const useChangeDesignationStatus = () => useMutation(ChangeDesignationStatusMutation);
