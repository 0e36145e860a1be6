// A small SQL interface that PGlite and node-postgres both implement, so the migrator, the seed loader
// and the tests run the same SQL on either database.
import type { PGlite, Transaction as PGliteTransaction } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';

export interface SqlExecutor {
  /** One statement with `$1…` parameters; returns its rows. */
  query<Row extends object = Record<string, unknown>>(text: string, params?: unknown[]): Promise<Row[]>;
  /** A script of several statements without parameters. */
  exec(script: string): Promise<void>;
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

export function postgresSql(pool: Pool): SqlDatabase {
  return {
    ...pgExecutor(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(pgExecutor(client));
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
