// Inputs shared by the record connections and the analytics: which areas, which period, which order.
import { areaCodeFormats } from '@binaan/domain';
import { z } from 'zod';
import { builder } from '../builder.js';
import { SortDirectionEnum } from './enums.js';

const MAX_CODES = 200;
export const provinceCode = z.string().regex(areaCodeFormats.PROVINCE, 'A province code has two digits, e.g. 53.');
export const regencyCode = z.string().regex(areaCodeFormats.REGENCY, 'A kabupaten/kota code looks like 53.18.');
export const districtCode = z.string().regex(areaCodeFormats.DISTRICT, 'A kecamatan code looks like 53.18.01.');
export const villageCode = z.string().regex(areaCodeFormats.VILLAGE, 'A village code looks like 63.02.15.2002.');

export const AreaFilter = builder.inputType('AreaFilter', {
  description: 'Limits results to areas, by Kemendagri code. Lists are ORed within a level and ANDed across levels.',
  fields: (t) => ({
    provinceCodes: t.stringList({
      required: false,
      description: 'Provinces, e.g. `["53", "63"]`.',
      validate: z.array(provinceCode).max(MAX_CODES),
    }),
    regencyCodes: t.stringList({
      required: false,
      description: 'Kabupaten/kota, e.g. `["53.18"]`.',
      validate: z.array(regencyCode).max(MAX_CODES),
    }),
    districtCodes: t.stringList({
      required: false,
      description: 'Kecamatan, e.g. `["63.02.15"]`.',
      validate: z.array(districtCode).max(MAX_CODES),
    }),
  }),
});
export type AreaFilterShape = typeof AreaFilter.$inferInput;

export const PeriodInput = builder.inputType('Period', {
  description: 'A range of calendar days (WIB), both ends included. A missing end is open.',
  fields: (t) => ({
    from: t.field({ type: 'Date', required: false, description: 'First day included.' }),
    to: t.field({ type: 'Date', required: false, description: 'Last day included.' }),
  }),
  validate: z
    .looseObject({ from: z.date().nullish(), to: z.date().nullish() })
    .refine((period) => !period.from || !period.to || period.from <= period.to, {
      message: '`from` must not be after `to`.',
      path: ['to'],
    }),
});
export type PeriodShape = typeof PeriodInput.$inferInput;

/** Prisma `where` on a date column for a period. */
export function periodWhere(period: PeriodShape | null | undefined) {
  if (!period?.from && !period?.to) return undefined;
  return { ...(period.from ? { gte: period.from } : {}), ...(period.to ? { lte: period.to } : {}) };
}

/** The instant a calendar day starts in WIB (UTC+7, no daylight saving), where analytics count days too. */
function startOfDayInWib(date: Date): Date {
  return new Date(`${date.toISOString().slice(0, 10)}T00:00:00+07:00`);
}

/** Prisma `where` on a DateTime column for a period of whole days in WIB. */
export function periodTimestampWhere(period: PeriodShape | null | undefined) {
  if (!period?.from && !period?.to) return undefined;
  const end = period.to ? startOfDayInWib(new Date(period.to.getTime() + 86_400_000)) : undefined;
  return { ...(period.from ? { gte: startOfDayInWib(period.from) } : {}), ...(end ? { lt: end } : {}) };
}

/** How a record reaches each level of an area filter: through a relation, or being that level itself. */
export interface AreaPath {
  /** `relation` (default): `regency: { code }`; `own`: the record is a kabupaten/kota (`code`). */
  regency?: 'relation' | 'own';
  /**
   * Kecamatan codes: `ignore` (default; a record without a kecamatan), `relation` (`district: { code }`),
   * `own` (the record is a kecamatan), `village` (`village: { district: { code } }`).
   */
  district?: 'ignore' | 'relation' | 'own' | 'village';
}

/**
 * The one translation of an area filter into Prisma conditions (to AND together): provinces and
 * kabupaten/kota through the record's own relations, kecamatan as `path` says.
 */
export function areaWhere(area: AreaFilterShape | null | undefined, path: AreaPath = {}): Record<string, unknown>[] {
  const where: Record<string, unknown>[] = [];
  const codeIn = (codes: string[]) => ({ code: { in: codes } });
  if (area?.provinceCodes?.length) where.push({ province: codeIn(area.provinceCodes) });
  if (area?.regencyCodes?.length) {
    where.push(path.regency === 'own' ? codeIn(area.regencyCodes) : { regency: codeIn(area.regencyCodes) });
  }
  const districts = area?.districtCodes;
  if (districts?.length && path.district && path.district !== 'ignore') {
    const condition = {
      relation: { district: codeIn(districts) },
      own: codeIn(districts),
      village: { village: { district: codeIn(districts) } },
    }[path.district];
    where.push(condition);
  }
  return where;
}

/** A village (or anything reached through one) in the filter's areas, kecamatan included. */
export const villageAreaWhere = (area: AreaFilterShape | null | undefined) => ({
  AND: areaWhere(area, { district: 'relation' }),
});

/**
 * An `orderBy` input for a connection: one of `fields` (each a model column) and a direction. Results are
 * tie-broken by id so that cursors stay stable, unless the column is unique already.
 */
export function orderInput<
  const Fields extends Record<string, { column: string; description: string; unique?: boolean }>,
>(name: string, fields: Fields, defaultField: keyof Fields & string) {
  type Field = keyof Fields & string;
  const subject = name.replace(/Order$/, '');
  const FieldEnum = builder.enumType(`${subject}OrderField`, {
    description: `What to sort ${subject} results by.`,
    values: Object.fromEntries(
      Object.entries<{ description: string }>(fields).map(([value, { description }]) => [value, { description }]),
    ) as Record<Field, { description: string }>,
  });
  const Input = builder.inputType(name, {
    description: `Sort order for ${subject} results.`,
    fields: (t) => ({
      field: t.field({ type: FieldEnum, required: true, description: 'What to sort by.' }),
      direction: t.field({ type: SortDirectionEnum, required: false, defaultValue: 'ASC', description: 'Which way.' }),
    }),
  });
  const toPrisma = (order: { field: Field; direction?: 'ASC' | 'DESC' | null } | null | undefined) => {
    const direction = order?.direction === 'DESC' ? ('desc' as const) : ('asc' as const);
    const { column, unique } = fields[order?.field ?? defaultField]!;
    // A unique column orders alone: with an id tie-breaker Prisma pages with `(col = c AND id >= i) OR
    // col > c`, which PostgreSQL answers by sorting every row after the cursor; alone it is `col >= c`,
    // an index range scan.
    return unique ? [{ [column]: direction }] : [{ [column]: direction }, { id: direction }];
  };
  return { Input, toPrisma };
}
