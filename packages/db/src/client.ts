// Opens Binaan's database: PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite database
// in a local directory. Both get the same Prisma client (through a driver adapter, so no query engine
// binary is needed) and the same raw SQL interface.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { readDatabaseEnv } from './env.js';
import { PrismaClient } from './generated/prisma/client.js';
import { pgliteSql, postgresSql, type SqlDatabase } from './sql.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  prisma: PrismaClient;
  sql: SqlDatabase;
  /** A driver adapter for Prisma's schema engine (drift checks, new migrations); dispose it after use. */
  schemaEngineAdapter(): { factory: SqlMigrationAwareDriverAdapterFactory; dispose(): Promise<void> };
  /** Where the data lives, without credentials, for log lines. */
  description: string;
  /** PGlite only: the whole data directory as an archive, to open copies of it (test templates). */
  dumpDataDir?(): Promise<Blob>;
  /** Connections now (for metrics): PGlite is one in-process connection. */
  poolStats(): PoolStats;
  close(): Promise<void>;
}

export interface PoolStats {
  max: number;
  total: number;
  idle: number;
  /** Queries waiting for a free connection. */
  waiting: number;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; default: DATABASE_URL. */
  url?: string;
  /** PGlite data directory; `memory://` for a throw-away database. Default: BINAAN_PGLITE_DIR or .data/pglite. */
  dataDir?: string;
  /** PostgreSQL pool size. */
  maxConnections?: number;
  /** Called for every SQL statement the Prisma client sends (tests count them to catch N+1 queries). */
  onPrismaQuery?: (query: string) => void;
  /** PGlite only: start from this data directory archive (`dumpDataDir`), e.g. a seeded test template. */
  loadDataDir?: Blob;
}

function createPrismaClient(adapter: PrismaPGlite | PrismaPg, onPrismaQuery?: (query: string) => void): PrismaClient {
  if (!onPrismaQuery) return new PrismaClient({ adapter });
  const prisma = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  prisma.$on('query', (event) => onPrismaQuery(event.query));
  return prisma as unknown as PrismaClient;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const env = readDatabaseEnv();
  const url = options.url ?? (options.dataDir ? undefined : env.databaseUrl);
  return url
    ? openPostgres(url, options.maxConnections ?? 10, options.onPrismaQuery)
    : openPglite(options.dataDir ?? env.pgliteDataDir, options.onPrismaQuery, options.loadDataDir);
}

/** Closing twice (a graceful stop, then a test's cleanup) closes once. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => (closing ??= close());
}

/** No statement may run longer than this: a runaway query cannot hold the database. */
export const STATEMENT_TIMEOUT_MS = 15_000;

/** The embedded database's files are open in another process; opening them twice corrupts them. */
export class DatabaseInUseError extends Error {
  constructor(dataDir: string) {
    super(
      `The embedded database in ${dataDir} is in use by another process (a running server or tool). ` +
        'Stop it first, or use PostgreSQL (DATABASE_URL) to run several. If nothing else runs, the lock goes stale within 10 seconds.',
    );
    this.name = 'DatabaseInUseError';
  }
}

/** One process at a time per PGlite directory: PGlite has no locking of its own. */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dataDir, { stale: 10_000, update: 2_000, realpath: false });
  } catch (error) {
    if ((error as { code?: string }).code === 'ELOCKED') throw new DatabaseInUseError(dataDir);
    throw error;
  }
}

async function openPglite(
  dataDir: string,
  onPrismaQuery?: (query: string) => void,
  loadDataDir?: Blob,
): Promise<Database> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  const unlock = inMemory ? async () => undefined : await lockDataDir(dataDir);
  const pglite = await PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {}).catch(async (error: unknown) => {
    await unlock();
    throw error;
  });
  await pglite.exec(`SET statement_timeout = ${STATEMENT_TIMEOUT_MS}`);
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = createPrismaClient(adapterFactory, onPrismaQuery);
  return {
    kind: 'pglite',
    prisma,
    sql: pgliteSql(pglite),
    schemaEngineAdapter: () => ({ factory: adapterFactory, dispose: async () => undefined }),
    description: `PGlite (${dataDir})`,
    dumpDataDir: () => pglite.dumpDataDir('none'),
    poolStats: () => ({ max: 1, total: 1, idle: 1, waiting: 0 }),
    close: once(async () => {
      await prisma.$disconnect();
      await pglite.close();
      await unlock();
    }),
  };
}

async function openPostgres(url: string, max: number, onPrismaQuery?: (query: string) => void): Promise<Database> {
  // JIT compiles each costly analytics statement anew: on the national dataset it added ~350 ms to a
  // 300 ms query. Our statements are short and repeated; compilation never pays for itself.
  const pool = new pg.Pool({
    connectionString: url,
    max,
    statement_timeout: STATEMENT_TIMEOUT_MS,
    options: '-c jit=off',
  });
  // An idle connection can die (server restart, failover, a dropped database). The pool replaces it;
  // without a listener node-postgres would crash the process with an unhandled 'error' event.
  pool.on('error', (error) => {
    if ((error as { code?: string }).code !== '57P01')
      console.warn(`PostgreSQL idle connection lost: ${error.message}`);
  });
  const adapterFactory = new PrismaPg(pool);
  const prisma = createPrismaClient(adapterFactory, onPrismaQuery);
  const safeUrl = new URL(url);
  safeUrl.password = '';
  return {
    kind: 'postgres',
    prisma,
    sql: postgresSql(pool),
    schemaEngineAdapter() {
      const enginePool = poolReportingCharAsText(url);
      return { factory: new PrismaPg(enginePool), dispose: () => enginePool.end() };
    },
    description: `PostgreSQL (${safeUrl.host}${safeUrl.pathname})`,
    poolStats: () => ({ max, total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: once(async () => {
      await prisma.$disconnect();
      await pool.end();
    }),
  };
}

/**
 * The schema engine introspects catalog columns of PostgreSQL's one-byte `"char"` type, which
 * @prisma/adapter-pg refuses ("Column type 'char' could not be deserialized"). Its values arrive as
 * strings anyway, so this pool reports those columns as text.
 */
function poolReportingCharAsText(url: string): pg.Pool {
  const CHAR_OID = 18;
  const TEXT_OID = 25;
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on('error', () => undefined); // short-lived; see openPostgres
  const query = pool.query.bind(pool) as (config: pg.QueryConfig) => Promise<pg.QueryResult>;
  pool.query = (async (config: pg.QueryConfig) => {
    const result = await query(config);
    for (const field of result.fields ?? []) if (field.dataTypeID === CHAR_OID) field.dataTypeID = TEXT_OID;
    return result;
  }) as typeof pool.query;
  return pool;
}
