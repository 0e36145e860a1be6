// The wilayah hierarchy: Province → Regency (kabupaten/kota) → District (kecamatan) → Village.
import { dateInArea, FAR_FROM_OFFICE_KM, timeZoneOfArea } from '@binaan/domain';
import { z } from 'zod';
import { scopeWhere } from '../auth/scope-where.js';
import { builder } from '../builder.js';
import { listCost, listLengths } from '../query-cost.js';
import type { Context } from '../context.js';
import { recordList } from './record-list.js';
import { provinceById, regencyById } from './areas-in-memory.js';
import { RegencyKindEnum, VillageKindEnum } from './enums.js';
import {
  AreaFilter,
  type AreaFilterShape,
  areaWhere,
  districtCode,
  orderInput,
  PeriodInput,
  periodTimestampWhere,
  provinceCode,
  regencyCode,
  villageCode,
} from './filters.js';

const nameSearch = (search: string | null | undefined) =>
  search ? { name: { contains: search, mode: 'insensitive' as const } } : {};

const areaOrderFields = {
  CODE: { column: 'code', description: 'Kemendagri code.', unique: true },
  NAME: { column: 'name', description: 'Name, A to Z.' },
} as const;

export const Province = builder.prismaNode('Province', {
  id: { field: 'id' },
  description: 'A province (provinsi).',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Kemendagri code, two digits, e.g. `53`.' }),
    name: t.exposeString('name', { description: 'Official name, e.g. Nusa Tenggara Timur.' }),
    regencies: t.relation('regencies', {
      ...listCost(listLengths.regenciesPerProvince),
      description: 'Its kabupaten and kota, by code.',
      query: { orderBy: { code: 'asc' } },
    }),
    districts: t.relatedConnection('districts', {
      cursor: 'id',
      description: 'Its kecamatan, by code.',
      query: { orderBy: { code: 'asc' } },
      totalCount: true,
    }),
    villages: t.relatedConnection('villages', {
      cursor: 'id',
      description: 'Its desa and kelurahan, by code.',
      query: { orderBy: { code: 'asc' } },
      totalCount: true,
    }),
    regionalOffice: t.relation('regionalOffice', {
      nullable: true,
      description: 'Its Kantor Wilayah, when recorded.',
    }),
    offices: t.relation('offices', {
      ...listCost(listLengths.officesPerProvince),
      description: 'Immigration offices in the province.',
      query: { orderBy: { code: 'asc' } },
    }),
  }),
});

export const Regency = builder.prismaNode('Regency', {
  id: { field: 'id' },
  description:
    'A kabupaten (regency) or kota (city). "District" in the dashboard\'s "reports per district" means this level.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Kemendagri code `PP.KK`, e.g. `53.18`.' }),
    name: t.exposeString('name', { description: 'Official name, e.g. Kabupaten Sumba Barat Daya.' }),
    kind: t.expose('kind', { type: RegencyKindEnum, description: 'Kabupaten or kota.' }),
    province: t.relation('province', { description: 'The province it belongs to.' }),
    districts: t.relation('districts', {
      ...listCost(listLengths.districtsPerRegency),
      description: 'Its kecamatan, by code.',
      query: { orderBy: { code: 'asc' } },
    }),
    villages: t.relatedConnection('villages', {
      cursor: 'id',
      description: 'Its desa and kelurahan, by code.',
      query: { orderBy: { code: 'asc' } },
      totalCount: true,
    }),
  }),
});

/**
 * A record's kabupaten/kota and province, read from memory by the ids on its row (areas-in-memory.ts):
 * a page of villages, reports or signals names them without a query, and, as they are not relations the
 * Prisma plugin preloads, such a page can run compiled (plugins/compiled-execution.ts). Spread into a
 * `t.field` with its description.
 */
export const regencyFromMemory = {
  type: Regency,
  resolve: (row: { regencyId: number }, _args: unknown, ctx: Context) => regencyById(ctx.db, row.regencyId),
};
export const provinceFromMemory = {
  type: Province,
  resolve: (row: { provinceId: number }, _args: unknown, ctx: Context) => provinceById(ctx.db, row.provinceId),
};

export const District = builder.prismaNode('District', {
  id: { field: 'id' },
  description: 'A kecamatan.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Kemendagri code `PP.KK.CC`, e.g. `63.02.15`.' }),
    name: t.exposeString('name', { description: 'Official name, e.g. Sungai Durian.' }),
    regency: t.relation('regency', { description: 'The kabupaten/kota it belongs to.' }),
    province: t.relation('province', { description: 'The province it belongs to.' }),
    villages: t.relation('villages', {
      ...listCost(listLengths.villagesPerDistrict),
      description: 'Its desa and kelurahan, by code.',
      query: { orderBy: { code: 'asc' } },
    }),
  }),
});

export const Village = builder.prismaNode('Village', {
  id: { field: 'id' },
  description: 'A desa (village) or kelurahan (urban ward), with what makes it a priority for the programme.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Kemendagri code `PP.KK.CC.NNNN`, e.g. `63.02.15.2002`.' }),
    name: t.exposeString('name', { description: 'Official name, e.g. Gendang Timburu.' }),
    kind: t.expose('kind', { type: VillageKindEnum, description: 'Desa or kelurahan.' }),
    timeZone: t.string({
      description:
        "Its time zone, from its province: WIB (UTC+7), WITA (UTC+8) or WIT (UTC+9). Its own dates (a report's day, today) are in it.",
      resolve: (village) => timeZoneOfArea(village.code),
    }),
    district: t.relation('district', { description: 'Its kecamatan.' }),
    // No `select`: the columns are loaded with every village anyway, and a field with one is checked
    // against the Prisma plugin's preloaded data on every row (5 % of a page of villages' time).
    regency: t.field({ ...regencyFromMemory, description: 'Its kabupaten/kota.' }),
    province: t.field({ ...provinceFromMemory, description: 'Its province.' }),
    isLandBorder: t.exposeBoolean('isLandBorder', { description: 'Lies on a land border.' }),
    isSeaBorder: t.exposeBoolean('isSeaBorder', { description: 'Lies on a sea border.' }),
    isMigrantWorkerSendingArea: t.exposeBoolean('isMigrantWorkerSendingArea', {
      description: 'Sends many migrant workers abroad (kantong PMI).',
    }),
    distanceToOfficeKm: t.exposeFloat('distanceToOfficeKm', {
      nullable: true,
      description: 'Distance to the nearest immigration office in km; null when unknown.',
    }),
    // A village's programme records are visible only inside the caller's area (and with the permission).
    designations: t.relation('designations', {
      ...listCost(listLengths.designationsPerVillage),
      description: 'Its designations under the programme, newest first (empty outside your area).',
      authScopes: { readRecords: true },
      query: (_args, ctx) => ({
        where: scopeWhere.designation(ctx.permissions),
        orderBy: [{ year: 'desc' }, { id: 'desc' }],
      }),
    }),
    reports: t.relatedConnection('reports', {
      cursor: 'id',
      description: 'Reports it sent, newest first (empty outside your area).',
      authScopes: { readRecords: true },
      query: (_args, ctx) => ({
        where: scopeWhere.report(ctx.permissions),
        orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }],
      }),
      totalCount: true,
    }),
    lastReportOn: t.field({
      type: 'Date',
      nullable: true,
      authScopes: { readRecords: true },
      description:
        "The day its latest report came in, in the village's own time zone; null when it never sent one (or outside your area).",
      select: (_args, ctx) => ({
        code: true,
        reports: {
          where: scopeWhere.report(ctx.permissions),
          orderBy: [{ submittedAt: 'desc' as const }],
          take: 1,
          select: { submittedAt: true },
        },
      }),
      resolve: (village) => {
        const latest = village.reports[0];
        return latest ? new Date(`${dateInArea(village.code, latest.submittedAt)}T00:00:00Z`) : null;
      },
    }),
    activities: t.relatedConnection('activities', {
      cursor: 'id',
      description: 'Programme activities held in it, newest first (empty outside your area).',
      authScopes: { readRecords: true },
      query: (_args, ctx) => ({
        where: scopeWhere.activity(ctx.permissions),
        orderBy: [{ heldOn: 'desc' }, { id: 'desc' }],
      }),
      totalCount: true,
    }),
    trainingSessions: t.relation('trainingSessions', {
      ...listCost(listLengths.trainingSessionsPerVillage),
      description: 'Training sessions held in it, newest first (empty outside your area).',
      authScopes: { readRecords: true },
      query: (_args, ctx) => ({
        where: scopeWhere.trainingSession(ctx.permissions),
        orderBy: [{ heldOn: 'desc' }, { id: 'desc' }],
      }),
    }),
  }),
});

const provinceOrder = orderInput('ProvinceOrder', areaOrderFields, 'CODE');
const regencyOrder = orderInput('RegencyOrder', areaOrderFields, 'CODE');
const districtOrder = orderInput('DistrictOrder', areaOrderFields, 'CODE');
const villageOrder = orderInput(
  'VillageOrder',
  {
    ...areaOrderFields,
    DISTANCE_TO_OFFICE: { column: 'distanceToOfficeKm', description: 'Distance to the nearest office.' },
  },
  'CODE',
);

const VillageFilter = builder.inputType('VillageFilter', {
  description: 'Which villages to list.',
  fields: (t) => ({
    area: t.field({ type: AreaFilter, required: false, description: 'Only villages in these areas.' }),
    kind: t.field({ type: VillageKindEnum, required: false, description: 'Only desa, or only kelurahan.' }),
    designated: t.boolean({
      required: false,
      description: 'true: only villages with an active designation; false: only villages without one.',
    }),
    isBorder: t.boolean({
      required: false,
      description: 'Only villages on (true) or off (false) a land or sea border.',
    }),
    isMigrantWorkerSendingArea: t.boolean({
      required: false,
      description: 'Only migrant-worker sending areas (true) or others.',
    }),
    isPriority: t.boolean({
      required: false,
      description: `true: only villages the programme prioritises (border, migrant-worker sending area, or over ${FAR_FROM_OFFICE_KM} km from an office); false: only others.`,
    }),
    search: t.string({
      required: false,
      description: 'Case-insensitive part of the name.',
      validate: z.string().min(1).max(100),
    }),
    silentDuring: t.field({
      type: PeriodInput,
      required: false,
      description:
        'Only villages that were designated (ACTIVE on at least one day of the period, by the status history) and sent no report received in it (days in WIB). Both ends are needed. Pair with `lastReportOn`.',
    }),
  }),
  validate: z
    .looseObject({ silentDuring: z.looseObject({ from: z.date().nullish(), to: z.date().nullish() }).nullish() })
    .refine((filter) => !filter.silentDuring || (filter.silentDuring.from && filter.silentDuring.to), {
      message: 'silentDuring needs both from and to.',
      path: ['silentDuring'],
    }),
});

/**
 * Villages designated and ACTIVE on at least one day of a period (designation_active_span, the one
 * definition the figures use): the ids, for a `where`.
 */
async function villagesActiveDuring(ctx: Context, period: { from: Date; to: Date }): Promise<number[]> {
  const rows = await ctx.db.sql.query<{ village_id: number }>(
    `SELECT DISTINCT village_id FROM designation_active_span
      WHERE first_day <= $2::date AND (end_day IS NULL OR end_day > $1::date)`,
    [period.from.toISOString().slice(0, 10), period.to.toISOString().slice(0, 10)],
  );
  return rows.map((row) => row.village_id);
}

type SearchArgs = { area?: AreaFilterShape | null; search?: string | null };

function regencyWhere(args: SearchArgs & { kind?: 'REGENCY' | 'CITY' | null }) {
  return {
    AND: areaWhere(args.area, { regency: 'own' }),
    ...(args.kind ? { kind: args.kind } : {}),
    ...nameSearch(args.search),
  };
}

function districtWhere(args: SearchArgs) {
  return {
    AND: areaWhere(args.area, { district: 'own' }),
    ...nameSearch(args.search),
  };
}

const PRIORITY_CONDITIONS = [
  { isLandBorder: true },
  { isSeaBorder: true },
  { isMigrantWorkerSendingArea: true },
  { distanceToOfficeKm: { gt: FAR_FROM_OFFICE_KM } },
];

type VillageFilterShape = typeof VillageFilter.$inferInput;

/**
 * Villages are public reference data, but whether one is designated is a programme record: the
 * `designated` filter only counts designations the caller may see.
 */
async function villageWhere(filter: VillageFilterShape | null | undefined, ctx: Context) {
  const activeAndVisible = { status: 'ACTIVE' as const, ...scopeWhere.designation(ctx.permissions) };
  const silent = filter?.silentDuring?.from && filter.silentDuring.to ? filter.silentDuring : null;
  return {
    ...(silent
      ? {
          id: { in: await villagesActiveDuring(ctx, { from: silent.from!, to: silent.to! }) },
          reports: { none: { submittedAt: periodTimestampWhere(silent) } },
        }
      : {}),
    AND: [
      ...areaWhere(filter?.area, { district: 'relation' }),
      ...(filter?.isBorder === true ? [{ OR: [{ isLandBorder: true }, { isSeaBorder: true }] }] : []),
      ...(filter?.isBorder === false ? [{ isLandBorder: false, isSeaBorder: false }] : []),
      ...(filter?.isPriority === true ? [{ OR: PRIORITY_CONDITIONS }] : []),
      ...(filter?.isPriority === false ? [{ NOT: { OR: PRIORITY_CONDITIONS } }] : []),
    ],
    ...(filter?.kind ? { kind: filter.kind } : {}),
    ...(filter?.isMigrantWorkerSendingArea != null
      ? { isMigrantWorkerSendingArea: filter.isMigrantWorkerSendingArea }
      : {}),
    ...(filter?.designated === true ? { designations: { some: activeAndVisible } } : {}),
    ...(filter?.designated === false ? { designations: { none: activeAndVisible } } : {}),
    ...nameSearch(filter?.search),
  };
}

const codeArg = (schema: z.ZodString, description: string) => ({
  required: true as const,
  description,
  validate: schema,
});

builder.queryFields((t) => ({
  provinces: t.prismaConnection({
    type: 'Province',
    authScopes: { signedIn: true },
    cursor: 'id',
    description: 'Provinces.',
    totalCount: (_root, args, ctx) => ctx.db.prisma.province.count({ where: nameSearch(args.search) }),
    args: {
      search: t.arg.string({
        required: false,
        description: 'Case-insensitive part of the name.',
        validate: z.string().min(1).max(100),
      }),
      orderBy: t.arg({ type: provinceOrder.Input, required: false, description: 'Default: by code.' }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.db.prisma.province.findMany({
        ...query,
        where: nameSearch(args.search),
        orderBy: provinceOrder.toPrisma(args.orderBy),
      }),
  }),
  province: t.prismaField({
    type: 'Province',
    authScopes: { signedIn: true },
    nullable: true,
    description: 'A province by its Kemendagri code.',
    args: { code: t.arg.string(codeArg(provinceCode, 'e.g. `53`.')) },
    resolve: (query, _root, { code }, ctx) => ctx.db.prisma.province.findUnique({ ...query, where: { code } }),
  }),
  regencies: t.prismaConnection({
    type: 'Regency',
    authScopes: { signedIn: true },
    cursor: 'id',
    description: 'Kabupaten and kota.',
    totalCount: (_root, args, ctx) => ctx.db.prisma.regency.count({ where: regencyWhere(args) }),
    args: {
      area: t.arg({ type: AreaFilter, required: false, description: 'Only in these provinces (or these codes).' }),
      kind: t.arg({ type: RegencyKindEnum, required: false, description: 'Only kabupaten, or only kota.' }),
      search: t.arg.string({
        required: false,
        description: 'Case-insensitive part of the name.',
        validate: z.string().min(1).max(100),
      }),
      orderBy: t.arg({ type: regencyOrder.Input, required: false, description: 'Default: by code.' }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.db.prisma.regency.findMany({
        ...query,
        where: regencyWhere(args),
        orderBy: regencyOrder.toPrisma(args.orderBy),
      }),
  }),
  regency: t.prismaField({
    type: 'Regency',
    authScopes: { signedIn: true },
    nullable: true,
    description: 'A kabupaten/kota by its Kemendagri code.',
    args: { code: t.arg.string(codeArg(regencyCode, 'e.g. `53.18`.')) },
    resolve: (query, _root, { code }, ctx) => ctx.db.prisma.regency.findUnique({ ...query, where: { code } }),
  }),
  districts: t.prismaConnection({
    type: 'District',
    authScopes: { signedIn: true },
    cursor: 'id',
    description: 'Kecamatan.',
    totalCount: (_root, args, ctx) => ctx.db.prisma.district.count({ where: districtWhere(args) }),
    args: {
      area: t.arg({ type: AreaFilter, required: false, description: 'Only in these areas.' }),
      search: t.arg.string({
        required: false,
        description: 'Case-insensitive part of the name.',
        validate: z.string().min(1).max(100),
      }),
      orderBy: t.arg({ type: districtOrder.Input, required: false, description: 'Default: by code.' }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.db.prisma.district.findMany({
        ...query,
        where: districtWhere(args),
        orderBy: districtOrder.toPrisma(args.orderBy),
      }),
  }),
  district: t.prismaField({
    type: 'District',
    authScopes: { signedIn: true },
    nullable: true,
    description: 'A kecamatan by its Kemendagri code.',
    args: { code: t.arg.string(codeArg(districtCode, 'e.g. `63.02.15`.')) },
    resolve: (query, _root, { code }, ctx) => ctx.db.prisma.district.findUnique({ ...query, where: { code } }),
  }),
  villages: t.prismaConnection({
    type: 'Village',
    authScopes: { signedIn: true },
    cursor: 'id',
    description: 'Desa and kelurahan.',
    args: {
      filter: t.arg({ type: VillageFilter, required: false, description: 'Which villages.' }),
      orderBy: t.arg({ type: villageOrder.Input, required: false, description: 'Default: by code.' }),
    },
    ...recordList({
      rows: (ctx) => ctx.db.prisma.village,
      where: villageWhere,
      order: villageOrder.toPrisma,
    }),
  }),
  village: t.prismaField({
    type: 'Village',
    authScopes: { signedIn: true },
    nullable: true,
    description: 'A desa or kelurahan by its Kemendagri code.',
    args: { code: t.arg.string(codeArg(villageCode, 'e.g. `63.02.15.2002`.')) },
    resolve: (query, _root, { code }, ctx) => ctx.db.prisma.village.findUnique({ ...query, where: { code } }),
  }),
}));
