// Opens Binaan's database: PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite database
// in a local directory. Both get the same Prisma client (through a driver adapter, so no query engine
// binary is needed) and the same raw SQL interface.
import { mkdirSync } from 'node:fs';
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
  /** A driver adapter factory for tools that need their own Prisma connection (the schema engine). */
  adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Where the data lives, without credentials, for log lines. */
  description: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; default: DATABASE_URL. */
  url?: string;
  /** PGlite data directory; `memory://` for a throw-away database. Default: BINAAN_PGLITE_DIR or .data/pglite. */
  dataDir?: string;
  /** PostgreSQL pool size. */
  maxConnections?: number;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const env = readDatabaseEnv();
  const url = options.url ?? (options.dataDir ? undefined : env.databaseUrl);
  return url ? openPostgres(url, options.maxConnections ?? 10) : openPglite(options.dataDir ?? env.pgliteDataDir);
}

async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir);
  const adapterFactory = new PrismaPGlite(pglite);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  return {
    kind: 'pglite',
    prisma,
    sql: pgliteSql(pglite),
    adapterFactory,
    description: `PGlite (${dataDir})`,
    async close() {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  const adapterFactory = new PrismaPg(pool);
  const prisma = new PrismaClient({ adapter: adapterFactory });
  const safeUrl = new URL(url);
  safeUrl.password = '';
  return {
    kind: 'postgres',
    prisma,
    sql: postgresSql(pool),
    adapterFactory,
    description: `PostgreSQL (${safeUrl.host}${safeUrl.pathname})`,
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
