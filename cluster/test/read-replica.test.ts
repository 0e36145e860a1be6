// Read routing against a real streaming replica: a primary and a pg_basebackup replica of our own (Debian's
// postgresql-common, ports of our own), the API in this process through yoga.fetch, and each server's
// pg_stat_statements saying which statements it ran. Needs root; skipped, saying why, where it cannot run.
import { createApp } from '@binaan/api/app';
import { createReadRouting, type ReadRouting, writePositionsInProcess } from '@binaan/api/read-replica';
import { type Database, DEFAULT_DEMO_PASSWORD, openDatabase, prepareDatabase } from '@binaan/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterToolsAvailable, createPrimary, createReplica, type PostgresCluster, psql } from '@binaan/db/clusters';

const tools = clusterToolsAvailable();
// CI runs them in its Node 20 PGlite suite, not in the two others (BINAAN_CLUSTER_TESTS=off).
const wanted = process.env.BINAAN_CLUSTER_TESTS !== 'off';
if (!tools.available) console.warn(`read-replica tests skipped: ${tools.reason}`);

const PRIMARY_PORT = 55_460;
const REPLICA_PORT = 55_461;

describe.runIf(tools.available && wanted)('queries on a streaming replica', () => {
  let primary: PostgresCluster;
  let replica: PostgresCluster;
  let primaryDb: Database;
  let replicaDb: Database;
  let routing: ReadRouting;
  let app: ReturnType<typeof createApp>;
  let cookie = '';
  let villageCode = '';

  beforeAll(async () => {
    primary = createPrimary('binaan_test_primary', PRIMARY_PORT);
    psql(primary, 'CREATE DATABASE binaan');
    psql(primary, 'CREATE EXTENSION pg_stat_statements', 'binaan');
    primaryDb = await openDatabase({ url: primary.url('binaan') });
    await prepareDatabase(primaryDb, { seedIfEmpty: true });
    replica = createReplica('binaan_test_replica', REPLICA_PORT, primary);
    replicaDb = await openDatabase({ url: replica.url('binaan') });
    routing = createReadRouting({ primary: primaryDb, replica: replicaDb, writes: writePositionsInProcess() });
    app = createApp({ db: primaryDb, readRouting: routing, rateLimit: 1_000_000 });
    const signIn = await graphql('mutation($i: SignInInput!) { signIn(input: $i) { __typename } }', {
      i: { email: 'kanim.batulicin@binaan.test', password: DEFAULT_DEMO_PASSWORD },
    });
    cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const [village] = await primaryDb.sql.query<{ code: string }>(
      `SELECT v.code FROM village v JOIN regency r ON r.id = v.regency_id WHERE r.code = '63.02' ORDER BY v.code LIMIT 1`,
    );
    villageCode = village!.code;
    // Signing in wrote a session: queries go to the replica once it has replayed that.
    await readsFromReplica();
  }, 180_000);

  afterAll(async () => {
    routing?.stop();
    await replicaDb?.close();
    await primaryDb?.close();
    replica?.drop();
    primary?.drop();
  });

  function graphql(query: string, variables: Record<string, unknown> = {}) {
    return app.fetch('http://binaan.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-binaan-client': 'test', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  }

  async function data<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const body = (await (await graphql(query, variables)).json()) as { data?: T; errors?: unknown };
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return body.data!;
  }

  /** How often each server has run statements whose text contains `fragment`, since the last reset. */
  function callsOn(server: PostgresCluster, fragment: string): number {
    const out = psql(
      server,
      `SELECT COALESCE(SUM(calls), 0) FROM pg_stat_statements WHERE query LIKE '%${fragment}%' AND query NOT LIKE '%pg_stat_statements%'`,
      'binaan',
    );
    return Number(out.trim());
  }

  function resetStatements(servers = [primary, replica]) {
    for (const server of servers) psql(server, 'SELECT pg_stat_statements_reset()', 'binaan');
  }

  async function until(condition: () => boolean, what: string, timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async function readsFromReplica(timeoutMs = 30_000) {
    const deadline = Date.now() + timeoutMs;
    while ((await routing.readerFor()).server !== 'replica') {
      if (Date.now() > deadline) throw new Error(`queries did not go to the replica: ${routing.state().reason}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const COVERAGE = '{ coverage { computedAt rows { area { code } designatedVillages } } }';
  const REPORTS = `query($v: [String!]) { reports(first: 5, filter: { villageCodes: $v }) { totalCount } }`;
  const SUBMIT = `mutation($i: SubmitVillageReportInput!) { submitVillageReport(input: $i) {
    __typename ... on MutationSubmitVillageReportSuccess { data { report { id } } } } }`;
  let sequence = 0;
  const submit = () =>
    data(SUBMIT, {
      i: {
        source: 'test:replica',
        clientReference: `REPLICA-${Date.now()}-${sequence++}`,
        villageCode,
        type: 'OTHER',
        occurredOn: '2026-11-20',
        peopleInvolved: 1,
        description: 'Laporan uji replika baca.',
      },
    });

  it('serves queries from the replica and nothing of them from the primary', async () => {
    resetStatements();
    const answer = await data(COVERAGE);
    expect(answer.coverage.rows.length).toBeGreaterThan(0);
    expect(callsOn(replica, 'designated_village_rollup')).toBeGreaterThan(0);
    expect(callsOn(primary, 'designated_village_rollup')).toBe(0);
  });

  it('writes on the primary, and a caller reads its own write at once, from the primary while the replica lags', async () => {
    const before = (await data(REPORTS, { v: [villageCode] })).reports.totalCount as number;
    // The replica receives the write but does not apply it: it lags for as long as this test wants.
    psql(replica, 'SELECT pg_wal_replay_pause()', 'binaan');
    try {
      resetStatements();
      const submitted = await submit();
      expect(submitted.submitVillageReport.__typename).toBe('MutationSubmitVillageReportSuccess');
      expect(callsOn(primary, 'INSERT INTO village_report')).toBeGreaterThan(0);

      const after = (await data(REPORTS, { v: [villageCode] })).reports.totalCount as number;
      expect(after).toBe(before + 1);
      // The count came from the primary: the replica has not replayed the write.
      expect(callsOn(primary, 'FROM "public"."village_report"')).toBeGreaterThan(0);
      expect(callsOn(replica, 'FROM "public"."village_report"')).toBe(0);
      // Still so a poll later: the paused replica stays behind the acknowledged write.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await routing.readerFor()).server).toBe('primary');
    } finally {
      psql(replica, 'SELECT pg_wal_replay_resume()', 'binaan');
    }
    // Once it has replayed the write, queries go back to it, and it has the report.
    await readsFromReplica();
    resetStatements();
    expect((await data(REPORTS, { v: [villageCode] })).reports.totalCount).toBe(before + 1);
    expect(callsOn(replica, 'FROM "public"."village_report"')).toBeGreaterThan(0);
  });

  it("says how old a replica's figures are when it is behind", async () => {
    psql(replica, 'SELECT pg_wal_replay_pause()', 'binaan');
    try {
      // A write the API did not make (a batch job, say): the replica may serve, but it is behind.
      psql(primary, 'UPDATE village SET name = name WHERE code = (SELECT MIN(code) FROM village)', 'binaan');
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await until(() => routing.state().lagSeconds >= 1, 'the replica to report its delay');
      const started = Date.now();
      const answer = await data(COVERAGE);
      const computedAt = Date.parse(answer.coverage.computedAt);
      expect(started - computedAt).toBeGreaterThanOrEqual(1_000);
    } finally {
      psql(replica, 'SELECT pg_wal_replay_resume()', 'binaan');
    }
  });

  it('reads from the primary while the replica is down, and from the replica again once it is back', async () => {
    replica.stop();
    try {
      await until(() => !routing.state().healthy, 'the replica to be seen down');
      resetStatements([primary]);
      const answer = await data(COVERAGE);
      expect(answer.coverage.rows.length).toBeGreaterThan(0);
      expect(callsOn(primary, 'designated_village_rollup')).toBeGreaterThan(0);
    } finally {
      replica.start();
    }
    await readsFromReplica();
    resetStatements();
    await data(COVERAGE);
    expect(callsOn(replica, 'designated_village_rollup')).toBeGreaterThan(0);
  });
});
