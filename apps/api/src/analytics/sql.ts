// Analytics SQL is composed from fragments that carry their own parameters (Prisma's `sql` tag, a copy of
// sql-template-tag): a fragment is built where its idea lives and nested anywhere, and the parameters are
// numbered ($1…) once, when the whole statement runs.
import { Prisma, type SqlExecutor } from '@binaan/db';

export const { sql, join, raw, empty } = Prisma;
export type Sql = Prisma.Sql;

/**
 * A code of our own (a rollup grain or level, a module sentinel) written into the statement as a literal
 * rather than a parameter: the planner then sees a constant when it picks an index.
 */
export function literal(value: string | number): Sql {
  return raw(typeof value === 'number' ? String(value) : `'${value.replaceAll("'", "''")}'`);
}

/** Runs one composed statement. */
export function select<Row extends object>(db: SqlExecutor, statement: Sql): Promise<Row[]> {
  return db.query<Row>(statement.text, statement.values);
}
