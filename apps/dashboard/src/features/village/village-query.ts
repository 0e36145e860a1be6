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
      regency { code name }
      province { code name }
      designations {
        id
        variant
        status
        year
        inauguratedOn
        decreeNumber
        selectionReasons
        office { name }
        taskForce { formedOn members { id role joinedOn leftOn completedModules { code } } }
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
  }
`);

export function useVillage(code: string) {
  const [result, reexecute] = useQuery({ query: VillagePageQuery, variables: { code } });
  return { ...result, retry: () => reexecute({ requestPolicy: 'network-only' }) };
}
