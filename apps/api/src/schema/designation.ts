// Designations: a village designated under a programme variant by an office, and the work-plan targets.
import {
  canMoveDesignation,
  type DesignationStatus,
  designationStatusesNeedingReason,
  designationTransitions,
  MAX_DESIGNATION_STATUS_CHANGES,
  PROGRAMME_FIRST_YEAR,
  todayInArea,
} from '@binaan/domain';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { z } from 'zod';
import { decreeDocumentPath } from '../plugins/decree-documents.js';
import { scopeWhere } from '../auth/scope-where.js';
import { builder } from '../builder.js';
import { listCost, listLengths } from '../query-cost.js';
import type { Context } from '../context.js';
import { recordList } from './record-list.js';
import { DesignationStatusEnum, ProgrammeVariantEnum, SelectionReasonEnum } from './enums.js';
import {
  cannotMoveMessage,
  ConflictError,
  ErrorInterface,
  errorTypeOf,
  FieldError,
  invalidField,
  mutationErrors,
  NotFoundError,
} from './errors.js';
import { AreaFilter, orderInput, villageAreaWhere, villageCode } from './filters.js';
import { audit, notAfterTodayIn, requireArea, requirePermission, today, writeTransaction, reread } from './writes.js';

builder.prismaObject('DesignationStatusChange', {
  description:
    "One change of a designation's status. The status in force on a day is that of the latest change effective on or before it; every figure for a date or period counts designations by it.",
  fields: (t) => ({
    fromStatus: t.expose('fromStatus', {
      type: DesignationStatusEnum,
      nullable: true,
      description: 'Status before; null for the first.',
    }),
    toStatus: t.expose('toStatus', { type: DesignationStatusEnum, description: 'Status after.' }),
    effectiveOn: t.expose('effectiveOn', {
      type: 'Date',
      description: "The day it took effect, in the village's own time zone (may be before it was recorded).",
    }),
    recordedAt: t.expose('recordedAt', { type: 'DateTime', description: 'When it was recorded.' }),
    recordedBy: t.exposeString('recordedBy', {
      description: 'Who recorded it (`user:<id>`, `token:<id>`; `migration` for history backfilled from before).',
    }),
    reason: t.exposeString('reason', { nullable: true, description: 'Why (always given for SUSPENDED and ENDED).' }),
  }),
});

export const Designation = builder.prismaNode('Designation', {
  id: { field: 'id' },
  // Out of the caller's area it does not exist: node(id) answers null.
  nullable: true,
  // node(id) finds it only inside the caller's area.
  findUnique: (id, ctx) => ({ id: Number(id), AND: [scopeWhere.designation(ctx.permissions)] }),
  description: 'A village designated under a programme variant by an immigration office.',
  fields: (t) => ({
    village: t.relation('village', { description: 'The designated desa or kelurahan.' }),
    variant: t.expose('variant', { type: ProgrammeVariantEnum, description: 'Under which form of the programme.' }),
    office: t.relation('office', { description: 'The immigration office that designated it.' }),
    year: t.exposeInt('year', { description: 'Programme year of the designation.' }),
    status: t.expose('status', { type: DesignationStatusEnum, description: 'Where it is in its lifecycle.' }),
    inauguratedOn: t.expose('inauguratedOn', {
      type: 'Date',
      nullable: true,
      description: 'Date of the inauguration (diresmikan); null while planned.',
    }),
    statusChangedAt: t.expose('statusChangedAt', { type: 'DateTime', description: 'When the status last changed.' }),
    statusHistory: t.relation('statusChanges', {
      ...listCost(listLengths.statusChangesPerDesignation),
      description: 'Every status it has had, oldest first, with the day each took effect and why.',
      query: { orderBy: [{ effectiveOn: 'asc' }, { id: 'asc' }] },
    }),
    decreeNumber: t.exposeString('decreeNumber', {
      nullable: true,
      description: "Number of the office head's decree (SK).",
    }),
    decreeDate: t.expose('decreeDate', { type: 'Date', nullable: true, description: 'Date of the decree (SK).' }),
    decreeDocuments: t.relation('documents', {
      ...listCost(listLengths.decreeVersionsListed),
      description: `The decree (SK) PDFs uploaded, newest first (at most ${listLengths.decreeVersionsListed}); the first is the one in force. Upload with PUT to \`url\`.`,
      query: { orderBy: [{ uploadedAt: 'desc' }, { id: 'desc' }], take: listLengths.decreeVersionsListed },
    }),
    decreeUploadUrl: t.string({
      description: 'Where to PUT the decree (SK) as a PDF (`application/pdf`, at most 5 MB), and GET the latest one.',
      select: { id: true },
      resolve: (designation) => decreeDocumentPath(encodeGlobalID('Designation', designation.id)),
    }),
    officerName: t.exposeString('officerName', {
      nullable: true,
      description: 'Personal data: the assigned officer (PIMPASA). Null unless your role may see personal data.',
      authScopes: { personal: true },
      unauthorizedResolver: () => null,
    }),
    selectionReasons: t.field({
      type: [SelectionReasonEnum],
      description: 'Why the village was chosen.',
      resolve: (designation) => designation.selectionReasons,
    }),
    taskForce: t.relation('taskForce', { nullable: true, description: 'Its task force (gugus tugas), once formed.' }),
    reports: t.relatedConnection('reports', {
      cursor: 'id',
      description: 'Reports sent under this designation, newest first.',
      query: { orderBy: [{ submittedAt: 'desc' }, { id: 'desc' }] },
      totalCount: true,
    }),
  }),
});

builder.prismaObject('DesignationDocument', {
  name: 'DecreeDocument',
  // Never the content (up to 5 MB): only what describes it. The file itself is served over HTTP.
  select: { id: true, designationId: true, sha256: true },
  description: "A designation's decree (SK) as uploaded: a PDF kept in the database with its SHA-256.",
  fields: (t) => ({
    fileName: t.exposeString('fileName', { description: 'The file name, made safe.' }),
    byteSize: t.exposeInt('byteSize', { description: 'Size in bytes.' }),
    sha256: t.exposeString('sha256', { description: 'SHA-256 of the content, hex; checked on every download.' }),
    uploadedAt: t.expose('uploadedAt', { type: 'DateTime', description: 'When it was uploaded.' }),
    uploadedBy: t.exposeString('uploadedBy', { description: 'Who uploaded it (user or application identifier).' }),
    url: t.string({
      description: 'Where to GET this version (an earlier one too), checked against its SHA-256.',
      resolve: (document) =>
        `${decreeDocumentPath(encodeGlobalID('Designation', document.designationId))}?sha256=${document.sha256}`,
    }),
  }),
});

const DesignationFilter = builder.inputType('DesignationFilter', {
  description: 'Which designations to list.',
  fields: (t) => ({
    area: t.field({ type: AreaFilter, required: false, description: 'Only villages in these areas.' }),
    variants: t.field({ type: [ProgrammeVariantEnum], required: false, description: 'Only these programme variants.' }),
    statuses: t.field({ type: [DesignationStatusEnum], required: false, description: 'Only these statuses.' }),
    years: t.intList({
      required: false,
      description: 'Only these programme years.',
      validate: z.array(z.number().int().min(2000).max(2100)).max(50),
    }),
    officeCodes: t.stringList({
      required: false,
      description: 'Only designations by these offices.',
      validate: z.array(z.string().max(60)).max(200),
    }),
  }),
});

type DesignationFilterShape = typeof DesignationFilter.$inferInput;

function designationFilterWhere(filter: DesignationFilterShape | null | undefined) {
  return {
    village: villageAreaWhere(filter?.area),
    ...(filter?.variants?.length ? { variant: { in: filter.variants } } : {}),
    ...(filter?.statuses?.length ? { status: { in: filter.statuses } } : {}),
    ...(filter?.years?.length ? { year: { in: filter.years } } : {}),
    ...(filter?.officeCodes?.length ? { office: { code: { in: filter.officeCodes } } } : {}),
  };
}

/** The rows the caller may see that match the filter: used for both the page and its total count. */
function designationWhere(filter: DesignationFilterShape | null | undefined, { permissions }: Context) {
  return { AND: [designationFilterWhere(filter), scopeWhere.designation(permissions)] };
}

const designationOrder = orderInput(
  'DesignationOrder',
  {
    YEAR: { column: 'year', description: 'Programme year.' },
    INAUGURATED_ON: { column: 'inauguratedOn', description: 'Inauguration date.' },
    STATUS_CHANGED_AT: { column: 'statusChangedAt', description: 'Last status change.' },
  },
  'YEAR',
);

builder.queryFields((t) => ({
  designations: t.prismaConnection({
    type: 'Designation',
    cursor: 'id',
    authScopes: { readRecords: true },
    description: 'Designations of villages under the programme (in your area).',
    args: {
      filter: t.arg({ type: DesignationFilter, required: false, description: 'Which designations.' }),
      orderBy: t.arg({ type: designationOrder.Input, required: false, description: 'Default: by year.' }),
    },
    ...recordList({
      rows: (ctx) => ctx.db.prisma.designation,
      where: designationWhere,
      order: designationOrder.toPrisma,
    }),
  }),
}));

// ─── designateVillage ───────────────────────────────────────────────────────────────────────────

const DesignateVillageInput = builder.inputType('DesignateVillageInput', {
  description: 'A village to designate under the programme.',
  fields: (t) => ({
    villageCode: t.string({ required: true, description: 'Kemendagri code of the village.', validate: villageCode }),
    variant: t.field({ type: ProgrammeVariantEnum, required: true, description: 'Under which programme variant.' }),
    officeCode: t.string({
      required: true,
      description: 'The designating office; it must cover the village.',
      validate: z.string().min(1).max(60),
    }),
    year: t.int({
      required: true,
      description: 'Programme year.',
      validate: z.number().int().min(PROGRAMME_FIRST_YEAR).max(2100),
    }),
    status: t.field({
      type: DesignationStatusEnum,
      required: false,
      defaultValue: 'PLANNED',
      description: 'PLANNED (default) or ACTIVE when it is being inaugurated now.',
    }),
    inauguratedOn: t.field({ type: 'Date', required: false, description: 'Inauguration date; required when ACTIVE.' }),
    decreeNumber: t.string({
      required: false,
      description: 'Decree (SK) number.',
      validate: z.string().trim().min(1).max(120),
    }),
    decreeDate: t.field({
      type: 'Date',
      required: false,
      description: 'Date of the decree (SK): not in the future where the village is.',
    }),
    officerName: t.string({
      required: false,
      description: 'Personal data: the assigned officer (PIMPASA, Petugas Imigrasi Pembina Desa).',
      validate: z
        .string()
        .trim()
        .min(2)
        .max(120)
        .regex(/^[\p{L}][\p{L} .,'-]*$/u, "A name has letters, spaces and . , ' - only."),
    }),
    selectionReasons: t.field({
      type: [SelectionReasonEnum],
      required: false,
      description: 'Why the village was chosen.',
      validate: z.array(z.string()).max(3),
    }),
  }),
  // Every rule across fields is checked together, so a form learns of every invalid field at once.
  validate: z
    .looseObject({
      status: z.string().nullish(),
      inauguratedOn: z.date().nullish(),
      decreeDate: z.date().nullish(),
      year: z.number(),
    })
    .superRefine((input, issues) => {
      const problem = (message: string, field: string) => issues.addIssue({ code: 'custom', message, path: [field] });
      if (input.status && !['PLANNED', 'ACTIVE'].includes(input.status)) {
        problem('A new designation is PLANNED or ACTIVE.', 'status');
      }
      if (input.status === 'ACTIVE' && !input.inauguratedOn) {
        problem('An ACTIVE designation needs its inauguration date.', 'inauguratedOn');
      } else if (input.status !== 'ACTIVE' && input.inauguratedOn) {
        problem('A PLANNED designation has no inauguration date yet.', 'inauguratedOn');
      } else if (input.inauguratedOn && input.inauguratedOn > today()) {
        problem('The inauguration date cannot be in the future.', 'inauguratedOn');
      } else if (input.inauguratedOn && input.inauguratedOn.getUTCFullYear() !== input.year) {
        problem('The inauguration date must fall in the programme year.', 'inauguratedOn');
      }
      if (input.decreeDate && input.decreeDate > today())
        problem('The decree date cannot be in the future.', 'decreeDate');
      else if (input.decreeDate && input.decreeDate.getUTCFullYear() < PROGRAMME_FIRST_YEAR - 1) {
        problem('The decree date is before the programme began.', 'decreeDate');
      }
    }),
});

builder.mutationField('designateVillage', (t) =>
  t.prismaField({
    type: 'Designation',
    description: 'Designates a village under a programme variant. A village has at most one designation per variant.',
    errors: mutationErrors,
    args: { input: t.arg({ type: DesignateVillageInput, required: true, description: 'The designation.' }) },
    resolve: (query, _root, { input }, ctx) =>
      writeTransaction(ctx, async (tx) => {
        requirePermission(ctx, 'writeRecords');
        const village = await tx.village.findUnique({ where: { code: input.villageCode } });
        if (!village) throw new NotFoundError(`No village has code ${input.villageCode}.`, ['input', 'villageCode']);
        requireArea(ctx, village.regencyId, ['input', 'villageCode']);
        for (const [field, date] of [
          ['inauguratedOn', input.inauguratedOn],
          ['decreeDate', input.decreeDate],
        ] as const) {
          if (date) notAfterTodayIn(village.code, date, ['input', field]);
        }
        const office = await tx.immigrationOffice.findUnique({
          where: { code: input.officeCode },
          include: { workingAreas: { where: { regencyId: village.regencyId } } },
        });
        if (!office)
          throw new NotFoundError(`No immigration office has code ${input.officeCode}.`, ['input', 'officeCode']);
        if (office.workingAreas.length === 0) {
          throw new ConflictError(`${office.name} does not cover the kabupaten/kota of ${village.name}.`, [
            'input',
            'officeCode',
          ]);
        }
        const existing = await tx.designation.findUnique({
          where: { villageId_variant: { villageId: village.id, variant: input.variant } },
        });
        if (existing) {
          throw new ConflictError(`${village.name} is already designated under ${input.variant} (${existing.year}).`, [
            'input',
            'variant',
          ]);
        }
        const status = input.status ?? 'PLANNED';
        const created = await tx.designation.create({
          data: {
            villageId: village.id,
            variant: input.variant,
            officeId: office.id,
            year: input.year,
            status,
            inauguratedOn: input.inauguratedOn ?? null,
            decreeNumber: input.decreeNumber?.trim() ?? null,
            decreeDate: input.decreeDate ?? null,
            officerName: input.officerName?.trim() ?? null,
            selectionReasons: input.selectionReasons ?? [],
            // Its history starts here: planned today (the village's day), or ACTIVE from its inauguration.
            statusChanges: {
              create: {
                toStatus: status,
                effectiveOn: input.inauguratedOn ?? new Date(`${todayInArea(village.code)}T00:00:00Z`),
                recordedBy: ctx.actor,
              },
            },
          },
        });
        // The audit trail records the designation, not the officer's name (personal data).
        const { officerName: _officer, ...recorded } = created;
        await audit(tx, ctx, {
          action: 'designateVillage',
          entity: 'Designation',
          entityId: created.id,
          after: recorded,
        });
        return tx.designation.findUniqueOrThrow({ ...reread(query), where: { id: created.id } });
      }),
  }),
);

/** Someone changed the designation since the caller saw it; carries its id to show it as it is now. */
export class DesignationChangedError extends FieldError {
  override name = 'DesignationChangedError';
  constructor(
    message: string,
    path: string[],
    readonly designationId: number,
  ) {
    super(message, path);
  }
}

builder.objectType(DesignationChangedError, {
  name: 'DesignationChangedError',
  description:
    'Someone else changed the designation since you saw it (optimistic concurrency): nothing was written, and `designation` is how it stands now.',
  interfaces: [ErrorInterface],
  isTypeOf: errorTypeOf(DesignationChangedError, 'DesignationChangedError'),
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'The input field in conflict: `expectedStatus`.' }),
    designation: t.prismaField({
      type: 'Designation',
      description: 'The designation as it stands now, with its status history.',
      resolve: (query, error, _args, ctx) =>
        ctx.db.prisma.designation.findUniqueOrThrow({ ...reread(query), where: { id: error.designationId } }),
    }),
  }),
});

const ChangeDesignationStatusInput = builder.inputType('ChangeDesignationStatusInput', {
  description: "A change of a designation's status, from the day it took effect.",
  fields: (t) => ({
    designationId: t.globalID({ required: true, for: [Designation], description: 'The designation.' }),
    toStatus: t.field({
      type: DesignationStatusEnum,
      required: true,
      description: 'The new status: ACTIVE (inaugurated or resumed), SUSPENDED or ENDED.',
    }),
    effectiveOn: t.field({
      type: 'Date',
      required: true,
      description:
        "The day it took effect, in the village's own time zone: not in the future, not before the latest change.",
    }),
    expectedStatus: t.field({
      type: DesignationStatusEnum,
      required: false,
      description:
        'The status you saw; if the designation has changed since, nothing changes and a DesignationChangedError comes back with the designation as it is now. Forms should always send it.',
    }),
    reason: t.string({
      required: false,
      description: 'Why; required when suspending or ending.',
      validate: z.string().trim().min(1).max(2000),
    }),
  }),
  validate: z
    .looseObject({ toStatus: z.string(), reason: z.string().nullish() })
    .refine(
      (input) =>
        !(designationStatusesNeedingReason as readonly string[]).includes(input.toStatus) ||
        Boolean(input.reason?.trim()),
      { message: 'A reason is required to suspend or end a designation.', path: ['reason'] },
    ),
});

builder.mutationField('changeDesignationStatus', (t) =>
  t.prismaField({
    type: 'Designation',
    description:
      "Records a change of a designation's status in its history: inaugurate (PLANNED → ACTIVE), suspend, resume (SUSPENDED → ACTIVE) or end it, from the day it took effect. Figures for earlier days keep the status that was in force then.",
    errors: { ...mutationErrors, types: [...mutationErrors.types, DesignationChangedError] },
    args: { input: t.arg({ type: ChangeDesignationStatusInput, required: true, description: 'The change.' }) },
    resolve: (query, _root, { input }, ctx) =>
      writeTransaction(ctx, async (tx) => {
        requirePermission(ctx, 'writeRecords');
        const designationId = Number(input.designationId.id);
        const designation = await tx.designation.findUnique({
          where: { id: designationId },
          include: {
            village: { select: { code: true, regencyId: true } },
            statusChanges: { orderBy: [{ effectiveOn: 'desc' }, { id: 'desc' }], take: 1 },
            _count: { select: { statusChanges: true } },
          },
        });
        if (!designation) throw new NotFoundError('No such designation.', ['input', 'designationId']);
        requireArea(ctx, designation.village.regencyId, ['input', 'designationId']);
        const from = designation.status as DesignationStatus;
        if (input.expectedStatus && input.expectedStatus !== from) {
          throw new DesignationChangedError(
            `Someone else changed this designation meanwhile: it is ${from}, not ${input.expectedStatus}.`,
            ['input', 'expectedStatus'],
            designationId,
          );
        }
        if (!canMoveDesignation(from, input.toStatus)) {
          throw new ConflictError(cannotMoveMessage('designation', from, input.toStatus, designationTransitions), [
            'input',
            'toStatus',
          ]);
        }
        const effectiveOn = input.effectiveOn.toISOString().slice(0, 10);
        notAfterTodayIn(designation.village.code, input.effectiveOn, ['input', 'effectiveOn']);
        const latest = designation.statusChanges[0]?.effectiveOn.toISOString().slice(0, 10);
        if (latest && effectiveOn < latest) {
          throw invalidField(`effectiveOn cannot be before the latest change (${latest}).`, ['input', 'effectiveOn']);
        }
        if (designation._count.statusChanges >= MAX_DESIGNATION_STATUS_CHANGES) {
          throw new ConflictError(`A designation keeps at most ${MAX_DESIGNATION_STATUS_CHANGES} status changes.`, [
            'input',
            'designationId',
          ]);
        }
        // Only if nobody changed it meanwhile: the status read above is still the one in force.
        const { count } = await tx.designation.updateMany({
          where: { id: designationId, status: from },
          data: { statusChangedAt: new Date() },
        });
        if (count === 0) {
          throw new DesignationChangedError(
            'Someone else changed this designation meanwhile; it is shown as it is now.',
            ['input', 'expectedStatus'],
            designationId,
          );
        }
        // The database keeps the designation's status, inauguration day and the figures in step with it.
        const change = await tx.designationStatusChange.create({
          data: {
            designationId,
            fromStatus: from,
            toStatus: input.toStatus,
            effectiveOn: input.effectiveOn,
            recordedBy: ctx.actor,
            reason: input.reason?.trim() ?? null,
          },
        });
        await audit(tx, ctx, {
          action: 'changeDesignationStatus',
          entity: 'Designation',
          entityId: designationId,
          before: { status: from },
          after: { status: input.toStatus, effectiveOn, reason: change.reason },
        });
        return tx.designation.findUniqueOrThrow({ ...reread(query), where: { id: designationId } });
      }),
  }),
);
