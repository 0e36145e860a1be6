// Serves the API: opens the database (embedded PGlite unless DATABASE_URL is set), migrates it, loads
// the demo data on first start of the embedded database, and listens until SIGTERM/SIGINT, then stops
// gracefully (lifecycle.ts).
import { openDatabase, openReplicaDatabase, prepareDatabase } from '@binaan/db';
import { readApiEnv } from './env.js';
import { isBuilt } from './http.js';
import { createLogger } from './observability/logger.js';
import { startTracing, tracingRequested } from './observability/tracing.js';
import { loadTrustedDocuments, trustedDocumentsFile, trustedDocumentsFiles } from './plugins/trusted-documents.js';
import { startService } from './service.js';

const env = readApiEnv();
const logger = createLogger({ level: env.logLevel, format: env.logFormat });
const started = Date.now();
const db = await openDatabase();
logger.info({ database: db.description }, 'database opened');
await prepareDatabase(db, { seedIfEmpty: db.kind === 'pglite', log: (line) => logger.info(line) });
// Never migrated: a streaming replica is read-only and replays the primary's migrations itself.
const replica = await openReplicaDatabase();
if (replica) logger.info({ replica: replica.description }, 'read replica opened: queries read from it');

const manifests = env.trustedDocumentsPaths.map((path) => ({ path, manifest: loadTrustedDocuments(path) }));
for (const { path, manifest } of manifests) {
  if (env.production && !manifest)
    logger.warn({ path }, 'no trusted documents here: that front end cannot query; API tokens still can');
}
const trustedDocumentCount = manifests.reduce((sum, { manifest }) => sum + Object.keys(manifest ?? {}).length, 0);
const service = await startService({
  db,
  replica,
  port: env.port,
  host: env.host,
  production: env.production,
  dashboardDir: env.dashboardDir,
  fieldAppDir: env.fieldAppDir,
  // Re-read when a front end is rebuilt; a missing file means only API tokens may query in production.
  trustedDocuments: {
    manifest: trustedDocumentsFiles(manifests.map(({ path, manifest }) => trustedDocumentsFile(path, manifest ?? {}))),
    enforce: env.production,
  },
  logger,
  tracing: tracingRequested() ? startTracing() : null,
  metricsToken: env.metricsToken,
  rateLimit: env.rateLimit,
  redisUrl: env.redisUrl,
  trustProxy: env.trustProxy,
  responseCacheTtlMs: env.responseCacheTtlMs,
  identityCacheMs: env.identityCacheMs,
  corsOrigins: env.corsOrigins,
  drainTimeoutMs: env.drainTimeoutMs,
  signalsIntervalMs: env.signalsIntervalMs,
});

const seconds = ((Date.now() - started) / 1000).toFixed(1);
const base = service.url.replace('127.0.0.1', 'localhost');
logger.info(
  {
    url: base,
    seconds,
    trustedDocuments: trustedDocumentCount,
    enforceTrustedDocuments: env.production,
  },
  isBuilt(env.dashboardDir)
    ? `Binaan ready in ${seconds} s: ${base}/  (GraphQL: ${base}/graphql${isBuilt(env.fieldAppDir) ? `, field app: ${base}/lapor/` : ''})`
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
