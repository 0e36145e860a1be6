// The audit log: every write, who made it, through which token, before and after; national leadership reads it.
import { z } from 'zod';
import { builder } from '../builder.js';

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
