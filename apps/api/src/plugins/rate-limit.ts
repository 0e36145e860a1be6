// A per-caller request budget (GitHub/Shopify style): each credential (session or token; for anonymous
// callers, the client address) gets `limit` requests per window. Every response says what is left in
// X-RateLimit-* headers and in `extensions.rateLimit`; an exhausted budget gets HTTP 429 before any
// parsing, authentication or SQL.
//
// The counting is rate-limiter-flexible's: in this process by default, or in Redis (REDIS_URL) so that
// several API processes behind a load balancer share one budget per caller. Should Redis fail, each
// process falls back to counting on its own rather than refusing or waving everyone through.
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import type { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface RateLimitOptions {
  limiter: RateLimiterAbstract;
  /**
   * Whose budget a request spends: the verified session or token, else the client address (see
   * clientAddress). A credential that does not verify must not get a budget of its own, or every made-up
   * value would buy a fresh one.
   */
  keyOf?: (request: Request, serverContext: unknown) => Promise<string> | string;
}

/**
 * The client's address for counting anonymous requests (sign-in attempts above all). X-Forwarded-For is
 * believed only behind a proxy we run (`trustProxy`), taking the address that proxy saw (the last
 * entry); otherwise anyone could send a new one with each password guess. Without a socket (yoga.fetch
 * in tests) every anonymous request shares one budget.
 */
export function clientAddress(request: Request, serverContext: unknown, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  const socket = (serverContext as { req?: { socket?: { remoteAddress?: string } } } | undefined)?.req?.socket;
  return socket?.remoteAddress ?? 'direct';
}

export interface RateLimitState {
  limit: number;
  remaining: number;
  resetAt: string;
}

/** `limit` requests per `windowMs` per caller, counted in Redis when a client is given. */
export function createRateLimiter({
  limit,
  windowMs,
  redis,
  keyPrefix = 'binaan:ratelimit',
}: {
  limit: number;
  windowMs: number;
  redis?: Redis | null;
  keyPrefix?: string;
}): RateLimiterAbstract {
  const duration = Math.max(1, Math.round(windowMs / 1000));
  const local = new RateLimiterMemory({ points: limit, duration });
  if (!redis) return local;
  return new RateLimiterRedis({ storeClient: redis, keyPrefix, points: limit, duration, insuranceLimiter: local });
}

export function useRateLimit({ limiter, keyOf = () => 'anonymous' }: RateLimitOptions): Plugin {
  const states = new WeakMap<Request, RateLimitState>();
  const stateOf = (result: RateLimiterRes): RateLimitState => ({
    limit: limiter.points,
    remaining: Math.max(0, result.remainingPoints),
    resetAt: new Date(Date.now() + result.msBeforeNext).toISOString(),
  });
  return {
    async onRequest({ request, serverContext, endResponse, fetchAPI }) {
      const key = await keyOf(request, serverContext);
      try {
        states.set(request, stateOf(await limiter.consume(key)));
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const state = stateOf(rejection);
        states.set(request, state);
        const error = createGraphQLError('Rate limit exceeded: try again after resetAt.', {
          extensions: { code: 'RATE_LIMITED', rateLimit: state },
        });
        endResponse(
          new fetchAPI.Response(JSON.stringify({ errors: [error.toJSON()] }), {
            status: 429,
            headers: {
              'content-type': 'application/json',
              ...headersOf(state),
              'retry-after': String(Math.ceil(rejection.msBeforeNext / 1000)),
            },
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
