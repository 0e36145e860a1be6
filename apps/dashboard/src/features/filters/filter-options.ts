import { useQuery } from 'urql';
import { graphql } from '../../lib/graphql';

/** Provinces and their kabupaten/kota for the filter bar; cached for the whole session. */
export const FilterOptionsQuery = graphql(`
  query FilterOptions {
    provinces(first: 100) {
      edges { node { code name regencies { code name } } }
    }
  }
`);

export function useFilterOptions() {
  const [result] = useQuery({ query: FilterOptionsQuery });
  const provinces = result.data?.provinces.edges.map((edge) => edge.node) ?? [];
  return { provinces, fetching: result.fetching, error: result.error };
}
