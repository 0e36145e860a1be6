// What operators rely on: /healthz, /readyz, /metrics, one JSON log line per request without personal
// data, OpenTelemetry spans when switched on, and a stop that lets requests finish.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DEMO_PASSWORD, migrate } from '@binaan/db';
import { createTestDatabase, type TestDatabase } from '@binaan/db/testing';
import { buildSchema } from 'graphql';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveGracefully } from '../src/lifecycle.js';
import { createLogger } from '../src/observability/logger.js';
import { hasDeprecatedFields } from '../src/observability/metrics.js';
import { schema } from '../src/schema/index.js';
import { startTracing } from '../src/observability/tracing.js';
import type { Service } from '../src/service.js';
import { createApp } from '../src/yoga.js';
import { createApiTestDatabase } from './support/database.js';
import { startTestService } from './support/service.js';
import { createSeededApi } from './support/seeded-api.js';

function captureLogs() {
  const lines: Record<string, any>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('a running service', () => {
  let test: TestDatabase;
  let service: Service;
  const logs = captureLogs();

  beforeAll(async () => {
    test = await createApiTestDatabase();
    service = await startTestService(test.db, { logger: logs.logger, metricsToken: 'metrics-secret' });
  });
  afterAll(async () => {
    if (!service.isStopping()) await service.stop();
    await test.dispose();
  });

  it('answers /healthz and /readyz', async () => {
    const health = await fetch(`${service.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const ready = await fetch(`${service.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({
      ready: true,
      checks: { database: 'ok', migrations: 'ok', shuttingDown: false },
    });
  });

  it('logs one JSON line per request with its id, operation, duration and caller, and no personal data', async () => {
    const signIn = await post(service.url, {
      query: 'mutation SignIn($input: SignInInput!) { signIn(input: $input) { __typename } }',
      variables: { input: { email: 'kanwil.ntt@binaan.test', password: DEFAULT_DEMO_PASSWORD } },
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const response = await post(
      service.url,
      {
        query: 'query Members($first: Int) { taskForceMembers(first: $first) { edges { node { fullName phone } } } }',
        variables: { first: 3 },
      },
      { cookie, 'x-request-id': 'req-42', 'x-binaan-client': 'analyst-notebook' },
    );
    const body = await response.json();
    expect(response.headers.get('x-request-id')).toBe('req-42');
    const names = body.data.taskForceMembers.edges.map((edge: any) => edge.node.fullName as string);
    expect(names.length).toBe(3);

    const signInLine = logs.lines.find((line) => line.operationName === 'SignIn')!;
    expect(signInLine).toMatchObject({ msg: 'graphql request', status: 200, operationType: 'mutation' });
    const line = logs.lines.find((entry) => entry.requestId === 'req-42')!;
    expect(line).toMatchObject({
      msg: 'graphql request',
      method: 'POST',
      status: 200,
      operationName: 'Members',
      operationType: 'query',
      client: 'analyst-notebook',
      callerKind: 'user',
      role: 'REGIONAL_OFFICE',
    });
    expect(line.userId).toEqual(expect.any(Number));
    expect(line.durationMs).toBeGreaterThan(0);
    const everything = JSON.stringify(logs.lines);
    for (const secret of ['kanwil.ntt@binaan.test', DEFAULT_DEMO_PASSWORD, cookie.split('=')[1]!, ...names])
      expect(everything).not.toContain(secret);
  });

  it('gives each request an id of its own when the caller sends none (or a malformed one)', async () => {
    const first = await post(service.url, { query: '{ __typename }' });
    const second = await post(
      service.url,
      { query: '{ __typename }' },
      { 'x-request-id': 'no spaces or ünïcode please' },
    );
    const ids = [first.headers.get('x-request-id'), second.headers.get('x-request-id')];
    for (const id of ids) expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('serves Prometheus metrics behind the metrics token: per-operation latency, errors, the pool', async () => {
    await post(service.url, { query: 'query Broken { nope }' });
    expect((await fetch(`${service.url}/metrics`)).status).toBe(401);
    const response = await fetch(`${service.url}/metrics`, { headers: { authorization: 'Bearer metrics-secret' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toMatch(/graphql_envelop_phase_execute_bucket\{[^}]*operationName="Members"/);
    expect(text).toMatch(/graphql_yoga_http_duration_count\{[^}]*operationName="SignIn"[^}]*\} 1/);
    expect(text).toMatch(/graphql_envelop_error_result\{[^}]*phase="validate"[^}]*\} 1/);
    expect(text).toMatch(/^binaan_db_pool_max \d+$/m);
    expect(text).toMatch(/^binaan_db_pool_waiting 0$/m);
    expect(text).toMatch(/^binaan_process_resident_memory_bytes \d+/m);
  });

  it('counts uses of deprecated fields only while the schema has some (the count walks every document)', () => {
    expect(hasDeprecatedFields(schema)).toBe(false);
    const deprecating = (sdl: string) => hasDeprecatedFields(buildSchema(`type Query { a: Int ${sdl} }`));
    expect(deprecating('b: Int @deprecated(reason: "use a")')).toBe(true);
    expect(deprecating('c(old: Int @deprecated): Int')).toBe(true);
    expect(deprecating('d: E } enum E { X Y @deprecated')).toBe(true);
    expect(deprecating('e(input: I): Int } input I { x: Int, y: Int @deprecated')).toBe(true);
    expect(deprecating('f: Int')).toBe(false);
  });

  it('on stop, refuses new connections and closes the database last', async () => {
    await service.stop();
    await expect(fetch(`${service.url}/healthz`)).rejects.toThrow();
    await expect(test.db.sql.query('SELECT 1')).rejects.toThrow();
    expect(logs.lines.at(-1)).toMatchObject({ msg: 'stopped: requests drained, database closed' });
  });
});

describe('readiness', () => {
  it('is 503 while migrations are pending, and 200 once they are applied', async () => {
    const test = await createTestDatabase();
    const service = await startTestService(test.db, { metricsToken: 'operator-secret' });
    try {
      const before = await fetch(`${service.url}/readyz`);
      expect(before.status).toBe(503);
      // Anyone learns that it is not ready; only an operator learns why.
      expect((await before.json()).checks.migrations).toBe('migrations pending');
      const detailed = await fetch(`${service.url}/readyz`, { headers: { authorization: 'Bearer operator-secret' } });
      expect((await detailed.json()).checks.migrations).toMatch(/^pending: \d{14}_init/);
      expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
      await migrate(test.db.sql);
      expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
    } finally {
      await service.stop();
      await test.dispose();
    }
  });
});

describe('graceful stop', () => {
  it('finishes requests in flight with Connection: close, refuses new connections, then runs afterDrain', async () => {
    const events: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const server = await serveGracefully(
      (req, res) => {
        events.push(`start ${req.url}`);
        void released.then(() => {
          events.push(`end ${req.url}`);
          res.end('done');
        });
      },
      { port: 0, host: '127.0.0.1', afterDrain: async () => void events.push('afterDrain') },
    );
    // One connection: a slow request, and (pipelined behind it, after the stop began) a second one that
    // must not be served: the connection closes after the first response.
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk));
    const socketClosed = new Promise((resolve) => socket.once('close', resolve));
    socket.write('GET /slow HTTP/1.1\r\nHost: binaan.test\r\n\r\n');
    while (!events.includes('start /slow')) await new Promise((resolve) => setTimeout(resolve, 5));

    const stopped = server.stop();
    expect(server.isStopping()).toBe(true);
    await expect(fetch(`${server.url}/new`)).rejects.toThrow(); // connection refused
    socket.write('GET /after HTTP/1.1\r\nHost: binaan.test\r\n\r\n');
    release();
    await stopped;
    await socketClosed;
    expect(events).toEqual(['start /slow', 'end /slow', 'afterDrain']);
    const statuses = [...received.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((match) => match[1]);
    expect(statuses).toEqual(['200']);
    expect(received).toMatch(/^connection: close\r$/im);
    expect(received).toMatch(/\r\n\r\ndone$/);
  });

  it('a real server process exports spans to the OTLP endpoint it is given, and stops on SIGTERM with exit code 0', async () => {
    // A stand-in OpenTelemetry collector: records what arrives at OTLP/HTTP's traces path.
    const received: { path: string; body: Buffer }[] = [];
    const collector = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({ path: req.url ?? '', body: Buffer.concat(chunks) });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    const collectorUrl = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    const dataDir = mkdtempSync(join(tmpdir(), 'binaan-stop-'));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(new URL('../src/server.ts', import.meta.url))],
      {
        env: {
          ...process.env,
          PORT: '0',
          BINAAN_PGLITE_DIR: dataDir,
          DATABASE_URL: '',
          BINAAN_DASHBOARD_DIR: dataDir,
          LOG_LEVEL: 'info',
          LOG_FORMAT: 'json',
          OTEL_EXPORTER_OTLP_ENDPOINT: collectorUrl,
          OTEL_SERVICE_NAME: 'binaan-api-test',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const deadline = Date.now() + 90_000;
      while (!output.includes('ready in') && Date.now() < deadline && child.exitCode === null)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(output).toContain('ready in');
      const ready = output.split('\n').find((line) => line.includes('ready in'))!;
      const url = (JSON.parse(ready) as { url: string }).url;
      const hello = await post(url, { query: 'query Hello { __typename }' });
      expect(await hello.json()).toMatchObject({ data: { __typename: 'Query' } });

      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const lines = output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line));
      expect(lines.map((line) => line.msg)).toEqual(
        expect.arrayContaining([
          'stopping: refusing new requests, finishing the ones in flight',
          'stopped: requests drained, database closed',
        ]),
      );
      // The batch of spans is flushed on the way out.
      const traces = received.filter((request) => request.path === '/v1/traces');
      expect(traces.length).toBeGreaterThan(0);
      const exported = Buffer.concat(traces.map((request) => request.body)).toString('latin1');
      expect(exported).toContain('query.Hello');
      expect(exported).toContain('binaan-api-test');
    } finally {
      child.kill('SIGKILL');
      collector.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('tracing', () => {
  it('records a span per operation, named and typed, without variables', async () => {
    const exporter = new InMemorySpanExporter();
    const tracing = startTracing(new SimpleSpanProcessor(exporter));
    const test = await createTestDatabase();
    try {
      const app = createApp({ db: test.db, tracerProvider: tracing.provider });
      await app.fetch('http://binaan.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'query Probe($code: String!) { district(code: $code) { name } }',
          variables: { code: 'do-not-record' },
        }),
      });
      const spans = exporter.getFinishedSpans();
      const operation = spans.find((span) => span.attributes['graphql.execute.operationName'] === 'Probe');
      expect(operation?.attributes['graphql.execute.operationType']).toBe('query');
      expect(JSON.stringify(spans.map((span) => span.attributes))).not.toContain('do-not-record');
    } finally {
      await tracing.shutdown();
      await test.dispose();
    }
  });
});

describe('the request log', () => {
  const WARN = 40;
  const ERROR = 50;

  it("tells a caller's mistake (warn) from a fault of ours (error), and logs an outage's cause once", async () => {
    const logs = captureLogs();
    const api = await createSeededApi({ app: { logger: logs.logger } });
    try {
      const mistakes: [string, () => Promise<unknown>][] = [
        [
          'wrong password',
          () =>
            api.post({
              query: 'mutation { signIn(input: { email: "pimpinan@binaan.test", password: "nope" }) { __typename } }',
            }),
        ],
        ['unknown field', () => api.post({ query: '{ nope }' })],
        ['malformed id', () => api.post({ query: '{ node(id: "VmlsbGFnZTphYmM=") { id } }' })],
        [
          'NUL byte',
          () => api.post({ query: 'query($c: String!) { village(code: $c) { name } }', variables: { c: 'a\u0000' } }),
        ],
        [
          'too costly',
          () => api.post({ query: '{ province(code: "53") { regencies { districts { villages { code } } } } }' }),
        ],
        ['forged bearer', () => api.post({ query: '{ me { kind } }' }, { token: 'bnn_t_forged' })],
        [
          'invalid input',
          () =>
            api.post(
              {
                query: `mutation($input: SubmitVillageReportInput!) { submitVillageReport(input: $input) { __typename } }`,
                variables: {
                  input: {
                    source: 'log-test',
                    clientReference: 'LOG-1',
                    villageCode: '63.02.15.2002',
                    type: 'OTHER',
                    occurredOn: '2026-11-20',
                    peopleInvolved: -1,
                    description: '',
                  },
                },
              },
              'kanim',
            ),
        ],
      ];
      for (const [, send] of mistakes) await send();
      const refusals = logs.lines.filter((line) => line.msg === 'graphql request refused');
      expect(refusals.length).toBe(mistakes.length);
      for (const line of refusals) expect(line.level).toBe(WARN);
      // Answered before GraphQL runs (401, 413, 429): the status says it.
      expect(refusals.map((line) => line.errorCodes ?? line.status)).toEqual([
        ['InvalidCredentialsError'],
        ['GRAPHQL_VALIDATION_FAILED'],
        ['BAD_USER_INPUT'],
        ['BAD_USER_INPUT'],
        ['QUERY_TOO_COMPLEX'],
        401,
        ['InputValidationError'],
      ]);
      expect(logs.lines.filter((line) => line.level >= ERROR)).toEqual([]);

      // A fault: the table is gone. The caller sees "Unexpected error."; the log has the cause and an error.
      await api.db.sql.exec('DROP TABLE village_report CASCADE');
      await api.post({ query: '{ reports(first: 1) { edges { node { id } } } }' }, 'national');
      const failed = logs.lines.filter((line) => line.level >= ERROR);
      expect(failed.map((line) => line.msg)).toContain('graphql request failed');
      expect(failed.find((line) => line.msg === 'graphql request failed')).toMatchObject({
        errorCodes: ['INTERNAL_SERVER_ERROR'],
      });
      expect(JSON.stringify(failed)).toMatch(/village_report/); // the cause, for whoever is on call

      // An outage: every refused request has its line (503), its cause is logged once.
      logs.lines.length = 0;
      await api.db.close();
      for (let attempt = 0; attempt < 3; attempt += 1)
        await api.post({ query: '{ villages(first: 1) { totalCount } }' });
      const outage = logs.lines.filter(
        (line) => line.msg === 'database unavailable: requests get 503 until it is back',
      );
      expect(outage.length).toBe(1);
      expect(outage[0]!.level).toBe(ERROR);
      const requests = logs.lines.filter((line) => line.msg === 'graphql request failed');
      expect(requests.map((line) => line.status)).toEqual([503, 503, 503]);
    } finally {
      await api.dispose().catch(() => undefined);
    }
  });
});
