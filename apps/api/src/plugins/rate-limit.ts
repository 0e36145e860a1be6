// A per-caller request budget (GitHub/Shopify style): each credential (session or token; for anonymous
// callers, the client address) gets `limit` requests per window. Every response says what is left in
// X-RateLimit-* headers and in `extensions.rateLimit`; an exhausted budget gets HTTP 429 before any
// parsing, authentication or SQL.
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { credentialOf } from '../auth/caller.js';
import { hashSecret } from '../auth/tokens.js';

export interface RateLimitOptions {
  limit: number;
  windowMs: number;
  /** Who an anonymous request counts against, e.g. the client address. */
  anonymousKey?: (request: Request) => string;
}

interface Window {
  startedAt: number;
  used: number;
}

export interface RateLimitState {
  limit: number;
  remaining: number;
  resetAt: string;
}

export function useRateLimit({ limit, windowMs, anonymousKey = () => 'anonymous' }: RateLimitOptions): Plugin {
  const windows = new Map<string, Window>();
  const states = new WeakMap<Request, RateLimitState>();
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const credential = credentialOf(request);
      const key = credential ? hashSecret(credential) : `anon:${anonymousKey(request)}`;
      const now = Date.now();
      let window = windows.get(key);
      if (!window || now - window.startedAt >= windowMs) {
        window = { startedAt: now, used: 0 };
        windows.set(key, window);
        // Forget idle callers so the map does not grow without bound.
        if (windows.size > 50_000) for (const [k, w] of windows) if (now - w.startedAt >= windowMs) windows.delete(k);
      }
      window.used += 1;
      const state = { limit, remaining: Math.max(0, limit - window.used), resetAt: new Date(window.startedAt + windowMs).toISOString() };
      states.set(request, state);
      if (window.used > limit) {
        const error = createGraphQLError('Rate limit exceeded: try again after resetAt.', {
          extensions: { code: 'RATE_LIMITED', rateLimit: state },
        });
        endResponse(
          new fetchAPI.Response(JSON.stringify({ errors: [error.toJSON()] }), {
            status: 429,
            headers: { 'content-type': 'application/json', ...headersOf(state), 'retry-after': String(Math.ceil((window.startedAt + windowMs - now) / 1000)) },
          }),
        );
      }
    },
    onExecute({ args }) {
      const request = (args.contextValue as { request?: Request }).request;
      const state = request ? states.get(request) : undefined;
      return {
        onExecuteDone({ result, setResult }) {
          if (!state || !('data' in result || 'errors' in result)) return;
          setResult({ ...result, extensions: { ...(result as { extensions?: object }).extensions, rateLimit: state } });
        },
      };
    },
    onResponse({ request, response }) {
      const state = states.get(request);
      if (state) for (const [name, value] of Object.entries(headersOf(state))) response.headers.set(name, value);
    },
  };
}

function headersOf(state: RateLimitState): Record<string, string> {
  return {
    'x-ratelimit-limit': String(state.limit),
    'x-ratelimit-remaining': String(state.remaining),
    'x-ratelimit-reset': state.resetAt,
  };
}
