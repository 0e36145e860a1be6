// The whole cluster as `npm run cluster` starts it (HAProxy, two API processes in production mode,
// PgBouncer in transaction mode, a primary and its streaming replica, Redis), on ports and cluster names
// of the test's own: requests through HAProxy reach both processes and read from the replica; a killed
// process costs a sequence of requests nothing; with the primary down HAProxy answers 503 as the API would.
// Needs root and HAProxy and PgBouncer (npm run install-packages -w @binaan/cluster; .ci/run does it).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_DEMO_PASSWORD } from '@binaan/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningCluster, startCluster } from '../src/cluster.js';
import { REPO_ROOT } from '../src/daemons.js';
import { clusterToolsAvailable } from '@binaan/db/clusters';

const tools = clusterToolsAvailable();
const daemons = ['/usr/sbin/haproxy', '/usr/sbin/pgbouncer', '/usr/bin/redis-server'].every((path) => existsSync(path));
const wanted = process.env.BINAAN_CLUSTER_TESTS !== 'off';
if (!tools.available || !daemons)
  console.warn(
    `cluster tests skipped: ${tools.reason || 'needs haproxy, pgbouncer and redis-server (npm run install-packages -w @binaan/cluster)'}`,
  );

const PORTS = {
  haproxy: 4200,
  haproxyStats: 4299,
  api: 4201,
  pgbouncer: 56532,
  redis: 56479,
  primary: 55540,
  replica: 55541,
};

describe.runIf(tools.available && daemons && wanted)('the cluster on loopback', () => {
  let cluster: RunningCluster;
  let token = '';

  beforeAll(async () => {
    cluster = await startCluster({
      apis: 2,
      name: 'binaan_test_cluster',
      dir: mkdtempSync(join(tmpdir(), 'binaan-cluster-test-')),
      ports: PORTS,
      // Every query reaches a database, so that each process's reads can be counted.
      apiEnv: { BINAAN_RESPONSE_CACHE_TTL_MS: '0', BINAAN_SIGNALS_INTERVAL_MS: '0' },
    });
    // Production mode: a token may run any document (a browser session only the dashboard's own).
    const output = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'apps/api/src/cli/issue-token.ts',
        '--email',
        'pimpinan@binaan.test',
        '--name',
        'cluster test',
        '--scopes',
        'aggregates:read,records:read',
        '--days',
        '1',
      ],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, DATABASE_URL: cluster.primaryUrl, BINAAN_PASSWORD: DEFAULT_DEMO_PASSWORD },
        encoding: 'utf8',
      },
    );
    token = output.trim().split('\n').pop()!.trim();
  }, 240_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  const COVERAGE = '{ coverage { rows { area { code } designatedVillages } } }';
  const query = (text = COVERAGE) =>
    fetch(`${cluster.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: text }),
    });

  async function readsOf(port: number): Promise<Record<string, number>> {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const reads: Record<string, number> = {};
    for (const [, server, count] of text.matchAll(/^binaan_query_reads_total\{server="(\w+)"\} (\d+)$/gm))
      reads[server!] = Number(count);
    return reads;
  }

  it('answers through HAProxy from both processes, which read from the replica', async () => {
    for (let request = 0; request < 20; request += 1) {
      const response = await query();
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data?: { coverage: { rows: unknown[] } }; errors?: unknown };
      expect(body.errors).toBeUndefined();
      expect(body.data!.coverage.rows.length).toBeGreaterThan(0);
    }
    const reads = await Promise.all(cluster.apis.map((api) => readsOf(api.port)));
    for (const perProcess of reads) expect(perProcess.replica ?? 0).toBeGreaterThan(0);
  });

  // What a killed process costs is the requests it was running when it died (the drills count those);
  // a request sent once it is gone reaches another process.
  it('loses no request of a sequence sent after a process is killed', async () => {
    await cluster.apis[0]!.kill();
    try {
      const statuses: number[] = [];
      for (let request = 0; request < 30; request += 1) {
        const response = await query();
        await response.arrayBuffer();
        statuses.push(response.status);
      }
      expect(statuses.filter((status) => status !== 200)).toEqual([]);
    } finally {
      await cluster.restartApi(0);
    }
  });

  it('answers 503 with Retry-After while the primary is down, and serves again once it is back', async () => {
    cluster.primary.stop();
    try {
      // Identifying the caller needs the primary: the API answers 503 (echoing HAProxy's X-Request-Id)
      // until HAProxy has taken both processes out of rotation (/readyz fails), then HAProxy answers itself.
      const seen: { status: number; fromApi: boolean; retryAfter: string | null; code: string }[] = [];
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline && !seen.some((answer) => !answer.fromApi)) {
        const response = await query();
        const body = (await response.json().catch(() => null)) as {
          errors?: { extensions?: { code?: string } }[];
        } | null;
        seen.push({
          status: response.status,
          fromApi: response.headers.get('x-request-id') !== null,
          retryAfter: response.headers.get('retry-after'),
          code: body?.errors?.[0]?.extensions?.code ?? '',
        });
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const fromApi = seen.filter((answer) => answer.fromApi);
      const fromHaproxy = seen.filter((answer) => !answer.fromApi);
      expect(fromHaproxy.length).toBeGreaterThan(0);
      for (const answer of fromHaproxy)
        expect(answer).toEqual({ status: 503, fromApi: false, retryAfter: '1', code: 'SERVICE_UNAVAILABLE' });
      for (const answer of fromApi.slice(1))
        expect(answer).toEqual({ status: 503, fromApi: true, retryAfter: '1', code: 'DATABASE_UNAVAILABLE' });
    } finally {
      cluster.primary.start();
    }
    const deadline = Date.now() + 30_000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (await query()).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
  });
});
