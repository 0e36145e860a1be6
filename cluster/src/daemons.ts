// The cluster's other parts, each a child process of ours with its configuration written under the
// cluster's directory: PgBouncer, Redis, HAProxy, and the API processes. Each is started in the
// foreground (so it dies with us and its errors reach our log) and waited for until its port answers.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, createWriteStream, writeFileSync } from 'node:fs';
import { connect, createConnection } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface Daemon {
  name: string;
  port: number;
  child: ChildProcess;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL: a crash. Resolves once the process is gone (its port refuses connections). */
  kill(): Promise<void>;
  exited(): boolean;
}

// Daemons still running when this process ends, however it ends (a test runner's worker too), die with it.
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** Resolves when something accepts connections on 127.0.0.1:port. */
export async function waitForPort(port: number, timeoutMs = 30_000, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (child && child.exitCode !== null) throw new Error(`exited with ${child.exitCode} before listening on ${port}`);
    if (Date.now() > deadline) throw new Error(`nothing listened on port ${port} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts `command` with its output in `<dir>/<name>.log` and waits for its port. */
export async function startDaemon(
  dir: string,
  name: string,
  port: number,
  command: string,
  args: string[],
  env: Record<string, string> = {},
  readyTimeoutMs = 30_000,
  /** Run as this user (PgBouncer refuses root) instead of ours. */
  user?: { uid: number; gid: number },
): Promise<Daemon> {
  const log = createWriteStream(join(dir, `${name}.log`), { flags: 'a' });
  const child = spawn(command, args, {
    cwd: user ? dir : REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...user,
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  try {
    await waitForPort(port, readyTimeoutMs, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${name} did not start (${(error as Error).message}); see ${join(dir, `${name}.log`)}`);
  }
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  return {
    name,
    port,
    child,
    exited,
    async kill() {
      if (exited()) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await gone;
    },
    async stop(graceMs = 15_000) {
      if (exited()) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await gone;
      clearTimeout(timer);
    },
  };
}

/** A directory the postgres user can read and write (PgBouncer refuses to run as root). */
function shareWithPostgres(dir: string) {
  execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  chmodSync(dir, 0o755);
}

export interface PgBouncerDatabases {
  /** name in PgBouncer → the server's port and database */
  [name: string]: { port: number; database: string };
}

/**
 * PgBouncer in transaction mode: a server connection is lent for one transaction at a time. Debian 12
 * ships 1.18, which does not follow named prepared statements from one server connection to another,
 * so the API runs behind it with BINAAN_DATABASE_PREPARED_STATEMENTS=false. node-postgres sends
 * `options` (jit) and `statement_timeout` as startup parameters, which PgBouncer cannot pass on to a
 * shared server connection; it ignores them, and the databases carry the same settings themselves.
 */
export function startPgBouncer(dir: string, port: number, databases: PgBouncerDatabases, poolSize: number) {
  const entries = Object.entries(databases)
    .map(([name, target]) => `${name} = host=127.0.0.1 port=${target.port} dbname=${target.database}`)
    .join('\n');
  const config = join(dir, 'pgbouncer.ini');
  writeFileSync(join(dir, 'userlist.txt'), '"postgres" ""\n');
  writeFileSync(
    config,
    `[databases]
${entries}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = trust
auth_file = ${join(dir, 'userlist.txt')}
pool_mode = transaction
default_pool_size = ${poolSize}
max_client_conn = 2000
server_reset_query =
; After a server refused or dropped a login (a restarting primary), try again in 1 s, not 15.
server_login_retry = 1
server_connect_timeout = 3
; A client waiting this long for a server connection gets an error (SQLSTATE 08P01), which the API
; answers with 503 and Retry-After; by default it would wait 120 s while the primary is away.
query_wait_timeout = 5
ignore_startup_parameters = extra_float_digits,options,statement_timeout
admin_users = postgres
`,
  );
  shareWithPostgres(dir);
  // Spawned as the postgres user directly (not through runuser), so that killing it kills PgBouncer.
  const postgres = {
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString()),
  };
  return startDaemon(dir, 'pgbouncer', port, 'pgbouncer', [config], {}, 30_000, postgres);
}

/** Redis for the rate limit, the response cache and the write positions; nothing kept on disk. */
export function startRedis(dir: string, port: number) {
  return startDaemon(dir, 'redis', port, 'redis-server', [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
  ]);
}

/**
 * HAProxy in front of the API processes. Health: GET /readyz every second, out after 2 failures, back
 * after 2 passes. Retries: a request that could not be sent is sent to another process (always safe);
 * a GET (a query) is also retried when the process answered nothing or 503; a POST only on 503, which
 * the API answers when the database is away and nothing was written. A POST whose process died while
 * running it is not retried: it may have written.
 */
export function startHaproxy(dir: string, port: number, statsPort: number, apiPorts: number[]) {
  const servers = apiPorts.map((apiPort, index) => `  server api${index + 1} 127.0.0.1:${apiPort} check`).join('\n');
  const tracked = apiPorts
    .map((apiPort, index) => `  server api${index + 1} 127.0.0.1:${apiPort} track api/api${index + 1}`)
    .join('\n');
  const config = join(dir, 'haproxy.cfg');
  // When no API process is ready (the database is away, say), HAProxy answers itself: as the API would,
  // JSON with a code and Retry-After, so that clients retry as they do on the API's own 503.
  const unavailable = join(dir, '503.http');
  const body = JSON.stringify({
    errors: [
      {
        message: 'Layanan sedang tidak tersedia; coba lagi sebentar lagi.',
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      },
    ],
  });
  writeFileSync(
    unavailable,
    `HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json\r\nretry-after: 1\r\ncache-control: no-store\r\nconnection: close\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
  writeFileSync(
    config,
    `global
  maxconn 4096
  log stdout format raw local0 info
  stats socket ${join(dir, 'haproxy.sock')} mode 600 level admin

defaults
  mode http
  log global
  option httplog
  timeout connect 2s
  timeout client 35s
  timeout server 35s
  timeout http-request 10s
  timeout queue 10s
  option forwardfor
  # A new connection to an API process per request, the client's kept alive: a process that dies takes
  # no client connection with it, and a request meant for it fails to connect, so it goes to another.
  option http-server-close
  retries 2
  option redispatch 1
  errorfile 503 ${unavailable}

frontend binaan
  bind 127.0.0.1:${port}
  http-request set-header X-Request-Id %[uuid()] unless { req.hdr(x-request-id) -m found }
  use_backend api_idempotent if METH_GET || METH_HEAD
  default_backend api

backend api
  balance leastconn
  retry-on conn-failure 503
  option httpchk GET /readyz
  http-check expect status 200
  default-server inter 1s fall 2 rise 2
${servers}

backend api_idempotent
  balance leastconn
  retry-on conn-failure empty-response response-timeout 503
${tracked}

listen stats
  bind 127.0.0.1:${statsPort}
  stats enable
  stats uri /
  stats refresh 2s
`,
  );
  execFileSync('haproxy', ['-c', '-q', '-f', config]);
  return startDaemon(dir, 'haproxy', port, 'haproxy', ['-db', '-f', config]);
}

/** Sends one command to HAProxy's admin socket (e.g. `disable server api/api2`); rejects if it answers an error. */
export function haproxyCommand(dir: string, command: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(join(dir, 'haproxy.sock'));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('error', reject);
    socket.on('end', () => (answer.trim() ? reject(new Error(`haproxy: ${answer.trim()}`)) : resolve()));
    socket.end(`${command}\n`);
  });
}
