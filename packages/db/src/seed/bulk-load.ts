// A bulk load as pg_restore does one: the loaded tables' secondary indexes and foreign keys are dropped
// first and made again from their own definitions afterwards. Building an index once from sorted rows is
// far cheaper than updating ten indexes row by row, and adding a foreign key checks every row in one join
// instead of one lookup per row. Everything happens inside the seed's transaction, so a failed load leaves
// the schema as it was; the drift test then holds the rebuilt indexes and keys to the migrations.
import type { SqlExecutor } from '../sql.js';

interface Definition {
  table: string;
  name: string;
  definition: string;
}

export interface DeferredSchema {
  /** Secondary indexes dropped for the load (their CREATE INDEX statements). */
  indexes: readonly Definition[];
  /** Foreign keys dropped for the load (their constraint definitions). */
  foreignKeys: readonly Definition[];
}

/**
 * Drops the tables' indexes that back no constraint (the primary keys stay) and every foreign key that
 * points from or to them. Returns what to make again.
 */
export async function deferIndexesAndForeignKeys(sql: SqlExecutor, tables: readonly string[]): Promise<DeferredSchema> {
  const foreignKeys = await sql.query<Definition>(
    `SELECT c.conrelid::regclass::text AS "table", c.conname AS name, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c
      WHERE c.contype = 'f'
        AND (c.conrelid::regclass::text = ANY($1) OR c.confrelid::regclass::text = ANY($1))
      ORDER BY 1, 2`,
    [tables.map(quoted)],
  );
  const indexes = await sql.query<Definition>(
    `SELECT i.indrelid::regclass::text AS "table", x.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
       JOIN pg_class x ON x.oid = i.indexrelid
      WHERE i.indrelid::regclass::text = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY 1, 2`,
    [tables.map(quoted)],
  );
  // Keys first: a unique index a foreign key points at could not be dropped under it.
  for (const key of foreignKeys) await sql.exec(`ALTER TABLE ${key.table} DROP CONSTRAINT "${key.name}"`);
  for (const index of indexes) await sql.exec(`DROP INDEX "${index.name}"`);
  return { indexes, foreignKeys };
}

/** Builds the dropped indexes again; each reads its table once. */
export async function restoreIndexes(sql: SqlExecutor, deferred: DeferredSchema): Promise<void> {
  for (const index of deferred.indexes) await sql.exec(index.definition);
}

/** Adds the dropped foreign keys again: each checks every row at once, and fails the load if one is wrong. */
export async function restoreForeignKeys(sql: SqlExecutor, deferred: DeferredSchema): Promise<void> {
  for (const key of deferred.foreignKeys) {
    await sql.exec(`ALTER TABLE ${key.table} ADD CONSTRAINT "${key.name}" ${key.definition}`);
  }
}

/** How regclass prints a table name that needs quoting, e.g. "user"; plain names print bare. */
function quoted(table: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(table) ? table : `"${table}"`;
}
