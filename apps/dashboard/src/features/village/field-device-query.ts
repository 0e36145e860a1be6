// The office's writes about a village's phones in the field app: enrol one (a one-time code), revoke one.
// The list comes with the village page's own query.
import { useMutation } from 'urql';
import { graphql } from '@binaan/client';
import { MutationErrorFragment } from '../../lib/mutation-error-fragment';

export const CreateDeviceEnrolmentMutation = graphql(
  `
    mutation CreateDeviceEnrolment($input: CreateDeviceEnrolmentInput!) {
      createDeviceEnrolment(input: $input) {
        __typename
        ...MutationError
        ... on MutationCreateDeviceEnrolmentSuccess { data { code expiresAt enrolmentPath label } }
      }
    }
  `,
  [MutationErrorFragment],
);

export const RevokeFieldDeviceMutation = graphql(
  `
    mutation RevokeFieldDevice($input: RevokeFieldDeviceInput!) {
      revokeFieldDevice(input: $input) {
        __typename
        ...MutationError
        ... on MutationRevokeFieldDeviceSuccess { data { id revokedAt } }
      }
    }
  `,
  [MutationErrorFragment],
);

export const useCreateDeviceEnrolment = () => useMutation(CreateDeviceEnrolmentMutation);
export const useRevokeFieldDevice = () => useMutation(RevokeFieldDeviceMutation);
