import { useMutation, useQuery } from 'urql';
import { graphql } from '@binaan/client';
import { MutationErrorFragment } from '../../lib/mutation-error-fragment';

/** What the report page and a stale-step answer show: the report, where it is, and its timeline. */
export const ReportDetailFragment = graphql(`
  fragment ReportDetail on VillageReport @_unmask {
    id
    type
    status
    description
    occurredOn
    submittedAt
    submittedOn
    ageDays
    followUpDueOn
    followUpUrgency
    peopleInvolved
    reporterName
    reporterPhone
    source
    village { code name timeZone district { name } }
    regency { code name }
    province { code name }
    transitions { fromStatus toStatus changedAt changedBy note actionTaken agencies }
  }
`);

export const ReportPageQuery = graphql(
  `
    query ReportPage($id: ID!) {
      node(id: $id) { __typename ...ReportDetail }
    }
  `,
  [ReportDetailFragment],
);

export const TransitionReportMutation = graphql(
  `
    mutation TransitionReport($input: TransitionReportStatusInput!) {
      transitionReportStatus(input: $input) {
        __typename
        ...MutationError
        ... on ReportChangedError { path report { ...ReportDetail } }
        ... on MutationTransitionReportStatusSuccess { data { ...ReportDetail } }
      }
    }
  `,
  [ReportDetailFragment, MutationErrorFragment],
);

export function useReport(id: string) {
  const [result, reexecute] = useQuery({ query: ReportPageQuery, variables: { id } });
  return { ...result, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}

export const useTransitionReport = () => useMutation(TransitionReportMutation);
