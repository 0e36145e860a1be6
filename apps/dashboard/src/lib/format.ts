// Numbers, percentages and dates in the reader's locale: id-ID writes 1.234 and 12,5 %.
import { REPORTING_TIME_ZONE } from '@binaan/domain';

export type Locale = 'id' | 'en';

const intlLocale: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

export function formatNumber(value: number | null | undefined, locale: Locale, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(
    value,
  );
}

/** A share as a percentage; Indonesian style puts a space before the sign ("12,5 %"). */
export function formatPercent(rate: number | null | undefined, locale: Locale, digits = 1): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '–';
  const number = new Intl.NumberFormat(intlLocale[locale], {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  }).format(rate * 100);
  return locale === 'id' ? `${number} %` : `${number}%`;
}

export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '–';
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return new Intl.DateTimeFormat(intlLocale[locale], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(intlLocale[locale], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: REPORTING_TIME_ZONE,
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** `2024-05` as "Mei 2024" / "May 2024". */
export function formatMonth(month: string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

/** Relative change, signed: "+12,5 %". */
export function formatChange(change: number | null | undefined, locale: Locale): string {
  if (change === null || change === undefined) return '–';
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  return `${sign}${formatPercent(Math.abs(change), locale)}`;
}

export function monthName(month: number, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale[locale], { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, month - 1, 1)),
  );
}

/** Area names shortened for chart axes: "Kabupaten Sumba Barat Daya" → "Kab. Sumba Barat Daya". */
export function shortAreaName(name: string): string {
  return name
    .replace(/^Kabupaten Administrasi /, 'Kab. Adm. ')
    .replace(/^Kota Administrasi /, 'Kota Adm. ')
    .replace(/^Kabupaten /, 'Kab. ')
    .replace(/^Daerah Khusus Ibukota /, 'DKI ')
    .replace(/^Kepulauan /, 'Kep. ');
}
