// A write PostgreSQL rolls back to break a deadlock is run again whole (schema/writes.ts), instead of
// reaching the office as "Unexpected error". The deadlock is real: another transaction holds row 1, the
// write takes row 2 and waits for row 1, then the other asks for row 2. Two connections: PostgreSQL only.
import { testDatabaseKind, type TestDatabase } from '@binaan/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { writeTransaction } from '../src/schema/writes.js';
import { createApiTestDatabase } from './support/database.js';

describe.skipIf(testDatabaseKind !== 'postgres')('a write that PostgreSQL chose as a deadlock victim', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createApiTestDatabase({ seed: false });
    await test.db.sql.exec(`CREATE TABLE conflict_probe (id int PRIMARY KEY, n int NOT NULL);
                            INSERT INTO conflict_probe VALUES (1, 0), (2, 0);`);
  });
  afterAll(() => test.dispose());

  it('is run again whole once the other transaction has committed, and both land', async () => {
    const { sql } = test.db;
    const ctx = { db: test.db } as Context;
    let attempts = 0;
    let write: Promise<string> | undefined;
    await sql.transaction(async (other) => {
      // The write's own deadlock check (after 1 s) comes first, so it is the one PostgreSQL fails.
      await other.exec(`SET LOCAL deadlock_timeout = '20s'`);
      await other.query(`UPDATE conflict_probe SET n = n + 1 WHERE id = 1`);
      write = writeTransaction(ctx, async (tx) => {
        attempts += 1;
        await tx.$executeRawUnsafe(`UPDATE conflict_probe SET n = n + 10 WHERE id = 2`);
        await tx.$executeRawUnsafe(`UPDATE conflict_probe SET n = n + 10 WHERE id = 1`);
        return 'written';
      });
      write.catch(() => undefined);
      for (let tries = 0; ; tries += 1) {
        const [row] = await sql.query<{ waiting: number }>(
          `SELECT COUNT(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%conflict_probe%'`,
        );
        if (row!.waiting > 0) break;
        if (tries > 200) throw new Error('the write never waited for the lock');
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      await other.query(`UPDATE conflict_probe SET n = n + 1 WHERE id = 2`);
    });
    await expect(write).resolves.toBe('written');
    expect(attempts).toBe(2);
    expect(await sql.query(`SELECT id, n FROM conflict_probe ORDER BY id`)).toEqual([
      { id: 1, n: 11 },
      { id: 2, n: 11 },
    ]);
  }, 30_000);
});
