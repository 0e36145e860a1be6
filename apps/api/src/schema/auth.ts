// Sign-in, the signed-in caller, API tokens for other applications, and the audit log.
import { verifyPassword } from '@binaan/db';
import { JSONResolver } from 'graphql-scalars';
import { z } from 'zod';
import { allowedRegencyCodes } from '../auth/area-codes.js';
import { identify, SESSION_COOKIE } from '../auth/caller.js';
import type { TokenScope } from '../auth/permissions.js';
import { newSecret } from '../auth/tokens.js';
import { builder } from '../builder.js';
import type { Context } from '../context.js';
import { ConflictError, ErrorInterface, ForbiddenError, mutationErrors, NotFoundError } from './errors.js';
import { audit, requirePermission, writeTransaction, reread } from './writes.js';
import { runningInProduction } from '../env.js';

const SESSION_HOURS = 12;

builder.addScalarType('JSON', JSONResolver, { description: 'Any JSON value.' });

const UserRoleEnum = builder.enumType('UserRole', {
  description: "A person's role, which decides what they may see and change.",
  values: {
    NATIONAL_LEADERSHIP: { description: 'Reads everything; personal details only when granted; writes nothing.' },
    REGIONAL_OFFICE: { description: 'Kanwil: reads and writes within its province.' },
    IMMIGRATION_OFFICE: { description: 'Kanim: reads and writes within its working area.' },
    ANALYST: { description: 'Reads aggregates and non-personal records everywhere; writes nothing.' },
  } as const,
});

const TokenScopeEnum = builder.enumType('TokenScope', {
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

// ─── API tokens ─────────────────────────────────────────────────────────────────────────────────

const tokensVisibleTo = (ctx: Context) =>
  ctx.caller.kind === 'user' ? (ctx.permissions.readAuditLog ? {} : { createdById: ctx.caller.userId }) : { id: -1 };

const ApiToken = builder.prismaNode('ApiToken', {
  id: { field: 'id' },
  // Out of the caller's area it does not exist: node(id) answers null.
  nullable: true,
  findUnique: (id, ctx) => ({ id: Number(id), AND: [tokensVisibleTo(ctx)] }),
  description: 'A token another application uses. Its secret is shown once, when issued.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What it is for.' }),
    tokenPrefix: t.exposeString('tokenPrefix', { description: 'The first characters of the secret, to recognise it.' }),
    scopes: t.exposeStringList('scopes', { description: 'What it may do.' }),
    office: t.relation('office', {
      nullable: true,
      description: 'The office whose working area limits it; null: everywhere.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was issued.' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', nullable: true, description: 'When it stops working.' }),
    lastUsedAt: t.expose('lastUsedAt', {
      type: 'DateTime',
      nullable: true,
      description: 'When it was last used (to the minute).',
    }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true, description: 'When it was revoked.' }),
  }),
});

const IssuedToken = builder.objectRef<{ secret: string; tokenId: number }>('IssuedToken').implement({
  description: 'A new token and its secret. Store the secret now: it is not shown again.',
  fields: (t) => ({
    secret: t.exposeString('secret', { description: 'Send as `Authorization: Bearer <secret>`.' }),
    token: t.prismaField({
      type: 'ApiToken',
      description: 'The token as stored.',
      resolve: (query, issued, _args, ctx) =>
        ctx.db.prisma.apiToken.findUniqueOrThrow({ ...reread(query), where: { id: issued.tokenId } }),
    }),
  }),
});

builder.queryField('apiTokens', (t) =>
  t.prismaField({
    type: ['ApiToken'],
    authScopes: { issueTokens: true },
    description: 'Tokens you issued (national leadership: all tokens), newest first.',
    resolve: (query, _root, _args, ctx) =>
      ctx.db.prisma.apiToken.findMany({ ...query, where: tokensVisibleTo(ctx), orderBy: { id: 'desc' } }),
  }),
);

const WRITE_SCOPES: TokenScope[] = ['records:write', 'reports:submit'];

builder.mutationFields((t) => ({
  issueApiToken: t.field({
    type: IssuedToken,
    description: 'Issues a token for another application, within your own permissions and area.',
    errors: { ...mutationErrors, dataField: { description: 'The token and its secret (shown once).' } },
    args: {
      input: t.arg({
        type: builder.inputType('IssueApiTokenInput', {
          description: 'The token to issue.',
          fields: (f) => ({
            name: f.string({
              required: true,
              description: 'What it is for.',
              validate: z.string().trim().min(3).max(120),
            }),
            scopes: f.field({
              type: [TokenScopeEnum],
              required: true,
              description: 'What it may do.',
              validate: z.array(z.string()).min(1).max(4),
            }),
            officeCode: f.string({
              required: false,
              description: "Limit it to this office's working area.",
              validate: z.string().min(1).max(60),
            }),
            expiresInDays: f.int({
              required: false,
              defaultValue: 365,
              description: 'Days until it stops working.',
              validate: z.number().int().min(1).max(730),
            }),
          }),
        }),
        required: true,
        description: 'The token to issue.',
      }),
    },
    resolve: (_root, { input }, ctx) =>
      writeTransaction(ctx, async (tx) => {
        requirePermission(ctx, 'issueTokens');
        if (ctx.caller.kind !== 'user') throw new ForbiddenError('Only people issue tokens.', []);
        const scopes = [...new Set(input.scopes)] as TokenScope[];
        if (scopes.some((scope) => WRITE_SCOPES.includes(scope)) && !ctx.permissions.writeRecords) {
          throw new ForbiddenError('You cannot give a token more than you may do yourself.', ['input', 'scopes']);
        }
        const office = input.officeCode
          ? await tx.immigrationOffice.findUnique({
              where: { code: input.officeCode },
              include: { workingAreas: true },
            })
          : null;
        if (input.officeCode && !office)
          throw new NotFoundError(`No immigration office has code ${input.officeCode}.`, ['input', 'officeCode']);
        const regionLimited = ctx.permissions.regencyIds;
        if (regionLimited && (!office || office.workingAreas.some((area) => !regionLimited.has(area.regencyId)))) {
          throw new ForbiddenError('Limit the token to an office inside your area.', ['input', 'officeCode']);
        }
        const { secret, hash, prefix } = newSecret('token');
        const token = await tx.apiToken.create({
          data: {
            name: input.name.trim(),
            tokenPrefix: prefix,
            tokenHash: hash,
            scopes,
            officeId: office?.id ?? null,
            createdById: ctx.caller.userId,
            expiresAt: new Date(Date.now() + (input.expiresInDays ?? 365) * 86_400_000),
          },
        });
        const { tokenHash: _hash, ...recorded } = token;
        await audit(tx, ctx, { action: 'issueApiToken', entity: 'ApiToken', entityId: token.id, after: recorded });
        return { secret, tokenId: token.id };
      }),
  }),
  revokeApiToken: t.prismaField({
    type: 'ApiToken',
    description: 'Revokes a token you issued: it stops working at once.',
    errors: mutationErrors,
    args: { id: t.arg.globalID({ required: true, for: [ApiToken], description: 'The token.' }) },
    resolve: (query, _root, { id }, ctx) =>
      writeTransaction(ctx, async (tx) => {
        requirePermission(ctx, 'issueTokens');
        const token = await tx.apiToken.findFirst({ where: { id: Number(id.id), ...tokensVisibleTo(ctx) } });
        if (!token) throw new NotFoundError('No such token.', ['id']);
        if (token.revokedAt) throw new ConflictError('The token is already revoked.', ['id']);
        await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() } });
        await audit(tx, ctx, {
          action: 'revokeApiToken',
          entity: 'ApiToken',
          entityId: token.id,
          before: { revokedAt: null },
          after: { revokedAt: 'now' },
        });
        return tx.apiToken.findUniqueOrThrow({ ...reread(query), where: { id: token.id } });
      }),
  }),
}));

// ─── Audit log ──────────────────────────────────────────────────────────────────────────────────

builder.prismaNode('AuditLog', {
  id: { field: 'id' },
  // Out of the caller's area it does not exist: node(id) answers null.
  nullable: true,
  findUnique: (id, ctx) => ({ id: ctx.permissions.readAuditLog ? Number(id) : -1 }),
  description: 'One write: who, when, through which token, and what changed.',
  fields: (t) => ({
    at: t.expose('at', { type: 'DateTime', description: 'When.' }),
    actor: t.exposeString('actor', { description: '`user:<id>`, `token:<id>` or `system`.' }),
    tokenId: t.exposeInt('tokenId', { nullable: true, description: 'The API token used, if any.' }),
    action: t.exposeString('action', { description: 'The mutation.' }),
    entity: t.exposeString('entity', { description: 'The kind of record changed.' }),
    entityId: t.exposeString('entityId', { nullable: true, description: 'Its id.' }),
    before: t.expose('before', { type: 'JSON', nullable: true, description: 'The record before (for changes).' }),
    after: t.expose('after', { type: 'JSON', nullable: true, description: 'The record after.' }),
  }),
});

builder.queryField('auditLog', (t) =>
  t.prismaConnection({
    type: 'AuditLog',
    cursor: 'id',
    authScopes: { readAuditLog: true },
    description: 'Every write, newest first. National leadership only.',
    args: {
      entity: t.arg.string({
        required: false,
        description: 'Only this kind of record, e.g. `VillageReport`.',
        validate: z.string().max(60),
      }),
      action: t.arg.string({ required: false, description: 'Only this mutation.', validate: z.string().max(60) }),
    },
    totalCount: (_root, args, ctx) =>
      ctx.db.prisma.auditLog.count({
        where: { ...(args.entity ? { entity: args.entity } : {}), ...(args.action ? { action: args.action } : {}) },
      }),
    resolve: (query, _root, args, ctx) =>
      ctx.db.prisma.auditLog.findMany({
        ...query,
        where: { ...(args.entity ? { entity: args.entity } : {}), ...(args.action ? { action: args.action } : {}) },
        orderBy: { id: 'desc' },
      }),
  }),
);
