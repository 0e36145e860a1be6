// Kantor Wilayah (regional offices) and Kantor Imigrasi (immigration offices) with their working areas.
import { z } from 'zod';
import { builder } from '../builder.js';
import { listCost, listLengths } from '../query-cost.js';
import { Regency } from './area.js';
import { OfficeClassEnum } from './enums.js';
import { AreaFilter, type AreaFilterShape, orderInput } from './filters.js';

builder.prismaNode('RegionalOffice', {
  id: { field: 'id' },
  description: 'A Kantor Wilayah (Kanwil): one per province, with a Divisi Keimigrasian.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'e.g. Kantor Wilayah Nusa Tenggara Timur.' }),
    city: t.exposeString('city', { description: 'Where it sits.' }),
    province: t.relation('province', { description: 'The province it serves.' }),
    offices: t.relation('offices', {
      ...listCost(listLengths.officesPerProvince),
      description: 'Immigration offices under it.',
      query: { orderBy: { code: 'asc' } },
    }),
  }),
});

export const ImmigrationOffice = builder.prismaNode('ImmigrationOffice', {
  id: { field: 'id' },
  description: 'A Kantor Imigrasi (Kanim), which designates villages in its working area and runs the programme there.',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'Short stable code, e.g. `KANIM-BATULICIN`.' }),
    name: t.exposeString('name', { description: 'e.g. Kantor Imigrasi Kelas II TPI Batulicin.' }),
    officeClass: t.expose('officeClass', { type: OfficeClassEnum, description: 'Kelas I Khusus, I, II or III.' }),
    hasCheckpoint: t.exposeBoolean('hasCheckpoint', {
      description: 'TPI: runs an immigration checkpoint (Tempat Pemeriksaan Imigrasi); otherwise Non TPI.',
    }),
    city: t.exposeString('city', { description: 'Where it sits.' }),
    province: t.relation('province', { description: 'The province it sits in.' }),
    regionalOffice: t.relation('regionalOffice', { nullable: true, description: 'Its Kanwil, when recorded.' }),
    workingArea: t.field({
      ...listCost(listLengths.regenciesPerOffice),
      type: [Regency],
      description: 'The kabupaten/kota it covers (wilayah kerja).',
      select: (_args, _ctx, nestedSelection) => ({
        workingAreas: { select: { regency: nestedSelection(true) }, orderBy: { regency: { code: 'asc' } } },
      }),
      resolve: (office) => office.workingAreas.map((area) => area.regency),
    }),
  }),
});

const officeOrder = orderInput(
  'ImmigrationOfficeOrder',
  {
    CODE: { column: 'code', description: 'Office code.', unique: true },
    NAME: { column: 'name', description: 'Name, A to Z.' },
  },
  'CODE',
);

function officeWhere({ area, search }: { area?: AreaFilterShape | null; search?: string | null }) {
  return {
    ...(area?.provinceCodes?.length ? { province: { code: { in: area.provinceCodes } } } : {}),
    ...(area?.regencyCodes?.length ? { workingAreas: { some: { regency: { code: { in: area.regencyCodes } } } } } : {}),
    ...(search ? { name: { contains: search, mode: 'insensitive' as const } } : {}),
  };
}

builder.queryFields((t) => ({
  offices: t.prismaConnection({
    type: 'ImmigrationOffice',
    authScopes: { signedIn: true },
    cursor: 'id',
    description: 'Immigration offices (Kantor Imigrasi).',
    args: {
      area: t.arg({
        type: AreaFilter,
        required: false,
        description: 'Offices in these provinces, or covering these kabupaten/kota.',
      }),
      search: t.arg.string({
        required: false,
        description: 'Case-insensitive part of the name.',
        validate: z.string().min(1).max(100),
      }),
      orderBy: t.arg({ type: officeOrder.Input, required: false, description: 'Default: by code.' }),
    },
    totalCount: (_root, args, ctx) => ctx.db.prisma.immigrationOffice.count({ where: officeWhere(args) }),
    resolve: (query, _root, args, ctx) =>
      ctx.db.prisma.immigrationOffice.findMany({
        ...query,
        where: officeWhere(args),
        orderBy: officeOrder.toPrisma(args.orderBy),
      }),
  }),
  office: t.prismaField({
    type: 'ImmigrationOffice',
    authScopes: { signedIn: true },
    nullable: true,
    description: 'An immigration office by its code.',
    args: {
      code: t.arg.string({
        required: true,
        description: 'e.g. `KANIM-BATULICIN`.',
        validate: z.string().min(1).max(60),
      }),
    },
    resolve: (query, _root, { code }, ctx) => ctx.db.prisma.immigrationOffice.findUnique({ ...query, where: { code } }),
  }),
}));

builder.prismaObjectFields(Regency, (t) => ({
  offices: t.field({
    ...listCost(listLengths.officesPerProvince),
    type: [ImmigrationOffice],
    description: 'Immigration offices whose working area covers it.',
    select: (_args, _ctx, nestedSelection) => ({
      workingAreas: { select: { office: nestedSelection(true) }, orderBy: { office: { code: 'asc' } } },
    }),
    resolve: (regency) => regency.workingAreas.map((area) => area.office),
  }),
}));
