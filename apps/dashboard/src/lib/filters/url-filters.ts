// The global filters live in the URL (?prov=53&kab=53.18&var=DESA_BINAAN&period=2026-Q3), so a link
// reproduces the view and the back button works. Every page reads them through useDashboardFilters.
import {
  type AreaLevel,
  type ProgrammeVariant as Variant,
  programmeVariants as variants,
  todayInIndonesia,
} from '@binaan/domain';
import type { TFunction } from 'i18next';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { ShellQuery } from '../session';

export type PeriodChoice =
  | { kind: 'year'; year: number }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'range'; from: string; to: string };

export interface DashboardFilters {
  provinces: string[];
  regencies: string[];
  variant: Variant | null;
  period: PeriodChoice;
}

const pad = (value: number) => String(value).padStart(2, '0');

export function defaultPeriod(now = new Date()): PeriodChoice {
  const today = todayInIndonesia(now);
  return { kind: 'month', year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
}

export function parsePeriod(value: string | null, now = new Date()): PeriodChoice {
  if (!value) return defaultPeriod(now);
  let match = /^(\d{4})$/.exec(value);
  if (match) return { kind: 'year', year: Number(match[1]) };
  match = /^(\d{4})-Q([1-4])$/.exec(value);
  if (match) return { kind: 'quarter', year: Number(match[1]), quarter: Number(match[2]) as 1 | 2 | 3 | 4 };
  match = /^(\d{4})-(\d{2})$/.exec(value);
  if (match && Number(match[2]) >= 1 && Number(match[2]) <= 12)
    return { kind: 'month', year: Number(match[1]), month: Number(match[2]) };
  match = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(value);
  if (match && match[1]! <= match[2]!) return { kind: 'range', from: match[1]!, to: match[2]! };
  return defaultPeriod(now);
}

export function serializePeriod(period: PeriodChoice): string {
  switch (period.kind) {
    case 'year':
      return String(period.year);
    case 'quarter':
      return `${period.year}-Q${period.quarter}`;
    case 'month':
      return `${period.year}-${pad(period.month)}`;
    case 'range':
      return `${period.from}..${period.to}`;
  }
}

/** First and last day of the period. */
export function periodRange(period: PeriodChoice): { from: string; to: string } {
  const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  switch (period.kind) {
    case 'year':
      return { from: `${period.year}-01-01`, to: `${period.year}-12-31` };
    case 'quarter': {
      const first = (period.quarter - 1) * 3 + 1;
      return {
        from: `${period.year}-${pad(first)}-01`,
        to: `${period.year}-${pad(first + 2)}-${lastDay(period.year, first + 2)}`,
      };
    }
    case 'month':
      return {
        from: `${period.year}-${pad(period.month)}-01`,
        to: `${period.year}-${pad(period.month)}-${lastDay(period.year, period.month)}`,
      };
    case 'range':
      return { from: period.from, to: period.to };
  }
}

/** The twelve months up to the period's end, for trend charts. */
export function trendRange(period: PeriodChoice): { from: string; to: string } {
  const { to } = periodRange(period);
  const end = new Date(`${to}T00:00:00Z`);
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 11, 1));
  return { from: start.toISOString().slice(0, 10), to };
}

const list = (value: string | null, pattern: RegExp) =>
  value ? value.split(',').filter((item) => pattern.test(item)) : [];

/** How one filter lives in the URL, in an export's file name and in words (for print and screen readers). */
interface FilterField<Value> {
  param: string;
  parse(value: string | null, now: Date): Value;
  /** The URL value; null leaves the parameter out. */
  write(value: Value): string | null;
  /** Its part of an export's file name; '' for none. */
  fileName(value: Value): string;
  /** Its label and value in words, given translated text and area names. */
  describe(value: Value, words: FilterWords): [label: string, value: string];
}

export interface FilterWords {
  t: TFunction;
  /** Area names by code; a missing one is shown as its code. */
  names: Map<string, string>;
}

const namedList = (codes: string[], { t, names }: FilterWords) =>
  codes.map((code) => names.get(code) ?? code).join(', ') || t('filters.all');

/**
 * Every dashboard filter, in the order it is written and described. The mapped type makes a new field of
 * DashboardFilters fail the type check here until its URL form, file-name part and words exist.
 */
const filterFields: { [Key in keyof DashboardFilters]: FilterField<DashboardFilters[Key]> } = {
  provinces: {
    param: 'prov',
    parse: (value) => list(value, /^\d{2}$/),
    write: (codes) => codes.join(',') || null,
    fileName: (codes) => (codes.length ? `prov-${codes.join('-')}` : 'nasional'),
    describe: (codes, words) => [words.t('filters.province'), namedList(codes, words)],
  },
  regencies: {
    param: 'kab',
    parse: (value) => list(value, /^\d{2}\.\d{2}$/),
    write: (codes) => codes.join(',') || null,
    fileName: (codes) => (codes.length ? `kab-${codes.join('-')}` : ''),
    describe: (codes, words) => [words.t('filters.regency'), namedList(codes, words)],
  },
  variant: {
    param: 'var',
    parse: (value) => ((variants as readonly string[]).includes(value ?? '') ? (value as Variant) : null),
    write: (variant) => variant,
    fileName: (variant) => variant ?? '',
    describe: (variant, { t }) => [t('filters.variant'), variant ? t(`enums.variant.${variant}`) : t('filters.all')],
  },
  period: {
    param: 'period',
    parse: (value, now) => parsePeriod(value, now),
    write: (period) => serializePeriod(period),
    fileName: (period) => serializePeriod(period).replace('..', '_'),
    describe: (period, { t }) => [t('filters.period'), serializePeriod(period)],
  },
};

const filterKeys = Object.keys(filterFields) as (keyof DashboardFilters)[];

/** Applies `each` to every filter field with its own value type. */
function eachField<Result>(
  each: <Key extends keyof DashboardFilters>(key: Key, field: FilterField<DashboardFilters[Key]>) => Result,
): Result[] {
  return filterKeys.map((key) => each(key, filterFields[key] as FilterField<DashboardFilters[typeof key]>));
}

/** The one province a caller's whole area lies in (a Kanwil's, a Kanim's), null for a wider caller. */
export function ownProvinceOf(ownRegencies: readonly string[] | null | undefined): string | null {
  const province = ownRegencies?.[0]?.slice(0, 2);
  return province && ownRegencies!.every((code) => code.startsWith(`${province}.`)) ? province : null;
}

/**
 * The filters in `params`. A caller whose area is one province (`ownRegencies`, from the frame) starts in
 * it when no province is chosen: its pages show its kabupaten/kota, not a single bar for the province.
 */
export function parseFilters(
  params: URLSearchParams,
  now = new Date(),
  ownRegencies?: readonly string[] | null,
): DashboardFilters {
  const filters = Object.fromEntries(
    eachField((key, field) => [key, field.parse(params.get(field.param), now)]),
  ) as unknown as DashboardFilters;
  const ownProvince = ownProvinceOf(ownRegencies);
  return ownProvince && filters.provinces.length === 0 ? { ...filters, provinces: [ownProvince] } : filters;
}

export function writeFilters(params: URLSearchParams, filters: DashboardFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  eachField((key, field) => {
    const value = field.write(filters[key]);
    if (value) next.set(field.param, value);
    else next.delete(field.param);
  });
  return next;
}

/** Parts of a file name that say which filters produced an export. */
export function filterFileNameParts(filters: DashboardFilters): string[] {
  return eachField((key, field) => field.fileName(filters[key])).filter(Boolean);
}

/** The applied filters in words, for print and for screen readers. */
export function describeFilters(
  filters: DashboardFilters,
  t: TFunction,
  names: Map<string, string> = new Map(),
): string {
  return eachField((key, field) => field.describe(filters[key], { t, names }).join(': ')).join(' · ');
}

/** The filter as the API's AnalyticsFilter. */
export function toAnalyticsFilter(filters: DashboardFilters, range = periodRange(filters.period)) {
  return {
    area: {
      provinceCodes: filters.provinces.length ? filters.provinces : null,
      regencyCodes: filters.regencies.length ? filters.regencies : null,
    },
    variants: filters.variant ? [filters.variant] : null,
    period: range,
  };
}

export function useDashboardFilters() {
  const [params, setParams] = useSearchParams();
  // The frame has already asked who is signed in; this reads urql's cache.
  const [shell] = useQuery({ query: ShellQuery });
  const ownRegencies = shell.data?.me?.permissions.regencyCodes;
  const filters = useMemo(() => parseFilters(params, undefined, ownRegencies), [params, ownRegencies]);
  const update = useCallback(
    (change: Partial<DashboardFilters>) => {
      const next = { ...filters, ...change };
      // A kabupaten/kota outside the chosen provinces no longer applies.
      if (change.provinces)
        next.regencies = next.regencies.filter(
          (code) => next.provinces.length === 0 || next.provinces.includes(code.slice(0, 2)),
        );
      setParams(writeFilters(params, next));
    },
    [filters, params, setParams],
  );
  return { filters, update };
}

/** The drill-down level follows the filters: all provinces → one province's kabupaten/kota → one kabupaten/kota's kecamatan. */
export function levelFor(filters: DashboardFilters): AreaLevel {
  if (filters.regencies.length === 1) return 'DISTRICT';
  if (filters.provinces.length === 1) return 'REGENCY';
  return 'PROVINCE';
}
