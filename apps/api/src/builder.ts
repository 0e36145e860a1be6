// Creates the schema builder and its plugins; defines no types. Plugin order matters: errors before
// prisma (so `errors` works on prisma fields); scope-auth will go first when sign-in arrives.
import type PrismaTypes from '@binaan/db/pothos-types';
import { getDatamodel } from '@binaan/db/pothos-types';
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ValidationPlugin from '@pothos/plugin-validation';
import { z } from 'zod';
import type { Context } from './context.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: {
    Date: { Input: Date; Output: Date | string };
    DateTime: { Input: Date; Output: Date | string };
    ID: { Input: string; Output: string | number };
  };
}>({
  plugins: [ErrorsPlugin, RelayPlugin, ValidationPlugin, PrismaPlugin],
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Descriptions for the types and fields the relay plugin generates, so every part of the schema is documented.
    idFieldOptions: { description: 'Globally unique ID (Relay): pass it to `node(id:)` or to mutations.' },
    nodeTypeOptions: { description: 'A record that can be fetched again by its global ID with `node(id:)`.' },
    pageInfoTypeOptions: { description: 'Where a page sits in the whole list, for fetching the next or previous page.' },
    nodeQueryOptions: { description: 'Fetches any record by its global ID; null when it does not exist.', args: { id: { description: 'A global ID.' } } },
    nodesQueryOptions: { description: 'Fetches records by their global IDs, in the same order.', args: { ids: { description: 'Global IDs.' } } },
    cursorFieldOptions: { description: 'Pass as `after` (or `before`) to get the results after (or before) this one.' },
    nodeFieldOptions: { nullable: false, description: 'The record.' },
    edgesFieldOptions: { nullable: false, description: 'The records on this page, each with its cursor.' },
    pageInfoFieldOptions: { description: 'Where this page sits in the whole list.' },
    hasNextPageFieldOptions: { description: 'More results follow this page.' },
    hasPreviousPageFieldOptions: { description: 'More results come before this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first result on this page.' },
    endCursorFieldOptions: { description: 'Cursor of the last result on this page: pass it as `after` for the next page.' },
    firstArgOptions: {
      description: `How many results to return, at most ${MAX_PAGE_SIZE}.`,
      validate: z.number().int().min(0).max(MAX_PAGE_SIZE, `At most ${MAX_PAGE_SIZE} results per page; use the cursor for more.`),
    },
    afterArgOptions: { description: 'Return the results after this cursor.' },
    lastArgOptions: {
      description: `How many results to return from the end, at most ${MAX_PAGE_SIZE}.`,
      validate: z.number().int().min(0).max(MAX_PAGE_SIZE, `At most ${MAX_PAGE_SIZE} results per page; use the cursor for more.`),
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
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  errors: {
    // Bad input comes back as a typed InputValidationError in the payload, not as a GraphQL error.
    unsafelyHandleInputErrors: true,
    defaultResultOptions: { description: 'The write succeeded; `data` holds the record as stored.' },
    defaultUnionOptions: { description: 'The record as stored, or a typed error saying why nothing was written.' },
  },
});
