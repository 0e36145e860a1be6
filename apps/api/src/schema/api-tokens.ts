// API tokens for other applications: issued once (only a hash is stored), listed with their last use, revoked.
import { z } from 'zod';
import type { TokenScope } from '../auth/permissions.js';
import { newSecret } from '../auth/tokens.js';
import { builder } from '../builder.js';
import { listCost, listLengths } from '../query-cost.js';
import type { Context } from '../context.js';
import { ConflictError, ForbiddenError, mutationErrors, NotFoundError } from './errors.js';
import { audit, requirePermission, writeTransaction, reread } from './writes.js';
import { TokenScopeEnum } from './session.js';

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
    ...listCost(listLengths.apiTokens),
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
