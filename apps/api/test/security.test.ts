// The security suite, organised by the OWASP GraphQL Cheat Sheet's headings. Each case is something that
// got through an attack on an earlier version; each asserts the refusal and that nothing changed.
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLObjectType, isObjectType } from 'graphql';
import { DEFAULT_DEMO_PASSWORD } from '@binaan/db';
import { createSignInGuard } from '../src/auth/sign-in-guard.js';
import { malformedTextAt } from '../src/plugins/well-formed-text.js';
import { isUncostedList } from '../src/query-cost.js';
import { schema } from '../src/schema/index.js';
import type { Service } from '../src/service.js';
import { createSeededApi, type GraphQLResponse, type SeededApi } from './support/seeded-api.js';
import { startTestService } from './support/service.js';

let api: SeededApi;
beforeAll(async () => {
  api = await createSeededApi();
  await api.graphql('{ me { kind } }'); // sign in before counting statements
});
afterAll(async () => {
  await api.dispose();
});

/** Statements the operation itself sent (sign-in and the caller's area are looked up for every request). */
async function statementsOf(run: () => Promise<unknown>): Promise<number> {
  api.prismaQueries.length = 0;
  api.sqlQueries.length = 0;
  await run();
  const caller = /"?session"?|"?app_user"?|"?api_token"?|office_working_area/;
  return [...api.prismaQueries, ...api.sqlQueries].filter((statement) => !caller.test(statement)).length;
}

/** `province { regencies { province { regencies … } } }`, `levels` regencies deep. */
function nestedRegencies(levels: number): string {
  let selection = 'code';
  for (let level = 0; level < levels; level += 1) selection = `regencies { province { ${selection} } }`;
  return `{ province(code: "53") { ${selection} } }`;
}

describe('denial of service: cost, depth, amount, timeouts', () => {
  it('refuses without SQL a small query whose nested lists would return millions', async () => {
    const query = nestedRegencies(5); // 171 bytes in the attack; the depth stays within the limit
    expect(query.length).toBeLessThan(200);
    let result: GraphQLResponse | undefined;
    const statements = await statementsOf(async () => {
      result = await api.graphql(query);
    });
    expect(result?.data?.province ?? null).toBeNull();
    expect(result?.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(result?.errors?.[0]?.message).toMatch(/costs [\d,]+; the limit is 25000/);
    expect(statements).toBe(0);
  });

  it('refuses the smaller form for an aggregates-only token limited to one office', async () => {
    const token = await api.issueToken('kanim', ['AGGREGATES_READ'], 'KANIM-BATULICIN');
    const result = await api.graphql(nestedRegencies(3), {}, { token });
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('costs what a query can return, not what the data happens to hold', async () => {
    // One province's kabupaten/kota and their kecamatan: 38 × 51 at most, affordable.
    const affordable = await api.graphql('{ province(code: "53") { regencies { districts { code } } } }');
    expect(affordable.errors).toBeUndefined();
    // Their villages too: 38 × 51 × 108 items at most, refused although NTT has far fewer.
    const refused = await api.graphql('{ province(code: "53") { regencies { districts { villages { code } } } } }');
    expect(refused.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('counts a connection by the page it asks for', async () => {
    const page = (first: number) => `{ reports(first: ${first}) { edges { node { transitions { toStatus } } } } }`;
    expect((await api.graphql(page(10))).errors).toBeUndefined();
    const fields = Array.from(
      { length: 20 },
      (_, index) => `r${index}: reports(first: 100) { edges { node { transitions { toStatus } } } }`,
    );
    expect((await api.graphql(`{ ${fields.join(' ')} }`)).errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('counts depth through fragments, and a fragment named __schema is costed like any other', async () => {
    // graphql-armor's 2025 bypasses: depth hidden in fragments, cost skipped for a fragment named `__schema`.
    const viaFragments = `
      query { province(code: "53") { ...a } }
      fragment a on Province { regencies { province { ...b } } }
      fragment b on Province { regencies { province { ...c } } }
      fragment c on Province { regencies { province { ...d } } }
      fragment d on Province { regencies { province { ...e } } }
      fragment e on Province { regencies { province { ...f } } }
      fragment f on Province { regencies { province { code } } }`;
    const statements = await statementsOf(async () => {
      const result = await api.graphql(viaFragments);
      expect(result.errors?.[0]?.message).toMatch(/dep|cost/i);
      expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    });
    expect(statements).toBe(0);
    const namedSchema = `
      query { province(code: "53") { ...__schema } }
      fragment __schema on Province { regencies { province { regencies { province { regencies { districts { code } } } } } } }`;
    const result = await api.graphql(namedSchema);
    expect(result.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('stops returning objects past the ceiling, and stops a request past its deadline', async () => {
    const strict = await createSeededApi({ app: { resultLimits: { maxObjects: 10, deadlineMs: 60_000 } } });
    try {
      const result = await strict.graphql('{ villages(first: 20) { edges { node { code } } } }');
      expect(result.errors?.[0]?.extensions?.code).toBe('RESULT_TOO_LARGE');
      expect(result.errors?.[0]?.message).toMatch(/10 objects/);
    } finally {
      await strict.dispose();
    }
    const hurried = await createSeededApi({ app: { resultLimits: { maxObjects: 1_000_000, deadlineMs: 0 } } });
    try {
      const result = await hurried.graphql(
        '{ villages(first: 5) { edges { node { code designations { year } district { name } } } } }',
      );
      expect(result.errors?.map((error) => error.extensions?.code)).toContain('DEADLINE_EXCEEDED');
    } finally {
      await hurried.dispose();
    }
  });

  it('knows the length of every list of objects in the schema', () => {
    // A new plain list must say how long it can be (listCost in query-cost.ts), or it is costed as 1.
    const uncosted = Object.values(schema.getTypeMap())
      .filter((type) => isObjectType(type) && !type.name.startsWith('__'))
      .flatMap((type) =>
        Object.values((type as GraphQLObjectType).getFields())
          .filter((field) => isUncostedList(field))
          .map((field) => `${type.name}.${field.name}`),
      );
    expect(uncosted).toEqual([]);
  });
});

describe('authentication: credentials that do not verify, password guessing', () => {
  const signIn = (email: string, password: string, alias = 'signIn') =>
    `${alias}: signIn(input: { email: "${email}", password: "${password}" }) {
      __typename ... on SignInThrottledError { retryAfterSeconds locked } }`;

  it('answers a made-up or revoked bearer with 401, never as a weaker caller', async () => {
    for (const forged of ['bnn_t_made-up-value', 'anything-else']) {
      const response = await api.post({ query: '{ me { kind } }' }, { token: forged });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/invalid_token/);
      const body = (await response.json()) as GraphQLResponse;
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('gives a made-up bearer no budget of its own: it spends its address’s', async () => {
    const limited = await createSeededApi({ rateLimit: 3 });
    try {
      for (let index = 0; index < 3; index += 1) await limited.post({ query: '{ me { kind } }' }, 'anonymous');
      const forged = await limited.post({ query: '{ me { kind } }' }, { token: `bnn_t_${index()}` });
      expect(forged.status).toBe(429);
    } finally {
      await limited.dispose();
    }
  });

  it('slows, then locks, an account after repeated failures, counting aliases one by one, and audits the lock', async () => {
    const guarded = await createSeededApi();
    try {
      const email = 'kanwil.ntt@binaan.test';
      const guesses = Array.from({ length: 12 }, (_, guess) => signIn(email, `guess-${guess}`, `g${guess}`));
      const result = await guarded.graphql(`mutation { ${guesses.join(' ')} }`, {}, 'anonymous');
      const outcomes = Array.from({ length: 12 }, (_, guess) => result.data?.[`g${guess}`]?.__typename);
      // Five wrong passwords are checked; then the account must wait, so the rest are not checked at all.
      expect(outcomes.slice(0, 5)).toEqual(Array(5).fill('InvalidCredentialsError'));
      expect(outcomes.slice(5).every((outcome) => outcome === 'SignInThrottledError')).toBe(true);
      // Even the right password waits.
      const right = await guarded.graphql(`mutation { ${signIn(email, DEFAULT_DEMO_PASSWORD)} }`, {}, 'anonymous');
      expect(right.data?.signIn?.__typename).toBe('SignInThrottledError');
      expect(right.data?.signIn?.retryAfterSeconds).toBeGreaterThan(0);
    } finally {
      await guarded.dispose();
    }
  });

  it('locks an account after ten failures and records the lock in the audit log', async () => {
    let now = Date.now();
    const guard = createSignInGuard(null, () => now);
    const guarded = await createSeededApi({ app: { signInGuard: guard } });
    try {
      const email = 'analis@binaan.test';
      const attempt = async (password: string) => {
        now += 10 * 60_000; // past any back-off: a patient guesser
        return (await guarded.graphql(`mutation { ${signIn(email, password)} }`, {}, 'anonymous')).data?.signIn;
      };
      for (let failure = 0; failure < 10; failure += 1) {
        expect((await attempt(`wrong-${failure}`)).__typename).toBe('InvalidCredentialsError');
      }
      const locked = await attempt(DEFAULT_DEMO_PASSWORD);
      expect(locked).toMatchObject({ __typename: 'SignInThrottledError', locked: true });
      const log = await guarded.graphql(
        '{ auditLog(first: 5, action: "signInLocked") { edges { node { entity after } } } }',
      );
      expect(log.data!.auditLog.edges).toHaveLength(1);
      expect(log.data!.auditLog.edges[0].node).toMatchObject({ entity: 'User', after: { email } });
    } finally {
      await guarded.dispose();
    }
  });

  it('takes as long for an unknown email as for a known one', async () => {
    const guarded = await createSeededApi();
    try {
      const timeOf = async (email: string) => {
        const started = performance.now();
        await guarded.graphql(`mutation { ${signIn(email, 'wrong-password')} }`, {}, 'anonymous');
        return performance.now() - started;
      };
      await timeOf('warm-up@binaan.test');
      const known: number[] = [];
      const unknown: number[] = [];
      for (let attempt = 0; attempt < 4; attempt += 1) {
        known.push(await timeOf('pimpinan@binaan.test'));
        unknown.push(await timeOf(`nobody-${attempt}@binaan.test`));
      }
      const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
      // Before, an unknown email answered six times faster (7 ms against 44 ms): no password was checked.
      expect(median(unknown) / median(known)).toBeGreaterThan(0.5);
    } finally {
      await guarded.dispose();
    }
  });
});

let counter = 0;
const index = () => (counter += 1);

describe('CSRF and CORS', () => {
  const preflight = (app: SeededApi['app'], origin: string) =>
    app.fetch('http://binaan.test/graphql', {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-binaan-client',
      },
    });

  it('gives another site no CORS headers: it can neither read answers nor send the client header', async () => {
    const response = await preflight(api.app, 'https://evil.example');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    expect(response.headers.get('access-control-allow-headers')).toBeNull();
    const post = await api.post({ query: '{ me { kind } }' }, 'national', { origin: 'https://evil.example' });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('allows an origin on the allowlist, and only that one', async () => {
    const allowing = await createSeededApi({ app: { corsOrigins: ['https://mitra.imigrasi.go.id'] } });
    try {
      const allowed = await preflight(allowing.app, 'https://mitra.imigrasi.go.id');
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://mitra.imigrasi.go.id');
      expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
      const other = await preflight(allowing.app, 'https://mitra.imigrasi.go.id.evil.example');
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await allowing.dispose();
    }
  });
});

describe('input limits: bodies, ids, slow clients', () => {
  // A served API of its own: stopping a service closes its database.
  let served: SeededApi;
  let service: Service;
  beforeAll(async () => {
    served = await createSeededApi({ seed: false });
    service = await startTestService(served.db, {
      connectionLimits: { headersTimeoutMs: 1_000, requestTimeoutMs: 2_000, checkIntervalMs: 200 },
    });
  });
  afterAll(async () => {
    await service.stop();
    await served.dispose();
  });

  /** A POST whose body comes in chunks with no Content-Length (Transfer-Encoding: chunked). */
  function postChunked(bytes: number): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const request = httpRequest(
        `${service.url}/graphql`,
        { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      request.on('error', (error: NodeJS.ErrnoException) =>
        error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error),
      );
      const prefix = '{"query":"{ me { kind } }","extensions":{"padding":"';
      request.write(prefix);
      const chunk = 'x'.repeat(64 * 1024);
      for (let sent = prefix.length; sent < bytes; sent += chunk.length) request.write(chunk);
      request.end('"}}');
    });
  }

  it('counts the bytes of a chunked body that declares no length, and stops reading past the limit', async () => {
    const small = await postChunked(10_000);
    expect(small.status).toBe(200);
    const large = await postChunked(20 * 1024 * 1024);
    expect(large.status).toBe(413);
    expect(JSON.parse(large.body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('fetches at most 100 nodes at a time', async () => {
    const [village] = await api.db.sql.query<{ id: number }>('SELECT id FROM village LIMIT 1');
    const id = Buffer.from(`Village:${village!.id}`).toString('base64');
    const result = await api.graphql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array(101).fill(id) });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/100/);
    const allowed = await api.graphql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array(100).fill(id) });
    expect(allowed.errors).toBeUndefined();
  });

  it('closes a connection whose headers do not arrive in time', async () => {
    const { port } = new URL(service.url);
    const closed = await new Promise<string>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\n'));
      let answer = '';
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('close', () => resolve(answer));
      setTimeout(() => socket.destroy(), 15_000);
    });
    // Node answers 408 and closes, long before the 15 s this client would have held it.
    expect(closed).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe('authorization: one submitter can neither block nor detect another’s references', () => {
  const submit = `mutation($input: SubmitVillageReportInput!) { submitVillageReport(input: $input) {
    __typename ... on MutationSubmitVillageReportSuccess { data { created report { id } } } ... on Error { message } } }`;
  const report = (villageCode: string) => ({
    source: 'app:desa-lapor',
    clientReference: 'SHARED-REF-1',
    villageCode,
    type: 'OTHER',
    occurredOn: '2026-11-20',
    peopleInvolved: 1,
    description: 'Laporan uji referensi bersama.',
  });

  it('keeps references per office or token: the same reference elsewhere is another report', async () => {
    const [batulicin] = await api.db.sql.query<{ code: string }>(
      `SELECT v.code FROM village v JOIN regency r ON r.id = v.regency_id WHERE r.code = '63.02' ORDER BY v.code LIMIT 1`,
    );
    const [ntt] = await api.db.sql.query<{ code: string }>(
      `SELECT v.code FROM village v JOIN regency r ON r.id = v.regency_id WHERE r.code = '53.18' ORDER BY v.code LIMIT 1`,
    );
    const office = await api.issueToken('kanim', ['REPORTS_SUBMIT'], 'KANIM-BATULICIN');
    // Another caller (the NTT regional office) takes the reference first, for a village in its province.
    const first = await api.graphql(submit, { input: report(ntt!.code) }, 'kanwil');
    expect(first.data!.submitVillageReport.data.created).toBe(true);
    // The office's own report under the same reference is recorded, not refused (and reveals nothing).
    const own = await api.graphql(submit, { input: report(batulicin!.code) }, { token: office });
    expect(own.data!.submitVillageReport).toMatchObject({
      __typename: 'MutationSubmitVillageReportSuccess',
      data: { created: true },
    });
    expect(own.data!.submitVillageReport.data.report.id).not.toBe(first.data!.submitVillageReport.data.report.id);
    // Its retry still finds its own row.
    const retry = await api.graphql(submit, { input: report(batulicin!.code) }, { token: office });
    expect(retry.data!.submitVillageReport.data).toMatchObject({
      created: false,
      report: { id: own.data!.submitVillageReport.data.report.id },
    });
  });
});

describe('information disclosure and availability: a database outage', () => {
  it('answers 503 with Retry-After and a typed code, not an internal error, while the database is gone', async () => {
    const outage = await createSeededApi();
    try {
      const signedIn = await outage.graphql('{ me { kind } }'); // a session, made while the database is up
      expect(signedIn.errors).toBeUndefined();
      await outage.db.close();
      const requests = [
        ['national', '{ provinces(first: 1) { totalCount } }'],
        ['anonymous', 'mutation { signIn(input: { email: "pimpinan@binaan.test", password: "x" }) { __typename } }'],
      ] as const;
      for (const [caller, query] of requests) {
        const response = await outage.post({ query }, caller);
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe('1');
        const body = (await response.json()) as GraphQLResponse;
        expect(body.errors?.[0]?.extensions?.code).toBe('DATABASE_UNAVAILABLE');
        expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|postgres:|5432|PGlite/);
      }
    } finally {
      await outage.dispose().catch(() => undefined); // its database is already closed
    }
  });
});

describe('input validation: every bad input class gets a typed error and changes nothing', () => {
  const globalId = (value: string) => Buffer.from(value).toString('base64');
  const node = 'query($id: ID!) { node(id: $id) { id } }';

  it('answers malformed or overflowing ids with BAD_USER_INPUT, and a missing record with null', async () => {
    for (const id of [
      'x',
      globalId('Village:99999999999999999999'),
      globalId('Village:abc'),
      globalId('Nope:1'),
      'VmlsbGFnZToxMA',
    ]) {
      const result = await api.graphql(node, { id });
      expect(result.errors?.[0]?.extensions?.code, id).toBe('BAD_USER_INPUT');
    }
    const missing = await api.graphql(node, { id: globalId('Village:2147483647') });
    expect(missing.errors).toBeUndefined();
    expect(missing.data!.node).toBeNull();
    const some = await api.graphql('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', {
      ids: [globalId('Village:2147483647'), globalId('Province:1')],
    });
    expect(some.errors).toBeUndefined();
    expect(some.data!.nodes[0]).toBeNull();
  });

  it('refuses NUL characters and unpaired surrogates anywhere, before anything runs', async () => {
    const before = await api.db.sql.query<{ count: number }>('SELECT count(*)::int AS count FROM village_report');
    const submit = `mutation($input: SubmitVillageReportInput!) { submitVillageReport(input: $input) { __typename } }`;
    const input = (description: string) => ({
      source: 'app:desa-lapor',
      clientReference: `BAD-TEXT-${description.length}`,
      villageCode: '63.02.15.2002',
      type: 'OTHER',
      occurredOn: '2026-11-20',
      peopleInvolved: 1,
      description,
    });
    for (const bad of ['Laporan\u0000uji', 'Laporan \ud800 uji', 'Laporan \udc00 uji']) {
      const response = await api.post({ query: submit, variables: { input: input(bad) } }, 'kanim');
      expect(response.status).toBe(400);
      const body = (await response.json()) as GraphQLResponse;
      expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0]?.message).toMatch(/^variables\.input\.description: /);
    }
    const inline = await api.post({ query: '{ village(code: "63.02.15.2002\\u0000") { id } }' }, 'kanim');
    expect(inline.status).toBe(400);
    // A well-formed pair (an emoji) is text like any other.
    expect(malformedTextAt({ description: 'Laporan 👍' })).toBeNull();
    const after = await api.db.sql.query<{ count: number }>('SELECT count(*)::int AS count FROM village_report');
    expect(after).toEqual(before);
  });
});
