// Buffers generated rows per table and writes them, parents before children, so a generator can stream
// millions of rows with flat memory and without RETURNING round trips (ids are assigned by the
// generator; sequences are moved past them at the end). On PostgreSQL the rows go in with COPY, the
// bulk path; on PGlite, in multi-row INSERTs.
import type { SqlExecutor } from '../sql.js';

export type SqlValue = string | number | boolean | null;
export type Row = Record<string, SqlValue>;

/** PostgreSQL caps a statement at 65,535 parameters. */
const MAX_PARAMETERS = 60_000;
const MAX_BUFFERED_ROWS = 5_000;
/** Rows per COPY: big enough to amortise the round trip, small enough to keep memory flat. */
const ROWS_PER_COPY = 20_000;

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
    if (buffer.rows.length >= (this.sql.copyText ? ROWS_PER_COPY : MAX_BUFFERED_ROWS)) await this.flush();
  }

  /** Writes everything buffered, in foreign-key order. */
  async flush(): Promise<void> {
    for (const buffer of this.buffers.values()) {
      while (buffer.rows.length > 0) {
        const perStatement = this.sql.copyText ? ROWS_PER_COPY : Math.floor(MAX_PARAMETERS / buffer.columns.length);
        const batch = buffer.rows.splice(0, perStatement);
        await (this.sql.copyText ? this.copy(buffer, batch) : this.insert(buffer, batch));
        buffer.written += batch.length;
      }
    }
    this.onFlush(this.counts());
  }

  counts(): Record<string, number> {
    return Object.fromEntries([...this.buffers.values()].map((buffer) => [buffer.table, buffer.written]));
  }

  private async copy(buffer: TableBuffer, rows: Row[]): Promise<void> {
    const lines = rows.map((row) =>
      buffer.columns
        .map((column) => {
          const value = row[column];
          if (value === undefined) throw new Error(`RowWriter: ${buffer.table}.${column} missing in a row`);
          return copyField(value);
        })
        .join('\t'),
    );
    await this.sql.copyText!(buffer.table, buffer.columns, `${lines.join('\n')}\n`);
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

/** One field in COPY's text format: `\N` is null; backslash, tab, newline and carriage return are escaped. */
export function copyField(value: SqlValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  return value.replace(
    /[\\\t\n\r]/g,
    (character) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[character]!,
  );
}

/** A PostgreSQL array literal for a text or enum array column. */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/(["\\])/g, '\\$1')}"`).join(',')}}`;
}
