import type { TFunction } from 'i18next';
import { type DashboardFilters, serializePeriod } from './url-filters';

/** The applied filters in words, for print and for screen readers. */
export function describeFilters(
  filters: DashboardFilters,
  t: TFunction,
  names: Map<string, string> = new Map(),
): string {
  const named = (codes: string[]) => codes.map((code) => names.get(code) ?? code).join(', ');
  return [
    `${t('filters.province')}: ${named(filters.provinces) || t('filters.all')}`,
    `${t('filters.regency')}: ${named(filters.regencies) || t('filters.all')}`,
    `${t('filters.variant')}: ${filters.variant ? t(`enums.variant.${filters.variant}`) : t('filters.all')}`,
    `${t('filters.period')}: ${serializePeriod(filters.period)}`,
  ].join(' · ');
}
