// Serves the API: opens the database (embedded PGlite unless DATABASE_URL is set), migrates it, loads
// the demo data on first start of the embedded database, and listens until SIGTERM/SIGINT, then stops
// gracefully (lifecycle.ts).
import { openDatabase, prepareDatabase } from '@binaan/db';
import { readApiEnv } from './env.js';
import { hasDashboard } from './http.js';
import { createLogger } from './observability/logger.js';
import { startTracing, tracingRequested } from './observability/tracing.js';
import { loadTrustedDocuments, trustedDocumentsFile } from './plugins/trusted-documents.js';
import { startService } from './service.js';

const env = readApiEnv();
const logger = createLogger({ level: env.logLevel, format: env.logFormat });
const started = Date.now();
const db = await openDatabase();
logger.info({ database: db.description }, 'database opened');
await prepareDatabase(db, { seedIfEmpty: db.kind === 'pglite', log: (line) => logger.info(line) });

const manifest = loadTrustedDocuments(env.trustedDocumentsPath);
if (env.production && !manifest)
  logger.warn(
    { path: env.trustedDocumentsPath },
    'no trusted documents: the dashboard cannot query; API tokens still can',
  );
const service = await startService({
  db,
  port: env.port,
  host: env.host,
  production: env.production,
  dashboardDir: env.dashboardDir,
  // Re-read when the dashboard is rebuilt; a missing file means only API tokens may query in production.
  trustedDocuments: {
    manifest: trustedDocumentsFile(env.trustedDocumentsPath, manifest ?? {}),
    enforce: env.production,
  },
  logger,
  tracing: tracingRequested() ? startTracing() : null,
  metricsToken: env.metricsToken,
  rateLimit: env.rateLimit,
  redisUrl: env.redisUrl,
  trustProxy: env.trustProxy,
  responseCacheTtlMs: env.responseCacheTtlMs,
  corsOrigins: env.corsOrigins,
  drainTimeoutMs: env.drainTimeoutMs,
});

const seconds = ((Date.now() - started) / 1000).toFixed(1);
const base = service.url.replace('127.0.0.1', 'localhost');
logger.info(
  {
    url: base,
    seconds,
    trustedDocuments: manifest ? Object.keys(manifest).length : 0,
    enforceTrustedDocuments: env.production,
  },
  hasDashboard(env.dashboardDir)
    ? `Binaan ready in ${seconds} s: ${base}/  (GraphQL: ${base}/graphql)`
    : `Binaan API ready in ${seconds} s: ${base}/graphql  (dashboard not built: npm run build -w @binaan/dashboard)`,
);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    logger.info({ signal }, 'stopping: refusing new requests, finishing the ones in flight');
    service.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'stop failed');
        process.exit(1);
      },
    );
  });
}
