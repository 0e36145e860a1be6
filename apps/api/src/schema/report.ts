// Village reports and their status workflow. Submission is idempotent on (source, clientReference):
// a retried submission returns the row the first attempt created, never a second row.
import type { Prisma } from '@binaan/db';
import {
  addDays,
  canMoveReport,
  dateInArea,
  daysBetween,
  FOLLOW_UP_DEADLINE_DAYS,
  followUpUrgency,
  reportLimits,
  reportStepRequires,
  openReportStatuses,
  type ReportStatus,
  type ReportType,
  reportStatuses,
  reportTransitions,
  todayInIndonesia,
} from '@binaan/domain';
import { reportStats } from '../analytics/index.js';
import { scopedFilter } from './analytics/shared.js';
import { z } from 'zod';
import { submitterOf } from '../auth/caller.js';
import { scopeWhere } from '../auth/scope-where.js';
import { builder } from '../builder.js';
import { listCost, listLengths } from '../query-cost.js';
import { recordList } from './record-list.js';
import { provinceFromMemory, regencyFromMemory } from './area.js';
import { rememberedVillage, villageNow, type VillagePlace } from './areas-in-memory.js';
import type { Context } from '../context.js';
import { FollowUpUrgencyEnum, ProgrammeVariantEnum, ReportStatusEnum, ReportTypeEnum } from './enums.js';
import {
  ForbiddenError,
  cannotMoveMessage,
  ConflictError,
  errorTypeOf,
  ErrorInterface,
  FieldError,
  mutationErrors,
  NotFoundError,
} from './errors.js';
import { AreaFilter, areaWhere, orderInput, PeriodInput, periodTimestampWhere, villageCode } from './filters.js';
import { indonesianPhone } from './task-force.js';
import {
  audit,
  notAfterTodayIn,
  requireArea,
  requirePermission,
  today,
  type Tx,
  writeTransaction,
  auditedCaller,
  reread,
} from './writes.js';

const OPEN_STATUSES: ReportStatus[] = [...openReportStatuses];

builder.prismaObject('ReportStatusTransition', {
  description: 'One step of a report through its workflow.',
  fields: (t) => ({
    fromStatus: t.expose('fromStatus', {
      type: ReportStatusEnum,
      nullable: true,
      description: 'Status before; null for the submission.',
    }),
    toStatus: t.expose('toStatus', { type: ReportStatusEnum, description: 'Status after.' }),
    changedAt: t.expose('changedAt', { type: 'DateTime', description: 'When.' }),
    changedBy: t.exposeString('changedBy', { description: 'Who (user or application identifier).' }),
    note: t.exposeString('note', {
      nullable: true,
      description: 'Why: the reason for a rejection (always given), otherwise when given.',
    }),
    actionTaken: t.exposeString('actionTaken', {
      nullable: true,
      description: 'For a follow-up: what the office did. Null for other steps.',
    }),
    agencies: t.exposeStringList('agencies', {
      description: 'For a follow-up: the agencies that took part (e.g. Polres, Disnaker). Empty for other steps.',
    }),
  }),
});

export const VillageReport = builder.prismaNode('VillageReport', {
  id: { field: 'id' },
  // Out of the caller's area it does not exist: node(id) answers null.
  nullable: true,
  findUnique: (id, ctx) => ({ id: Number(id), AND: [scopeWhere.report(ctx.permissions)] }),
  description:
    "A report a village sent in. The reporter's identity is personal data, shown only to roles allowed to see it.",
  fields: (t) => ({
    reporterName: t.exposeString('reporterName', {
      nullable: true,
      description: 'Personal data: who reported. Null unless your role may see personal data.',
      authScopes: { personal: true },
      unauthorizedResolver: () => null,
    }),
    reporterPhone: t.exposeString('reporterPhone', {
      nullable: true,
      description: "Personal data: the reporter's phone. Null unless your role may see personal data.",
      authScopes: { personal: true },
      unauthorizedResolver: () => null,
    }),
    source: t.exposeString('source', { description: 'Who sent it: an application or channel, e.g. `app:desa-lapor`.' }),
    clientReference: t.exposeString('clientReference', {
      description: "The sender's own reference, unique per source.",
    }),
    village: t.relation('village', { description: 'The village it came from.' }),
    regency: t.field({ ...regencyFromMemory, description: 'The kabupaten/kota of the village.' }),
    province: t.field({ ...provinceFromMemory, description: 'The province of the village.' }),
    designation: t.relation('designation', {
      nullable: true,
      description: 'The designation the village was under, if any.',
    }),
    type: t.expose('type', { type: ReportTypeEnum, description: 'What it is about.' }),
    occurredOn: t.expose('occurredOn', { type: 'Date', description: 'When it happened.' }),
    submittedAt: t.expose('submittedAt', { type: 'DateTime', description: 'When it was received.' }),
    peopleInvolved: t.exposeInt('peopleInvolved', { description: 'How many people it is about.' }),
    description: t.exposeString('description', { description: 'What was reported.' }),
    status: t.expose('status', { type: ReportStatusEnum, description: 'Where it is in the workflow.' }),
    statusChangedAt: t.expose('statusChangedAt', { type: 'DateTime', description: 'When the status last changed.' }),
    isOpen: t.boolean({
      description: 'Still needs work: submitted, verified or followed up.',
      select: { status: true },
      resolve: (report) => OPEN_STATUSES.includes(report.status),
    }),
    submittedOn: t.field({
      type: 'Date',
      description: "The day it was received, in the village's own time zone (`village.timeZone`).",
      select: { submittedAt: true, village: { select: { code: true } } },
      resolve: (report) => new Date(`${dateInArea(report.village.code, report.submittedAt)}T00:00:00Z`),
    }),
    ageDays: t.int({
      description:
        "Calendar days from the day it was received to today, both in the village's own time zone (`village.timeZone`): 0 on the day it came in.",
      select: { submittedAt: true, village: { select: { code: true } } },
      resolve: (report, _args, ctx) =>
        daysBetween(
          dateInArea(report.village.code, report.submittedAt),
          dateInArea(report.village.code, ctx.requestedAt),
        ),
    }),
    followUpDueOn: t.field({
      type: 'Date',
      description: `The day by which the office should have followed it up: ${FOLLOW_UP_DEADLINE_DAYS} calendar days after \`submittedOn\`, in the village's time zone.`,
      select: { submittedAt: true, village: { select: { code: true } } },
      resolve: (report) =>
        new Date(`${addDays(dateInArea(report.village.code, report.submittedAt), FOLLOW_UP_DEADLINE_DAYS)}T00:00:00Z`),
    }),
    followUpUrgency: t.field({
      type: FollowUpUrgencyEnum,
      nullable: true,
      description:
        'How pressing it is against the follow-up deadline while it waits for verification or follow-up; null once followed up, closed or rejected.',
      select: { status: true, submittedAt: true, village: { select: { code: true } } },
      resolve: (report, _args, ctx) =>
        followUpUrgency(
          report.status,
          daysBetween(
            dateInArea(report.village.code, report.submittedAt),
            dateInArea(report.village.code, ctx.requestedAt),
          ),
        ),
    }),
    transitions: t.relation('transitions', {
      ...listCost(listLengths.transitionsPerReport),
      description: 'Its workflow so far, oldest first.',
      query: { orderBy: [{ changedAt: 'asc' }, { id: 'asc' }] },
    }),
  }),
});

const ReportFilter = builder.inputType('VillageReportFilter', {
  description: 'Which reports to list.',
  fields: (t) => ({
    area: t.field({ type: AreaFilter, required: false, description: 'Only reports from these areas.' }),
    villageCodes: t.stringList({
      required: false,
      description: 'Only reports from these villages.',
      validate: z.array(villageCode).max(200),
    }),
    period: t.field({ type: PeriodInput, required: false, description: 'Only reports received in this period.' }),
    types: t.field({ type: [ReportTypeEnum], required: false, description: 'Only these types.' }),
    statuses: t.field({ type: [ReportStatusEnum], required: false, description: 'Only these statuses.' }),
    variants: t.field({
      type: [ProgrammeVariantEnum],
      required: false,
      description: 'Only reports under designations of these variants.',
    }),
    open: t.boolean({ required: false, description: 'true: only open reports; false: only closed or rejected ones.' }),
    openLongerThanDays: t.int({
      required: false,
      description:
        'Only open reports (submitted, verified or followed up) received more than this many calendar days ago (WIB days: 0 means before today). Combine with `statuses` to narrow the open ones.',
      validate: z.number().int().min(0).max(3650),
    }),
  }),
});

type ReportFilterShape = typeof ReportFilter.$inferInput;

/**
 * The statuses a filter admits: those it asks for (all, if none), narrowed to the open or the closed ones
 * when it says `open`; a status that contradicts `open` is dropped. The rows and the rollup count both
 * read it.
 */
function statusesOf(filter: ReportFilterShape | null | undefined): ReportStatus[] {
  const asked = filter?.statuses?.length ? filter.statuses : reportStatuses;
  return asked.filter((status) => filter?.open == null || OPEN_STATUSES.includes(status) === filter.open);
}

function reportFilterWhere(filter: ReportFilterShape | null | undefined, now: Date): Prisma.VillageReportWhereInput {
  // Received before the start of the day N days ago (WIB): more than N calendar days old.
  const openSince =
    filter?.openLongerThanDays == null
      ? null
      : new Date(`${addDays(todayInIndonesia(now), -filter.openLongerThanDays)}T00:00:00+07:00`);
  return {
    AND: [
      ...(areaWhere(filter?.area, { district: 'village' }) as Prisma.VillageReportWhereInput[]),
      ...(openSince ? [{ status: { in: OPEN_STATUSES }, submittedAt: { lt: openSince } }] : []),
    ],
    ...(filter?.villageCodes?.length ? { village: { code: { in: filter.villageCodes } } } : {}),
    ...(periodTimestampWhere(filter?.period) ? { submittedAt: periodTimestampWhere(filter?.period) } : {}),
    ...(filter?.types?.length ? { type: { in: filter.types } } : {}),
    ...(filter?.statuses?.length || filter?.open != null ? { status: { in: statusesOf(filter) } } : {}),
    ...(filter?.variants?.length ? { designation: { variant: { in: filter.variants } } } : {}),
  };
}

/**
 * How many reports the caller may see match the filter, from the report rollups (kept by triggers in
 * every writing transaction, so exact) when the filter uses only what they are keyed by: counting the
 * 1.1 M open reports of the national dataset row by row took 1.6-3 s, for a figure on a page. A filter
 * by village or by age is counted from the rows. Null: count the rows.
 */
async function reportCountFromRollups(filter: ReportFilterShape | null | undefined, ctx: Context) {
  if (filter?.villageCodes?.length || filter?.openLongerThanDays != null || !ctx.permissions.readRecords) return null;
  const statuses = new Set(statusesOf(filter));
  const scoped = await scopedFilter(ctx, {
    area: filter?.area,
    variants: filter?.variants,
    period: filter?.period,
    reportTypes: filter?.types,
  });
  const rows = await reportStats(ctx.db.sql, ['STATUS'], scoped);
  return rows.reduce((sum, row) => (statuses.has(row.status as ReportStatus) ? sum + row.reports : sum), 0);
}

/** The rows the caller may see that match the filter: used for both the page and its total count. */
function reportWhere(filter: ReportFilterShape | null | undefined, { permissions, requestedAt }: Context) {
  return { AND: [reportFilterWhere(filter, requestedAt), scopeWhere.report(permissions)] };
}

const reportOrder = orderInput(
  'VillageReportOrder',
  {
    SUBMITTED_AT: { column: 'submittedAt', description: 'When received.' },
    OCCURRED_ON: { column: 'occurredOn', description: 'When it happened.' },
    STATUS_CHANGED_AT: { column: 'statusChangedAt', description: 'Last status change.' },
  },
  'SUBMITTED_AT',
);

builder.queryFields((t) => ({
  reports: t.prismaConnection({
    type: 'VillageReport',
    cursor: 'id',
    authScopes: { readRecords: true },
    description: 'Village reports in your area.',
    args: {
      filter: t.arg({ type: ReportFilter, required: false, description: 'Which reports.' }),
      orderBy: t.arg({
        type: reportOrder.Input,
        required: false,
        description: 'Default: by time received, oldest first.',
      }),
    },
    ...recordList({
      rows: (ctx) => ctx.db.prisma.villageReport,
      where: reportWhere,
      order: reportOrder.toPrisma,
      countFromRollups: reportCountFromRollups,
    }),
  }),
}));

// ─── submitVillageReport ────────────────────────────────────────────────────────────────────────

const SubmitVillageReportInput = builder.inputType('SubmitVillageReportInput', {
  description: 'A report from a village. Send the same clientReference again to retry safely.',
  fields: (t) => ({
    source: t.string({
      required: true,
      description: 'Who sends it: your application or channel, e.g. `app:desa-lapor`.',
      validate: z
        .string()
        .regex(/^[a-z0-9][a-z0-9:._-]{1,79}$/, 'A source is 2-80 lowercase letters, digits and : . _ -'),
    }),
    clientReference: t.string({
      required: true,
      description: 'Your unique reference for this report; retries reuse it.',
      validate: z
        .string()
        .regex(/^[A-Za-z0-9][A-Za-z0-9:._\/-]{0,127}$/, 'A clientReference is 1-128 letters, digits and : . _ / -'),
    }),
    villageCode: t.string({ required: true, description: 'The village reporting.', validate: villageCode }),
    type: t.field({ type: ReportTypeEnum, required: true, description: 'What it is about.' }),
    occurredOn: t.field({ type: 'Date', required: true, description: 'When it happened.' }),
    peopleInvolved: t.int({
      required: true,
      description: 'How many people it is about.',
      validate: z.number().int().min(reportLimits.peopleInvolved.min).max(reportLimits.peopleInvolved.max),
    }),
    description: t.string({
      required: true,
      description: 'What happened.',
      validate: z.string().trim().min(reportLimits.description.min).max(reportLimits.description.max),
    }),
    reporterName: t.string({
      required: false,
      description: 'Who reported (personal data).',
      validate: z.string().trim().min(reportLimits.reporterName.min).max(reportLimits.reporterName.max),
    }),
    reporterPhone: t.string({
      required: false,
      description: "Reporter's phone (personal data).",
      validate: indonesianPhone,
    }),
  }),
  validate: z
    .looseObject({ occurredOn: z.date() })
    .refine((input) => input.occurredOn <= today() && input.occurredOn.getUTCFullYear() >= 2000, {
      message: 'The date it happened must be between 2000 and today.',
      path: ['occurredOn'],
    }),
});

interface SubmissionShape {
  report: { id: number };
  created: boolean;
}

const SubmitVillageReportPayload = builder.objectRef<SubmissionShape>('SubmitVillageReportPayload').implement({
  description: 'The report as recorded.',
  fields: (t) => ({
    report: t.prismaField({
      type: 'VillageReport',
      description: 'The recorded report.',
      resolve: (query, payload, _args, ctx) =>
        ctx.db.prisma.villageReport.findUniqueOrThrow({ ...reread(query), where: { id: payload.report.id } }),
    }),
    created: t.exposeBoolean('created', {
      description: 'false when this clientReference was already recorded (a retry).',
    }),
  }),
});

type SubmitInput = {
  source: string;
  clientReference: string;
  villageCode: string;
  type: ReportType;
  occurredOn: Date;
  peopleInvolved: number;
  description: string;
  reporterName?: string | null;
  reporterPhone?: string | null;
};

/** A retry must carry the same report; a different one under the same reference is a client bug. */
async function existingSubmission(
  ctx: Context,
  input: SubmitInput,
  villageId: number,
): Promise<SubmissionShape | null> {
  const existing = await ctx.db.prisma.villageReport.findUnique({
    where: {
      submitter_source_clientReference: {
        submitter: submitterOf(ctx.caller),
        source: input.source,
        clientReference: input.clientReference,
      },
    },
  });
  if (!existing) return null;
  const same =
    existing.villageId === villageId &&
    existing.type === input.type &&
    existing.occurredOn.getTime() === input.occurredOn.getTime() &&
    existing.peopleInvolved === input.peopleInvolved &&
    existing.description === input.description.trim();
  if (!same) {
    throw new ConflictError(
      `You already used clientReference ${input.clientReference} with ${input.source} for a different report.`,
      ['input', 'clientReference'],
    );
  }
  return { report: existing, created: false };
}

/**
 * The report, its first status step and its audit entry in one statement, which is its own transaction.
 * Each report moves six rows of the reports' rollups by trigger, and those rows are shared by every
 * report of the same day, type and area: their locks last until commit. As Prisma's transaction (six
 * round trips, four of them after the rollups were locked) concurrent submissions queued behind each
 * other's round trips; as one statement they wait only for each other's statement (bench/README.md).
 *
 * A retry writes nothing: the insert skips a (submitter, source, clientReference) already recorded, also
 * one a concurrent transaction is committing, and answers no id. The caller then reads what was recorded.
 *
 * Nor is anything written unless the village is still in the kabupaten/kota and province it was checked
 * for (it may have been remembered from before a decree moved it): `villageHeld` says whether it was.
 */
async function recordSubmission(
  ctx: Context,
  input: SubmitInput,
  village: VillagePlace,
): Promise<{ id: number | null; villageHeld: boolean }> {
  const now = new Date();
  const report = {
    submitter: submitterOf(ctx.caller),
    source: input.source,
    clientReference: input.clientReference,
    villageId: village.id,
    regencyId: village.regencyId,
    provinceId: village.provinceId,
    type: input.type,
    occurredOn: input.occurredOn,
    submittedAt: now,
    peopleInvolved: input.peopleInvolved,
    description: input.description.trim(),
    status: 'SUBMITTED',
    statusChangedAt: now,
    followedUpAt: null,
    deviceId: ctx.caller.kind === 'device' ? ctx.caller.deviceId : null,
  };
  const auditor = auditedCaller(ctx);
  // The audit trail records the report as written (its id and designation added by the statement), not
  // the reporter's personal details.
  const [row] = await ctx.db.sql.query<{ id: number | null; villageHeld: boolean }>(
    `WITH place AS (
       SELECT id FROM village WHERE id = $4 AND regency_id = $5 AND province_id = $6
     ), written AS (
       INSERT INTO village_report (submitter, source, client_reference, village_id, regency_id, province_id,
         designation_id, type, occurred_on, submitted_at, people_involved, description, reporter_name,
         reporter_phone, status, status_changed_at, device_id)
       SELECT $1, $2, $3, place.id, $5, $6,
         (SELECT g.id FROM designation g WHERE g.village_id = $4 AND g.status = 'ACTIVE' ORDER BY g.year DESC, g.id DESC LIMIT 1),
         $7::report_type, $8::date, $9, $10, $11, $12, $13, 'SUBMITTED', $9, $14
         FROM place
       ON CONFLICT (submitter, source, client_reference) DO NOTHING
       RETURNING id, designation_id
     ), first_step AS (
       INSERT INTO report_status_transition (report_id, to_status, changed_at, changed_by)
       SELECT id, 'SUBMITTED', $9, $15 FROM written
     ), audited AS (
       INSERT INTO audit_log (actor, user_id, token_id, action, entity, entity_id, after)
       SELECT $15, $16, $17, 'submitVillageReport', 'VillageReport', id::text,
              $18::jsonb || jsonb_build_object('id', id, 'designationId', designation_id)
         FROM written
     )
     SELECT (SELECT id FROM written) AS id, EXISTS (SELECT 1 FROM place) AS "villageHeld"`,
    [
      report.submitter,
      report.source,
      report.clientReference,
      report.villageId,
      report.regencyId,
      report.provinceId,
      report.type,
      input.occurredOn.toISOString().slice(0, 10),
      now,
      report.peopleInvolved,
      report.description,
      input.reporterName?.trim() ?? null,
      input.reporterPhone ?? null,
      report.deviceId,
      auditor.actor,
      auditor.userId,
      auditor.tokenId,
      JSON.stringify(report),
    ],
    { reusePlan: true },
  );
  return row!;
}

/** The village was not where it was checked to be: nothing was written. */
const VILLAGE_MOVED = Symbol('village moved');

/** Checks the report against its village's place and records it, or answers the retry it is. */
async function submitFor(
  ctx: Context,
  input: SubmitInput,
  village: VillagePlace,
): Promise<SubmissionShape | typeof VILLAGE_MOVED> {
  // Checked before a retry is answered, so nobody learns of reports outside their area.
  requireArea(ctx, village.regencyId, ['input', 'villageCode']);
  // A field-app phone reports for the one village it was enrolled for.
  if (ctx.caller.kind === 'device' && ctx.caller.villageId !== village.id) {
    throw new ForbiddenError('This device reports only for the village it was enrolled for.', ['input', 'villageCode']);
  }
  notAfterTodayIn(village.code, input.occurredOn, ['input', 'occurredOn']);
  const written = await recordSubmission(ctx, input, village);
  if (!written.villageHeld) return VILLAGE_MOVED;
  if (written.id !== null) return { report: { id: written.id }, created: true };
  // Already recorded under this reference: a retry, or a different report (a conflict).
  const retry = await existingSubmission(ctx, input, village.id);
  if (!retry) throw new Error(`The report under clientReference ${input.clientReference} vanished while retried.`);
  return retry;
}

builder.mutationField('submitVillageReport', (t) =>
  t.field({
    type: SubmitVillageReportPayload,
    description:
      'Records a village report. Idempotent: resending the same (source, clientReference) returns the first row.',
    errors: mutationErrors,
    args: { input: t.arg({ type: SubmitVillageReportInput, required: true, description: 'The report.' }) },
    resolve: async (_root, { input }, ctx) => {
      requirePermission(ctx, 'submitReports');
      // First with the village as remembered from an earlier submission (one statement in all). Refused
      // for where it was, or not written because it is no longer there: again with where it is now.
      const remembered = rememberedVillage(ctx.db, input.villageCode);
      if (remembered) {
        const outcome = await submitFor(ctx, input, remembered).catch((error: unknown): typeof VILLAGE_MOVED => {
          if (error instanceof ForbiddenError) return VILLAGE_MOVED;
          throw error;
        });
        if (outcome !== VILLAGE_MOVED) return outcome;
      }
      const village = await villageNow(ctx.db, input.villageCode);
      if (!village) throw new NotFoundError(`No village has code ${input.villageCode}.`, ['input', 'villageCode']);
      const outcome = await submitFor(ctx, input, village);
      if (outcome === VILLAGE_MOVED) {
        throw new ConflictError(
          'The village was moved to another area while the report was being recorded; send it again.',
          ['input', 'villageCode'],
        );
      }
      return outcome;
    },
  }),
);

// ─── transitionReportStatus ─────────────────────────────────────────────────────────────────────

/** Someone moved the report on since the caller saw it; carries the report's id to show it as it is now. */
export class ReportChangedError extends FieldError {
  override name = 'ReportChangedError';
  constructor(
    message: string,
    path: string[],
    readonly reportId: number,
  ) {
    super(message, path);
  }
}

builder.objectType(ReportChangedError, {
  name: 'ReportChangedError',
  description:
    'Someone else moved the report on since you saw it (optimistic concurrency): nothing was written, and `report` is how it stands now.',
  interfaces: [ErrorInterface],
  isTypeOf: errorTypeOf(ReportChangedError, 'ReportChangedError'),
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'The input field in conflict: `expectedStatus`.' }),
    report: t.prismaField({
      type: 'VillageReport',
      description: 'The report as it stands now, with its timeline.',
      resolve: (query, error, _args, ctx) =>
        ctx.db.prisma.villageReport.findUniqueOrThrow({ ...reread(query), where: { id: error.reportId } }),
    }),
  }),
});

const TransitionReportStatusInput = builder.inputType('TransitionReportStatusInput', {
  description:
    'Moves a report one step through its workflow. A rejection needs its reason (`note`); a follow-up needs `actionTaken`.',
  fields: (t) => ({
    reportId: t.globalID({ required: true, for: [VillageReport], description: 'The report.' }),
    toStatus: t.field({ type: ReportStatusEnum, required: true, description: 'The next status.' }),
    expectedStatus: t.field({
      type: ReportStatusEnum,
      required: false,
      description:
        'The status you saw; if the report has moved on since, nothing changes and a ReportChangedError comes back with the report as it is now. Forms should always send it.',
    }),
    note: t.string({
      required: false,
      description: 'Why. Required to reject a report (the reason).',
      validate: z.string().trim().min(1).max(2000),
    }),
    actionTaken: t.string({
      required: false,
      description: 'What the office did. Required to follow a report up, and only then.',
      validate: z.string().trim().min(5).max(2000),
    }),
    agencies: t.stringList({
      required: false,
      description: 'With a follow-up: the agencies that took part (e.g. Polres, Disnaker).',
      validate: z.array(z.string().trim().min(2).max(120)).max(20),
    }),
  }),
  // Each step's required details are checked together, so a form learns of every missing field at once.
  validate: z
    .looseObject({
      toStatus: z.enum(Object.keys(reportStepRequires) as [ReportStatus, ...ReportStatus[]]),
      note: z.string().nullish(),
      actionTaken: z.string().nullish(),
      agencies: z.array(z.string()).nullish(),
    })
    .superRefine((input, issues) => {
      const needs = reportStepRequires[input.toStatus];
      if (needs.reason && !input.note?.trim()) {
        issues.addIssue({ code: 'custom', message: 'A rejection needs its reason.', path: ['note'] });
      }
      if (needs.actionTaken && !input.actionTaken?.trim()) {
        issues.addIssue({ code: 'custom', message: 'A follow-up needs the action taken.', path: ['actionTaken'] });
      }
      if (!needs.actionTaken && (input.actionTaken || input.agencies?.length)) {
        issues.addIssue({
          code: 'custom',
          message: 'Only a follow-up records the action taken and the agencies.',
          path: [input.actionTaken ? 'actionTaken' : 'agencies'],
        });
      }
    }),
});

interface ReportStep {
  from: ReportStatus;
  to: ReportStatus;
  note: string | null;
  actionTaken: string | null;
  agencies: string[];
}

async function moveReport(tx: Tx, reportId: number, step: ReportStep, actor: string) {
  const now = new Date();
  // Only moves the report if nobody moved it meanwhile.
  const { count } = await tx.villageReport.updateMany({
    where: { id: reportId, status: step.from },
    data: { status: step.to, statusChangedAt: now },
  });
  if (count === 0) {
    throw new ReportChangedError(
      'Someone else changed this report meanwhile; it is shown as it is now.',
      ['input', 'expectedStatus'],
      reportId,
    );
  }
  await tx.reportStatusTransition.create({
    data: {
      reportId,
      fromStatus: step.from,
      toStatus: step.to,
      changedAt: now,
      changedBy: actor,
      note: step.note,
      actionTaken: step.actionTaken,
      agencies: step.agencies,
    },
  });
}

builder.mutationField('transitionReportStatus', (t) =>
  t.prismaField({
    type: 'VillageReport',
    description:
      'Moves a report to its next status: SUBMITTED → VERIFIED → FOLLOWED_UP → CLOSED, or to REJECTED before follow-up. Send `expectedStatus` so that two officers acting at once cannot overwrite each other.',
    errors: { ...mutationErrors, types: [...mutationErrors.types, ReportChangedError] },
    args: { input: t.arg({ type: TransitionReportStatusInput, required: true, description: 'The step.' }) },
    resolve: (query, _root, { input }, ctx) =>
      writeTransaction(ctx, async (tx) => {
        requirePermission(ctx, 'writeRecords');
        const reportId = Number(input.reportId.id);
        const report = await tx.villageReport.findUnique({ where: { id: reportId } });
        if (!report) throw new NotFoundError('No such report.', ['input', 'reportId']);
        requireArea(ctx, report.regencyId, ['input', 'reportId']);
        if (input.expectedStatus && input.expectedStatus !== report.status) {
          throw new ReportChangedError(
            `Someone else changed this report meanwhile: it is ${report.status}, not ${input.expectedStatus}.`,
            ['input', 'expectedStatus'],
            reportId,
          );
        }
        if (!canMoveReport(report.status, input.toStatus)) {
          throw new ConflictError(cannotMoveMessage('report', report.status, input.toStatus, reportTransitions), [
            'input',
            'toStatus',
          ]);
        }
        const step: ReportStep = {
          from: report.status,
          to: input.toStatus,
          note: input.note?.trim() || null,
          actionTaken: input.actionTaken?.trim() || null,
          agencies: [...new Set((input.agencies ?? []).map((agency) => agency.trim()))],
        };
        await moveReport(tx, reportId, step, ctx.actor);
        await audit(tx, ctx, {
          action: 'transitionReportStatus',
          entity: 'VillageReport',
          entityId: reportId,
          before: { status: report.status },
          after: { status: step.to, note: step.note, actionTaken: step.actionTaken, agencies: step.agencies },
        });
        return tx.villageReport.findUniqueOrThrow({ ...reread(query), where: { id: reportId } });
      }),
  }),
);
