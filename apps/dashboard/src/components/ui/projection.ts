// How a forecast to target reads in a table cell: "≈ 101 (88–113) · berisiko", with the status for a
// row that has a target, and in January the count so far. Shared by the coverage and training pages.
import type { TFunction } from 'i18next';
import { formatNumber, type Locale } from '../../lib/format';

export interface ProjectionValue {
  soFar: number;
  projected: number;
  low: number;
  high: number;
  target: number | null;
  status: 'ON_TRACK' | 'AT_RISK' | 'OFF_TRACK' | null;
  tooEarly: boolean;
}

export function projectionText(projection: ProjectionValue | undefined, t: TFunction, locale: Locale): string {
  if (!projection) return '–';
  // In January the count so far, not a projection that a few days' batches would swing (API: tooEarly).
  if (projection.tooEarly) return t('common.forecastTooEarly', { soFar: formatNumber(projection.soFar, locale) });
  const value = t('common.forecastValue', {
    projected: formatNumber(projection.projected, locale),
    low: formatNumber(projection.low, locale),
    high: formatNumber(projection.high, locale),
  });
  return projection.status ? `${value} · ${t(`common.forecastStatus.${projection.status}`)}` : value;
}

/** The forecast's row level and year for the dashboard's filters (none at kecamatan level). */
export function forecastVariables(level: 'PROVINCE' | 'REGENCY' | 'DISTRICT', periodEnd: string) {
  return {
    withForecast: level !== 'DISTRICT',
    forecastLevel: level === 'REGENCY' ? ('REGENCY' as const) : ('PROVINCE' as const),
    year: Number(periodEnd.slice(0, 4)),
  };
}
