import type { TFunction } from 'i18next';
import { type DashboardFilters, serializePeriod } from './url-filters';

/** The applied filters in words, for print and for screen readers. */
export function describeFilters(filters: DashboardFilters, t: TFunction): string {
  return [
    `${t('filters.province')}: ${filters.provinces.join(', ') || t('filters.all')}`,
    `${t('filters.regency')}: ${filters.regencies.join(', ') || t('filters.all')}`,
    `${t('filters.variant')}: ${filters.variant ? t(`enums.variant.${filters.variant}`) : t('filters.all')}`,
    `${t('filters.period')}: ${serializePeriod(filters.period)}`,
  ].join(' · ');
}
