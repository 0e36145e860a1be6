// Signing in and out, and who the caller is: the session cookie, `me` and its permissions.
import { randomUUID } from 'node:crypto';
import { hashPassword, verifyPassword } from '@binaan/db';
import { z } from 'zod';
import { allowedRegencyCodes } from '../auth/area-codes.js';
import { identify, SESSION_COOKIE } from '../auth/caller.js';
import { type SignInRefusal, signInLimits } from '../auth/sign-in-guard.js';
import { newSecret } from '../auth/tokens.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { ErrorInterface, errorTypeOf, mutationErrors } from './errors.js';
import { runningInProduction } from '../env.js';
import { audit } from './writes.js';

const SESSION_HOURS = 12;

export const UserRoleEnum = builder.enumType('UserRole', {
  description: "A person's role, which decides what they may see and change.",
  values: {
    NATIONAL_LEADERSHIP: { description: 'Reads everything; personal details only when granted; writes nothing.' },
    REGIONAL_OFFICE: { description: 'Kanwil: reads and writes within its province.' },
    IMMIGRATION_OFFICE: { description: 'Kanim: reads and writes within its working area.' },
    ANALYST: { description: 'Reads aggregates and non-personal records everywhere; writes nothing.' },
    ADMINISTRATOR: {
      description: 'Manages accounts: creates and disables users, resets passwords. Reads aggregates, no records.',
    },
  } as const,
});

export const TokenScopeEnum = builder.enumType('TokenScope', {
  description: 'What an API token may do.',
  values: {
    RECORDS_READ: { value: 'records:read', description: 'Read records (without personal details).' },
    AGGREGATES_READ: { value: 'aggregates:read', description: 'Read analytics.' },
    RECORDS_WRITE: {
      value: 'records:write',
      description: 'Record designations, activities, training and report steps.',
    },
    REPORTS_SUBMIT: { value: 'reports:submit', description: 'Submit village reports.' },
  } as const,
});

const Permissions = builder.objectRef<Context['permissions']>('Permissions').implement({
  description: 'What the caller may do.',
  fields: (t) => ({
    readRecords: t.exposeBoolean('readRecords', { description: 'Read records.' }),
    readAggregates: t.exposeBoolean('readAggregates', { description: 'Read analytics.' }),
    writeRecords: t.exposeBoolean('writeRecords', {
      description: 'Record designations, activities, training; move reports on.',
    }),
    submitReports: t.exposeBoolean('submitReports', { description: 'Submit village reports.' }),
    setTargets: t.exposeBoolean('setTargets', {
      description: "Set the year's work-plan targets per kabupaten/kota (a Kanwil, in its province).",
    }),
    reviewSignals: t.exposeBoolean('reviewSignals', {
      description: 'Review early-warning signals (acknowledge, escalate, dismiss) in your area.',
    }),
    personal: t.exposeBoolean('personal', { description: 'See names and phone numbers.' }),
    readAuditLog: t.exposeBoolean('readAuditLog', { description: 'Read the audit log.' }),
    issueTokens: t.exposeBoolean('issueTokens', { description: 'Issue API tokens.' }),
    administerUsers: t.exposeBoolean('administerUsers', {
      description: 'Create and disable accounts, reset passwords (an administrator).',
    }),
    wholeCountry: t.boolean({
      description: 'Not limited to an area.',
      resolve: (permissions) => permissions.regencyIds === null,
    }),
  }),
});

builder.objectField(Permissions, 'regencyCodes', (t) =>
  t.stringList({
    nullable: true,
    description: 'The kabupaten/kota the caller may see, by code; null for the whole country.',
    resolve: (_permissions, _args, ctx) => allowedRegencyCodes(ctx),
  }),
);

const Me = builder.objectRef<Context>('Me').implement({
  description: 'Who is calling and what they may do.',
  fields: (t) => ({
    kind: t.string({
      description: '`user`, `token` or `device` (a field-app phone).',
      resolve: (ctx) => ctx.caller.kind,
    }),
    displayName: t.string({
      description: "The user's name or the token's name.",
      resolve: (ctx) =>
        ctx.caller.kind === 'user' ? ctx.caller.displayName : ctx.caller.kind === 'anonymous' ? '' : ctx.caller.name,
    }),
    email: t.string({
      nullable: true,
      description: "The user's email; null for tokens.",
      resolve: (ctx) => (ctx.caller.kind === 'user' ? ctx.caller.email : null),
    }),
    role: t.field({
      type: UserRoleEnum,
      nullable: true,
      description: "The user's role; null for tokens.",
      resolve: (ctx) => (ctx.caller.kind === 'user' ? ctx.caller.role : null),
    }),
    area: t.string({
      nullable: true,
      description: 'The office or province that limits what the caller sees; null for the whole country.',
      resolve: (ctx) => (ctx.caller.kind === 'anonymous' ? null : ctx.caller.area),
    }),
    permissions: t.field({
      type: Permissions,
      description: 'What the caller may do.',
      resolve: (ctx) => ctx.permissions,
    }),
    mustChangePassword: t.boolean({
      description:
        'Signed in with a temporary password: nothing else is allowed until changeOwnPassword sets a new one.',
      resolve: (ctx) => ctx.caller.kind === 'user' && ctx.caller.mustChangePassword,
    }),
  }),
});

function sessionCookie(secret: string, maxAgeSeconds: number): string {
  const secure = runningInProduction() ? '; Secure' : '';
  return `${SESSION_COOKIE}=${encodeURIComponent(secret)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

/** Wrong email or password: one message for both, so nobody learns which emails exist. */
export class InvalidCredentialsError extends Error {
  override name = 'InvalidCredentialsError';
}

builder.objectType(InvalidCredentialsError, {
  name: 'InvalidCredentialsError',
  description: 'The email or password is wrong.',
  interfaces: [ErrorInterface],
  isTypeOf: errorTypeOf(InvalidCredentialsError, 'InvalidCredentialsError'),
  fields: () => ({}),
});

/** Too many failed attempts: this account (or this address) must wait before trying again. */
export class SignInThrottledError extends Error {
  override name = 'SignInThrottledError';
  constructor(readonly refusal: SignInRefusal) {
    super(
      refusal.reason === 'ACCOUNT_LOCKED'
        ? 'Too many failed sign-ins: this account is locked for a while.'
        : 'Too many failed sign-ins: wait before trying again.',
    );
  }
}

builder.objectType(SignInThrottledError, {
  name: 'SignInThrottledError',
  description: 'Too many failed sign-ins for this account or from this address; the password was not checked.',
  interfaces: [ErrorInterface],
  isTypeOf: errorTypeOf(SignInThrottledError, 'SignInThrottledError'),
  fields: (t) => ({
    retryAfterSeconds: t.int({
      description: 'Seconds to wait before the next attempt.',
      resolve: (error) => error.refusal.retryAfterSeconds,
    }),
    locked: t.boolean({
      description: 'The account is locked (after repeated failures), not just slowed down.',
      resolve: (error) => error.refusal.reason === 'ACCOUNT_LOCKED',
    }),
  }),
});

/** A hash to check unknown accounts' passwords against, so they take as long as known ones. */
let decoyHash: Promise<string> | undefined;

builder.queryField('me', (t) =>
  t.field({
    type: Me,
    nullable: true,
    description: 'The signed-in user or the calling application; null when signed out.',
    resolve: (_root, _args, ctx) => (ctx.caller.kind === 'anonymous' ? null : ctx),
  }),
);

builder.mutationFields((t) => ({
  signIn: t.field({
    type: Me,
    description: 'Signs in with email and password; the session cookie (httpOnly, SameSite=Lax) lasts 12 hours.',
    errors: {
      types: [InvalidCredentialsError, SignInThrottledError, ...mutationErrors.types],
      dataField: { description: 'Who is now signed in.' },
    },
    args: {
      input: t.arg({
        type: builder.inputType('SignInInput', {
          description: 'Credentials.',
          fields: (f) => ({
            email: f.string({
              required: true,
              description: 'Email address.',
              validate: z.string().trim().toLowerCase().email().max(200),
            }),
            password: f.string({ required: true, description: 'Password.', validate: z.string().min(1).max(200) }),
          }),
        }),
        required: true,
        description: 'Credentials.',
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      // Counted per attempt (each signIn field, aliases included), per account and per address.
      const refusal = await ctx.signInGuard.check(input.email, ctx.clientAddress);
      if (refusal) throw new SignInThrottledError(refusal);
      const user = await ctx.db.prisma.user.findUnique({ where: { email: input.email } });
      // Unknown and disabled accounts check a password too, so the time taken tells nothing.
      const stored = user && !user.disabledAt ? user.passwordHash : await (decoyHash ??= hashPassword(randomUUID()));
      const valid = (await verifyPassword(input.password, stored)) && user !== null && !user.disabledAt;
      if (!valid) {
        const { locked } = await ctx.signInGuard.failed(input.email, ctx.clientAddress);
        if (locked) {
          // Operators see locks in the audit log (no password, no secret).
          await audit(ctx.db.prisma, ctx, {
            action: 'signInLocked',
            entity: 'User',
            entityId: user?.id ?? 'unknown',
            after: { email: input.email, address: ctx.clientAddress, lockedForSeconds: signInLimits.lockSeconds },
          });
        }
        throw new InvalidCredentialsError('Wrong email or password.');
      }
      await ctx.signInGuard.succeeded(input.email);
      const { secret, hash } = newSecret('session');
      await ctx.db.prisma.session.create({
        data: { tokenHash: hash, userId: user.id, expiresAt: new Date(Date.now() + SESSION_HOURS * 3_600_000) },
      });
      ctx.setCookie(sessionCookie(secret, SESSION_HOURS * 3600));
      // The rest of this response already speaks for the new session.
      return { ...ctx, ...(await identify(ctx.db, secret)) };
    },
  }),
  signOut: t.boolean({
    description: 'Ends the current session (revoked on the server) and clears the cookie.',
    resolve: async (_root, _args, ctx) => {
      if (ctx.caller.kind === 'user') {
        await ctx.db.prisma.session.update({ where: { id: ctx.caller.sessionId }, data: { revokedAt: new Date() } });
      }
      ctx.setCookie(sessionCookie('', 0));
      return ctx.caller.kind === 'user';
    },
  }),
}));
