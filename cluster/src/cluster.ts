// The whole cluster on loopback, as `npm run cluster` starts it (and the cluster's tests, drills and bench):
//
//   HAProxy :4100 ──► API processes :4101… ──► PgBouncer :56432 ──► primary  :55440 (writes, fresh reads)
//                                  │                          └──► replica  :55441 (queries; streaming)
//                                  └──► Redis :56379 (rate limit, response cache, write positions)
//
// Everything is made fresh: the PostgreSQL clusters (pg_createcluster; the replica by pg_basebackup),
// the demo data (or the national dataset), the configuration files under `dir`.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, prepareDatabase, seedDatabase } from '@binaan/db';
import { createPrimary, createReplica, type PostgresCluster, psql } from '@binaan/db/clusters';
import {
  type Daemon,
  haproxyCommand,
  REPO_ROOT,
  startDaemon,
  startHaproxy,
  startPgBouncer,
  startRedis,
} from './daemons.js';

export const DEFAULT_PORTS = {
  haproxy: 4100,
  haproxyStats: 4199,
  /** The first API process; the others follow. */
  api: 4101,
  pgbouncer: 56432,
  redis: 56379,
  primary: 55440,
  replica: 55441,
};

export interface ClusterOptions {
  /** How many API processes. */
  apis: number;
  /** Prefix of the PostgreSQL clusters' names (`<name>_primary`, `<name>_replica`); default binaan_cluster. */
  name?: string;
  /** Where configuration files and logs go. */
  dir: string;
  ports?: Partial<typeof DEFAULT_PORTS>;
  /** The data: the demo (four provinces, seconds) or the national dataset (about 8 minutes). */
  scale?: 'demo' | 'national';
  /** More environment for every API process (e.g. the response cache's TTL). */
  apiEnv?: Record<string, string>;
  log?: (line: string) => void;
}

export interface RunningCluster {
  /** The load balancer: what clients use. */
  url: string;
  statsUrl: string;
  primary: PostgresCluster;
  replica: PostgresCluster;
  pgbouncer: Daemon;
  redis: Daemon;
  haproxy: Daemon;
  apis: Daemon[];
  /** Starts API process `index` again (after a drill killed it). */
  restartApi(index: number): Promise<Daemon>;
  /** Starts Redis again (after a drill stopped it); it comes back empty. */
  restartRedis(): Promise<Daemon>;
  /** Takes API process `index` (0-based) out of or back into HAProxy's rotation, through its admin socket. */
  setApiEnabled(index: number, enabled: boolean): Promise<void>;
  /** The primary, directly (not through PgBouncer), for checks. */
  primaryUrl: string;
  stop(): Promise<void>;
}

/** What an API process needs to run in the cluster. */
function apiEnv(ports: typeof DEFAULT_PORTS, port: number, extra: Record<string, string>): Record<string, string> {
  return {
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    DATABASE_URL: `postgres://postgres@127.0.0.1:${ports.pgbouncer}/binaan`,
    DATABASE_REPLICA_URL: `postgres://postgres@127.0.0.1:${ports.pgbouncer}/binaan_replica`,
    // PgBouncer 1.18 in transaction mode cannot follow named prepared statements (daemons.ts).
    BINAAN_DATABASE_PREPARED_STATEMENTS: 'false',
    REDIS_URL: `redis://127.0.0.1:${ports.redis}`,
    BINAAN_TRUST_PROXY: 'true',
    ...extra,
  };
}

export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const ports = { ...DEFAULT_PORTS, ...options.ports };
  const log = options.log ?? (() => undefined);
  const dir = options.dir;
  mkdirSync(dir, { recursive: true });
  const started: Daemon[] = [];
  let primary: PostgresCluster | null = null;
  let replica: PostgresCluster | null = null;
  try {
    log(`PostgreSQL primary on ${ports.primary} (pg_createcluster)…`);
    primary = createPrimary(`${options.name ?? 'binaan_cluster'}_primary`, ports.primary);
    psql(primary, 'CREATE DATABASE binaan');
    // What the API sets per connection but PgBouncer cannot pass on (daemons.ts), set on the database.
    psql(primary, `ALTER DATABASE binaan SET jit = off`);
    psql(primary, `ALTER DATABASE binaan SET statement_timeout = '15s'`);
    psql(primary, 'CREATE EXTENSION pg_stat_statements', 'binaan');
    const primaryUrl = primary.url('binaan');
    const db = await openDatabase({ url: primaryUrl });
    try {
      if ((options.scale ?? 'demo') === 'demo') {
        log('Migrating and loading the demo data…');
        await prepareDatabase(db, { seedIfEmpty: true });
      } else {
        log('Migrating and loading the national dataset (about 8 minutes)…');
        await prepareDatabase(db, { seedIfEmpty: false });
        await seedDatabase(db.sql, { scale: 'national' });
        await db.sql.exec('VACUUM ANALYZE');
      }
    } finally {
      await db.close();
    }
    log(`Streaming replica on ${ports.replica} (pg_basebackup)…`);
    replica = createReplica(`${options.name ?? 'binaan_cluster'}_replica`, ports.replica, primary);

    log(`PgBouncer on ${ports.pgbouncer} (transaction mode), Redis on ${ports.redis}…`);
    const pgbouncer = await startPgBouncer(
      dir,
      ports.pgbouncer,
      {
        binaan: { port: ports.primary, database: 'binaan' },
        binaan_replica: { port: ports.replica, database: 'binaan' },
      },
      // Each API process opens up to 10 connections per database; PgBouncer lends 20 server connections.
      20,
    );
    started.push(pgbouncer);
    const redis = await startRedis(dir, ports.redis);
    started.push(redis);

    const apiPorts = Array.from({ length: options.apis }, (_, index) => ports.api + index);
    const startApi = (index: number) =>
      startDaemon(
        dir,
        `api${index + 1}`,
        apiPorts[index]!,
        process.execPath,
        ['--import', 'tsx', join(REPO_ROOT, 'apps/api/src/server.ts')],
        apiEnv(ports, apiPorts[index]!, options.apiEnv ?? {}),
        60_000,
      );
    log(`${options.apis} API process(es) on ${apiPorts.join(', ')}…`);
    const apis = await Promise.all(apiPorts.map((_, index) => startApi(index)));
    started.push(...apis);

    log(`HAProxy on ${ports.haproxy} (stats on ${ports.haproxyStats})…`);
    const haproxy = await startHaproxy(dir, ports.haproxy, ports.haproxyStats, apiPorts);
    started.push(haproxy);
    const running: RunningCluster = {
      url: `http://127.0.0.1:${ports.haproxy}`,
      statsUrl: `http://127.0.0.1:${ports.haproxyStats}/`,
      primary,
      replica,
      pgbouncer,
      redis,
      haproxy,
      apis,
      primaryUrl,
      async restartApi(index) {
        const api = await startApi(index);
        apis[index] = api;
        started.push(api);
        return api;
      },
      async restartRedis() {
        const again = await startRedis(dir, ports.redis);
        running.redis = again;
        started.push(again);
        return again;
      },
      setApiEnabled: (index, enabled) =>
        haproxyCommand(dir, `${enabled ? 'enable' : 'disable'} server api/api${index + 1}`),
      stop: () => stopAll(started, primary, replica),
    };
    return running;
  } catch (error) {
    await stopAll(started, primary, replica);
    throw error;
  }
}

async function stopAll(daemons: Daemon[], primary: PostgresCluster | null, replica: PostgresCluster | null) {
  // The load balancer first, then the API processes (drained), then what they use.
  for (const daemon of [...daemons].reverse()) await daemon.stop().catch(() => undefined);
  for (const cluster of [replica, primary]) {
    try {
      cluster?.drop();
    } catch {
      // already gone
    }
  }
}
