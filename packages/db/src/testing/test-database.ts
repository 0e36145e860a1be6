// A fresh database for one test file: in-memory PGlite by default, or, when DATABASE_URL points at a
// PostgreSQL server, a new database created on it for this file and dropped afterwards.
//
// Seeding the demo data takes far longer than any test, so a run seeds it once (createDatabaseTemplate, in
// a test runner's global setup) and every file starts from a copy: PGlite from the template's data
// directory archive (kept between runs while what it is made from is unchanged: template-cache.ts),
// PostgreSQL with CREATE DATABASE … TEMPLATE.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { type Database, openDatabase, type OpenDatabaseOptions } from '../client.js';
import { readDatabaseEnv } from '../env.js';
import type { SqlExecutor } from '../sql.js';
import { migrate } from '../migrate.js';
import { defaultSeedDay, seedDatabase, type SeedOptions } from '../seed/seed.js';
import { cachedTemplate, templateCachePath } from './template-cache.js';

export interface TestDatabase {
  db: Database;
  /** Opens another connection to the same database (PostgreSQL only; PGlite has one connection). */
  reopen(): Promise<Database>;
  dispose(): Promise<void>;
}

/**
 * A migrated database, seeded unless `seed` is null, that test files copy. Plain data, so that a test
 * runner can hand it to its workers.
 */
export type DatabaseTemplate =
  | { kind: 'pglite'; archivePath: string; seed: SeedOptions | null }
  | { kind: 'postgres'; database: string; seed: SeedOptions | null };

export const testDatabaseKind: 'pglite' | 'postgres' = readDatabaseEnv().databaseUrl ? 'postgres' : 'pglite';

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

const uniqueName = (prefix: string) => `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;

export interface CreateTestDatabaseOptions extends Pick<OpenDatabaseOptions, 'onPrismaQuery' | 'preparedStatements'> {
  /** Start as a copy of this template instead of empty. */
  from?: DatabaseTemplate;
}

let emptyCluster: Promise<Blob> | undefined;

/**
 * A new PGlite database runs initdb, 3.7-4.7 s here; loading an archive of a new cluster takes 1.3-1.5 s.
 * So every empty test database (and template) starts from a copy of one new cluster, kept on disk
 * (template-cache.ts) and read once per process.
 */
function emptyClusterArchive(): Promise<Blob> {
  emptyCluster ??= (async () => {
    const path = await cachedTemplate(templateCachePath('empty'), async () => {
      const db = await openDatabase({ dataDir: 'memory://' });
      try {
        await db.sql.exec('CHECKPOINT');
        return new Uint8Array(await (await db.dumpDataDir!()).arrayBuffer());
      } finally {
        await db.close();
      }
    });
    return new Blob([await readFile(path)]);
  })().catch((error: unknown) => {
    emptyCluster = undefined;
    throw error;
  });
  return emptyCluster;
}

export async function createTestDatabase(options: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  const { from, ...openOptions } = options;
  const serverUrl = readDatabaseEnv().databaseUrl;
  if (from && from.kind !== testDatabaseKind)
    throw new Error(`a ${from.kind} template cannot start a ${testDatabaseKind} test database`);
  if (!serverUrl) {
    const loadDataDir =
      from?.kind === 'pglite' ? new Blob([await readFile(from.archivePath)]) : await emptyClusterArchive();
    const db = await openDatabase({ ...openOptions, dataDir: 'memory://', loadDataDir });
    return {
      db,
      reopen: () => Promise.reject(new Error('PGlite has a single connection')),
      dispose: () => db.close(),
    };
  }
  const name = uniqueName('binaan_test');
  await onServer(
    serverUrl,
    from?.kind === 'postgres' ? `CREATE DATABASE ${name} TEMPLATE ${from.database}` : `CREATE DATABASE ${name}`,
  );
  const url = withDatabase(serverUrl, name);
  const opened: Database[] = [];
  const open = async () => {
    const db = await openDatabase({ ...openOptions, url });
    opened.push(db);
    return db;
  };
  return {
    db: await open(),
    reopen: open,
    async dispose() {
      await Promise.all(opened.map((db) => db.close()));
      await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/**
 * Migrates (and seeds, unless `seed` is null) one database to copy from, on the kind of database the
 * tests use. Returns it and a function that removes it (call it when the run ends); a PGlite template is
 * kept for the next run instead, while what it is made from stays the same (template-cache.ts).
 */
export async function createDatabaseTemplate(
  seed: SeedOptions | null,
): Promise<{ template: DatabaseTemplate; dispose(): Promise<void> }> {
  const serverUrl = readDatabaseEnv().databaseUrl;
  if (!serverUrl) {
    const options = seed && { ...seed, today: seed.today ?? defaultSeedDay() };
    const archivePath = await cachedTemplate(templateCachePath(options), async () => {
      const db = await openDatabase({ dataDir: 'memory://', loadDataDir: await emptyClusterArchive() });
      try {
        // A used WAL segment is otherwise kept, renamed, for reuse: four of them (64 MB of zeros) went into
        // every copy, and loading them was half of each test file's 2-3 s start. Removed instead, the
        // archive holds the one segment in use (79 MB in all, not 146).
        await db.sql.exec('SET wal_recycle = off');
        await migrate(db.sql);
        if (options) await seedDatabase(db.sql, options);
        // Settle the files so that every copy starts from the same checkpointed state.
        await db.sql.exec('CHECKPOINT');
        return new Uint8Array(await (await db.dumpDataDir!()).arrayBuffer());
      } finally {
        await db.close();
      }
    });
    // Kept for the next run and the other packages (template-cache.ts): nothing to remove.
    return { template: { kind: 'pglite', archivePath, seed: options }, dispose: async () => undefined };
  }
  const database = uniqueName('binaan_template');
  await onServer(serverUrl, `CREATE DATABASE ${database}`);
  const db = await openDatabase({ url: withDatabase(serverUrl, database), maxConnections: 2 });
  try {
    await migrate(db.sql);
    if (seed) await seedDatabase(db.sql, seed);
  } finally {
    // CREATE DATABASE … TEMPLATE needs the template to have no open connections.
    await db.close();
  }
  return {
    template: { kind: 'postgres', database, seed },
    dispose: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`),
  };
}

/**
 * Resolves once another connection's statement naming `table` is waiting for a lock (PostgreSQL only):
 * the moment a test that stages a deadlock takes its second lock.
 */
export async function untilWaitingForLock(sql: SqlExecutor, table: string): Promise<void> {
  for (let tries = 0; tries < 200; tries += 1) {
    const [row] = await sql.query<{ waiting: number }>(
      `SELECT COUNT(*)::int AS waiting FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%' || $1 || '%'`,
      [table],
    );
    if (row!.waiting > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no statement on ${table} waited for a lock`);
}
