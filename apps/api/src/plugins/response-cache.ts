// The response cache for analytics (@graphql-yoga/plugin-response-cache). Only the figures' root fields
// are cached (the analytics, the forecast and the early-warning signals), per caller (a user's or a
// token's answers are never served to anyone else) and per language; every other field has a TTL of 0,
// which keeps any operation that selects one out of the cache. A mutation that can change a figure (a
// signal's review included) empties it, in every process when the cache lives in Redis; writes that
// bypass the API (the hourly signals job among them) are bounded by the TTL, and every analytics answer
// carries computedAt.
import { createRedisCache } from '@envelop/response-cache-redis';
import type { Database } from '@binaan/db';
import { type Cache, createInMemoryCache, hashSHA256, useResponseCache } from '@graphql-yoga/plugin-response-cache';
import {
  type DefinitionNode,
  type DocumentNode,
  getOperationAST,
  type GraphQLSchema,
  Kind,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import { identifyRequest, localeOf } from '../context.js';
import { FIGURE_FIELDS } from '../schema/analytics/fields.js';

export const ANALYTICS_FIELDS = [
  ...FIGURE_FIELDS,
  // Beside the figures on the overview and the map: without them there, those pages were never cached.
  'signals',
  'signalCounts',
  'lastSignalRun',
] as const;

const FIGURE_FIELD_NAMES: ReadonlySet<string> = new Set(ANALYTICS_FIELDS);
/** Is this root field of Query one whose answer may be cached? */
const isFigureField = (name: string): boolean => FIGURE_FIELD_NAMES.has(name);

/**
 * Might this document select an analytics field? Only then is the cache consulted: for any other
 * operation its bookkeeping (a lookup, `__typename` and ids added to every selection, the answer walked
 * again) is pure cost, and a page of 50 villages paid a third of its throughput for it. A text match can
 * only err towards consulting the cache, where the per-field TTLs still decide.
 */
const ANALYTICS_FIELD_PATTERN = new RegExp(`\\b(?:${ANALYTICS_FIELDS.join('|')})\\b`);
export const mayAskForFigures = (documentText: string | undefined): boolean =>
  documentText === undefined || ANALYTICS_FIELD_PATTERN.test(documentText);

/**
 * Could the cache store this operation's answer? Only if every root field it selects is a figure: any
 * other has a TTL of 0, so the answer is never stored, yet the cache would add `__typename` and ids to
 * every selection and walk the answer again. A page that lists records beside its figures (Laporan's
 * open reports, Pelatihan's members missing modules) paid 2-7 ms of CPU per request for nothing.
 * Operations other than queries are left to the text check.
 */
export function onlyAsksForFigures(document: DocumentNode, operationName?: string | null): boolean {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== 'query') return true;
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition] as const] : [],
    ),
  );
  const figuresOnly = (selectionSet: SelectionSetNode): boolean =>
    selectionSet.selections.every((selection) => {
      if (selection.kind === Kind.FIELD)
        return selection.name.value === '__typename' || isFigureField(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return figuresOnly(selection.selectionSet);
      const fragment = fragments.get(selection.name.value);
      return fragment ? figuresOnly(fragment.selectionSet) : true;
    });
  return figuresOnly(operation.selectionSet);
}

/** Mutations that cannot change any figure; every other mutation empties the cache. */
const MUTATIONS_WITHOUT_FIGURES = new Set(['signIn', 'issueApiToken', 'revokeApiToken']);

/** Recorded with every cached answer so that one invalidation reaches all of them. */
const ANALYTICS_ENTITY = { typename: 'Analytics' };

export interface ResponseCacheOptions {
  /** How long an answer may be served, in ms; 0 turns the cache off. */
  ttlMs: number;
  /** Shared by every process when given; otherwise in this process's memory. */
  redis?: Redis | null;
  /** A cache that fails (Redis away) is skipped: answers are computed, not refused. */
  onError?: (error: unknown) => void;
}

export interface AnalyticsCache {
  plugin: Plugin;
  /** Drops every cached answer. */
  invalidate(): Promise<void>;
}

/**
 * Every answer the cache stores is an analytics one: tag it so that invalidation reaches it. A failing
 * cache counts as a miss and its writes are dropped.
 */
function taggedCache(inner: Cache, onError: (error: unknown) => void): Cache {
  const safely = async <T>(work: () => T | Promise<T>, fallback: T): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      onError(error);
      return fallback;
    }
  };
  return {
    get: (key) => safely(() => inner.get(key), null),
    set: (key, result, entities, ttl) =>
      safely(() => inner.set(key, result, [...entities, ANALYTICS_ENTITY], ttl), undefined),
    invalidate: (entities) => safely(() => inner.invalidate(entities), undefined),
  };
}

export function createAnalyticsCache(
  schema: GraphQLSchema,
  db: Database,
  { ttlMs, redis, onError = () => {} }: ResponseCacheOptions,
): AnalyticsCache {
  // createRedisCache is typed against ioredis 5; our ioredis 6 client has the same commands.
  const store = redis ? (createRedisCache({ redis: redis as never }) as Cache) : createInMemoryCache({ max: 5_000 });
  const cache = taggedCache(store, onError);
  const ttlPerSchemaCoordinate: Record<string, number> = {};
  for (const field of Object.keys(schema.getQueryType()?.getFields() ?? {})) {
    ttlPerSchemaCoordinate[`Query.${field}`] = isFigureField(field) ? ttlMs : 0;
  }
  const invalidate = async () => {
    await cache.invalidate([ANALYTICS_ENTITY]);
  };

  // Decided from the document's text once trusted-document ids are resolved (that plugin comes first).
  const asksForFigures = new WeakMap<Request, boolean>();
  const noteFigureRequests: Plugin = {
    onParams({ params, request }) {
      asksForFigures.set(request, mayAskForFigures(params.query));
    },
    // Parsed now: before the cache's own hook asks `enabled` (once per operation), read the root fields.
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      if (request && asksForFigures.get(request))
        asksForFigures.set(request, onlyAsksForFigures(args.document, args.operationName));
    },
  };

  const responseCache = useResponseCache({
    cache,
    enabled: (request) => asksForFigures.get(request) ?? true,
    ttl: 0,
    ttlPerSchemaCoordinate,
    // Mutations are handled below: their results name no analytics entity.
    invalidateViaMutation: false,
    includeExtensionMetadata: false,
    // The caller the context will see (looked up once per request); a revoked or expired credential is
    // anonymous here too, and anonymous callers get no figures to cache. The plugin asks for the session
    // and the key of every request, used or not: none for one that asks for no figure.
    session: async (request) => {
      if (asksForFigures.get(request) === false) return '';
      const { caller } = await identifyRequest(db, request);
      const who =
        caller.kind === 'user'
          ? `user:${caller.userId}:${caller.role}`
          : caller.kind === 'token'
            ? `token:${caller.tokenId}`
            : caller.kind === 'device'
              ? `device:${caller.deviceId}`
              : 'anonymous';
      return `${who}|${localeOf(request)}`;
    },
    // Trusted-document requests carry a hash instead of the text: key on it so documents stay apart.
    buildResponseCacheKey: ({ documentString, variableValues, operationName, sessionId, request, context }) => {
      if (asksForFigures.get(request) === false) return Promise.resolve('');
      const params = (
        context as { params?: { extensions?: { persistedQuery?: { sha256Hash?: string } }; documentId?: string } }
      ).params;
      const document =
        documentString || params?.extensions?.persistedQuery?.sha256Hash || params?.documentId || request.url;
      return hashSHA256(
        [document, operationName ?? '', JSON.stringify(variableValues ?? {}), sessionId ?? ''].join('|'),
      );
    },
  });

  const invalidateOnWrites: Plugin = {
    onExecute({ args }) {
      const operation = (args.document as DocumentNode).definitions.find(
        (definition: DefinitionNode) =>
          definition.kind === 'OperationDefinition' &&
          (!args.operationName || definition.name?.value === args.operationName),
      );
      if (operation?.kind !== 'OperationDefinition' || operation.operation !== 'mutation') return;
      const fields = operation.selectionSet.selections.flatMap((selection) =>
        selection.kind === 'Field' ? [selection.name.value] : ['?'],
      );
      if (fields.every((field) => MUTATIONS_WITHOUT_FIGURES.has(field))) return;
      return {
        // After the write committed, before the answer goes out: the caller's next read is fresh.
        onExecuteDone: () => invalidate(),
      };
    },
  };

  return {
    plugin: {
      onPluginInit: ({ addPlugin }) => (
        addPlugin(noteFigureRequests),
        addPlugin(responseCache),
        addPlugin(invalidateOnWrites)
      ),
    },
    invalidate,
  };
}
