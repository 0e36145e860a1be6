// A fresh, empty database for one test file: in-memory PGlite by default, or, when DATABASE_URL points
// at a PostgreSQL server, a new database created on it for this file and dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase, type OpenDatabaseOptions } from '../client.js';

export interface TestDatabase {
  db: Database;
  /** Opens another connection to the same database (PostgreSQL only; PGlite has one connection). */
  reopen(): Promise<Database>;
  dispose(): Promise<void>;
}

export const testDatabaseKind: 'pglite' | 'postgres' = process.env.DATABASE_URL ? 'postgres' : 'pglite';

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function createTestDatabase(options: Pick<OpenDatabaseOptions, 'onPrismaQuery'> = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const db = await openDatabase({ ...options, dataDir: 'memory://' });
    return {
      db,
      reopen: () => Promise.reject(new Error('PGlite has a single connection')),
      dispose: () => db.close(),
    };
  }
  const name = `binaan_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  const opened: Database[] = [];
  const open = async () => {
    const db = await openDatabase({ ...options, url });
    opened.push(db);
    return db;
  };
  return {
    db: await open(),
    reopen: open,
    async dispose() {
      await Promise.all(opened.map((db) => db.close()));
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
