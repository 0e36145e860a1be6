// A write PostgreSQL rolls back to break a deadlock is run again whole (schema/writes.ts), instead of
// reaching the office as "Unexpected error". The deadlock is real: another transaction holds row 1, the
// write takes row 2 and waits for row 1, then the other asks for row 2. Two connections: PostgreSQL only.
import { testDatabaseKind, type TestDatabase, untilWaitingForLock } from '@binaan/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../src/context.js';
import { writeTransaction } from '../src/schema/writes.js';
import { createApiTestDatabase } from './support/database.js';
import { createSeededApi, type SeededApi } from './support/seeded-api.js';

const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

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
      await untilWaitingForLock(sql, 'conflict_probe');
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

describe.skipIf(testDatabaseKind !== 'postgres')('officers moving reports of one day at once', () => {
  let api: SeededApi;
  beforeAll(async () => {
    api = await createSeededApi({ rateLimit: 1_000_000 });
  });
  afterAll(() => api.dispose());

  const deadlocks = async () => {
    // The statistics reach the shared counters when a backend goes idle; ask for a fresh snapshot.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const [row] = await api.db.sql.query<{ deadlocks: number }>(
      `SELECT pg_stat_clear_snapshot(), deadlocks::int FROM pg_stat_database WHERE datname = current_database()`,
    );
    return row!.deadlocks;
  };

  it('lands every change and every new report, and PostgreSQL meets no deadlock among them', async () => {
    // Each round: 16 reports of one village, same day and type, half received and half verified; then
    // at once, the received ones are verified, the verified ones followed up, and 8 more of that day and
    // type submitted. Their rollup rows and totals are shared, and the two directions of change took
    // them in crossing orders.
    const [village] = await api.db.sql.query<{ id: number; code: string }>(
      `SELECT v.id, v.code FROM village v JOIN regency r ON r.id = v.regency_id WHERE r.code = '63.10' ORDER BY v.code LIMIT 1`,
    );
    const before = await deadlocks();
    const outcomes: string[] = [];
    for (let round = 0; round < 6; round += 1) {
      const reports = await api.db.sql.query<{ id: number; status: string }>(
        `INSERT INTO village_report (submitter, source, client_reference, village_id, regency_id, province_id, type,
                occurred_on, submitted_at, people_involved, description, status, status_changed_at)
         SELECT 'test', 'test:conflicts', 'R${round}-' || n, v.id, v.regency_id, v.province_id, 'REFUGEES',
                current_date, now(), 1, 'Rombongan tiba.', (CASE WHEN n % 2 = 0 THEN 'VERIFIED' ELSE 'SUBMITTED' END)::report_status, now()
           FROM generate_series(1, 16) n, village v WHERE v.id = $1
         RETURNING id, status::text AS status`,
        [village!.id],
      );
      const submissions = Array.from({ length: 8 }, (_, n) =>
        api.graphql(
          `mutation($input: SubmitVillageReportInput!) { submitVillageReport(input: $input) { __typename } }`,
          {
            input: {
              source: 'test:conflicts',
              clientReference: `new-${round}-${n}`,
              villageCode: village!.code,
              type: 'REFUGEES',
              occurredOn: new Date().toISOString().slice(0, 10),
              peopleInvolved: 2,
              description: 'Rombongan baru tiba.',
            },
          },
          'kanim',
        ),
      );
      const changes = Promise.all(
        reports.map((report) =>
          api.graphql(
            `mutation($input: TransitionReportStatusInput!) { transitionReportStatus(input: $input) { __typename } }`,
            {
              input:
                report.status === 'SUBMITTED'
                  ? { reportId: gid('VillageReport', report.id), toStatus: 'VERIFIED', expectedStatus: 'SUBMITTED' }
                  : {
                      reportId: gid('VillageReport', report.id),
                      toStatus: 'FOLLOWED_UP',
                      expectedStatus: 'VERIFIED',
                      actionTaken: 'Pemeriksaan di lokasi.',
                    },
            },
            'kanim',
          ),
        ),
      );
      for (const result of await changes)
        outcomes.push(result.data?.transitionReportStatus?.__typename ?? result.errors![0]!.message);
      for (const result of await Promise.all(submissions))
        outcomes.push(result.data?.submitVillageReport?.__typename ?? result.errors![0]!.message);
    }
    expect([...outcomes].sort()).toEqual(
      [
        ...Array(96).fill('MutationTransitionReportStatusSuccess'),
        ...Array(48).fill('MutationSubmitVillageReportSuccess'),
      ].sort(),
    );
    expect(await deadlocks()).toBe(before);
  }, 120_000);
});
