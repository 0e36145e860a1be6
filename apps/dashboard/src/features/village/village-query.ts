import { useQuery } from 'urql';
import { graphql } from '@binaan/client';

export const VillagePageQuery = graphql(`
  query VillagePage($code: String!) {
    village(code: $code) {
      code
      name
      kind
      isLandBorder
      isSeaBorder
      isMigrantWorkerSendingArea
      distanceToOfficeKm
      district { name }
      regency { code name offices { code name } }
      province { code name }
      designations {
        id
        variant
        status
        year
        inauguratedOn
        decreeNumber
        decreeDate
        officerName
        statusHistory { toStatus effectiveOn reason recordedBy }
        decreeUploadUrl
        decreeDocuments { fileName byteSize sha256 uploadedAt url }
        selectionReasons
        office { name }
        taskForce { formedOn members { id version role fullName phone joinedOn leftOn completedModules { code } } }
      }
      trainingSessions { id heldOn place modules { code name } }
      activities(first: 20) { totalCount edges { node { id type title heldOn place attendeeCount } } }
      reports(first: 20) {
        totalCount
        edges {
          node {
            id type status submittedAt ageDays peopleInvolved followUpUrgency
            transitions { toStatus changedAt changedBy note actionTaken agencies }
          }
        }
      }
    }
    trainingModules { code name }
    fieldDevices(villageCode: $code) { id label createdAt lastSeenAt revokedAt reportsSent }
  }
`);

export function useVillage(code: string) {
  const [result, reexecute] = useQuery({ query: VillagePageQuery, variables: { code } });
  return { ...result, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}

/** Type-ahead: villages whose name contains the typed text, with their kecamatan and kabupaten/kota. */
export const VillageSearchQuery = graphql(`
  query VillageSearch($filter: VillageFilter!) {
    villages(first: 12, filter: $filter, orderBy: { field: NAME, direction: ASC }) {
      totalCount
      edges { node { code name kind district { name } regency { name } } }
    }
  }
`);

/** Fewer letters than this match too much to be useful. */
export const MIN_SEARCH_LENGTH = 2;

export function useVillageSearch(text: string, regencyCodes: readonly string[] | null) {
  const search = text.trim();
  const filter = { search, ...(regencyCodes ? { area: { regencyCodes: [...regencyCodes] } } : {}) };
  const [result] = useQuery({
    query: VillageSearchQuery,
    variables: { filter },
    pause: search.length < MIN_SEARCH_LENGTH,
  });
  return result;
}
