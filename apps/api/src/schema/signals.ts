// Early-warning signals (issue 17): weeks in which a kabupaten/kota reported more of one type than its
// own history predicts (apps/api/src/signals/: the detector and the job that stores them), and their
// review by the offices and national leadership. Whoever may read an area's aggregates sees its signals.
import {
  type SignalStatus as SignalStatusValue,
  canMoveSignal,
  signalStepNeedsNote,
  signalTransitions,
} from '@binaan/domain';
import { type Prisma, SignalStatus } from '@binaan/db';
import { z } from 'zod';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { listCost, rowsOfOneStatement } from '../query-cost.js';
import { type AreaKeyShape, AnalyticsArea, regionLevelArgument } from './analytics/shared.js';
import { computeSignals } from '../signals/job.js';
import { ReportTypeEnum } from './enums.js';
import { provinceFromMemory, regencyFromMemory } from './area.js';
import {
  cannotMoveMessage,
  ConflictError,
  ErrorInterface,
  errorTypeOf,
  FieldError,
  ForbiddenError,
  invalidField,
  mutationErrors,
  NotFoundError,
} from './errors.js';
import { AreaFilter, areaWhere } from './filters.js';
import { audit, requireArea, reread, writeTransaction } from './writes.js';

/** Signals one request may list. */
const MAX_SIGNALS = 200;

export const SignalStatusEnum = builder.enumType('SignalStatus', {
  description: 'Where a signal is in its review: NEW → ACKNOWLEDGED → ESCALATED or DISMISSED.',
  values: {
    [SignalStatus.NEW]: { value: SignalStatus.NEW, description: 'Found; nobody has looked at it yet.' },
    [SignalStatus.ACKNOWLEDGED]: {
      value: SignalStatus.ACKNOWLEDGED,
      description: 'Someone is looking into it.',
    },
    [SignalStatus.ESCALATED]: {
      value: SignalStatus.ESCALATED,
      description: 'Real and passed up for action (with a note).',
    },
    [SignalStatus.DISMISSED]: {
      value: SignalStatus.DISMISSED,
      description: 'Explained, nothing to act on (with a note).',
    },
  } as const satisfies Record<SignalStatusValue, { value: SignalStatusValue; description: string }>,
});

export const Signal = builder.prismaNode('Signal', {
  id: { field: 'id' },
  nullable: true,
  // Only readers of aggregates, and only in their area: anything else finds nothing (null).
  findUnique: (id, ctx) =>
    !ctx.permissions.readAggregates
      ? { id: -1 }
      : ctx.permissions.regencyIds
        ? { id: Number(id), regencyId: { in: [...ctx.permissions.regencyIds] } }
        : { id: Number(id) },
  description:
    'A week in which a kabupaten/kota reported more of one type than its own history predicts (quasi-Poisson baseline; see docs/signals.md).',
  fields: (t) => ({
    regency: t.field({ ...regencyFromMemory, description: 'The kabupaten/kota.' }),
    province: t.field({ ...provinceFromMemory, description: 'Its province.' }),
    type: t.expose('type', { type: ReportTypeEnum, description: 'The report type.' }),
    weekStart: t.expose('weekStart', { type: 'Date', description: 'Monday of the week (days in WIB).' }),
    observed: t.exposeInt('observed', { description: 'Reports submitted that week (so far, for this week).' }),
    expected: t.exposeFloat('expected', { description: "What the area's own history predicts for the week." }),
    threshold: t.exposeFloat('threshold', { description: 'The count above which the week is unusual.' }),
    score: t.exposeFloat('score', {
      description: '(observed − expected) / (threshold − expected): above 1 is a signal; the higher, the stronger.',
    }),
    method: t.exposeString('method', { description: 'The detector and its settings.' }),
    status: t.expose('status', { type: SignalStatusEnum, description: 'Where it is in its review.' }),
    note: t.exposeString('note', { nullable: true, description: 'Why it was escalated or dismissed.' }),
    detectedAt: t.expose('detectedAt', { type: 'DateTime', description: 'When it was first found.' }),
    computedAt: t.expose('computedAt', { type: 'DateTime', description: 'When its figures were last computed.' }),
    statusChangedAt: t.expose('statusChangedAt', { type: 'DateTime', description: 'When its review last moved.' }),
    version: t.exposeInt('version', {
      description: 'Goes up by one on every review step; send it back as `expectedVersion`.',
    }),
  }),
});

const SignalFilter = builder.inputType('SignalFilter', {
  description: 'Which signals.',
  fields: (t) => ({
    area: t.field({ type: AreaFilter, required: false, description: 'Provinces or kabupaten/kota.' }),
    statuses: t.field({ type: [SignalStatusEnum], required: false, description: 'Only these review states.' }),
    types: t.field({ type: [ReportTypeEnum], required: false, description: 'Only these report types.' }),
    since: t.field({ type: 'Date', required: false, description: 'Only weeks starting on or after this day.' }),
  }),
});

type SignalFilterArg = typeof SignalFilter.$inferInput | null | undefined;

/** The signals a filter asks for, within the caller's area. */
function signalWhere(filter: SignalFilterArg, ctx: Context): Prisma.SignalWhereInput {
  return {
    AND: [
      ...areaWhere(filter?.area),
      ...(ctx.permissions.regencyIds ? [{ regencyId: { in: [...ctx.permissions.regencyIds] } }] : []),
      ...(filter?.statuses?.length ? [{ status: { in: filter.statuses } }] : []),
      ...(filter?.types?.length ? [{ type: { in: filter.types } }] : []),
      ...(filter?.since ? [{ weekStart: { gte: filter.since } }] : []),
    ],
  };
}

builder.queryField('signals', (t) =>
  t.prismaField({
    ...listCost(MAX_SIGNALS),
    type: ['Signal'],
    authScopes: { readAggregates: true },
    description: 'Early-warning signals in your area, newest week first and strongest first within a week.',
    args: {
      filter: t.arg({ type: SignalFilter, required: false, description: 'Which signals.' }),
      first: t.arg.int({
        required: false,
        description: `How many (default 50, at most ${MAX_SIGNALS}).`,
        validate: z.number().int().min(1).max(MAX_SIGNALS),
      }),
    },
    resolve: (query, _root, { filter, first }, ctx) =>
      ctx.db.prisma.signal.findMany({
        ...query,
        where: signalWhere(filter, ctx),
        orderBy: [{ weekStart: 'desc' }, { score: 'desc' }, { id: 'asc' }],
        take: first ?? 50,
      }),
  }),
);

const SignalCount = builder.objectRef<{ area: AreaKeyShape; signals: number }>('SignalCount').implement({
  description: 'How many signals an area has.',
  fields: (t) => ({
    area: t.field({ type: AnalyticsArea, description: 'The area.', resolve: (row) => row.area }),
    signals: t.exposeInt('signals', { description: 'Signals matching the filter.' }),
  }),
});

builder.queryField('signalCounts', (t) =>
  t.field({
    ...rowsOfOneStatement,
    type: [SignalCount],
    authScopes: { readAggregates: true },
    description:
      'Signals per province or kabupaten/kota in your area (only areas that have some), e.g. the open ones for a map.',
    args: {
      groupBy: t.arg(regionLevelArgument),
      filter: t.arg({ type: SignalFilter, required: false, description: 'Which signals.' }),
    },
    resolve: async (_root, { groupBy, filter }, ctx) => {
      const level = groupBy ?? 'PROVINCE';
      const by = level === 'REGENCY' ? 'regencyId' : 'provinceId';
      const groups = await ctx.db.prisma.signal.groupBy({
        by: [by],
        where: signalWhere(filter, ctx),
        _count: { _all: true },
      });
      const ids = groups.map((group) => group[by]);
      const areas =
        level === 'REGENCY'
          ? await ctx.db.prisma.regency.findMany({
              where: { id: { in: ids } },
              select: { id: true, code: true, name: true },
            })
          : await ctx.db.prisma.province.findMany({
              where: { id: { in: ids } },
              select: { id: true, code: true, name: true },
            });
      const byId = new Map(areas.map((area) => [area.id, area]));
      return groups
        .map((group) => {
          const area = byId.get(group[by])!;
          return { area: { level, code: area.code, name: area.name }, signals: group._count._all };
        })
        .sort((a, b) => a.area.code.localeCompare(b.area.code));
    },
  }),
);

// ─── The last computation, and computing on demand ──────────────────────────────────────────────

const SignalRun = builder.prismaObject('SignalRun', {
  description: 'One computation of the signals, by the schedule or on demand.',
  fields: (t) => ({
    startedAt: t.expose('startedAt', { type: 'DateTime', description: 'When it started.' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true, description: 'When it finished.' }),
    trigger: t.exposeString('trigger', { description: '`schedule`, or who asked (`user:<id>`).' }),
    weeks: t.exposeInt('weeks', { description: 'Weeks assessed (this week so far included).' }),
    series: t.exposeInt('series', { description: 'Kabupaten/kota × report type series assessed.' }),
    signals: t.exposeInt('signals', { description: 'Signals found or updated.' }),
  }),
});

builder.queryField('lastSignalRun', (t) =>
  t.prismaField({
    type: SignalRun,
    nullable: true,
    authScopes: { readAggregates: true },
    description: 'The latest finished computation of the signals: how fresh they are.',
    // Any reader of aggregates: a run carries counts only, never an area's figures.
    resolve: (query, _root, _args, ctx) =>
      ctx.db.prisma.signalRun.findFirst({ ...query, where: { finishedAt: { not: null } }, orderBy: { id: 'desc' } }),
  }),
);

const ComputeSignalsResult = builder
  .objectRef<{ ran: boolean; runId: number | null; weeks: string[]; series: number; signals: number }>(
    'ComputeSignalsResult',
  )
  .implement({
    description: 'What a computation of the signals did.',
    fields: (t) => ({
      ran: t.exposeBoolean('ran', {
        description: 'false when another API process was computing at that moment (its result stands).',
      }),
      weeks: t.exposeStringList('weeks', { description: 'Mondays of the weeks assessed, newest first.' }),
      series: t.exposeInt('series', { description: 'Kabupaten/kota × report type series assessed.' }),
      signals: t.exposeInt('signals', { description: 'Signals found or updated.' }),
    }),
  });

builder.mutationField('computeSignals', (t) =>
  t.field({
    type: ComputeSignalsResult,
    description:
      'Computes the signals now (the API also does so on a schedule), for this week so far and the weeks before it. National leadership and administrators.',
    errors: mutationErrors,
    args: {
      input: t.arg({
        type: builder.inputType('ComputeSignalsInput', {
          description: 'How far back.',
          fields: (f) => ({
            weeks: f.int({
              required: false,
              description: 'Weeks to assess, this week included (default 2, at most 26).',
              validate: z.number().int().min(1).max(26),
            }),
          }),
        }),
        required: false,
        description: 'How far back.',
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      // The whole country's series: only for callers who see every area and may read the audit log.
      if (!ctx.permissions.readAuditLog || ctx.permissions.regencyIds !== null) {
        throw new ForbiddenError('Your role may not make this change.', []);
      }
      return computeSignals(ctx.db, { trigger: ctx.actor, weeks: input?.weeks ?? 2 });
    },
  }),
);

// ─── reviewSignal ───────────────────────────────────────────────────────────────────────────────

/** Someone reviewed the signal since the caller saw it; nothing was written. */
export class SignalChangedError extends FieldError {
  override name = 'SignalChangedError';
}

builder.objectType(SignalChangedError, {
  name: 'SignalChangedError',
  description: 'Someone else reviewed this signal since you saw it: nothing was written; read it again.',
  interfaces: [ErrorInterface],
  isTypeOf: errorTypeOf(SignalChangedError, 'SignalChangedError'),
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'The field in conflict.' }),
  }),
});

builder.mutationField('reviewSignal', (t) =>
  t.prismaField({
    type: 'Signal',
    description: `Moves a signal in its review (${Object.entries(signalTransitions)
      .filter(([, to]) => to.length)
      .map(([from, to]) => `${from} → ${to.join(' or ')}`)
      .join(
        '; ',
      )}); escalating or dismissing says why in a note. Offices in their area, national leadership anywhere. Audited.`,
    errors: {
      types: [...mutationErrors.types, SignalChangedError],
      dataField: { description: 'The signal as stored.' },
    },
    args: {
      input: t.arg({
        type: builder.inputType('ReviewSignalInput', {
          description: 'The step.',
          fields: (f) => ({
            signalId: f.globalID({ required: true, for: [Signal], description: 'The signal.' }),
            toStatus: f.field({ type: SignalStatusEnum, required: true, description: 'The new review state.' }),
            note: f.string({
              required: false,
              description: 'Why (required to escalate or dismiss).',
              validate: z.string().trim().min(5).max(2000),
            }),
            expectedVersion: f.int({
              required: true,
              description: "The signal's `version` as you saw it.",
              validate: z.number().int().min(1),
            }),
          }),
        }),
        required: true,
        description: 'The step.',
      }),
    },
    resolve: (query, _root, { input }, ctx) =>
      writeTransaction(ctx, async (tx) => {
        if (!ctx.permissions.reviewSignals) throw new ForbiddenError('Your role may not make this change.', []);
        const signal = await tx.signal.findUnique({ where: { id: Number(input.signalId.id) } });
        if (!signal) throw new NotFoundError('No such signal.', ['input', 'signalId']);
        requireArea(ctx, signal.regencyId, ['input', 'signalId']);
        if (signal.version !== input.expectedVersion) {
          throw new SignalChangedError(`This signal was reviewed since you saw it (now ${signal.status}).`, [
            'input',
            'expectedVersion',
          ]);
        }
        if (!canMoveSignal(signal.status, input.toStatus)) {
          throw new ConflictError(cannotMoveMessage('signal', signal.status, input.toStatus, signalTransitions), [
            'input',
            'toStatus',
          ]);
        }
        const note = input.note?.trim() ?? null;
        if (signalStepNeedsNote(input.toStatus) && !note) {
          throw invalidField('Say why in a note when you escalate or dismiss a signal.', ['input', 'note']);
        }
        const now = new Date();
        // Conditional on the version read: a concurrent review in between writes nothing here.
        const { count } = await tx.signal.updateMany({
          where: { id: signal.id, version: signal.version },
          data: {
            status: input.toStatus,
            note: note ?? signal.note,
            statusChangedAt: now,
            statusChangedBy: ctx.actor,
            version: { increment: 1 },
          },
        });
        if (count === 0) {
          throw new SignalChangedError('This signal was reviewed since you saw it.', ['input', 'expectedVersion']);
        }
        await audit(tx, ctx, {
          action: 'reviewSignal',
          entity: 'Signal',
          entityId: signal.id,
          before: { status: signal.status, version: signal.version },
          after: { status: input.toStatus, note, version: signal.version + 1 },
        });
        return tx.signal.findUniqueOrThrow({ ...reread(query), where: { id: signal.id } });
      }),
  }),
);
