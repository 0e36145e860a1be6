// Buffers generated rows per table and writes them in multi-row INSERTs, parents before children, so a
// generator can stream millions of rows with flat memory and without RETURNING round trips (ids are
// assigned by the generator; sequences are moved past them at the end).
import type { SqlExecutor } from '../sql.js';

export type SqlValue = string | number | boolean | null;
export type Row = Record<string, SqlValue>;

/** PostgreSQL caps a statement at 65,535 parameters. */
const MAX_PARAMETERS = 60_000;
const MAX_BUFFERED_ROWS = 5_000;

class TableBuffer {
  rows: Row[] = [];
  written = 0;
  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}
}

export class RowWriter {
  private readonly buffers = new Map<string, TableBuffer>();

  /**
   * @param tables tables and their columns in foreign-key order: a table may only reference tables
   *   listed before it.
   */
  constructor(
    private readonly sql: SqlExecutor,
    tables: Record<string, readonly string[]>,
    private readonly onFlush: (counts: Record<string, number>) => void = () => undefined,
  ) {
    for (const [table, columns] of Object.entries(tables)) this.buffers.set(table, new TableBuffer(table, columns));
  }

  async add(table: string, row: Row): Promise<void> {
    const buffer = this.buffers.get(table);
    if (!buffer) throw new Error(`RowWriter: unknown table ${table}`);
    buffer.rows.push(row);
    if (buffer.rows.length >= MAX_BUFFERED_ROWS) await this.flush();
  }

  /** Writes everything buffered, in foreign-key order. */
  async flush(): Promise<void> {
    for (const buffer of this.buffers.values()) {
      while (buffer.rows.length > 0) {
        const perStatement = Math.floor(MAX_PARAMETERS / buffer.columns.length);
        const batch = buffer.rows.splice(0, perStatement);
        await this.insert(buffer, batch);
        buffer.written += batch.length;
      }
    }
    this.onFlush(this.counts());
  }

  counts(): Record<string, number> {
    return Object.fromEntries([...this.buffers.values()].map((buffer) => [buffer.table, buffer.written]));
  }

  private async insert(buffer: TableBuffer, rows: Row[]): Promise<void> {
    const { columns } = buffer;
    const params: SqlValue[] = [];
    const tuples = rows.map((row) => {
      const placeholders = columns.map((column) => {
        const value = row[column];
        if (value === undefined) throw new Error(`RowWriter: ${buffer.table}.${column} missing in a row`);
        params.push(value);
        return `$${params.length}`;
      });
      return `(${placeholders.join(',')})`;
    });
    const columnList = columns.map((column) => `"${column}"`).join(',');
    await this.sql.query(`INSERT INTO "${buffer.table}" (${columnList}) VALUES ${tuples.join(',')}`, params);
  }
}

/** A PostgreSQL array literal for a text or enum array column. */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;
}
