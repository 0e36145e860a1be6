// The GraphQL server as a fetch handler (tests call yoga.fetch; server.ts listens on a port).
import type { Database } from '@binaan/db';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import type { TracerProvider } from '@opentelemetry/api';
import type { GraphQLError } from 'graphql';
import { createYoga, maskError, type Plugin } from 'graphql-yoga';
import { createOutageLog, databaseUnavailableError, isDatabaseUnavailable } from './observability/database-outage.js';
import { type Logger, useRequestLogging } from './observability/logger.js';
import type { Metrics } from './observability/metrics.js';
import { useTracing } from './observability/tracing.js';
import { identityCacheOf, useIdentityCacheReset } from './auth/identity-cache.js';
import { createSignInGuard, type SignInGuard } from './auth/sign-in-guard.js';
import { createContext, identifyRequest, localeOf } from './context.js';
import { DOCUMENTS_PATH, useDecreeDocuments } from './plugins/decree-documents.js';
import { useBearerVerification } from './plugins/bearer-verification.js';
import { localize } from './messages.js';
import { exampleQueries } from './example-queries.js';
import { renderOfflineGraphiQL } from './graphiql.js';
import { clientAddress, createRateLimiter, useRateLimit } from './plugins/rate-limit.js';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { useResponseCookies } from './plugins/response-cookies.js';
import { useWellFormedText } from './plugins/well-formed-text.js';
import { ResultBudget, type ResultLimits } from './plugins/result-limits.js';
import { type TrustedDocumentsOptions, useTrustedDocuments } from './plugins/trusted-documents.js';
import { useCompiledExecution } from './plugins/compiled-execution.js';
import { useInputMistakes } from './plugins/input-mistakes.js';
import { type ReadRouting, useReadReplica } from './plugins/read-replica.js';
import { createAnalyticsCache, type ResponseCacheOptions } from './plugins/response-cache.js';
import { queryLimits } from './query-cost.js';
import { schema } from './schema/index.js';

export interface AppOptions {
  db: Database;
  /** Where queries read from when there is a read replica (plugins/read-replica.ts); none: `db`. */
  readRouting?: ReadRouting | null;
  /** Production mode: no GraphiQL, no introspection. */
  production?: boolean;
  /** Requests per caller per minute, counted in this process (tests); see `rateLimiter`. */
  rateLimit?: number;
  /** The request budget (plugins/rate-limit.ts); default: `rateLimit` per minute in this process. */
  rateLimiter?: RateLimiterAbstract;
  /** Behind our own proxy or load balancer: believe its X-Forwarded-For for the client address. */
  trustProxy?: boolean;
  /** The dashboard's trusted documents (plugins/trusted-documents.ts); none means every request sends its document. */
  trustedDocuments?: TrustedDocumentsOptions | null;
  /** Structured request logs (observability/logger.ts); none in tests unless asked for. */
  logger?: Logger;
  metrics?: Metrics;
  /** OpenTelemetry spans per operation (observability/tracing.ts). */
  tracerProvider?: TracerProvider;
  /** The analytics response cache (plugins/response-cache.ts); none: every answer is computed. */
  responseCache?: ResponseCacheOptions | null;
  /** Sign-in attempts per account and address (auth/sign-in-guard.ts); default: counted in this process. */
  signInGuard?: SignInGuard;
  /**
   * Browser origins other than the API's own that may call it with credentials (the CORS allowlist);
   * none by default: only the dashboard served by the API itself, which needs no CORS.
   */
  corsOrigins?: string[];
  /** Objects one request may return and how long it may run (default: query-cost.ts's queryLimits). */
  resultLimits?: ResultLimits;
  /** How long a looked-up session, token or device is kept, in ms (auth/identity-cache.ts; default 1 s); 0: not at all. */
  identityCacheMs?: number;
  /** Run queries that need no preloaded relation compiled (plugins/compiled-execution.ts); default true. */
  compileQueries?: boolean;
}

/**
 * Limits every operation must stay within; refused operations are rejected before any SQL runs. The cost
 * that counts what a query can return, the objects ceiling and the deadline are in query-cost.ts.
 */
export const operationLimits = {
  maxDepth: queryLimits.maxDepth,
  maxAliases: 20,
  maxTokens: 4000,
  maxDirectives: 20,
  maxBodyBytes: 256 * 1024,
};

/** Refuses a request body over the limit (by its declared length) before reading it. */
function useBodySizeLimit(maxBytes: number) {
  return {
    onRequest({
      request,
      endResponse,
      fetchAPI,
    }: {
      request: Request;
      endResponse(response: Response): void;
      fetchAPI: { Response: typeof Response };
    }) {
      const length = Number(request.headers.get('content-length') ?? 0);
      // Documents (a decree's PDF) have their own, larger limit, counted as they arrive.
      if (length > maxBytes && !new URL(request.url).pathname.startsWith(DOCUMENTS_PATH)) {
        endResponse(
          new fetchAPI.Response(
            JSON.stringify({
              errors: [
                {
                  message: localize(`Request body over ${maxBytes} bytes.`, localeOf(request)),
                  extensions: { code: 'PAYLOAD_TOO_LARGE' },
                },
              ],
            }),
            {
              status: 413,
              headers: { 'content-type': 'application/json' },
            },
          ),
        );
      }
    },
  };
}

/**
 * graphql-armor's refusals (depth, aliases, tokens, directives) carry no code; give them the one the cost
 * limit uses, so a client can tell "over a limit" from any other error without reading the message.
 */
function tooComplex(_context: unknown, error: GraphQLError) {
  (error.extensions as Record<string, unknown>)['code'] = 'QUERY_TOO_COMPLEX';
}

export function createApp({
  db,
  readRouting = null,
  production = false,
  rateLimit = 600,
  rateLimiter,
  trustProxy = false,
  trustedDocuments = null,
  logger,
  metrics,
  tracerProvider,
  responseCache = null,
  resultLimits = { maxObjects: queryLimits.maxObjects, deadlineMs: queryLimits.deadlineMs },
  signInGuard = createSignInGuard(),
  corsOrigins = [],
  identityCacheMs,
  compileQueries = true,
}: AppOptions) {
  const cookies = useResponseCookies();
  const identityCache = identityCacheOf(db, identityCacheMs);
  const outageLog = logger ? createOutageLog(logger) : null;
  const plugins: Plugin[] = [
    // Observability first, so refused requests are logged, counted and traced too.
    ...(logger ? [useRequestLogging(logger, outageLog?.served)] : []),
    ...(metrics ? [metrics.plugin] : []),
    ...(tracerProvider ? [useTracing(tracerProvider) as Plugin] : []),
    useBodySizeLimit(operationLimits.maxBodyBytes),
    useIdentityCacheReset(identityCache),
    useRateLimit({
      limiter: rateLimiter ?? createRateLimiter({ limit: rateLimit, windowMs: 60_000 }),
      keyOf: async (request, serverContext) => {
        // Without a database no one can be identified: count by address (the request then gets 503).
        const actor = await identifyRequest(db, request).then(
          (identity) => identity.actor,
          () => 'anonymous',
        );
        return actor === 'anonymous' ? `anon:${clientAddress(request, serverContext, trustProxy)}` : actor;
      },
    }),
    // After the budget is spent, so a flood of made-up bearers is counted against its address.
    useBearerVerification(db),
    useDecreeDocuments(db),
    ...(trustedDocuments ? [useTrustedDocuments(trustedDocuments)] : []),
    useWellFormedText(),
    EnvelopArmorPlugin({
      maxDepth: { n: operationLimits.maxDepth, ignoreIntrospection: true, onReject: [tooComplex] },
      maxAliases: { n: operationLimits.maxAliases, onReject: [tooComplex] },
      maxTokens: { n: operationLimits.maxTokens, onReject: [tooComplex] },
      // Cost is counted by the schema itself (query-cost.ts), list lengths included.
      costLimit: { enabled: false },
      maxDirectives: { n: operationLimits.maxDirectives, onReject: [tooComplex] },
      blockFieldSuggestion: { enabled: production },
    }),
    // Browsers send cross-site form posts and simple GETs with cookies; those must carry a custom header.
    useCSRFPrevention({ requestHeaders: ['x-binaan-client'] }),
    cookies.plugin,
    ...(compileQueries ? [useCompiledExecution(schema)] : []),
    useInputMistakes(),
    ...(readRouting ? [useReadReplica(readRouting, metrics?.countRead)] : []),
    // Last: only requests every check above let through may be answered from the cache.
    ...(responseCache && responseCache.ttlMs > 0 ? [createAnalyticsCache(schema, db, responseCache).plugin] : []),
  ];
  return createYoga({
    schema,
    plugins: production ? [...plugins, useDisableIntrospection()] : plugins,
    context: (initial) =>
      createContext(db, initial.request, {
        setCookie: cookies.setterFor(initial.request),
        clientAddress: clientAddress(initial.request, initial, trustProxy),
        signInGuard,
        resultBudget: new ResultBudget(resultLimits),
      }),
    graphqlEndpoint: '/graphql',
    // Bodies are bounded before Yoga sees them: http.ts reads every GraphQL POST within
    // operationLimits.maxBodyBytes, counting the bytes that arrive; useBodySizeLimit refuses a declared
    // length over it (yoga.fetch); a decree's PDF is counted as it arrives (decree-documents.ts). Yoga's
    // own limit would pipe every body through one more stream: 6.5 % of an empty query's time.
    maxRequestBodySize: false,
    // An origin on the allowlist gets CORS headers for itself; any other gets none, so a browser on
    // another site can neither read answers nor send the client header the CSRF check relies on.
    cors: (request) => {
      const origin = request.headers.get('origin');
      if (!origin || !corsOrigins.includes(origin)) return false;
      return {
        origin: [origin],
        credentials: true,
        methods: ['GET', 'POST'],
        allowedHeaders: ['content-type', 'authorization', 'accept-language', 'x-binaan-client'],
        maxAge: 600,
      };
    },
    maskedErrors: {
      // A database outage is 503 with Retry-After (retry later; nothing was written), not "Unexpected error".
      maskError: (error, message, isDev) =>
        isDatabaseUnavailable(error)
          ? databaseUnavailableError(localize('Database unavailable; try again shortly.', 'id'))
          : maskError(error, message, isDev),
    },
    // Yoga's own messages (e.g. the cause of a masked error) go to the same JSON log.
    logging: logger && outageLog ? yogaLogger(logger, outageLog) : 'warn',
    // Parsed and validated documents are cached (LRU, by document text): the dashboard repeats a few.
    parserAndValidationCache: true,
    landingPage: false,
    // From the API's own files (graphiql.ts), not a CDN: it must open on a closed network.
    renderGraphiQL: renderOfflineGraphiQL,
    graphiql: production
      ? false
      : {
          title: 'Binaan GraphQL',
          // Every example as a named operation: pick one with the run button's menu.
          defaultQuery: exampleQueries.map((example) => `# ${example.title}\n${example.query}`).join('\n\n'),
        },
  });
}

/** Yoga logs the cause of every masked error at error level; a database outage's causes are logged once. */
function yogaLogger(logger: Logger, outageLog: ReturnType<typeof createOutageLog>) {
  const line =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const [message, ...details] = args;
      const error =
        details.find((detail) => detail instanceof Error) ?? (message instanceof Error ? message : undefined);
      if (level === 'error' && isDatabaseUnavailable(error)) return outageLog.failed(error);
      logger[level](error ? { err: error } : {}, typeof message === 'string' ? message : 'yoga');
    };
  return { debug: line('debug'), info: line('info'), warn: line('warn'), error: line('error') };
}

export type App = ReturnType<typeof createApp>;
