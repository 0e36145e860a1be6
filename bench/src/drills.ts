// npm run drills -w @binaan/bench [-- --apis 3 --only kill-api,stop-replica,stop-redis,restart-primary]
// The cluster's failure drills under load (issue 19): the whole cluster on loopback (@binaan/cluster), a
// steady load of dashboard queries and report submissions through HAProxy, and one failure at a time:
//   kill-api         one API process killed (SIGKILL), started again afterwards
//   stop-replica     the streaming replica stopped (reads move to the primary), started again
//   stop-redis       Redis stopped (the service goes on uncached), started again
//   restart-primary  the PostgreSQL primary stopped for 3 s and started (503 with Retry-After meanwhile)
// Each prints the requests that failed (by answer), how long after the failure the last one failed, and
// at the end how many acknowledged report submissions are missing from the primary (must be 0). Needs root.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type RunningCluster, startCluster } from '@binaan/cluster';
import pg from 'pg';
import { issueBenchTokens, submitVillages } from './dataset.js';
import { BINAAN_DOCUMENTS, COVERAGE_FILTER, REPORTS_FILTER } from './workloads.js';

const DRILLS = ['kill-api', 'stop-replica', 'stop-redis', 'restart-primary'] as const;
type Drill = (typeof DRILLS)[number];

const { values } = parseArgs({
  options: {
    apis: { type: 'string', default: '3' },
    only: { type: 'string', default: DRILLS.join(',') },
    readers: { type: 'string', default: '6' },
    writers: { type: 'string', default: '2' },
  },
});
const drills = values.only!.split(',') as Drill[];
for (const drill of drills)
  if (!DRILLS.includes(drill)) throw new Error(`unknown drill ${drill}: ${DRILLS.join(', ')}`);

interface Outcome {
  at: number;
  kind: 'read' | 'write';
  /** HTTP status, or 0 when no answer came (connection refused or cut). */
  status: number;
  ok: boolean;
}

const log = (line: string) => console.log(line);
const cluster: RunningCluster = await startCluster({
  apis: Number(values.apis),
  dir: mkdtempSync(join(tmpdir(), 'binaan-drills-')),
  // The load is one reader and one writer token: the per-caller budget would refuse most of it.
  apiEnv: { BINAAN_RATE_LIMIT: '100000000' },
  log,
});
const tokens = issueBenchTokens({ DATABASE_URL: cluster.primaryUrl });
const villages = await submitVillages(cluster.primaryUrl);

const outcomes: Outcome[] = [];
const acknowledged: string[] = [];
let running = true;
let sequence = 0;

async function send(kind: Outcome['kind'], body: unknown, bearer: string): Promise<Record<string, any> | null> {
  try {
    const response = await fetch(`${cluster.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(20_000),
    });
    const answer = (await response.json().catch(() => null)) as { data?: Record<string, any>; errors?: unknown } | null;
    const ok = response.status === 200 && !!answer?.data && !answer.errors;
    outcomes.push({ at: Date.now(), kind, status: response.status, ok });
    return ok ? answer!.data! : null;
  } catch {
    outcomes.push({ at: Date.now(), kind, status: 0, ok: false });
    return null;
  }
}

const READS = [
  { query: BINAAN_DOCUMENTS.overview },
  { query: BINAAN_DOCUMENTS.coverage, variables: { provinces: COVERAGE_FILTER.provinceCodes } },
  {
    query: BINAAN_DOCUMENTS.reports,
    variables: { provinces: REPORTS_FILTER.provinceCodes, from: REPORTS_FILTER.from, to: REPORTS_FILTER.to },
  },
];

async function reader(offset: number) {
  for (let index = offset; running; index += 1) await send('read', READS[index % READS.length], tokens.read);
}

async function writer() {
  while (running) {
    const reference = `drill-${process.pid}-${(sequence += 1)}`;
    const village = villages[sequence % villages.length]!;
    const data = await send(
      'write',
      {
        query: `mutation($i: SubmitVillageReportInput!) { submitVillageReport(input: $i) {
          __typename ... on MutationSubmitVillageReportSuccess { data { report { id } } } } }`,
        variables: {
          i: {
            source: 'drill:cluster',
            clientReference: reference,
            villageCode: village.code,
            type: 'OTHER',
            occurredOn: new Date().toISOString().slice(0, 10),
            peopleInvolved: 1,
            description: 'Laporan latihan klaster.',
          },
        },
      },
      tokens.submit,
    );
    if (data?.submitVillageReport?.data?.report?.id) acknowledged.push(reference);
    else await new Promise((resolve) => setTimeout(resolve, 200)); // a failed write backs off, as the field app does
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const load = [
  ...Array.from({ length: Number(values.readers) }, (_, index) => reader(index)),
  ...Array.from({ length: Number(values.writers) }, () => writer()),
];

interface DrillResult {
  drill: Drill;
  requests: number;
  failed: Record<string, number>;
  lastFailureAfterMs: number | null;
  note: string;
}

/** Runs `act` after 5 s of steady load and watches 15 s after it; `recover` puts things back. */
async function runDrill(
  drill: Drill,
  act: () => Promise<string>,
  recover: (result: DrillResult) => Promise<void>,
): Promise<DrillResult> {
  await sleep(5_000);
  const from = outcomes.length;
  const at = Date.now();
  const note = await act();
  await sleep(15_000);
  const seen = outcomes.slice(from);
  const failures = seen.filter((outcome) => !outcome.ok);
  const failed: Record<string, number> = {};
  for (const failure of failures) {
    const key = `${failure.kind} ${failure.status || 'no answer'}`;
    failed[key] = (failed[key] ?? 0) + 1;
  }
  const result = {
    drill,
    requests: seen.length,
    failed,
    lastFailureAfterMs: failures.length ? Math.max(...failures.map((failure) => failure.at)) - at : null,
    note,
  };
  await recover(result);
  return result;
}

async function readsOnReplica(): Promise<number> {
  let total = 0;
  for (const api of cluster.apis) {
    const text = await (await fetch(`http://127.0.0.1:${api.port}/metrics`)).text().catch(() => '');
    total += Number(/binaan_query_reads_total\{server="replica"\} (\d+)/.exec(text)?.[1] ?? 0);
  }
  return total;
}

/** Whether every API process routes queries to the replica again (its binaan_replica_usable gauge). */
async function replicaUsableEverywhere(): Promise<boolean> {
  for (const api of cluster.apis) {
    const text = await (await fetch(`http://127.0.0.1:${api.port}/metrics`)).text().catch(() => '');
    if (!/^binaan_replica_usable 1$/m.test(text)) return false;
  }
  return true;
}

const results: DrillResult[] = [];
try {
  await sleep(2_000);
  for (const drill of drills) {
    log(`\ndrill ${drill}…`);
    switch (drill) {
      case 'kill-api':
        results.push(
          await runDrill(
            drill,
            async () => {
              await cluster.apis[0]!.kill();
              return `api1 (port ${cluster.apis[0]!.port}) killed`;
            },
            async () => {
              await cluster.restartApi(0);
            },
          ),
        );
        break;
      case 'stop-replica': {
        let before = 0;
        results.push(
          await runDrill(
            drill,
            async () => {
              before = await readsOnReplica();
              cluster.replica.stop();
              return 'replica stopped';
            },
            async (result) => {
              const during = (await readsOnReplica()) - before;
              cluster.replica.start();
              const restarted = Date.now();
              while (!(await replicaUsableEverywhere()) && Date.now() - restarted < 30_000) await sleep(100);
              const back = ((Date.now() - restarted) / 1000).toFixed(1);
              result.note += `; queries read from the replica while it was down: ${during}; every API process reads from it again ${back} s after its restart`;
            },
          ),
        );
        break;
      }
      case 'stop-redis':
        results.push(
          await runDrill(
            drill,
            async () => {
              await cluster.redis.stop();
              return 'Redis stopped';
            },
            async () => {
              await cluster.restartRedis();
            },
          ),
        );
        break;
      case 'restart-primary':
        results.push(
          await runDrill(
            drill,
            async () => {
              cluster.primary.stop();
              await sleep(3_000);
              cluster.primary.start();
              return 'primary stopped for 3 s, then started';
            },
            async () => undefined,
          ),
        );
        break;
    }
    const last = results.at(-1)!;
    log(
      `  ${last.requests} requests in 15 s after the failure; failed: ${JSON.stringify(last.failed)}; ` +
        `last failure ${last.lastFailureAfterMs === null ? 'none' : `${last.lastFailureAfterMs} ms after it`} (${last.note})`,
    );
  }
} finally {
  running = false;
  await Promise.all(load);
  const pool = new pg.Pool({ connectionString: cluster.primaryUrl, max: 1 });
  const { rows } = await pool.query<{ found: number }>(
    'SELECT COUNT(*)::int AS found FROM village_report WHERE client_reference = ANY($1)',
    [acknowledged],
  );
  await pool.end();
  log(
    `\nacknowledged report submissions: ${acknowledged.length}; missing from the primary: ${acknowledged.length - rows[0]!.found}`,
  );
  log('\n| drill | requests | failed (answer: count) | last failure after | note |');
  log('| --- | ---: | --- | ---: | --- |');
  for (const result of results) {
    const failed = Object.entries(result.failed)
      .map(([key, count]) => `${key}: ${count}`)
      .join(', ');
    log(
      `| ${result.drill} | ${result.requests} | ${failed || 'none'} | ${result.lastFailureAfterMs === null ? '–' : `${result.lastFailureAfterMs} ms`} | ${result.note} |`,
    );
  }
  await cluster.stop();
}
