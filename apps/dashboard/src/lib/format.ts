// Numbers, percentages and dates in the reader's locale: id-ID writes 1.234 and 12,5 %.
import { REPORTING_TIME_ZONE } from '@binaan/domain';

export type Locale = 'id' | 'en';

const intlLocale: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

// A formatter is dear to make and cheap to use: made once per locale and options, not once per cell or
// axis tick (the national reports page formats thousands of values as it draws).
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(locale: Locale, digits: number): Intl.NumberFormat {
  const key = `${locale}:${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale[locale], { maximumFractionDigits: digits, minimumFractionDigits: 0 });
    numberFormats.set(key, format);
  }
  return format;
}

function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}:${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale[locale], options);
    dateFormats.set(key, format);
  }
  return format;
}

export function formatNumber(value: number | null | undefined, locale: Locale, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return numberFormat(locale, digits).format(value);
}

/** A share as a percentage; Indonesian style puts a space before the sign ("12,5 %"). */
export function formatPercent(rate: number | null | undefined, locale: Locale, digits = 1): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '–';
  const number = numberFormat(locale, digits).format(rate * 100);
  // A no-break space: "77,3 %" must not wrap between the number and its sign in a narrow column.
  return locale === 'id' ? `${number}\u00a0%` : `${number}%`;
}

export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '–';
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return dateFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

export function formatDateTime(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '–';
  return dateFormat(locale, {
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
  return dateFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
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
  return dateFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, month - 1, 1)));
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
