// Signing in and out, and who the caller is: the session cookie, `me` and its permissions.
import { verifyPassword } from '@binaan/db';
import { z } from 'zod';
import { allowedRegencyCodes } from '../auth/area-codes.js';
import { identify, SESSION_COOKIE } from '../auth/caller.js';
import { newSecret } from '../auth/tokens.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { ErrorInterface, mutationErrors } from './errors.js';
import { runningInProduction } from '../env.js';

const SESSION_HOURS = 12;

const UserRoleEnum = builder.enumType('UserRole', {
  description: "A person's role, which decides what they may see and change.",
  values: {
    NATIONAL_LEADERSHIP: { description: 'Reads everything; personal details only when granted; writes nothing.' },
    REGIONAL_OFFICE: { description: 'Kanwil: reads and writes within its province.' },
    IMMIGRATION_OFFICE: { description: 'Kanim: reads and writes within its working area.' },
    ANALYST: { description: 'Reads aggregates and non-personal records everywhere; writes nothing.' },
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
    personal: t.exposeBoolean('personal', { description: 'See names and phone numbers.' }),
    readAuditLog: t.exposeBoolean('readAuditLog', { description: 'Read the audit log.' }),
    issueTokens: t.exposeBoolean('issueTokens', { description: 'Issue API tokens.' }),
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
    kind: t.string({ description: '`user` or `token`.', resolve: (ctx) => ctx.caller.kind }),
    displayName: t.string({
      description: "The user's name or the token's name.",
      resolve: (ctx) =>
        ctx.caller.kind === 'user' ? ctx.caller.displayName : ctx.caller.kind === 'token' ? ctx.caller.name : '',
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
  isTypeOf: (value) => value instanceof InvalidCredentialsError,
  fields: () => ({}),
});

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
      types: [InvalidCredentialsError, ...mutationErrors.types],
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
      const user = await ctx.db.prisma.user.findUnique({ where: { email: input.email } });
      const valid = user && !user.disabledAt && (await verifyPassword(input.password, user.passwordHash));
      if (!user || !valid) throw new InvalidCredentialsError('Wrong email or password.');
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
