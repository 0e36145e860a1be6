// npm run bench -- --target cluster [--apis 3 --scale demo|national --seconds 10 --connections 32]
// Throughput of the whole cluster (@binaan/cluster: HAProxy, the API processes, PgBouncer, the primary and
// its streaming replica, Redis) with 1, 2 … N API processes in HAProxy's rotation, on the same read
// workloads and the same report submissions as the main bench, without the response cache. Every part
// runs on this one machine, so the figures say what the path costs and whether more processes help
// here, not what N machines would do.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCluster } from '@binaan/cluster';
import { issueBenchTokens, pageStartVillages, submitVillages } from './dataset.js';
import { measure } from './drive.js';
import { REPO_ROOT } from './processes.js';
import { binaanRequests, nthRequest, pageStartsAfter, type Workload } from './workloads.js';

export interface ClusterBenchOptions {
  apis: number;
  scale: 'demo' | 'national';
  workloads: Workload[];
  connections: number;
  window: { seconds: number; warmupSeconds: number };
  log: (line: string) => void;
}

interface ClusterRun {
  workload: Workload;
  apis: number;
  rps: number;
  p95_ms: number;
  errors: number;
}

export async function benchCluster(options: ClusterBenchOptions): Promise<void> {
  const { log } = options;
  const cluster = await startCluster({
    apis: options.apis,
    dir: mkdtempSync(join(tmpdir(), 'binaan-cluster-bench-')),
    scale: options.scale,
    apiEnv: { BINAAN_RATE_LIMIT: '100000000', BINAAN_RESPONSE_CACHE_TTL_MS: '0', BINAAN_SIGNALS_INTERVAL_MS: '0' },
    log,
  });
  const runs: ClusterRun[] = [];
  try {
    const tokens = issueBenchTokens({ DATABASE_URL: cluster.primaryUrl });
    const villages = await submitVillages(cluster.primaryUrl);
    const starts = await pageStartVillages(cluster.primaryUrl);
    const factory = binaanRequests(tokens, pageStartsAfter(starts), villages);
    for (let inRotation = 1; inRotation <= options.apis; inRotation += 1) {
      for (let index = 0; index < options.apis; index += 1) await cluster.setApiEnabled(index, index < inRotation);
      log(`\n${inRotation} API process(es) in rotation`);
      for (const workload of options.workloads) {
        const result = await measure(cluster.url, { connections: options.connections, ...options.window }, (index) =>
          nthRequest(factory, workload, index),
        );
        runs.push({ workload, apis: inRotation, rps: result.rps, p95_ms: result.p95_ms, errors: result.errors });
        log(
          `  ${workload.padEnd(9)} ${result.rps.toFixed(1).padStart(8)} req/s  p95 ${result.p95_ms} ms  errors ${result.errors}${result.firstError ? `  (${result.firstError})` : ''}`,
        );
      }
    }
  } finally {
    await cluster.stop();
  }
  const counts = [...new Set(runs.map((run) => run.apis))];
  const table = [
    `Cluster on loopback (${options.scale} data, ${options.connections} connections, ${options.window.seconds} s per run, no response cache), ${new Date().toISOString()}`,
    '',
    `| workload | ${counts.map((count) => `${count} API process${count > 1 ? 'es' : ''}`).join(' | ')} |`,
    `| --- | ${counts.map(() => '---:').join(' | ')} |`,
    ...options.workloads.map(
      (workload) =>
        `| ${workload} | ${counts
          .map((count) => {
            const run = runs.find((candidate) => candidate.workload === workload && candidate.apis === count);
            return run
              ? `${run.rps.toFixed(1)} req/s, p95 ${run.p95_ms.toFixed(0)} ms${run.errors ? `, ${run.errors} errors` : ''}`
              : '';
          })
          .join(' | ')} |`,
    ),
  ].join('\n');
  const file = join(REPO_ROOT, 'bench/results/cluster-latest.md');
  writeFileSync(file, `${table}\n`);
  log(`\n${table}\n\nwrote ${file}`);
}
