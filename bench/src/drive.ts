// One measurement: autocannon against a running server for a warm-up, then a fixed window. Latencies are
// taken from every response (autocannon's own summary has no p95); an error is a non-200 answer, a
// GraphQL error in the body, a socket error or a timeout.
import autocannon from 'autocannon';
import { machineBusyCpuMs, processTreeCpuMs } from './cpu.js';
import type { BenchRequest } from './workloads.js';

export interface Measurement {
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  errors: number;
  requests: number;
  /** The first error body seen, to say what went wrong. */
  firstError: string | null;
  /** CPU the server's own processes used per answered request, in ms (null: not measured). */
  serverCpuMs: number | null;
  /** CPU the whole machine used per answered request, in ms: the server, the database and the load generator. */
  machineCpuMs: number | null;
}

function percentile(sorted: number[], fraction: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

async function window(
  url: string,
  connections: number,
  seconds: number,
  next: (index: number) => BenchRequest,
  serverPid: number | undefined,
): Promise<Measurement> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let counter = 0;
  let finished!: (result: autocannon.Result) => void;
  let failed!: (error: Error) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => ((finished = resolve), (failed = reject)));
  const instance = autocannon(
    {
      url,
      connections,
      duration: seconds,
      timeout: 10,
      requests: [
        {
          setupRequest: (request) => {
            const { method, path, headers, body } = next(counter++);
            // No body key at all on a GET: autocannon would send an empty one.
            return { ...request, method, path, headers, ...(body === undefined ? {} : { body }) } as typeof request;
          },
          onResponse: (status, body) => {
            if (status !== 200 || body.includes('"errors"')) {
              errors += 1;
              firstError ??= `${status} ${body.slice(0, 300)}`;
            }
          },
        },
      ],
    },
    (error, result) => (error ? failed(error) : finished(result)),
  );
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const cpuBefore = { server: processTreeCpuMs(serverPid), machine: machineBusyCpuMs() };
  const result = await done;
  const cpuAfter = { server: processTreeCpuMs(serverPid), machine: machineBusyCpuMs() };
  const perRequest = (before: number | null, after: number | null) =>
    before === null || after === null || latencies.length === 0 ? null : (after - before) / latencies.length;
  latencies.sort((a, b) => a - b);
  const socketErrors = result.errors + result.timeouts;
  if (socketErrors && !firstError) firstError = `${result.errors} socket errors, ${result.timeouts} timeouts`;
  return {
    rps: latencies.length / seconds,
    p50_ms: percentile(latencies, 0.5),
    p95_ms: percentile(latencies, 0.95),
    p99_ms: percentile(latencies, 0.99),
    errors: errors + socketErrors,
    requests: latencies.length,
    firstError,
    serverCpuMs: perRequest(cpuBefore.server, cpuAfter.server),
    machineCpuMs: perRequest(cpuBefore.machine, cpuAfter.machine),
  };
}

/** A warm-up, then the measured window; with `serverPid`, the CPU its processes used is counted too. */
export async function measure(
  url: string,
  options: { connections: number; warmupSeconds: number; seconds: number; serverPid?: number },
  next: (index: number) => BenchRequest,
): Promise<Measurement> {
  if (options.warmupSeconds > 0) await window(url, options.connections, options.warmupSeconds, next, undefined);
  return window(url, options.connections, options.seconds, next, options.serverPid);
}
