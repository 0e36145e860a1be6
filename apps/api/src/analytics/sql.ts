// Analytics SQL is composed from fragments that carry their own parameters (Prisma's `sql` tag, a copy of
// sql-template-tag): a fragment is built where its idea lives and nested anywhere, and the parameters are
// numbered ($1…) once, when the whole statement runs.
import { Prisma, type QueryOptions, type SqlExecutor } from '@binaan/db';

export const { sql, join, raw, empty } = Prisma;
export type Sql = Prisma.Sql;

/**
 * A code of our own (a rollup grain or level, a module sentinel) written into the statement as a literal
 * rather than a parameter: the planner then sees a constant when it picks an index.
 */
export function literal(value: string | number): Sql {
  return raw(typeof value === 'number' ? String(value) : `'${value.replaceAll("'", "''")}'`);
}

/** Runs one composed statement; `reusePlan` only where the bench showed a gain (QueryOptions). */
export function select<Row extends object>(db: SqlExecutor, statement: Sql, options?: QueryOptions): Promise<Row[]> {
  return db.query<Row>(statement.text, statement.values, options);
}

interface Pending {
  text: string;
  params: unknown[];
  options: QueryOptions | undefined;
  resolve: (rows: object[]) => void;
  reject: (error: unknown) => void;
}

/**
 * An executor that sends every statement asked of it in one turn of the event loop as one statement:
 * `SELECT (SELECT json_agg(q) FROM (<first>) q), (SELECT json_agg(q) FROM (<second>) q), …`, the
 * parameters renumbered. A page's several figures then cost one round trip and one executor start
 * instead of one each (and, on PGlite, one call into the database instead of eight).
 *
 * Rows come back through JSON, so a statement sent this way must return only text, integers (cast to
 * int), booleans and arrays of them: the analytics' own columns. A date or bigint would arrive as a
 * string or number where the driver gives a Date or a string.
 *
 * `batchOptions` are those the combined statement is sent with (a statement alone keeps its own).
 */
export function oneStatementPerTurn(db: SqlExecutor, batchOptions?: QueryOptions): SqlExecutor {
  let pending: Pending[] = [];
  const flush = async () => {
    const batch = pending;
    pending = [];
    if (batch.length === 1) {
      const [only] = batch;
      await db.query(only!.text, only!.params, only!.options ?? batchOptions).then(only!.resolve, only!.reject);
      return;
    }
    const params: unknown[] = [];
    const parts = batch.map((statement, index) => {
      const offset = params.length;
      params.push(...statement.params);
      // Our statements carry no `$n` inside string literals: every value is a parameter or a literal code.
      const text = statement.text.replace(/\$(\d+)/g, (_match, n: string) => `$${Number(n) + offset}`);
      return `(SELECT COALESCE(json_agg(q), '[]'::json) FROM (${text}) q) AS "${index}"`;
    });
    try {
      const [row] = await db.query<Record<string, object[] | string>>(
        `SELECT ${parts.join(',\n')}`,
        params,
        batchOptions,
      );
      batch.forEach((statement, index) => {
        // A SELECT without FROM always gives one row; only an executor that records instead of running
        // (the bench's) gives none.
        const rows = row?.[String(index)] ?? [];
        // node-postgres parses json; PGlite too. A string means a driver that did not.
        statement.resolve(typeof rows === 'string' ? (JSON.parse(rows) as object[]) : rows);
      });
    } catch (error) {
      for (const statement of batch) statement.reject(error);
    }
  };
  return {
    query<Row extends object>(text: string, params: unknown[] = [], options?: QueryOptions): Promise<Row[]> {
      return new Promise<Row[]>((resolve, reject) => {
        if (pending.length === 0) setImmediate(() => void flush());
        pending.push({ text, params, options, resolve: resolve as (rows: object[]) => void, reject });
      });
    },
    exec: (script) => db.exec(script),
  };
}
