// PostgreSQL clusters of our own, made with Debian's postgresql-common tools on ports of their own, never
// the shared server on 5432, which a drill must not stop: a primary, and streaming replicas copied from
// it with pg_basebackup. Used by the cluster (@binaan/cluster), its tests and the drills. Needs root.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';

const run = (command: string, ...args: string[]) =>
  execFileSync(command, args, { stdio: 'pipe', encoding: 'utf8' }).toString();

/** The installed PostgreSQL major version (the one /etc/postgresql holds). */
export function postgresVersion(): string {
  const [version] = readdirSync('/etc/postgresql').sort();
  if (!version)
    throw new Error('no PostgreSQL installed (/etc/postgresql is empty): npm run install-packages -w @binaan/cluster');
  return version;
}

/** Whether this machine can make clusters of its own: Debian's tools, and root to run them. */
export function clusterToolsAvailable(): { available: boolean; reason: string } {
  if (process.getuid?.() !== 0) return { available: false, reason: 'needs root (pg_createcluster, runuser)' };
  if (!existsSync('/usr/bin/pg_createcluster'))
    return { available: false, reason: 'needs postgresql-common (pg_createcluster)' };
  if (!existsSync('/etc/postgresql')) return { available: false, reason: 'needs a PostgreSQL server package' };
  return { available: true, reason: '' };
}

export interface PostgresCluster {
  name: string;
  port: number;
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url(database?: string): string;
  start(): void;
  /** Fast shutdown: running transactions are rolled back, connections cut. */
  stop(): void;
  restart(): void;
  running(): boolean;
  drop(): void;
}

// pg_stat_statements lets a test see which server ran which statement; the replica gets its settings
// from the primary's copy. Logging connections would only fill the log.
const SETTINGS = ['shared_preload_libraries=pg_stat_statements', 'max_connections=200', 'jit=off'];

function cluster(name: string, port: number): PostgresCluster {
  const version = postgresVersion();
  const ctl = (action: string) =>
    run('pg_ctlcluster', '--skip-systemctl-redirect', version, name, action, '-m', 'fast');
  return {
    name,
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start: () => {
      ctl('start');
    },
    stop: () => {
      ctl('stop');
    },
    restart: () => {
      ctl('restart');
    },
    running: () => {
      try {
        run('pg_ctlcluster', version, name, 'status');
        return true;
      } catch {
        return false;
      }
    },
    drop: () => dropCluster(name),
  };
}

export function dropCluster(name: string): void {
  const version = postgresVersion();
  if (!existsSync(`/etc/postgresql/${version}/${name}`)) return;
  run('pg_dropcluster', '--stop', version, name);
}

/** A new, stopped, empty cluster (any cluster by that name is dropped first), with trust auth on loopback. */
function newCluster(name: string, port: number): string {
  const version = postgresVersion();
  dropCluster(name);
  const settings = SETTINGS.flatMap((setting) => ['-o', setting]);
  run('pg_createcluster', version, name, '-p', String(port), ...settings, '--', '--auth=trust');
  return `/var/lib/postgresql/${version}/${name}`;
}

/** A new, running primary. */
export function createPrimary(name: string, port: number): PostgresCluster {
  newCluster(name, port);
  const primary = cluster(name, port);
  primary.start();
  return primary;
}

/**
 * A new, running streaming replica of `primary`: an empty cluster whose data directory is replaced by
 * pg_basebackup's copy, which writes primary_conninfo and standby.signal (-R), so it follows the primary.
 */
export function createReplica(name: string, port: number, primary: PostgresCluster): PostgresCluster {
  const dataDir = newCluster(name, port);
  for (const entry of readdirSync(dataDir)) rmSync(`${dataDir}/${entry}`, { recursive: true, force: true });
  run(
    'runuser',
    '-u',
    'postgres',
    '--',
    'pg_basebackup',
    '-h',
    '127.0.0.1',
    '-p',
    String(primary.port),
    '-U',
    'postgres',
    '-D',
    dataDir,
    '-R',
    '-X',
    'stream',
    '-c',
    'fast',
  );
  const replica = cluster(name, port);
  replica.start();
  return replica;
}

/** Runs SQL on a cluster as the postgres user (for setup: CREATE DATABASE cannot run in a transaction). */
export function psql(target: PostgresCluster, sql: string, database = 'postgres'): string {
  return run(
    'runuser',
    '-u',
    'postgres',
    '--',
    'psql',
    '-h',
    '127.0.0.1',
    '-p',
    String(target.port),
    '-d',
    database,
    '-qtAc',
    sql,
  );
}
