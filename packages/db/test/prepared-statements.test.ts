// Statements asked to reuse their plan (QueryOptions.reusePlan) are prepared once per connection and then
// run by name: on PostgreSQL through node-postgres' named statements, on PGlite through PREPARE and
// EXECUTE with the parameters written as literals. Either way the rows must be those of a plain query.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlExecutor } from '../src/sql.js';
import { createTestDatabase, type TestDatabase, testDatabaseKind } from '../src/testing/test-database.js';

const STATEMENT = `SELECT $1::text AS text, $2::text[] AS list, $3::date AS day, $4::int AS number,
                          $5::text AS missing, $6::boolean AS flag, $7::timestamptz AS moment`;
const AWKWARD_PARAMETERS: unknown[][] = [
  [
    "it's",
    ['a', 'b,c', 'd"e', 'f\\g', "h'i", '{j}', ' k '],
    '2026-12-06',
    42,
    null,
    true,
    new Date('2026-12-06T01:02:03Z'),
  ],
  ['\\', [], '2024-02-29', -7, null, false, '2026-01-01T00:00:00+07:00'],
  ['$1 -- not a comment', ['NULL', ''], '1999-12-31', 0, null, 'true', new Date(0)],
];

/** The statements this session has prepared, by name. */
async function preparedHere(sql: SqlExecutor): Promise<{ name: string; statement: string }[]> {
  return sql.query(`SELECT name, statement FROM pg_prepared_statements ORDER BY name`);
}

describe('statements that reuse their plan', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test?.dispose());

  it.each(AWKWARD_PARAMETERS.map((params) => [params]))('give the rows a plain query gives (%j)', async (params) => {
    const plain = await test.db.sql.query(STATEMENT, params);
    // Twice: the first run prepares, the second finds it prepared.
    expect(await test.db.sql.query(STATEMENT, params, { reusePlan: true })).toEqual(plain);
    expect(await test.db.sql.query(STATEMENT, params, { reusePlan: true })).toEqual(plain);
  });

  it('are prepared once per connection, by a name made from their text; others are not', async () => {
    const asked = async (sql: SqlExecutor) => {
      await sql.query('SELECT $1::int + 1 AS next', [1], { reusePlan: true });
      await sql.query('SELECT $1::int + 1 AS next', [2], { reusePlan: true });
      await sql.query('SELECT $1::int + 2 AS later', [1]);
      return preparedHere(sql);
    };
    // A transaction holds one connection on PostgreSQL; PGlite has one session and prepares outside them.
    const prepared = testDatabaseKind === 'postgres' ? await test.db.sql.transaction(asked) : await asked(test.db.sql);
    const next = prepared.filter((row) => row.statement.includes('AS next'));
    expect(next).toHaveLength(1);
    expect(next[0]!.name).toMatch(/^binaan_[0-9a-f]{24}$/);
    expect(prepared.filter((row) => row.statement.includes('AS later'))).toEqual([]);
  });

  it.runIf(testDatabaseKind === 'pglite')('are prepared once when first asked for by several at once', async () => {
    const text = 'SELECT $1::int * 2 AS twice';
    const answers = await Promise.all([1, 2, 3].map((n) => test.db.sql.query(text, [n], { reusePlan: true })));
    expect(answers).toEqual([[{ twice: 2 }], [{ twice: 4 }], [{ twice: 6 }]]);
    expect((await preparedHere(test.db.sql)).filter((row) => row.statement.includes('AS twice'))).toHaveLength(1);
  });

  it('report a mistake in the statement as a plain query does, and can be asked again', async () => {
    const broken = 'SELECT $1::int FROM no_such_table';
    await expect(test.db.sql.query(broken, [1], { reusePlan: true })).rejects.toThrow(/no_such_table/);
    await expect(test.db.sql.query(broken, [1], { reusePlan: true })).rejects.toThrow(/no_such_table/);
  });
});

describe.runIf(testDatabaseKind === 'postgres')('with prepared statements switched off (PgBouncer < 1.21)', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase({ preparedStatements: false });
  });
  afterAll(() => test?.dispose());

  it('runs the statement unnamed: nothing is prepared on the connection', async () => {
    const names = await test.db.sql.transaction(async (tx) => {
      expect(await tx.query('SELECT $1::int + 1 AS next', [1], { reusePlan: true })).toEqual([{ next: 2 }]);
      return preparedHere(tx);
    });
    expect(names).toEqual([]);
  });
});
