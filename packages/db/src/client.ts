// Opens Binaan's database: PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite database
// in a local directory. Both get the same Prisma client (through a driver adapter, so no query engine
// binary is needed) and the same raw SQL interface.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
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
  /** PostgreSQL only: whether named prepared statements may be sent; default BINAAN_DATABASE_PREPARED_STATEMENTS. */
  preparedStatements?: boolean;
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
    ? openPostgres(
        url,
        options.maxConnections ?? 10,
        options.preparedStatements ?? env.preparedStatements,
        options.onPrismaQuery,
      )
    : openPglite(options.dataDir ?? env.pgliteDataDir, options.onPrismaQuery, options.loadDataDir);
}

/** The read replica named by DATABASE_REPLICA_URL, opened like the primary; null when none is set. */
export async function openReplicaDatabase(
  options: Pick<OpenDatabaseOptions, 'maxConnections'> = {},
): Promise<Database | null> {
  const env = readDatabaseEnv();
  if (!env.replicaUrl) return null;
  return openPostgres(env.replicaUrl, options.maxConnections ?? 10, env.preparedStatements);
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
        'Stop it first, or use PostgreSQL (DATABASE_URL) to run several. A lock left by a process that has stopped is cleared on the next open.',
    );
    this.name = 'DatabaseInUseError';
  }
}

/** Locks held by this process: a second open here is refused like one from another process. */
const locksHeldHere = new Set<string>();

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process at a time per PGlite directory: PGlite has no locking of its own. The lock is a directory
 * made atomically beside the data, holding its owner's PID; a lock whose owner is no longer running is
 * stale and is cleared. Staleness by time (a lock file its owner touches every few seconds) does not work
 * here: a PGlite statement runs on the event loop, and a seed's or a migration's can hold it for minutes,
 * so a live owner could not refresh its lock and a second process would open the files beside it.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockDir = `${resolve(dataDir)}.lock`;
  const pidFile = join(lockDir, 'pid');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      mkdirSync(lockDir);
      writeFileSync(pidFile, String(process.pid));
      locksHeldHere.add(lockDir);
      return async () => {
        locksHeldHere.delete(lockDir);
        rmSync(lockDir, { recursive: true, force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8')) : null;
    // No PID yet: the owner is between making the lock and writing its PID, unless that was long ago.
    const justMade = owner === null && Date.now() - statSync(lockDir).mtimeMs < 10_000;
    if (locksHeldHere.has(lockDir) || justMade || (owner !== null && processAlive(owner))) {
      throw new DatabaseInUseError(dataDir);
    }
    rmSync(lockDir, { recursive: true, force: true });
  }
  throw new DatabaseInUseError(dataDir);
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

async function openPostgres(
  url: string,
  max: number,
  preparedStatements: boolean,
  onPrismaQuery?: (query: string) => void,
): Promise<Database> {
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
    sql: postgresSql(pool, { preparedStatements }),
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
