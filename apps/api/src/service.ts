// The running API, assembled: GraphQL app, logs, metrics, tracing, health endpoints, the dashboard, and a
// graceful stop that closes the database last. server.ts calls this with the environment's settings;
// tests call it with a test database.
import type { Database } from '@binaan/db';
import { Redis } from 'ioredis';
import { computeSignals } from './signals/job.js';
import { createHttpHandler } from './http.js';
import { type connectionLimits, serveGracefully, type GracefulServer } from './lifecycle.js';
import { createLogger, type Logger } from './observability/logger.js';
import { createMetrics } from './observability/metrics.js';
import type { Tracing } from './observability/tracing.js';
import { createRateLimiter } from './plugins/rate-limit.js';
import type { TrustedDocumentsOptions } from './plugins/trusted-documents.js';
import { createApp } from './yoga.js';
import { createReadRouting, writePositionsInProcess, writePositionsInRedis } from './plugins/read-replica.js';
import { createSignInGuard } from './auth/sign-in-guard.js';

export interface ServiceOptions {
  db: Database;
  /** A streaming replica of `db` for queries (plugins/read-replica.ts); null or absent: all on `db`. */
  replica?: Database | null;
  port: number;
  host: string;
  production: boolean;
  dashboardDir: string | null;
  /** The built field app (apps/lapor/dist), served at /lapor/; null or absent: not served. */
  fieldAppDir?: string | null;
  trustedDocuments: TrustedDocumentsOptions | null;
  logger?: Logger;
  tracing?: Tracing | null;
  metricsToken?: string | null;
  /** Requests per caller per minute (default 600). */
  rateLimit?: number;
  /** Counts the rate limit in Redis, shared by every API process (docs/operations.md). */
  redisUrl?: string | null;
  /** Believe X-Forwarded-For for the client address (behind our own load balancer). */
  trustProxy?: boolean;
  /** How long analytics answers are cached, in ms (default 60 s; 0: off); in Redis when redisUrl is set. */
  responseCacheTtlMs?: number;
  /** How long a looked-up session, token or device is kept, in ms (auth/identity-cache.ts; default 1 s). */
  identityCacheMs?: number;
  /** Other browser origins allowed to call the API with credentials. */
  corsOrigins?: string[];
  /** Connection timeouts and cap (lifecycle.ts connectionLimits); tests shorten them. */
  connectionLimits?: Partial<typeof connectionLimits>;
  drainTimeoutMs?: number;
  /** How often the early-warning signals are computed, in ms (default hourly; 0: never, on demand only). */
  signalsIntervalMs?: number;
}

/**
 * Computes the signals on a timer (first a minute after start): every API process runs it, and the
 * job's advisory lock lets one compute while the others skip.
 */
function scheduleSignals(db: Database, intervalMs: number, logger: Logger): { stop(): Promise<void> } {
  if (intervalMs <= 0) return { stop: async () => undefined };
  let running: Promise<void> | null = null;
  const run = () => {
    if (running) return;
    running = computeSignals(db, { trigger: 'schedule' })
      .then((summary) => {
        if (summary.ran) logger.info({ ...summary }, 'signals computed');
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'signals not computed; the next run tries again'))
      .finally(() => {
        running = null;
      });
  };
  const first = setTimeout(run, Math.min(60_000, intervalMs));
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}

export interface Service extends GracefulServer {
  logger: Logger;
}

export async function startService(options: ServiceOptions): Promise<Service> {
  const logger = options.logger ?? createLogger();
  const metrics = createMetrics(options.db);
  const tracing = options.tracing === undefined ? null : options.tracing;
  const redis = options.redisUrl
    ? new Redis(options.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
    : null;
  let redisDown = false;
  redis?.on('error', (error) => {
    if (!redisDown)
      logger.warn({ err: error }, 'Redis unreachable: each process counts the rate limit on its own until it is back');
    redisDown = true;
  });
  // One warning per outage for the cache too (not one per request), and one line when Redis is back.
  let cacheOutageReported = false;
  redis?.on('ready', () => {
    if (redisDown) logger.info('Redis is back: the rate limit and the cache are shared again');
    redisDown = false;
    cacheOutageReported = false;
  });
  const readRouting = options.replica
    ? createReadRouting({
        primary: options.db,
        replica: options.replica,
        // Shared, so that a caller's next request sees its write whichever process serves it.
        writes: redis ? writePositionsInRedis(redis) : writePositionsInProcess(),
        onChange: (state) =>
          state.healthy
            ? logger.info('read replica answering: queries read from it again')
            : logger.warn({ reason: state.reason }, 'read replica not usable: queries read from the primary'),
      })
    : null;
  metrics.watchReadRouting(readRouting);
  const app = createApp({
    db: options.db,
    readRouting,
    production: options.production,
    trustedDocuments: options.trustedDocuments,
    logger,
    metrics,
    rateLimiter: createRateLimiter({ limit: options.rateLimit ?? 600, windowMs: 60_000, redis }),
    signInGuard: createSignInGuard(redis),
    corsOrigins: options.corsOrigins ?? [],
    trustProxy: options.trustProxy ?? false,
    ...(options.identityCacheMs !== undefined ? { identityCacheMs: options.identityCacheMs } : {}),
    responseCache: {
      ttlMs: options.responseCacheTtlMs ?? 60_000,
      redis,
      onError: (error) => {
        if (cacheOutageReported) return;
        cacheOutageReported = true;
        const reason = error instanceof Error ? error.message : String(error);
        logger.warn({ reason }, 'response cache unavailable: answers are computed until Redis is back');
      },
    },
    ...(tracing ? { tracerProvider: tracing.provider } : {}),
  });
  let served: GracefulServer | null = null;
  const handler = createHttpHandler(
    app,
    { dashboardDir: options.dashboardDir, fieldAppDir: options.fieldAppDir ?? null },
    {
      db: options.db,
      metrics: metrics.registry,
      isStopping: () => served?.isStopping() ?? false,
      metricsToken: options.metricsToken ?? null,
      onNotReady: (readiness) => logger.warn({ checks: readiness.checks }, 'not ready'),
    },
  );
  const signals = scheduleSignals(options.db, options.signalsIntervalMs ?? 3_600_000, logger);
  served = await serveGracefully(handler, {
    port: options.port,
    host: options.host,
    drainTimeoutMs: options.drainTimeoutMs ?? 10_000,
    ...(options.connectionLimits ? { limits: options.connectionLimits } : {}),
    async afterDrain() {
      await signals.stop();
      await tracing?.shutdown();
      redis?.disconnect();
      readRouting?.stop();
      await options.replica?.close();
      await options.db.close();
      logger.info('stopped: requests drained, database closed');
    },
  });
  return { ...served, logger };
}
