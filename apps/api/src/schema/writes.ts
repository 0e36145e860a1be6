// What every mutation shares: one transaction per write, and the calendar rules of the programme.
import { type Prisma, type PrismaClient, retryOnConflict } from '@binaan/db';
import { inScope, type Permissions, refusalMessage } from '../auth/permissions.js';
import type { Context } from '../context.js';
import { dateIn, timeZoneOfArea, timeZones, todayInArea } from '@binaan/domain';
import { ForbiddenError, invalidField } from './errors.js';

export type Tx = Prisma.TransactionClient;

/**
 * Runs a write in one transaction: either all of it lands or none of it does. One that PostgreSQL rolled
 * back to break a deadlock is run again (@binaan/db's retryOnConflict), so `work` must do nothing outside
 * the transaction that a second run would repeat.
 */
export function writeTransaction<T>(ctx: Context, work: (tx: Tx) => Promise<T>): Promise<T> {
  return retryOnConflict(() =>
    (ctx.db.prisma as PrismaClient).$transaction(work, { maxWait: 10_000, timeout: 20_000 }),
  );
}

/**
 * The latest "today" anywhere in Indonesia (WIT, UTC+9), as a calendar date at UTC midnight (as dates
 * from clients are): no event can be dated after it. Checked with the rest of the input; the village's own
 * day is checked once the village is known (notAfterTodayIn).
 */
export function today(): Date {
  return new Date(`${dateIn(timeZones.WIT)}T00:00:00Z`);
}

/**
 * Refuses an event date after today where the area is (its province's zone: WIB, WITA or WIT): at 07:00 in
 * Kupang (WITA) it is already the 5th there, while still the 4th in UTC, and at 23:30 in Jakarta (WIB) the
 * 5th has begun in Papua but not in Jakarta.
 */
export function notAfterTodayIn(areaCode: string, date: Date, path: string[]): void {
  const local = todayInArea(areaCode);
  if (date.toISOString().slice(0, 10) > local) {
    throw invalidField(
      `The date cannot be after today where the village is (${local}, ${timeZoneOfArea(areaCode)}).`,
      path,
    );
  }
}

/** Refuses a write the caller's role does not allow, before anything is read or written. */
export function requirePermission(
  ctx: Context,
  permission: keyof Pick<
    Permissions,
    'writeRecords' | 'submitReports' | 'setTargets' | 'issueTokens' | 'administerUsers'
  >,
): void {
  if (!ctx.permissions[permission]) {
    throw new ForbiddenError(
      ctx.permissions.mustChangePassword
        ? refusalMessage(ctx.permissions)
        : ctx.permissions.signedIn
          ? 'Your role may not make this change.'
          : 'Sign in first.',
      [],
    );
  }
}

/** Refuses a write about a kabupaten/kota outside the caller's area. */
export function requireArea(ctx: Context, regencyId: number, path: string[]): void {
  if (!inScope(ctx.permissions, regencyId)) throw new ForbiddenError('This is outside your area.', path);
}

/** Who an audit entry names: the actor, and the user or API token behind it (neither for a device). */
export function auditedCaller(ctx: Context) {
  return {
    actor: ctx.actor,
    userId: ctx.caller.kind === 'user' ? ctx.caller.userId : null,
    tokenId: ctx.caller.kind === 'token' ? ctx.caller.tokenId : null,
  };
}

/** Records a write in the audit log, in the write's own transaction. */
export async function audit(
  tx: Tx,
  ctx: Context,
  entry: { action: string; entity: string; entityId: string | number; before?: unknown; after?: unknown },
): Promise<void> {
  const json = (value: unknown) =>
    value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue);
  await tx.auditLog.create({
    data: {
      ...auditedCaller(ctx),
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      before: json(entry.before),
      after: json(entry.after),
    },
  });
}

/**
 * The Pothos query for re-reading a written record. A response that selects only `__typename` gives an
 * empty `select`, which Prisma refuses; selecting the id is then enough.
 */
export function reread<Query extends object>(query: Query): Query {
  const select = (query as { select?: object }).select;
  return select && Object.keys(select).length === 0 ? ({ ...query, select: { id: true } } as Query) : query;
}
