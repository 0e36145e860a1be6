import { useMutation } from 'urql';
import { graphql } from '@binaan/client';

export const DesignateVillageMutation = graphql(`
  mutation DesignateVillage($input: DesignateVillageInput!) {
    designateVillage(input: $input) {
      __typename
      ... on Error { message }
      ... on InputValidationError { issues { path message } }
      ... on NotFoundError { path }
      ... on ConflictError { path }
      ... on ForbiddenError { path }
      ... on MutationDesignateVillageSuccess { data { id variant status } }
    }
  }
`);

export const ChangeDesignationStatusMutation = graphql(`
  mutation ChangeDesignationStatus($input: ChangeDesignationStatusInput!) {
    changeDesignationStatus(input: $input) {
      __typename
      ... on Error { message }
      ... on InputValidationError { issues { path message } }
      ... on NotFoundError { path }
      ... on ConflictError { path }
      ... on ForbiddenError { path }
      ... on DesignationChangedError { path designation { id status } }
      ... on MutationChangeDesignationStatusSuccess { data { id status } }
    }
  }
`);

export const useDesignateVillage = () => useMutation(DesignateVillageMutation);
export const useChangeDesignationStatus = () => useMutation(ChangeDesignationStatusMutation);
