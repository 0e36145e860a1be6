// The field app's phones (issue 16). An office makes a one-time enrolment code for a designated village;
// the phone exchanges it once for a device credential that may only submit that village's reports and
// read their status. Offices list and revoke the phones of their villages. Codes and credentials are
// stored only as hashes.
import { randomBytes } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { hashSecret, newSecret } from '../auth/tokens.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { localize } from '../messages.js';
import { listCost } from '../query-cost.js';
import { ReportStatusEnum } from './enums.js';
import { ConflictError, ErrorInterface, errorTypeOf, ForbiddenError, mutationErrors, NotFoundError } from './errors.js';
import { villageCode } from './filters.js';
import { SignInThrottledError } from './session.js';
import { audit, requireArea, requirePermission, writeTransaction, reread } from './writes.js';

/** How long an enrolment code can be used: long enough to reach the village, short enough to be safe. */
export const ENROLMENT_CODE_HOURS = 72;
/** Phones one village may have enrolled at a time (revoked ones do not count). */
export const MAX_DEVICES_PER_VILLAGE = 20;
/** Client references a phone asks about at once (its outbox). */
const MAX_STATUS_QUERIES = 200;

/**
 * A code read out or shown as a QR code: 8 characters without look-alikes (0/O, 1/l/I), in two groups.
 * About 40 bits; it is throttled, expires and works once.
 */
export function enrolmentCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const characters = [...randomBytes(8)].map((byte) => alphabet[byte % alphabet.length]);
  return `${characters.slice(0, 4).join('')}-${characters.slice(4).join('')}`;
}

/** Codes are compared as typed on a phone: case, spaces and the dash do not matter. */
export const normaliseEnrolmentCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

const FieldDevice = builder.prismaNode('FieldDevice', {
  id: { field: 'id' },
  nullable: true,
  findUnique: (id, ctx) => ({
    id: Number(id),
    ...(ctx.permissions.readRecords && ctx.permissions.regencyIds
      ? { village: { regencyId: { in: [...ctx.permissions.regencyIds] } } }
      : ctx.permissions.readRecords
        ? {}
        : { id: -1 }),
  }),
  description: "A phone enrolled in the field app for one village: it submits that village's reports.",
  fields: (t) => ({
    label: t.exposeString('label', { description: 'What the office calls it, e.g. "HP Sekdes".' }),
    village: t.relation('village', { description: 'The village it reports for.' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was enrolled.' }),
    lastSeenAt: t.expose('lastSeenAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was last heard from (to the minute).',
    }),
    revokedAt: t.expose('revokedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was revoked; it is refused from then on.',
    }),
    reportsSent: t.relationCount('reports', { description: 'How many reports it has sent.' }),
  }),
});

builder.queryField('fieldDevices', (t) =>
  t.prismaField({
    ...listCost(MAX_DEVICES_PER_VILLAGE * 5),
    type: ['FieldDevice'],
    authScopes: { readRecords: true },
    description: 'The phones enrolled for a village in your area, newest first (revoked ones too).',
    args: { villageCode: t.arg.string({ required: true, description: 'The village.', validate: villageCode }) },
    resolve: async (query, _root, args, ctx) => {
      const village = await ctx.db.prisma.village.findUnique({ where: { code: args.villageCode } });
      if (!village || (ctx.permissions.regencyIds && !ctx.permissions.regencyIds.has(village.regencyId))) return [];
      return ctx.db.prisma.fieldDevice.findMany({
        ...query,
        where: { villageId: village.id },
        orderBy: { id: 'desc' },
        take: MAX_DEVICES_PER_VILLAGE * 5,
      });
    },
  }),
);

// ─── createDeviceEnrolment ──────────────────────────────────────────────────────────────────────

const DeviceEnrolmentCode = builder
  .objectRef<{ code: string; expiresAt: Date; villageCode: string; label: string }>('DeviceEnrolmentCode')
  .implement({
    description:
      'A one-time code for a phone to enrol in the field app. Show it (or its QR code) now: it is not shown again.',
    fields: (t) => ({
      code: t.exposeString('code', { description: 'The code, e.g. `K7QD-M2XP`; case and the dash do not matter.' }),
      expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'When it stops working.' }),
      villageCode: t.exposeString('villageCode', { description: 'The village the phone will report for.' }),
      label: t.exposeString('label', { description: 'What the phone will be called.' }),
      enrolmentPath: t.string({
        description: 'The field app with the code filled in (`/lapor/#kode=…`), for the QR code.',
        resolve: (enrolment) => `/lapor/#kode=${enrolment.code}`,
      }),
    }),
  });

const CreateDeviceEnrolmentInput = builder.inputType('CreateDeviceEnrolmentInput', {
  description: 'A phone to enrol for a designated village.',
  fields: (t) => ({
    villageCode: t.string({ required: true, description: 'The village.', validate: villageCode }),
    label: t.string({
      required: true,
      description: 'What to call the phone, e.g. "HP Sekdes".',
      validate: z.string().trim().min(2).max(60),
    }),
  }),
});

builder.mutationField('createDeviceEnrolment', (t) =>
  t.field({
    type: DeviceEnrolmentCode,
    description: `Makes a one-time code (valid ${ENROLMENT_CODE_HOURS} hours) for a phone to enrol in the field app for an ACTIVE designated village in your area.`,
    errors: mutationErrors,
    args: { input: t.arg({ type: CreateDeviceEnrolmentInput, required: true, description: 'The phone.' }) },
    resolve: (_root, { input }, ctx) =>
      writeTransaction(ctx, async (tx) => {
        requirePermission(ctx, 'writeRecords');
        if (ctx.caller.kind !== 'user') throw new ForbiddenError('Only people enrol devices.', []);
        const village = await tx.village.findUnique({
          where: { code: input.villageCode },
          include: {
            designations: { where: { status: 'ACTIVE' }, select: { id: true } },
            _count: { select: { fieldDevices: { where: { revokedAt: null } } } },
          },
        });
        if (!village) throw new NotFoundError(`No village has code ${input.villageCode}.`, ['input', 'villageCode']);
        requireArea(ctx, village.regencyId, ['input', 'villageCode']);
        if (village.designations.length === 0) {
          throw new ConflictError('Only a village with an ACTIVE designation reports through the field app.', [
            'input',
            'villageCode',
          ]);
        }
        if (village._count.fieldDevices >= MAX_DEVICES_PER_VILLAGE) {
          throw new ConflictError(
            `A village has at most ${MAX_DEVICES_PER_VILLAGE} enrolled phones; revoke one first.`,
            ['input', 'villageCode'],
          );
        }
        const code = enrolmentCode();
        const expiresAt = new Date(Date.now() + ENROLMENT_CODE_HOURS * 3_600_000);
        const enrolment = await tx.deviceEnrolment.create({
          data: {
            villageId: village.id,
            codeHash: hashSecret(normaliseEnrolmentCode(code)),
            label: input.label.trim(),
            createdById: ctx.caller.userId,
            expiresAt,
          },
        });
        await audit(tx, ctx, {
          action: 'createDeviceEnrolment',
          entity: 'DeviceEnrolment',
          entityId: enrolment.id,
          after: { villageId: village.id, label: enrolment.label, expiresAt },
        });
        return { code, expiresAt, villageCode: village.code, label: enrolment.label };
      }),
  }),
);

// ─── enrolDevice ────────────────────────────────────────────────────────────────────────────────

/** The code is unknown, used or expired: one answer for all three, so guessing learns nothing. */
export class EnrolmentCodeInvalidError extends Error {
  override name = 'EnrolmentCodeInvalidError';
}

builder.objectType(EnrolmentCodeInvalidError, {
  name: 'EnrolmentCodeInvalidError',
  description: 'The enrolment code is wrong, already used or expired. Nothing was written.',
  interfaces: [ErrorInterface],
  isTypeOf: errorTypeOf(EnrolmentCodeInvalidError, 'EnrolmentCodeInvalidError'),
  fields: () => ({}),
});

const EnrolledDevice = builder.objectRef<{ credential: string; deviceId: number }>('EnrolledDevice').implement({
  description: 'The phone, now enrolled, and its credential. Keep the credential on the phone: it is not shown again.',
  fields: (t) => ({
    credential: t.exposeString('credential', { description: 'Send as `Authorization: Bearer <credential>`.' }),
    device: t.prismaField({
      type: 'FieldDevice',
      description: 'The device as stored.',
      resolve: (query, enrolled, _args, ctx) =>
        ctx.db.prisma.fieldDevice.findUniqueOrThrow({ ...reread(query), where: { id: enrolled.deviceId } }),
    }),
  }),
});

builder.mutationField('enrolDevice', (t) =>
  t.field({
    type: EnrolledDevice,
    description:
      'Exchanges a one-time enrolment code for a device credential (no sign-in needed). Attempts are throttled per address.',
    errors: { ...mutationErrors, types: [EnrolmentCodeInvalidError, SignInThrottledError, ...mutationErrors.types] },
    args: {
      input: t.arg({
        type: builder.inputType('EnrolDeviceInput', {
          description: 'The code the office gave.',
          fields: (f) => ({
            code: f.string({
              required: true,
              description: 'The enrolment code, e.g. `K7QD-M2XP`.',
              validate: z.string().trim().min(4).max(20),
            }),
          }),
        }),
        required: true,
        description: 'The code.',
      }),
    },
    resolve: async (_root, { input }, ctx: Context) => {
      // Guessing codes is throttled like guessing passwords, per address.
      const key = `device-enrolment@${ctx.clientAddress}`;
      const refusal = await ctx.signInGuard.check(key, ctx.clientAddress);
      if (refusal) throw new SignInThrottledError(refusal);
      const codeHash = hashSecret(normaliseEnrolmentCode(input.code));
      const { secret, hash, prefix } = newSecret('device');
      const deviceId = await writeTransaction(ctx, async (tx) => {
        const enrolment = await tx.deviceEnrolment.findUnique({ where: { codeHash } });
        if (!enrolment || enrolment.usedAt || enrolment.expiresAt <= new Date()) return null;
        // Used once: a second exchange of the same code finds it used (the update is conditional).
        const { count } = await tx.deviceEnrolment.updateMany({
          where: { id: enrolment.id, usedAt: null },
          data: { usedAt: new Date() },
        });
        if (count === 0) return null;
        const device = await tx.fieldDevice.create({
          data: {
            villageId: enrolment.villageId,
            enrolmentId: enrolment.id,
            label: enrolment.label,
            tokenHash: hash,
            tokenPrefix: prefix,
          },
        });
        await audit(
          tx,
          { ...ctx, actor: `device:${device.id}` },
          {
            action: 'enrolDevice',
            entity: 'FieldDevice',
            entityId: device.id,
            after: { villageId: device.villageId, enrolmentId: enrolment.id, label: device.label },
          },
        );
        return device.id;
      });
      if (deviceId === null) {
        await ctx.signInGuard.failed(key, ctx.clientAddress);
        throw new EnrolmentCodeInvalidError(
          'This enrolment code is wrong, already used or expired. Ask your immigration office for a new one.',
        );
      }
      return { credential: secret, deviceId };
    },
  }),
);

// ─── revokeFieldDevice ──────────────────────────────────────────────────────────────────────────

builder.mutationField('revokeFieldDevice', (t) =>
  t.prismaField({
    type: 'FieldDevice',
    description: 'Revokes a phone: from its next request it is refused. The reports it sent stay.',
    errors: mutationErrors,
    args: {
      input: t.arg({
        type: builder.inputType('RevokeFieldDeviceInput', {
          description: 'Which phone.',
          fields: (f) => ({
            deviceId: f.globalID({ required: true, for: [FieldDevice], description: 'The phone.' }),
          }),
        }),
        required: true,
        description: 'Which phone.',
      }),
    },
    resolve: (query, _root, { input }, ctx) =>
      writeTransaction(ctx, async (tx) => {
        requirePermission(ctx, 'writeRecords');
        const device = await tx.fieldDevice.findUnique({
          where: { id: Number(input.deviceId.id) },
          include: { village: { select: { regencyId: true } } },
        });
        if (!device) throw new NotFoundError('No such device.', ['input', 'deviceId']);
        requireArea(ctx, device.village.regencyId, ['input', 'deviceId']);
        if (device.revokedAt) throw new ConflictError('This device is already revoked.', ['input', 'deviceId']);
        const revokedAt = new Date();
        await tx.fieldDevice.update({ where: { id: device.id }, data: { revokedAt } });
        await audit(tx, ctx, {
          action: 'revokeFieldDevice',
          entity: 'FieldDevice',
          entityId: device.id,
          before: { revokedAt: null },
          after: { revokedAt },
        });
        return tx.fieldDevice.findUniqueOrThrow({ ...reread(query), where: { id: device.id } });
      }),
  }),
);

// ─── thisDevice: the phone's own record ─────────────────────────────────────────────────────────

builder.queryField('thisDevice', (t) =>
  t.prismaField({
    type: 'FieldDevice',
    nullable: true,
    authScopes: { signedIn: true },
    description:
      'For a field-app phone: itself, with the village it reports for (null for any other caller). A revoked phone is refused before this runs.',
    resolve: (query, _root, _args, ctx) =>
      ctx.caller.kind === 'device'
        ? ctx.db.prisma.fieldDevice.findUnique({ ...query, where: { id: ctx.caller.deviceId } })
        : null,
  }),
);

// ─── deviceReports: what the phone may read ─────────────────────────────────────────────────────

const DeviceReportStatus = builder
  .objectRef<{ clientReference: string; id: number; status: string; statusChangedAt: Date }>('DeviceReportStatus')
  .implement({
    description: "Where one of the phone's reports stands: received, then verified, followed up, closed or rejected.",
    fields: (t) => ({
      clientReference: t.exposeString('clientReference', { description: "The phone's own reference for it." }),
      reportId: t.string({
        description: "The server's id of the report.",
        resolve: (report) => encodeGlobalID('VillageReport', report.id),
      }),
      status: t.field({
        type: ReportStatusEnum,
        description: 'Where it is in the workflow.',
        resolve: (report) => report.status as never,
      }),
      statusChangedAt: t.expose('statusChangedAt', { type: 'DateTime', description: 'When it last moved.' }),
    }),
  });

builder.queryField('deviceReports', (t) =>
  t.field({
    ...listCost(MAX_STATUS_QUERIES),
    type: [DeviceReportStatus],
    authScopes: { signedIn: true },
    description:
      "For a field-app phone: where its reports stand, by its own client references (those it has not sent, or another device's, are absent).",
    args: {
      clientReferences: t.arg.stringList({
        required: true,
        description: 'The references of the reports to ask about.',
        validate: z.array(z.string().max(128)).max(MAX_STATUS_QUERIES),
      }),
    },
    resolve: async (_root, args, ctx) => {
      if (ctx.caller.kind !== 'device') {
        throw new GraphQLError(localize('Only a field-app device asks about its reports here.', ctx.locale), {
          extensions: { code: ctx.permissions.signedIn ? 'FORBIDDEN' : 'UNAUTHENTICATED' },
        });
      }
      const reports = await ctx.db.prisma.villageReport.findMany({
        where: { deviceId: ctx.caller.deviceId, clientReference: { in: args.clientReferences } },
        select: { id: true, clientReference: true, status: true, statusChangedAt: true },
      });
      return reports;
    },
  }),
);
