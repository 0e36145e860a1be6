// What every mutation shares: one transaction per write, and the calendar rules of the programme.
import type { Prisma, PrismaClient } from '@binaan/db';
import type { Context } from '../context.js';

export const PROGRAMME_FIRST_YEAR = 2023;

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
