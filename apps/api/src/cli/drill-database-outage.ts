// npm run drill:database-outage -w @binaan/api
// The database-outage drill: a PostgreSQL cluster of the drill's own (pg_createcluster on another port,
// never the shared one) serves a running API under a load of reads and report submissions; the drill stops
// the cluster, starts it again, and prints how long until callers got 503, how long until the service
// answered again, and how many acknowledged submissions were lost (must be 0). Needs root and Debian's
// postgresql-common tools; nothing of it runs in `npm test`.
import { DEFAULT_DEMO_PASSWORD, openDatabase, prepareDatabase } from '@binaan/db';
import { createPrimary, dropCluster, postgresVersion, psql } from '@binaan/db/clusters';
import { createLogger } from '../observability/logger.js';
import { startService } from '../service.js';

const CLUSTER = 'binaan_drill';
const PORT = 55_432;

async function main() {
  const cluster = createPrimary(CLUSTER, PORT);
  psql(cluster, 'CREATE DATABASE binaan');
  const url = cluster.url('binaan');
  const db = await openDatabase({ url });
  await prepareDatabase(db, { seedIfEmpty: true });
  const service = await startService({
    db,
    port: 0,
    host: '127.0.0.1',
    production: false,
    dashboardDir: null,
    trustedDocuments: null,
    responseCacheTtlMs: 0,
    rateLimit: 1_000_000,
    logger: createLogger({ level: 'silent' }),
  });
  const post = (body: unknown, cookie = '') =>
    fetch(`${service.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  const signIn = await post({
    query: 'mutation($i: SignInInput!) { signIn(input: $i) { __typename } }',
    variables: { i: { email: 'kanim.batulicin@binaan.test', password: DEFAULT_DEMO_PASSWORD } },
  });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const [village] = await db.sql.query<{ code: string }>(
    `SELECT v.code FROM village v JOIN regency r ON r.id = v.regency_id WHERE r.code = '63.02' ORDER BY v.code LIMIT 1`,
  );

  const acknowledged: string[] = [];
  const statuses = new Map<number, number>();
  let stoppedAt = 0;
  let first503 = 0;
  let restartedAt = 0;
  let firstOkAfterRestart = 0;
  let running = true;
  let sequence = 0;

  async function worker() {
    while (running) {
      const reference = `DRILL-${sequence++}`;
      const started = Date.now();
      try {
        const response = await post(
          {
            query: `mutation($i: SubmitVillageReportInput!) { submitVillageReport(input: $i) {
              __typename ... on MutationSubmitVillageReportSuccess { data { report { id } } } } }`,
            variables: {
              i: {
                source: 'drill:outage',
                clientReference: reference,
                villageCode: village!.code,
                type: 'OTHER',
                occurredOn: '2026-11-20',
                peopleInvolved: 1,
                description: 'Laporan latihan gangguan basis data.',
              },
            },
          },
          cookie,
        );
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        const body = (await response.json()) as { data?: { submitVillageReport?: { data?: unknown } } };
        if (response.status === 200 && body.data?.submitVillageReport?.data) {
          acknowledged.push(reference);
          if (restartedAt && !firstOkAfterRestart) firstOkAfterRestart = Date.now();
        }
        if (response.status === 503 && stoppedAt && !first503) first503 = Date.now();
      } catch {
        statuses.set(0, (statuses.get(0) ?? 0) + 1);
      }
      // A steady load, not a flood: about 20 requests a second per worker.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 50 - (Date.now() - started))));
    }
  }

  const workers = Array.from({ length: 4 }, () => worker());
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  stoppedAt = Date.now();
  cluster.stop();
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  restartedAt = Date.now();
  cluster.start();
  const deadline = Date.now() + 30_000;
  while (!firstOkAfterRestart && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  running = false;
  await Promise.all(workers);

  const stored = await db.sql.query<{ client_reference: string }>(
    `SELECT client_reference FROM village_report WHERE source = 'drill:outage'`,
  );
  const found = new Set(stored.map((row) => row.client_reference));
  const lost = acknowledged.filter((reference) => !found.has(reference));
  console.log('database-outage drill (PostgreSQL %s, cluster %s on port %d)', postgresVersion(), CLUSTER, PORT);
  console.log('  requests by status:', Object.fromEntries([...statuses].sort(([a], [b]) => a - b)));
  console.log('  time from stop to first 503: %s ms', first503 ? first503 - stoppedAt : 'no 503 seen');
  console.log(
    '  time from restart to first acknowledged write: %s ms',
    firstOkAfterRestart ? firstOkAfterRestart - restartedAt : 'not recovered in 30 s',
  );
  console.log('  acknowledged writes: %d, lost: %d', acknowledged.length, lost.length);
  await service.stop();
  cluster.drop();
  if (lost.length > 0 || !first503 || !firstOkAfterRestart) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  dropCluster(CLUSTER);
  process.exitCode = 1;
});
