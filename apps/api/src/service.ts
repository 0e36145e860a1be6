// The running API, assembled: GraphQL app, logs, metrics, tracing, health endpoints, the dashboard, and a
// graceful stop that closes the database last. server.ts calls this with the environment's settings;
// tests call it with a test database.
import type { Database } from '@binaan/db';
import { createHttpHandler } from './http.js';
import { serveGracefully, type GracefulServer } from './lifecycle.js';
import { createLogger, type Logger } from './observability/logger.js';
import { createMetrics } from './observability/metrics.js';
import { startTracing, type Tracing } from './observability/tracing.js';
import type { TrustedDocumentsOptions } from './plugins/trusted-documents.js';
import { createApp } from './yoga.js';

export interface ServiceOptions {
  db: Database;
  port: number;
  host: string;
  production: boolean;
  dashboardDir: string | null;
  trustedDocuments: TrustedDocumentsOptions | null;
  logger?: Logger;
  tracing?: Tracing | null;
  metricsToken?: string | null;
  rateLimit?: number;
  drainTimeoutMs?: number;
}

export interface Service extends GracefulServer {
  logger: Logger;
}

export async function startService(options: ServiceOptions): Promise<Service> {
  const logger = options.logger ?? createLogger();
  const metrics = createMetrics(options.db);
  const tracing = options.tracing === undefined ? null : options.tracing;
  const app = createApp({
    db: options.db,
    production: options.production,
    trustedDocuments: options.trustedDocuments,
    logger,
    metrics,
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
    ...(tracing ? { tracerProvider: tracing.provider } : {}),
  });
  let served: GracefulServer | null = null;
  const handler = createHttpHandler(app, options.dashboardDir, {
    db: options.db,
    metrics: metrics.registry,
    isStopping: () => served?.isStopping() ?? false,
    metricsToken: options.metricsToken ?? null,
  });
  served = await serveGracefully(handler, {
    port: options.port,
    host: options.host,
    drainTimeoutMs: options.drainTimeoutMs ?? 10_000,
    async afterDrain() {
      await tracing?.shutdown();
      await options.db.close();
      logger.info('stopped: requests drained, database closed');
    },
  });
  return { ...served, logger };
}

export { startTracing };
