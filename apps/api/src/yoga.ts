// The GraphQL server as a fetch handler (tests call yoga.fetch; server.ts listens on a port).
import type { Database } from '@binaan/db';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { createYoga } from 'graphql-yoga';
import { createContext, localeOf } from './context.js';
import { localize } from './messages.js';
import { exampleQueries } from './example-queries.js';
import { useRateLimit } from './plugins/rate-limit.js';
import { useResponseCookies } from './plugins/response-cookies.js';
import { schema } from './schema/index.js';

export interface AppOptions {
  db: Database;
  /** Production mode: no GraphiQL, no introspection. */
  production?: boolean;
  /** Requests per caller per minute. */
  rateLimit?: number;
}

/** Limits every operation must stay within; refused operations are rejected before any SQL runs. */
export const operationLimits = { maxDepth: 12, maxAliases: 20, maxTokens: 4000, maxCost: 20_000, maxDirectives: 20, maxBodyBytes: 256 * 1024 };

/** Refuses a request body over the limit (by its declared length) before reading it. */
function useBodySizeLimit(maxBytes: number) {
  return {
    onRequest({ request, endResponse, fetchAPI }: { request: Request; endResponse(response: Response): void; fetchAPI: { Response: typeof Response } }) {
      const length = Number(request.headers.get('content-length') ?? 0);
      if (length > maxBytes) {
        endResponse(
          new fetchAPI.Response(
            JSON.stringify({ errors: [{ message: localize(`Request body over ${maxBytes} bytes.`, localeOf(request)), extensions: { code: 'PAYLOAD_TOO_LARGE' } }] }),
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

export function createApp({ db, production = false, rateLimit = 600 }: AppOptions) {
  const cookies = useResponseCookies();
  const plugins = [
    useBodySizeLimit(operationLimits.maxBodyBytes),
    useRateLimit({ limit: rateLimit, windowMs: 60_000, anonymousKey: (request) => request.headers.get('x-forwarded-for') ?? 'direct' }),
    EnvelopArmorPlugin({
      maxDepth: { n: operationLimits.maxDepth, ignoreIntrospection: true },
      maxAliases: { n: operationLimits.maxAliases },
      maxTokens: { n: operationLimits.maxTokens },
      costLimit: { maxCost: operationLimits.maxCost, ignoreIntrospection: true },
      maxDirectives: { n: operationLimits.maxDirectives },
      blockFieldSuggestion: { enabled: production },
    }),
    // Browsers send cross-site form posts and simple GETs with cookies; those must carry a custom header.
    useCSRFPrevention({ requestHeaders: ['x-binaan-client'] }),
    cookies.plugin,
  ];
  return createYoga({
    schema,
    plugins: production ? [...plugins, useDisableIntrospection()] : plugins,
    context: ({ request }) => createContext(db, request, cookies.setterFor(request)),
    graphqlEndpoint: '/graphql',
    maskedErrors: true,
    landingPage: false,
    graphiql: production
      ? false
      : {
          title: 'Binaan GraphQL',
          // Every example as a named operation: pick one with the run button's menu.
          defaultQuery: exampleQueries.map((example) => `# ${example.title}\n${example.query}`).join('\n\n'),
        },
  });
}

export type App = ReturnType<typeof createApp>;
