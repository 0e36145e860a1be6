// A small SQL interface that PGlite and node-postgres both implement, so the migrator, the seed loader
// and the tests run the same SQL on either database.
import type { PGlite, Transaction as PGliteTransaction } from '@electric-sql/pglite';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export interface SqlExecutor {
  /** One statement with `$1…` parameters; returns its rows. */
  query<Row extends object = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** A script of several statements without parameters. */
  exec(script: string): Promise<void>;
  /**
   * Bulk load: rows in COPY's text format (one line each, tab-separated, `\N` for null) into `table`.
   * PostgreSQL only (COPY FROM STDIN); where it is missing, callers insert instead.
   */
  copyText?(table: string, columns: readonly string[], lines: string): Promise<void>;
}

export interface SqlDatabase extends SqlExecutor {
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}

function pgliteExecutor(db: PGlite | PGliteTransaction): SqlExecutor {
  return {
    async query<Row extends object>(text: string, params: unknown[] = []) {
      return (await db.query<Row>(text, params)).rows;
    },
    async exec(script: string) {
      await db.exec(script);
    },
  };
}

export function pgliteSql(pglite: PGlite): SqlDatabase {
  return {
    ...pgliteExecutor(pglite),
    transaction: (work) => pglite.transaction((tx) => work(pgliteExecutor(tx))),
  };
}

function pgExecutor(client: Pool | PoolClient): SqlExecutor {
  return {
    async query<Row extends object>(text: string, params: unknown[] = []) {
      return (await client.query<Row>(text, params)).rows;
    },
    async exec(script: string) {
      await client.query(script);
    },
  };
}

/** A transaction's connection can stream COPY (a pool cannot: each query may get another connection). */
function pgClientExecutor(client: PoolClient): SqlExecutor {
  return {
    ...pgExecutor(client),
    async copyText(table, columns, lines) {
      const columnList = columns.map((column) => `"${column}"`).join(',');
      await pipeline(Readable.from([lines]), client.query(copyFrom(`COPY "${table}" (${columnList}) FROM STDIN`)));
    },
  };
}

export function postgresSql(pool: Pool): SqlDatabase {
  return {
    ...pgExecutor(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(pgClientExecutor(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
