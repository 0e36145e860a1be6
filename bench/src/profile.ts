// npm run profile -w @binaan/bench -- --workload villages: where the API's own CPU goes under one workload.
// Starts Binaan (no response cache, Node 24, V8's sampling profiler on) against the national dataset,
// drives the workload as the bench does, stops the server so that it writes its profile, and prints the
// self time per package and the functions that cost most. The profile stays in bench/results/profiles/
// for Chrome DevTools (Performance > Load profile).
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { issueBenchTokens, pageStartVillages, submitVillages } from './dataset.js';
import { measure } from './drive.js';
import {
  BENCH_DATABASE_URL,
  binaanServerEnv,
  freePort,
  graphqlReady,
  node24,
  REPO_ROOT,
  startServer,
} from './processes.js';
import { binaanRequests, nthRequest, pageStartsAfter, type Workload, WORKLOADS } from './workloads.js';

const { values } = parseArgs({
  options: {
    database: { type: 'string', default: BENCH_DATABASE_URL },
    workload: { type: 'string', default: 'villages' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    top: { type: 'string', default: '25' },
  },
});
const workload = values.workload as Workload;
if (!WORKLOADS.includes(workload)) throw new Error(`--workload must be one of ${WORKLOADS.join(', ')}`);

const databaseUrl = values.database!;
const tokens = issueBenchTokens({ DATABASE_URL: databaseUrl });
const villages = await submitVillages(databaseUrl);
const starts = await pageStartVillages(databaseUrl);
const pages = pageStartsAfter(starts);

const dir = join(REPO_ROOT, 'bench/results/profiles', `${workload}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
mkdirSync(dir, { recursive: true });
const port = await freePort();
const server = await startServer(
  'binaan',
  node24(),
  [join(REPO_ROOT, 'node_modules/tsx/dist/cli.mjs'), 'apps/api/src/server.ts'],
  {
    port,
    env: binaanServerEnv(port, 0, {
      DATABASE_URL: databaseUrl,
      // tsx runs the server in a child process; NODE_OPTIONS reaches it.
      NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${dir}`,
    }),
    ready: graphqlReady({ authorization: `Bearer ${tokens.read}` }),
  },
);
let result;
try {
  result = await measure(
    server.url,
    { connections: Number(values.connections), warmupSeconds: 3, seconds: Number(values.seconds) },
    (index) => nthRequest(binaanRequests(tokens, pages, villages), workload, index),
  );
} finally {
  await server.stop();
}
console.log(
  `${workload}: ${result.rps.toFixed(1)} req/s, p50 ${result.p50_ms} ms, p95 ${result.p95_ms} ms, errors ${result.errors}`,
);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

// tsx's parent process and the module loader's thread write profiles too, idle nearly all the time: the
// server's main thread is the one that was busy.
const busyMs = (candidate: CpuProfile) => {
  const idle = new Set(
    candidate.nodes.filter((node) => node.callFrame.functionName === '(idle)').map((node) => node.id),
  );
  return candidate.samples.reduce((sum, id, index) => sum + (idle.has(id) ? 0 : (candidate.timeDeltas[index] ?? 0)), 0);
};
const files = readdirSync(dir).filter((file) => file.endsWith('.cpuprofile'));
const profiles = files.map((file) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile);
const profile = profiles.sort((a, b) => busyMs(b) - busyMs(a))[0];
if (!profile) throw new Error(`no profile written in ${dir}`);

const nodeById = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMs = new Map<number, number>();
profile.samples.forEach((id, index) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));
const idleIds = new Set(
  profile.nodes.filter((node) => node.callFrame.functionName === '(idle)').map((node) => node.id),
);
for (const id of idleIds) selfMs.delete(id);
const total = [...selfMs.values()].reduce((sum, ms) => sum + ms, 0);

/** node_modules/<package> (scoped too), our own workspace folder, or what V8 calls it. */
function owner(url: string): string {
  if (!url) return '(V8: gc, idle, native)';
  const modules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (modules) return modules[1]!;
  if (url.startsWith('node:')) return 'node:*';
  const path = relative(REPO_ROOT, url.replace(/^file:\/\//, ''));
  return path.split('/').slice(0, 2).join('/');
}
const byOwner = new Map<string, number>();
const byFunction = new Map<string, number>();
for (const [id, ms] of selfMs) {
  const { callFrame } = nodeById.get(id)!;
  const who = owner(callFrame.url);
  byOwner.set(who, (byOwner.get(who) ?? 0) + ms);
  const name = `${callFrame.functionName || '(anonymous)'} ${who}:${callFrame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
}
const share = (ms: number) => `${((100 * ms) / total).toFixed(1).padStart(5)} %`;
// The profile spans the server's start and the warm-up too: shares, not time per request.
console.log(`\nSelf time by package (${Math.round(total)} ms busy, idle left out)`);
for (const [who, ms] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
  console.log(`${share(ms)}  ${who}`);
}
console.log(`\nTop ${values.top} functions by self time`);
for (const [name, ms] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, Number(values.top))) {
  console.log(`${share(ms)}  ${name}`);
}
console.log(`\nProfile: ${relative(REPO_ROOT, dir)}`);
