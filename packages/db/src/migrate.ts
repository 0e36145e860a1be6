// Binaan's own migrator. Prisma Migrate needs a schema-engine binary we cannot download, so migrations
// are plain SQL files (prisma/migrations/<timestamp>_<name>/migration.sql, Prisma's layout) applied here:
// all pending files in one transaction, under an advisory lock so that two starting processes cannot
// both apply them, with a record of what ran and its checksum so that an edited migration is caught.
// After them, in the same transaction, each rollup family's file (src/rollups.ts) whose content changed.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rebuildFamily, withDependents } from './rollup-rebuild.js';
import { readRollupSql, ROLLUPS_TABLE, rollupFamilies } from './rollups.js';
import type { SqlDatabase, SqlExecutor } from './sql.js';

export const MIGRATIONS_TABLE = '_binaan_migrations';
export const defaultMigrationsDir = fileURLToPath(new URL('../prisma/migrations', import.meta.url));

/** Any constant works; it only has to be the same for every process migrating this database. */
const MIGRATION_LOCK_KEY = 7_245_001;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: string[];
  /** Rollup families whose file was (re)applied because it is new or changed. */
  rollupsApplied: string[];
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

export function readMigrations(dir = defaultMigrationsDir): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: checksumOf(sql) };
    });
}

async function appliedMigrations(tx: SqlExecutor): Promise<Map<string, string>> {
  const rows = await tx.query<{ name: string; checksum: string }>(
    `SELECT name, checksum FROM ${MIGRATIONS_TABLE} ORDER BY name`,
  );
  return new Map(rows.map((row) => [row.name, row.checksum]));
}

/** Checks that every migration recorded in the database is still present and unchanged. */
function verifyHistory(files: MigrationFile[], applied: Map<string, string>): void {
  const byName = new Map(files.map((file) => [file.name, file]));
  for (const [name, checksum] of applied) {
    const file = byName.get(name);
    if (!file) {
      throw new MigrationError(`Migration ${name} was applied to this database but its file is missing.`);
    }
    if (file.checksum !== checksum) {
      throw new MigrationError(
        `Migration ${name} was edited after it was applied (checksum ${checksum.slice(0, 12)}… in the database, ` +
          `${file.checksum.slice(0, 12)}… on disk). Write a new migration instead of editing an applied one.`,
      );
    }
  }
}

export async function migrate(sql: SqlDatabase, migrationsDir = defaultMigrationsDir): Promise<MigrationResult> {
  const files = readMigrations(migrationsDir);
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    // A migration may rewrite millions of rows; the request timeout is for queries, not for this.
    await tx.exec('SET LOCAL statement_timeout = 0');
    await tx.exec(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (
      name text PRIMARY KEY,
      checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    await createRollupsTable(tx);
    const applied = await appliedMigrations(tx);
    verifyHistory(files, applied);
    const pending = files.filter((file) => !applied.has(file.name));
    for (const file of pending) {
      try {
        await tx.exec(file.sql);
      } catch (error) {
        throw new MigrationError(`Migration ${file.name} failed: ${(error as Error).message}`, { cause: error });
      }
      await tx.query(`INSERT INTO ${MIGRATIONS_TABLE} (name, checksum) VALUES ($1, $2)`, [file.name, file.checksum]);
    }
    const rollupsApplied = await applyChangedRollups(tx);
    await rebuildRequestedRollups(tx);
    return { applied: pending.map((file) => file.name), alreadyApplied: [...applied.keys()], rollupsApplied };
  });
}

/**
 * Which rollup files were applied, and which families a migration asked to rebuild: a migration that
 * changes what a family's rows mean runs before the family's new file exists in the database, so it only
 * sets `rebuild_requested`, and the migrator rebuilds those families once their files are applied.
 */
async function createRollupsTable(tx: SqlExecutor): Promise<void> {
  await tx.exec(`CREATE TABLE IF NOT EXISTS ${ROLLUPS_TABLE} (
    name text PRIMARY KEY,
    checksum text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  await tx.exec(
    `ALTER TABLE ${ROLLUPS_TABLE} ADD COLUMN IF NOT EXISTS rebuild_requested boolean NOT NULL DEFAULT false`,
  );
}

/**
 * Rebuilds, in the registry's (dependency) order, the families a migration or an unfinished seed asked
 * for, and those kept from their tables.
 */
async function rebuildRequestedRollups(tx: SqlExecutor): Promise<void> {
  const rows = await tx.query<{ name: string }>(`SELECT name FROM ${ROLLUPS_TABLE} WHERE rebuild_requested`);
  for (const family of withDependents(rows.map((row) => row.name))) await rebuildFamily(tx, family);
}

/**
 * Applies each rollup family's file that is new or changed since it was last applied. The files only
 * CREATE OR REPLACE, so applying one again is harmless; skipping unchanged ones spares the table locks
 * that replacing a trigger takes, at every start.
 */
async function applyChangedRollups(tx: SqlExecutor): Promise<string[]> {
  const rows = await tx.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM ${ROLLUPS_TABLE}`);
  const applied = new Map(rows.map((row) => [row.name, row.checksum]));
  const changed: string[] = [];
  for (const family of rollupFamilies) {
    const sql = readRollupSql(family);
    const checksum = checksumOf(sql);
    if (applied.get(family.name) === checksum) continue;
    try {
      await tx.exec(sql);
    } catch (error) {
      throw new MigrationError(
        `Rollup ${family.name} (rollups/${family.name}.sql) failed: ${(error as Error).message}`,
        { cause: error },
      );
    }
    await tx.query(
      `INSERT INTO ${ROLLUPS_TABLE} (name, checksum) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, applied_at = now()`,
      [family.name, checksum],
    );
    changed.push(family.name);
  }
  return changed;
}

/** Migrations on disk that the database has not run yet (for readiness checks and status output). */
export async function pendingMigrations(sql: SqlDatabase, migrationsDir = defaultMigrationsDir): Promise<string[]> {
  const [{ exists } = { exists: false }] = await sql.query<{ exists: boolean }>(
    `SELECT to_regclass($1) IS NOT NULL AS exists`,
    [MIGRATIONS_TABLE],
  );
  const applied = exists ? await appliedMigrations(sql) : new Map<string, string>();
  return readMigrations(migrationsDir)
    .map((file) => file.name)
    .filter((name) => !applied.has(name));
}
