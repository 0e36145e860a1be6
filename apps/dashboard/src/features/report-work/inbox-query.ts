import { useQuery } from 'urql';
import { graphql } from '@binaan/client';

/** Open reports in the caller's area, oldest first: the office's work queue. */
export const ReportInboxQuery = graphql(`
  query ReportInbox($filter: VillageReportFilter!, $after: String) {
    inbox: reports(first: 50, after: $after, filter: $filter, orderBy: { field: SUBMITTED_AT, direction: ASC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          type
          status
          submittedOn
          ageDays
          followUpDueOn
          followUpUrgency
          peopleInvolved
          village { code name district { name } }
          regency { code name }
        }
      }
    }
  }
`);

export interface InboxFilters {
  status: 'SUBMITTED' | 'VERIFIED' | 'FOLLOWED_UP' | null;
  type: string | null;
  regency: string | null;
}

export function useReportInbox(filters: InboxFilters, after: string | null) {
  const filter = {
    open: true,
    ...(filters.status ? { statuses: [filters.status] } : {}),
    ...(filters.type ? { types: [filters.type as never] } : {}),
    ...(filters.regency ? { area: { regencyCodes: [filters.regency] } } : {}),
  };
  const [result, reexecute] = useQuery({ query: ReportInboxQuery, variables: { filter, after } });
  return { ...result, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}
