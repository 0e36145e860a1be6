// What every mutation shares: one transaction per write, and the calendar rules of the programme.
import type { Prisma, PrismaClient } from '@binaan/db';
import { inScope, type Permissions } from '../auth/permissions.js';
import type { Context } from '../context.js';
import { ForbiddenError } from './errors.js';

export type Tx = Prisma.TransactionClient;

/** Runs a write in one transaction: either all of it lands or none of it does. */
export function writeTransaction<T>(ctx: Context, work: (tx: Tx) => Promise<T>): Promise<T> {
  return (ctx.db.prisma as PrismaClient).$transaction(work, { maxWait: 10_000, timeout: 20_000 });
}

/** Today as a UTC calendar date; dates from clients are calendar dates at UTC midnight. */
export function today(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}

/** Refuses a write the caller's role does not allow, before anything is read or written. */
export function requirePermission(
  ctx: Context,
  permission: keyof Pick<Permissions, 'writeRecords' | 'submitReports' | 'issueTokens'>,
): void {
  if (!ctx.permissions[permission]) {
    throw new ForbiddenError(ctx.permissions.signedIn ? 'Your role may not make this change.' : 'Sign in first.', []);
  }
}

/** Refuses a write about a kabupaten/kota outside the caller's area. */
export function requireArea(ctx: Context, regencyId: number, path: string[]): void {
  if (!inScope(ctx.permissions, regencyId)) throw new ForbiddenError('This is outside your area.', path);
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
      actor: ctx.actor,
      userId: ctx.caller.kind === 'user' ? ctx.caller.userId : null,
      tokenId: ctx.caller.kind === 'token' ? ctx.caller.tokenId : null,
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
