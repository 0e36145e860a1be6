// What every analytics figure shares: the area levels, the area a row is about, the filter, and the
// filter narrowed to the caller's area (an aggregate never counts beyond it).
import { allowedRegencyCodes } from '../../auth/area-codes.js';
import { builder } from '../../builder.js';
import type { Context } from '../../context.js';
import type { AnalyticsFilter as AnalyticsFilterShape, AreaLevel } from '../../analytics/filter.js';
import { ProgrammeVariantEnum, ReportTypeEnum } from '../enums.js';
import { AreaFilter, PeriodInput } from '../filters.js';

export const AreaLevelEnum = builder.enumType('AreaLevel', {
  description: 'A level of the administrative hierarchy to group by.',
  values: {
    PROVINCE: { description: 'Province (provinsi).' },
    REGENCY: { description: 'Kabupaten/kota: "district" in the dashboard\'s reports per district.' },
    DISTRICT: { description: 'Kecamatan.' },
  } as const,
});

export const RegionLevelEnum = builder.enumType('RegionLevel', {
  description: 'Province or kabupaten/kota: the levels that have work-plan targets and early-warning signals.',
  values: {
    PROVINCE: { value: 'PROVINCE', description: 'One row per province.' },
    REGENCY: { value: 'REGENCY', description: 'One row per kabupaten/kota.' },
  } as const,
});

/** The `groupBy` argument of figures kept per province or kabupaten/kota. */
export const regionLevelArgument = {
  type: RegionLevelEnum,
  required: false,
  defaultValue: 'PROVINCE',
  description: 'Row level (default PROVINCE).',
} as const;

export const ReportDimensionEnum = builder.enumType('ReportDimension', {
  description: 'What to group report statistics by; combine several for a cross table.',
  values: {
    PROVINCE: { description: 'Province of the reporting village.' },
    REGENCY: { description: 'Kabupaten/kota of the reporting village.' },
    DISTRICT: { description: 'Kecamatan of the reporting village.' },
    TYPE: { description: 'Report type.' },
    STATUS: { description: 'Current status.' },
    MONTH: { description: 'Month received (WIB), `YYYY-MM`.' },
  } as const,
});

export interface AreaKeyShape {
  level: AreaLevel;
  code: string;
  name: string;
}

export const AnalyticsArea = builder.objectRef<AreaKeyShape>('AnalyticsArea').implement({
  description: 'An area a figure is about; drill down by passing its code in the next filter.',
  fields: (t) => ({
    level: t.field({ type: AreaLevelEnum, description: 'Its level.', resolve: (area) => area.level }),
    code: t.exposeString('code', { description: 'Kemendagri code.' }),
    name: t.exposeString('name', { description: 'Official name.' }),
  }),
});

export const AnalyticsFilter = builder.inputType('AnalyticsFilter', {
  description: 'What analytics count. Empty means everything.',
  fields: (t) => ({
    area: t.field({ type: AreaFilter, required: false, description: 'Only these areas.' }),
    variants: t.field({
      type: [ProgrammeVariantEnum],
      required: false,
      description:
        'Only designations of these variants (reports: only those sent under such a designation). Targets are not per variant.',
    }),
    period: t.field({
      type: PeriodInput,
      required: false,
      description: 'Only this period: reports received in it; designations as of its end; targets of its years.',
    }),
    reportTypes: t.field({ type: [ReportTypeEnum], required: false, description: 'Only reports of these types.' }),
  }),
});

export type FilterArg = typeof AnalyticsFilter.$inferInput | null | undefined;

export const isoDate = (date: Date | null | undefined) => (date ? date.toISOString().slice(0, 10) : null);

/** A code no kabupaten/kota has: restricts a filter to nothing. */
export const NO_REGENCY = '00.00';
/** The filter as asked, narrowed to the caller's area: an aggregate never counts beyond it. */
export async function scopedFilter(ctx: Context, filter: FilterArg): Promise<AnalyticsFilterShape> {
  const asked = toAnalyticsFilter(filter);
  const allowed = await allowedRegencyCodes(ctx);
  if (!allowed) return asked;
  const regencyCodes = asked.regencyCodes?.length
    ? asked.regencyCodes.filter((code) => allowed.includes(code))
    : allowed;
  return { ...asked, regencyCodes: regencyCodes.length ? regencyCodes : [NO_REGENCY] };
}

export function toAnalyticsFilter(filter: FilterArg): AnalyticsFilterShape {
  return {
    provinceCodes: filter?.area?.provinceCodes,
    regencyCodes: filter?.area?.regencyCodes,
    districtCodes: filter?.area?.districtCodes,
    variants: filter?.variants,
    from: isoDate(filter?.period?.from),
    to: isoDate(filter?.period?.to),
    reportTypes: filter?.reportTypes,
  };
}
