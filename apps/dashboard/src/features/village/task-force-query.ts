// The office's writes about a village's task force, its training and its activities.
import { useMutation } from 'urql';
import { graphql } from '@binaan/client';
import { MutationErrorFragment } from '../../lib/mutation-error-fragment';

export const AddTaskForceMemberMutation = graphql(
  `
    mutation AddTaskForceMember($input: AddTaskForceMemberInput!) {
      addTaskForceMember(input: $input) {
        __typename
        ...MutationError
        ... on MutationAddTaskForceMemberSuccess { data { id role } }
      }
    }
  `,
  [MutationErrorFragment],
);

export const UpdateTaskForceMemberMutation = graphql(
  `
    mutation UpdateTaskForceMember($input: UpdateTaskForceMemberInput!) {
      updateTaskForceMember(input: $input) {
        __typename
        ...MutationError
        ... on TaskForceMemberChangedError { path member { id version role fullName phone leftOn } }
        ... on MutationUpdateTaskForceMemberSuccess { data { id version role fullName phone } }
      }
    }
  `,
  [MutationErrorFragment],
);

export const EndTaskForceMembershipMutation = graphql(
  `
    mutation EndTaskForceMembership($input: EndTaskForceMembershipInput!) {
      endTaskForceMembership(input: $input) {
        __typename
        ...MutationError
        ... on TaskForceMemberChangedError { path member { id version role fullName phone leftOn } }
        ... on MutationEndTaskForceMembershipSuccess { data { id version leftOn } }
      }
    }
  `,
  [MutationErrorFragment],
);

export const RecordTrainingSessionMutation = graphql(
  `
    mutation RecordTrainingSession($input: RecordTrainingSessionInput!) {
      recordTrainingSession(input: $input) {
        __typename
        ...MutationError
        ... on MutationRecordTrainingSessionSuccess { data { id heldOn attendances { completed } } }
      }
    }
  `,
  [MutationErrorFragment],
);

export const RecordActivityMutation = graphql(
  `
    mutation RecordActivity($input: RecordActivityInput!) {
      recordActivity(input: $input) {
        __typename
        ...MutationError
        ... on MutationRecordActivitySuccess { data { id type title } }
      }
    }
  `,
  [MutationErrorFragment],
);

export const useAddTaskForceMember = () => useMutation(AddTaskForceMemberMutation);
export const useUpdateTaskForceMember = () => useMutation(UpdateTaskForceMemberMutation);
export const useEndTaskForceMembership = () => useMutation(EndTaskForceMembershipMutation);
export const useRecordTrainingSession = () => useMutation(RecordTrainingSessionMutation);
export const useRecordActivity = () => useMutation(RecordActivityMutation);
