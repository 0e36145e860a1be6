import { useQuery } from 'urql';
import { ShellQuery } from '../auth/session';

/** Provinces and their kabupaten/kota for the filter bar, from the frame's query (no extra round trip). */
export function useFilterOptions() {
  const [result] = useQuery({ query: ShellQuery });
  const provinces = result.data?.provinces?.edges.map((edge) => edge.node) ?? [];
  return { provinces, fetching: result.fetching, error: result.error };
}
