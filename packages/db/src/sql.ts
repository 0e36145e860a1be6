// A small SQL interface that PGlite and node-postgres both implement, so the migrator, the seed loader
// and the tests run the same SQL on either database.
import { createHash } from 'node:crypto';
import type { PGlite, Transaction as PGliteTransaction } from '@electric-sql/pglite';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { retryOnConflict } from './conflicts.js';

export interface QueryOptions {
  /**
   * Prepare the statement once per connection and run it by name, so that PostgreSQL can reuse one plan
   * for it. With `plan_cache_mode = auto` it plans the first five runs for their parameters and then
   * keeps a generic plan only if that is estimated to cost no more. Only for statements measured to gain
   * (bench/README.md): where the planner needs a parameter's value to pick an index, a generic plan
   * loses. Ignored inside a transaction on PGlite and where prepared statements are switched off.
   */
  reusePlan?: boolean;
}

export interface SqlExecutor {
  /** One statement with `$1…` parameters; returns its rows. */
  query<Row extends object = Record<string, unknown>>(
    text: string,
    params?: unknown[],
    options?: QueryOptions,
  ): Promise<Row[]>;
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

/** Statements prepared by name on one connection; past this many distinct texts, others run unnamed. */
const MAX_PREPARED_STATEMENTS = 500;

/** A statement's name for PREPARE: from its text, so that the same text has the same name everywhere. */
function preparedName(names: Map<string, string>, text: string): string | null {
  const known = names.get(text);
  if (known || names.size >= MAX_PREPARED_STATEMENTS) return known ?? null;
  const name = `binaan_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  names.set(text, name);
  return name;
}

/** A parameter as an untyped SQL literal for EXECUTE's arguments: PostgreSQL gives it the parameter's type. */
export function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) {
    const items = value.map((item) =>
      item === null || item === undefined ? 'NULL' : `"${String(item).replace(/[\\"]/g, (c) => `\\${c}`)}"`,
    );
    return sqlLiteral(`{${items.join(',')}}`);
  }
  const text =
    value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // standard_conforming_strings is on (PostgreSQL's default since 9.1): only the quote is special.
  return `'${text.replaceAll("'", "''")}'`;
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

/**
 * PGlite's query() parses and plans every statement afresh, and planning in WebAssembly costs about as
 * much as running our analytics statements: a statement asked to reuse its plan is PREPAREd once in the
 * database's one session and then EXECUTEd, its parameters written as literals (EXECUTE takes no bound
 * parameters). A transaction's statements run as usual.
 */
export function pgliteSql(pglite: PGlite): SqlDatabase {
  const plain = pgliteExecutor(pglite);
  const names = new Map<string, string>();
  const prepared = new Map<string, Promise<void>>();
  const prepare = (name: string, text: string) => {
    let done = prepared.get(name);
    if (!done) {
      done = pglite.exec(`PREPARE ${name} AS ${text}`).then(() => undefined);
      // A statement that failed to prepare (a mistake in it, or a table not there yet) is tried again.
      done.catch(() => prepared.delete(name));
      prepared.set(name, done);
    }
    return done;
  };
  return {
    ...plain,
    async query<Row extends object>(text: string, params: unknown[] = [], options?: QueryOptions) {
      const name = options?.reusePlan ? preparedName(names, text) : null;
      if (!name) return plain.query<Row>(text, params);
      await prepare(name, text);
      const args = params.length ? `(${params.map(sqlLiteral).join(', ')})` : '';
      return (await pglite.query<Row>(`EXECUTE ${name}${args}`)).rows;
    },
    transaction: (work) => pglite.transaction((tx) => work(pgliteExecutor(tx))),
  };
}

export interface PostgresSqlOptions {
  /**
   * Whether statements may be prepared by name (QueryOptions.reusePlan). Off behind a pooler in
   * transaction mode that does not track them (PgBouncer before 1.21): the next statement by that name
   * may reach a server connection where it was never prepared.
   */
  preparedStatements: boolean;
}

function pgExecutor(client: Pool | PoolClient, options: PostgresSqlOptions, names: Map<string, string>): SqlExecutor {
  return {
    async query<Row extends object>(text: string, params: unknown[] = [], queryOptions?: QueryOptions) {
      // node-postgres prepares a named statement on each connection the first time it runs there.
      const name = queryOptions?.reusePlan && options.preparedStatements ? preparedName(names, text) : null;
      const result = name
        ? await client.query<Row>({ name, text, values: params })
        : await client.query<Row>(text, params);
      return result.rows;
    },
    async exec(script: string) {
      await client.query(script);
    },
  };
}

/** A transaction's connection can stream COPY (a pool cannot: each query may get another connection). */
function pgClientExecutor(client: PoolClient, options: PostgresSqlOptions, names: Map<string, string>): SqlExecutor {
  return {
    ...pgExecutor(client, options, names),
    async copyText(table, columns, lines) {
      const columnList = columns.map((column) => `"${column}"`).join(',');
      await pipeline(Readable.from([lines]), client.query(copyFrom(`COPY "${table}" (${columnList}) FROM STDIN`)));
    },
  };
}

export function postgresSql(pool: Pool, options: PostgresSqlOptions = { preparedStatements: true }): SqlDatabase {
  const names = new Map<string, string>();
  const autocommit = pgExecutor(pool, options, names);
  return {
    ...autocommit,
    // A statement outside a transaction is its own transaction: failed to break a deadlock, it was rolled
    // back whole and can run again (conflicts.ts). Inside a transaction, the transaction is the unit.
    query<Row extends object>(text: string, params?: unknown[], queryOptions?: QueryOptions) {
      return retryOnConflict(() => autocommit.query<Row>(text, params, queryOptions));
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(pgClientExecutor(client, options, names));
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
