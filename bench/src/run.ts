// npm run bench: Binaan (response cache off, then on), PostGraphile 5 and the raw floor, one at a time on
// loopback against the same PostgreSQL database with the national dataset, then Binaan on PGlite with the
// embedded demo dataset; prints one table and writes bench/results/. See bench/README.md.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  issueBenchTokens,
  pageStartVillages,
  prepareNationalDataset,
  removeBenchSubmissions,
  runCli,
  submitVillages,
  tableCounts,
  waitForQuietDatabase,
} from './dataset.js';
import { benchCluster } from './cluster-bench.js';
import { type Measurement, measure } from './drive.js';
import {
  BENCH_DATABASE_URL,
  binaanServerEnv,
  freePort,
  graphqlReady,
  node24,
  REPO_ROOT,
  type RunningServer,
  startServer,
} from './processes.js';
import { type BenchResults, markdownTable, type Run, writeResults } from './report.js';
import {
  binaanRequests,
  floorRequests,
  nthRequest,
  pageRequest,
  type PageRequest,
  pageStartsAfter,
  type PageStarts,
  postgraphileRequests,
  READ_WORKLOADS,
  type RequestFactory,
  type ServerName,
  type Workload,
  WORKLOADS,
} from './workloads.js';

const { values } = parseArgs({
  options: {
    database: {
      type: 'string',
      default: BENCH_DATABASE_URL,
    },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    // Each workload measured this many times on every server, interleaved; the median round is kept.
    rounds: { type: 'string', default: '1' },
    'pglite-connections': { type: 'string', default: '8' },
    servers: { type: 'string', default: 'binaan,binaan-cached,postgraphile,floor,binaan-pglite' },
    // The workloads measured on every server, or 'none' for the dashboard's pages alone.
    workloads: { type: 'string', default: WORKLOADS.join(',') },
    // The dashboard's pages at national scope, Binaan only: 'all', 'none' or paths such as /ringkasan,/laporan.
    pages: { type: 'string', default: 'all' },
    // What one leader opening a page waits for: one request at a time.
    'page-connections': { type: 'string', default: '1' },
    // 'cluster': the whole cluster with 1…--apis API processes (cluster-bench.ts) instead of the servers above.
    target: { type: 'string', default: 'servers' },
    apis: { type: 'string', default: '3' },
    scale: { type: 'string', default: 'demo' },
  },
});
const databaseUrl = values.database!;
const servers = values.servers!.split(',') as ServerName[];
const workloads = (values.workloads === 'none' ? [] : values.workloads!.split(',')) as Workload[];
const window = { seconds: Number(values.seconds), warmupSeconds: Number(values.warmup) };
const connections = Number(values.connections);
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a whole number from 1');
const log = (line: string) => console.log(line);

if (values.target === 'cluster') {
  if (values.scale !== 'demo' && values.scale !== 'national') throw new Error('--scale must be demo or national');
  await benchCluster({
    apis: Number(values.apis),
    scale: values.scale,
    workloads,
    connections,
    window,
    log,
  });
  process.exit(0);
} else if (values.target !== 'servers') throw new Error('--target must be servers or cluster');

const node = node24();

log('Preparing the national dataset in PostgreSQL…');
const dataset = await prepareNationalDataset(databaseUrl, log);
const tokens = issueBenchTokens({ DATABASE_URL: databaseUrl });
const villages = await submitVillages(databaseUrl);
const starts = await pageStartVillages(databaseUrl);
const pages: PageStarts = pageStartsAfter(starts);

// The dashboard's own requests for its pages, with the variables its hooks build for today.
const allPageRequests = JSON.parse(runCli('apps/dashboard/scripts/page-requests.ts', [], {})) as PageRequest[];
const pageRequests =
  values.pages === 'none'
    ? []
    : values.pages === 'all'
      ? allPageRequests
      : allPageRequests.filter((request) => values.pages!.split(',').includes(request.page));
const pageConnections = Number(values['page-connections']);

const runs: Run[] = [];
let port = await freePort();

/** A started server with the requests it is asked. */
interface Contender {
  name: ServerName;
  server: RunningServer;
  factory: RequestFactory;
}

/**
 * Every workload on every server, interleaved: each workload is measured on one server after the other
 * (in `rounds` rounds, the order turned each round), so that the machine's drift over minutes (15-30 %
 * on this kind, bench/README.md) falls on every server alike instead of on whichever ran first. Each
 * server's figures are those of its median round.
 */
async function measureInterleaved(
  contenders: Contender[],
  names: readonly Workload[],
  options: { rounds: number; connections: number; quietDatabase: boolean },
) {
  const { rounds, connections: conns } = options;
  for (const workload of names) {
    const measured = new Map<ServerName, Measurement[]>();
    for (let round = 0; round < rounds; round += 1) {
      const order = contenders.map((_, index) => contenders[(index + round) % contenders.length]!);
      for (const { name, server, factory } of order) {
        if (options.quietDatabase) await waitForQuietDatabase(databaseUrl);
        const result = await measure(server.url, { connections: conns, ...window, serverPid: server.pid }, (index) =>
          nthRequest(factory, workload, index),
        );
        measured.set(name, [...(measured.get(name) ?? []), result]);
        log(
          `  ${workload.padEnd(9)} ${name.padEnd(14)} ${result.rps.toFixed(1).padStart(8)} req/s  p50 ${result.p50_ms} ms  p95 ${result.p95_ms} ms  p99 ${result.p99_ms} ms  errors ${result.errors}${cpuNote(result)}${result.firstError ? `  (${result.firstError})` : ''}`,
        );
      }
    }
    for (const { name } of contenders) {
      const results = measured.get(name)!;
      const median = [...results].sort((a, b) => a.rps - b.rps)[Math.floor((results.length - 1) / 2)]!;
      const { firstError, requests, ...figures } = median;
      runs.push({
        workload,
        server: name,
        connections: conns,
        ...figures,
        ...(rounds > 1 ? { roundsRps: results.map((result) => Math.round(result.rps * 10) / 10) } : {}),
      });
    }
  }
}

/** The CPU a measurement cost per request, for the progress lines. */
const cpuNote = ({ serverCpuMs, machineCpuMs }: Measurement) =>
  serverCpuMs === null || machineCpuMs === null
    ? ''
    : `  CPU/req ${serverCpuMs.toFixed(2)} ms server, ${machineCpuMs.toFixed(2)} ms machine`;

function binaanEnv(cacheTtlMs: number, extra: Record<string, string> = {}): Record<string, string> {
  return binaanServerEnv(port, cacheTtlMs, {
    BINAAN_DASHBOARD_DIR: join(REPO_ROOT, 'apps/dashboard/dist'),
    ...extra,
  });
}

async function startBinaan(name: string, env: Record<string, string>, readToken: string): Promise<RunningServer> {
  const server = await startServer(
    name,
    node,
    [join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'apps/api/src/server.ts'],
    {
      port,
      env,
      // In production a caller without a token may run only the dashboard's documents.
      ready: graphqlReady({ authorization: `Bearer ${readToken}` }),
    },
  );
  port = await freePort();
  return server;
}

/** Each dashboard page's request, one at a time; a page whose answer has errors stops the run. */
async function measurePages(name: ServerName, server: RunningServer) {
  for (const page of pageRequests) {
    const probe = pageRequest(tokens.read, page);
    const answer = (await (
      await fetch(`${server.url}${probe.path}`, { method: probe.method, headers: probe.headers, body: probe.body })
    ).json()) as { errors?: unknown };
    if (answer.errors) throw new Error(`${name} ${page.page}: ${JSON.stringify(answer.errors)}`);
    await waitForQuietDatabase(databaseUrl);
    const result = await measure(
      server.url,
      { connections: pageConnections, ...window, serverPid: server.pid },
      () => probe,
    );
    const { firstError, requests, ...figures } = result;
    runs.push({ workload: `page ${page.page}`, server: name, connections: pageConnections, ...figures });
    log(
      `  ${`page ${page.page}`.padEnd(24)} ${name.padEnd(14)} ${result.rps.toFixed(1).padStart(8)} req/s  p50 ${result.p50_ms} ms  p95 ${result.p95_ms} ms  errors ${result.errors}${firstError ? `  (${firstError})` : ''}`,
    );
  }
}

async function checkBinaanCursor(url: string, bearer: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query: '{ villages(first: 1) { edges { cursor } } }' }),
  });
  const body = (await response.json()) as { data: { villages: { edges: { cursor: string }[] } } };
  const expected = pages.binaanCursors[0];
  if (body.data.villages.edges[0]?.cursor !== expected)
    throw new Error(`Binaan's cursor format changed: ${JSON.stringify(body)}`);
}

const contenders: Contender[] = [];
try {
  for (const name of servers) {
    if (name === 'binaan' || name === 'binaan-cached') {
      log(`\n${name}: Binaan API, response cache ${name === 'binaan' ? 'off' : 'on (60 s)'}, Node 24`);
      const server = await startBinaan(
        name,
        binaanEnv(name === 'binaan' ? 0 : 60_000, { DATABASE_URL: databaseUrl }),
        tokens.read,
      );
      contenders.push({ name, server, factory: binaanRequests(tokens, pages, villages) });
      await checkBinaanCursor(server.url, tokens.read);
      await measurePages(name, server);
    } else if (name === 'postgraphile') {
      log('\npostgraphile: PostGraphile 5 (amber preset), Node 24');
      const server = await startServer(
        name,
        node,
        [join(REPO_ROOT, 'bench/src/postgraphile-server.mjs'), databaseUrl, String(port)],
        { port, ready: graphqlReady() },
      );
      port = await freePort();
      contenders.push({ name, server, factory: postgraphileRequests(pages, villages) });
      pages.postgraphileCursors = await postgraphileCursors(server.url);
    } else if (name === 'floor') {
      log('\nfloor: node:http + pg with the same SQL, Node 24');
      const server = await startServer(
        name,
        node,
        [join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'bench/src/floor-server.ts', databaseUrl, String(port)],
        { port, ready: async (url) => (await fetch(`${url}/coverage`)).ok },
      );
      port = await freePort();
      contenders.push({ name, server, factory: floorRequests(pages, villages) });
    }
  }
  log(
    `\nworkloads, interleaved (${rounds} round${rounds === 1 ? '' : 's'}): ${contenders.map((c) => c.name).join(', ')}`,
  );
  await measureInterleaved(contenders, workloads, { rounds, connections, quietDatabase: true });
} finally {
  await Promise.all(contenders.map((contender) => contender.server.stop()));
}

let pgliteDataset: Record<string, number> | undefined;
if (servers.includes('binaan-pglite')) {
  const conns = Number(values['pglite-connections']);
  log(`\nbinaan-pglite: Binaan API on the embedded database (demo dataset), ${conns} connections`);
  const dir = mkdtempSync(join(tmpdir(), 'binaan-bench-pglite-'));
  try {
    const env = { BINAAN_PGLITE_DIR: dir, DATABASE_URL: '' };
    runCli('packages/db/src/cli/migrate.ts', [], env);
    runCli('packages/db/src/cli/seed.ts', [], env);
    const pgliteTokens = issueBenchTokens(env);
    const server = await startBinaan('binaan-pglite', binaanEnv(0, env), pgliteTokens.read);
    const probe = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${pgliteTokens.read}` },
      body: JSON.stringify({
        query:
          '{ provinces(first: 1) { totalCount } villages(first: 1) { totalCount } designations(first: 1) { totalCount } reports(first: 1) { totalCount } }',
      }),
    });
    const answer = (await probe.json()) as { data?: Record<string, { totalCount: number }>; errors?: unknown };
    if (!answer.data) throw new Error(`binaan-pglite: ${JSON.stringify(answer.errors)}`);
    pgliteDataset = {
      province: answer.data.provinces!.totalCount,
      village: answer.data.villages!.totalCount,
      designation: answer.data.designations!.totalCount,
      village_report: answer.data.reports!.totalCount,
    };
    const pgliteStarts = { ...pages, binaanCursors: [] as string[] };
    // The demo dataset has other ids: page through its first villages instead.
    const first = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${pgliteTokens.read}` },
      body: JSON.stringify({ query: '{ villages(first: 100) { edges { cursor } } }' }),
    });
    pgliteStarts.binaanCursors = (
      (await first.json()) as { data: { villages: { edges: { cursor: string }[] } } }
    ).data.villages.edges
      .filter((_edge, index) => index % 5 === 0)
      .map((edge) => edge.cursor);
    try {
      const factory = binaanRequests(pgliteTokens, pgliteStarts, []);
      await measureInterleaved([{ name: 'binaan-pglite', server, factory }], READ_WORKLOADS, {
        rounds,
        connections: conns,
        quietDatabase: false,
      });
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgraphileCursors(url: string): Promise<string[]> {
  const cursors: string[] = [];
  for (const start of starts) {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `{ allVillages(first: 1, offset: ${start.offset}, orderBy: CODE_ASC) { edges { cursor } } }`,
      }),
    });
    const body = (await response.json()) as {
      data?: { allVillages: { edges: { cursor: string }[] } };
      errors?: unknown;
    };
    const cursor = body.data?.allVillages.edges[0]?.cursor;
    if (!cursor) throw new Error(`PostGraphile gave no cursor: ${JSON.stringify(body)}`);
    cursors.push(cursor);
  }
  return cursors;
}

// What the mix workloads submitted is removed again: the next run reads the same data. Then vacuumed
// (about 20 s on the national dataset), so that the next run does not meet the dead rows, or autovacuum
// cleaning them up in the middle of its measurements: without it, three runs of `submit` in a row fell
// from 707 to 557 req/s for PostGraphile, and one VACUUM brought them back (bench/README.md).
const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
const removed = await removeBenchSubmissions(pool);
if (removed > 0) await pool.query('VACUUM (ANALYZE)');
const finalCounts = await tableCounts(pool);
const postgresVersion = (await pool.query<{ server_version: string }>('SHOW server_version')).rows[0]?.server_version;
await pool.end();
if (finalCounts.village_report !== dataset.village_report) throw new Error('the dataset changed during the run');

const results: BenchResults = {
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: execFileSync(node, ['--version'], { encoding: 'utf8' }).trim(),
    postgres: postgresVersion,
    date: new Date().toISOString(),
  },
  dataset,
  ...(pgliteDataset ? { pgliteDataset } : {}),
  settings: {
    ...window,
    connections,
    pageConnections,
    pgliteConnections: Number(values['pglite-connections']),
    benchSubmissionsRemoved: removed,
  },
  runs,
};
log(`\n${markdownTable(results)}\n`);
for (const file of writeResults(join(REPO_ROOT, 'bench/results'), results)) log(`wrote ${file}`);
