// Typed GraphQL documents: gql.tada reads apps/api/schema.graphql (through graphql-env.d.ts, written by
// `npm run generate`), so a document that no longer fits the API fails the typecheck of whoever wrote it.
import { initGraphQLTada } from 'gql.tada';
import type { introspection } from './graphql-env.d.ts';

export const graphql = initGraphQLTada<{
  introspection: introspection;
  scalars: { Date: string; DateTime: string; ID: string };
}>();

export type { FragmentOf, ResultOf, VariablesOf, TadaDocumentNode } from 'gql.tada';
