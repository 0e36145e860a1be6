import { useQuery } from 'urql';
import { ShellQuery } from '../session';

/**
 * Provinces and their kabupaten/kota for the filter bar, from the frame's query (no extra round trip),
 * limited to what the signed-in caller may see.
 */
export function useFilterOptions() {
  const [result] = useQuery({ query: ShellQuery });
  const allowed = result.data?.me?.permissions.regencyCodes ?? null;
  const provinces = (result.data?.provinces?.edges.map((edge) => edge.node) ?? [])
    .map((province) => ({
      ...province,
      regencies: province.regencies.filter((regency) => !allowed || allowed.includes(regency.code)),
    }))
    .filter((province) => province.regencies.length > 0);
  return { provinces, fetching: result.fetching, error: result.error };
}
