// Creates the schema builder and its plugins; defines no types. Plugin order matters: scope-auth first,
// errors before prisma (so `errors` works on prisma fields).
import type PrismaTypes from '@binaan/db/pothos-types';
import { getDatamodel } from '@binaan/db/pothos-types';
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import ResultLimitsPlugin from './plugins/result-limits.js';
import ErrorsPlugin from '@pothos/plugin-errors';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import { inScope, refusalMessage } from './auth/permissions.js';
import { localize } from './messages.js';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ValidationPlugin, { InputValidationError } from '@pothos/plugin-validation';
import { z } from 'zod';
import type { Context } from './context.js';
import { localizeIssue } from './messages.js';
import { runningInProduction } from './env.js';
import { decodeGlobalId, nodeOrNull } from './global-ids.js';
import { DEFAULT_PAGE_SIZE, fieldCost, MAX_PAGE_SIZE, queryLimits, queryTooCostly } from './query-cost.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  AuthScopes: {
    signedIn: boolean;
    readRecords: boolean;
    readAggregates: boolean;
    personal: boolean;
    readAuditLog: boolean;
    issueTokens: boolean;
    administerUsers: boolean;
    /** The caller may see this kabupaten/kota. */
    inArea: number | null;
  };
  Scalars: {
    Date: { Input: Date; Output: Date | string };
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
    ID: { Input: string; Output: string | number };
  };
}>({
  plugins: [
    ScopeAuthPlugin,
    ComplexityPlugin,
    ResultLimitsPlugin,
    ErrorsPlugin,
    RelayPlugin,
    ValidationPlugin,
    PrismaPlugin,
  ],
  // query-cost.ts: counted before the first root field resolves, so an operation over it runs no SQL.
  complexity: {
    fieldComplexity: fieldCost,
    limit: { complexity: queryLimits.maxCost, depth: queryLimits.maxDepth },
    complexityError: (kind, result) => queryTooCostly(kind, result),
  },
  defaultFieldNullability: false,
  validation: {
    // A bad argument to a query is a GraphQL error with the code clients branch on, in the caller's
    // language; in a mutation the errors plugin turns the same error into a typed InputValidationError.
    validationError: (failure, _args, ctx) => {
      const error = new InputValidationError(failure);
      const fields = failure.issues.map((issue) => {
        const path = (issue.path ?? []).map((part) => String(typeof part === 'object' ? part.key : part)).join('.');
        return `${path}: ${localizeIssue(issue as never, ctx.locale)}`;
      });
      return Object.assign(error, {
        message: fields.join('; '),
        extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
      });
    },
  },
  scopeAuth: {
    authScopes: (ctx) => ({
      signedIn: ctx.permissions.signedIn,
      readRecords: ctx.permissions.readRecords,
      readAggregates: ctx.permissions.readAggregates,
      personal: ctx.permissions.personal,
      readAuditLog: ctx.permissions.readAuditLog,
      issueTokens: ctx.permissions.issueTokens,
      administerUsers: ctx.permissions.administerUsers,
      inArea: (regencyId) => inScope(ctx.permissions, regencyId),
    }),
    // A refusal says so (and is not masked as an unexpected error); it never says what exists.
    unauthorizedError: (_parent, ctx) =>
      new GraphQLError(localize(refusalMessage(ctx.permissions), ctx.locale), {
        extensions: { code: ctx.permissions.signedIn ? 'FORBIDDEN' : 'UNAUTHENTICATED' },
      }),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Descriptions for the types and fields the relay plugin generates, so every part of the schema is documented.
    idFieldOptions: { description: 'Globally unique ID (Relay): pass it to `node(id:)` or to mutations.' },
    nodeTypeOptions: { description: 'A record that can be fetched again by its global ID with `node(id:)`.' },
    pageInfoTypeOptions: {
      description: 'Where a page sits in the whole list, for fetching the next or previous page.',
    },
    decodeGlobalID: (globalID) => decodeGlobalId(globalID),
    nodeQueryOptions: {
      description: 'Fetches any record by its global ID; null when it does not exist or is outside your area.',
      args: { id: { description: 'A global ID.' } },
      authScopes: { signedIn: true },
      resolve: (_root, { id }, _ctx, _info, resolveNode) => nodeOrNull(() => resolveNode(id)),
    },
    nodesQueryOptions: {
      description: `Fetches records by their global IDs, in the same order (at most ${MAX_PAGE_SIZE}).`,
      args: {
        ids: {
          description: `Global IDs, at most ${MAX_PAGE_SIZE}.`,
          validate: z.array(z.unknown()).max(MAX_PAGE_SIZE, `At most ${MAX_PAGE_SIZE} ids at a time.`),
        },
      },
      // Together; should one be missing, one by one (in turn), so that it is null in its place.
      resolve: async (_root, { ids }, _ctx, _info, resolveNodes) => {
        try {
          return await resolveNodes(ids);
        } catch {
          const nodes: unknown[] = [];
          for (const id of ids) nodes.push(await nodeOrNull(async () => (await resolveNodes([id]))[0]));
          return nodes;
        }
      },
      authScopes: { signedIn: true },
    },
    cursorFieldOptions: { description: 'Pass as `after` (or `before`) to get the results after (or before) this one.' },
    nodeFieldOptions: { nullable: false, description: 'The record.' },
    edgesFieldOptions: { nullable: false, description: 'The records on this page, each with its cursor.' },
    pageInfoFieldOptions: { description: 'Where this page sits in the whole list.' },
    hasNextPageFieldOptions: { description: 'More results follow this page.' },
    hasPreviousPageFieldOptions: { description: 'More results come before this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first result on this page.' },
    endCursorFieldOptions: {
      description: 'Cursor of the last result on this page: pass it as `after` for the next page.',
    },
    firstArgOptions: {
      description: `How many results to return, at most ${MAX_PAGE_SIZE}.`,
      validate: z
        .number()
        .int()
        .min(0)
        .max(MAX_PAGE_SIZE, `At most ${MAX_PAGE_SIZE} results per page; use the cursor for more.`),
    },
    afterArgOptions: { description: 'Return the results after this cursor.' },
    lastArgOptions: {
      description: `How many results to return from the end, at most ${MAX_PAGE_SIZE}.`,
      validate: z
        .number()
        .int()
        .min(0)
        .max(MAX_PAGE_SIZE, `At most ${MAX_PAGE_SIZE} results per page; use the cursor for more.`),
    },
    beforeArgOptions: { description: 'Return the results before this cursor.' },
    defaultConnectionTypeOptions: { description: 'A page of results, with how many there are in all.' },
    defaultEdgeTypeOptions: { description: 'One result and its cursor.' },
  },
  prisma: {
    client: (ctx) => ctx.db.prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    maxConnectionSize: MAX_PAGE_SIZE,
    defaultConnectionSize: DEFAULT_PAGE_SIZE,
    onUnusedQuery: runningInProduction() ? null : 'warn',
  },
  errors: {
    // Bad input comes back as a typed InputValidationError in the payload, not as a GraphQL error.
    unsafelyHandleInputErrors: true,
    defaultResultOptions: { description: 'The write succeeded; `data` holds the record as stored.' },
    defaultUnionOptions: { description: 'The record as stored, or a typed error saying why nothing was written.' },
  },
});
