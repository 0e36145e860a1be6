// A statement PostgreSQL fails to break a deadlock is run again (src/conflicts.ts). The deadlock here is
// real: a transaction holds row 1, the statement takes row 2 and waits for row 1, then the transaction
// asks for row 2. Two connections: PostgreSQL only (PGlite has one, and cannot deadlock).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRetryableConflict, retryOnConflict } from '../src/conflicts.js';
import {
  createTestDatabase,
  type TestDatabase,
  testDatabaseKind,
  untilWaitingForLock,
} from '../src/testing/test-database.js';

describe('conflicts', () => {
  it('retries only what PostgreSQL rolled back to break a conflict, at most three times in all', async () => {
    const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    const unique = Object.assign(new Error('duplicate key'), { code: '23505' });
    let attempts = 0;
    await expect(
      retryOnConflict(async () => {
        attempts += 1;
        if (attempts < 3) throw deadlock;
        return 'written';
      }),
    ).resolves.toBe('written');
    expect(attempts).toBe(3);

    attempts = 0;
    await expect(retryOnConflict(() => Promise.reject((attempts += 1) && deadlock))).rejects.toBe(deadlock);
    expect(attempts).toBe(3);
    attempts = 0;
    await expect(retryOnConflict(() => Promise.reject((attempts += 1) && unique))).rejects.toBe(unique);
    expect(attempts).toBe(1);
    expect(isRetryableConflict({ code: 'P2034' })).toBe(true);
    // Prisma's raw query failed (P2010), with the database's code inside.
    expect(
      isRetryableConflict({ code: 'P2010', meta: { driverAdapterError: { cause: { originalCode: '40P01' } } } }),
    ).toBe(true);
    expect(
      isRetryableConflict({ code: 'P2010', meta: { driverAdapterError: { cause: { originalCode: '42601' } } } }),
    ).toBe(false);
    expect(isRetryableConflict(new Error('connection refused'))).toBe(false);
  });

  describe.skipIf(testDatabaseKind !== 'postgres')('on PostgreSQL', () => {
    let test: TestDatabase;
    beforeAll(async () => {
      test = await createTestDatabase();
      await test.db.sql.exec(`CREATE TABLE conflict_probe (id int PRIMARY KEY, n int NOT NULL);
                              INSERT INTO conflict_probe VALUES (1, 0), (2, 0);`);
    });
    afterAll(() => test.dispose());

    it('runs a statement again when PostgreSQL chose it as a deadlock victim, and both writes land', async () => {
      const { sql } = test.db;
      let statement: Promise<unknown> | undefined;
      await sql.transaction(async (tx) => {
        // The statement's own deadlock check (after 1 s) comes first, so it is the one PostgreSQL fails.
        await tx.exec(`SET LOCAL deadlock_timeout = '20s'`);
        await tx.query(`UPDATE conflict_probe SET n = n + 1 WHERE id = 1`);
        // Row 2 first (the CTE runs as the outer update reads its condition), then row 1, which waits.
        statement = sql.query(
          `WITH second AS (UPDATE conflict_probe SET n = n + 10 WHERE id = 2 RETURNING id)
           UPDATE conflict_probe SET n = n + 10 WHERE id = 1 AND EXISTS (SELECT 1 FROM second)`,
        );
        statement.catch(() => undefined);
        await untilWaitingForLock(sql, 'conflict_probe');
        await tx.query(`UPDATE conflict_probe SET n = n + 1 WHERE id = 2`);
      });
      await statement;
      const rows = await sql.query<{ id: number; n: number }>(`SELECT id, n FROM conflict_probe ORDER BY id`);
      expect(rows).toEqual([
        { id: 1, n: 11 },
        { id: 2, n: 11 },
      ]);
    }, 20_000);
  });
});
