// npm run cluster [-- --apis 3 --scale national]: the whole cluster on loopback (cluster.ts), until Ctrl-C.
// Installs what it runs from Debian's packages first (scripts/install-packages.sh). Needs root.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startCluster } from './cluster.js';
import { REPO_ROOT } from './daemons.js';
import { clusterToolsAvailable } from '@binaan/db/clusters';

const { values } = parseArgs({
  options: {
    apis: { type: 'string', default: '2' },
    scale: { type: 'string', default: 'demo' },
    dir: { type: 'string', default: join(REPO_ROOT, '.data/cluster') },
  },
});
const apis = Number(values.apis);
if (!Number.isInteger(apis) || apis < 1 || apis > 16) throw new Error('--apis must be a whole number from 1 to 16');
if (values.scale !== 'demo' && values.scale !== 'national') throw new Error('--scale must be demo or national');

const tools = clusterToolsAvailable();
if (!tools.available) {
  console.error(`npm run cluster ${tools.reason}.`);
  process.exit(1);
}
execFileSync('bash', [join(REPO_ROOT, 'cluster/scripts/install-packages.sh')], { stdio: 'inherit' });

const started = Date.now();
const cluster = await startCluster({
  apis,
  dir: values.dir!,
  scale: values.scale,
  log: (line) => console.log(line),
});
console.log(`
Binaan cluster ready in ${((Date.now() - started) / 1000).toFixed(1)} s:
  dashboard and GraphQL   ${cluster.url}/   ${cluster.url}/graphql
  HAProxy statistics      ${cluster.statsUrl}
  API processes           ${cluster.apis.map((api) => `127.0.0.1:${api.port}`).join(', ')}
  PgBouncer               postgres://postgres@127.0.0.1:${cluster.pgbouncer.port}/binaan (primary), …/binaan_replica
  PostgreSQL primary      ${cluster.primaryUrl}
  PostgreSQL replica      ${cluster.replica.url('binaan')}
  Redis                   redis://127.0.0.1:${cluster.redis.port}
  configuration and logs  ${values.dir}
Ctrl-C stops it all (the PostgreSQL clusters are dropped).`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping: load balancer, API processes (drained), PgBouncer, Redis, PostgreSQL…');
    void cluster.stop().then(() => process.exit(0));
  });
}
