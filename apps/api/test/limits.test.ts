// Abuse limits: every refused operation is refused before any SQL runs, and says why.
import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { reachableRedis } from './support/redis.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../src/plugins/rate-limit.js';
import { createApp, operationLimits } from '../src/yoga.js';
import { startTestService } from './support/service.js';
import { createSeededApi, type SeededApi } from './support/seeded-api.js';

describe('operation limits', () => {
  let api: SeededApi;
  beforeAll(async () => {
    api = await createSeededApi();
    await api.graphql('{ me { kind } }'); // sign in before counting queries
  });
  afterAll(async () => {
    await api.dispose();
  });

  /** Sends a query and returns its errors and how many SQL statements it caused. */
  async function refused(query: string) {
    api.prismaQueries.length = 0;
    const result = await api.graphql(query);
    const sqlBefore = api.prismaQueries.filter(
      (statement) => !/"session"|"app_user"|"office_working_area"|"regency"/.test(statement),
    );
    return { errors: result.errors ?? [], data: result.data, sql: sqlBefore.length };
  }

  it('refuses a query nested deeper than the limit, running no SQL', async () => {
    let selection = 'code';
    // Two levels per step: 7 steps nest 15 deep, over the limit of 12, while the estimated cost stays low.
    for (let step = 0; step < 7; step += 1) selection = `province { regencies { ${selection} } }`;
    const { errors, data, sql } = await refused(`{ regency(code: "53.18") { ${selection} } }`);
    expect(errors.map((error) => error.message).join('\n')).toMatch(/depth limit of 12/i);
    expect(data).toBeUndefined();
    expect(sql).toBe(0);
  });

  it('refuses too many aliases, and too many tokens', async () => {
    const aliases = Array.from({ length: operationLimits.maxAliases + 1 }, (_, index) => `a${index}: me { kind }`).join(
      ' ',
    );
    expect((await refused(`{ ${aliases} }`)).errors[0]?.message).toMatch(/alias/i);
    const tokens = Array.from({ length: operationLimits.maxTokens }, () => 'kind').join(' ');
    expect((await refused(`{ me { ${tokens} } }`)).errors[0]?.message).toMatch(/token/i);
  });

  it('refuses an operation whose estimated cost is over the limit', async () => {
    const expensive = Array.from(
      { length: 15 },
      (_, index) =>
        `r${index}: reports(first: 100) { edges { node { village { district { regency { province { name } } } } transitions { toStatus } } } }`,
    ).join(' ');
    const { errors, sql } = await refused(`{ ${expensive} }`);
    expect(errors[0]?.message).toMatch(/cost/i);
    expect(sql).toBe(0);
  });

  it('refuses a page larger than the maximum', async () => {
    const { errors } = await refused('{ villages(first: 1000) { edges { node { code } } } }');
    expect(errors[0]?.message).toMatch(/100/);
  });

  it('refuses a request body over the limit with 413', async () => {
    const response = await api.post({ query: `{ me { kind } } # ${'x'.repeat(operationLimits.maxBodyBytes)}` });
    expect(response.status).toBe(413);
  });

  it('refuses browser requests that could be cross-site forgeries', async () => {
    const response = await api.app.fetch('http://binaan.test/graphql?query=%7Bme%7Bkind%7D%7D', { method: 'GET' });
    expect(response.status).toBe(403);
    const allowed = await api.app.fetch('http://binaan.test/graphql?query=%7Bme%7Bkind%7D%7D', {
      method: 'GET',
      headers: { 'x-binaan-client': 'dashboard' },
    });
    expect(allowed.status).toBe(200);
  });

  it('limits every statement in the database', async () => {
    const [row] = await api.db.sql.query<{ statement_timeout: string }>('SHOW statement_timeout');
    expect(row!.statement_timeout).toBe('15s');
  });

  it('turns off introspection and GraphiQL in production mode', async () => {
    const production = createApp({ db: api.db, production: true });
    const response = await production.fetch('http://binaan.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
    });
    const body = await response.json();
    expect(body.errors?.[0]?.message).toMatch(/introspection/i);
    const development = await api.post({ query: '{ __schema { queryType { name } } }' }, 'anonymous');
    expect((await development.json()).data.__schema.queryType.name).toBe('Query');
  });
});

describe('the per-caller rate limit', () => {
  it('reports the remaining budget and refuses with 429 when it is spent', async () => {
    const api = await createSeededApi({ seed: false, rateLimit: 3 });
    try {
      const first = await api.post({ query: '{ __typename }' }, 'anonymous');
      expect(first.headers.get('x-ratelimit-limit')).toBe('3');
      expect(first.headers.get('x-ratelimit-remaining')).toBe('2');
      expect((await first.json()).extensions.rateLimit).toMatchObject({ limit: 3, remaining: 2 });
      await api.post({ query: '{ __typename }' }, 'anonymous');
      await api.post({ query: '{ __typename }' }, 'anonymous');
      const refusedResponse = await api.post({ query: '{ __typename }' }, 'anonymous');
      expect(refusedResponse.status).toBe(429);
      expect(refusedResponse.headers.get('retry-after')).toMatch(/^\d+$/);
      expect((await refusedResponse.json()).errors[0].extensions.code).toBe('RATE_LIMITED');
    } finally {
      await api.dispose();
    }
  });
});

describe('the client address anonymous requests count against', () => {
  const signInAttempt = (url: string, forwardedFor: string) =>
    fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({
        query: 'mutation { signIn(input: { email: "pimpinan@binaan.test", password: "guess" }) { __typename } }',
      }),
    });

  it('is the socket address unless a proxy is trusted: a new X-Forwarded-For per guess does not buy a new budget', async () => {
    const api = await createSeededApi({ seed: false });
    const direct = await startTestService(api.db, { rateLimit: 3 });
    try {
      const statuses = [];
      for (const address of ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4'])
        statuses.push((await signInAttempt(direct.url, address)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await direct.stop();
      await api.dispose();
    }
  });

  it('behind a trusted proxy is the address the proxy saw, so clients behind it get a budget each', async () => {
    const api = await createSeededApi({ seed: false });
    const proxied = await startTestService(api.db, { rateLimit: 3, trustProxy: true });
    try {
      const statuses = [];
      for (let attempt = 0; attempt < 4; attempt += 1)
        statuses.push((await signInAttempt(proxied.url, `10.9.9.9, 203.0.113.${attempt}`)).status);
      expect(statuses).toEqual([200, 200, 200, 200]);
      for (let attempt = 0; attempt < 3; attempt += 1)
        statuses.push((await signInAttempt(proxied.url, 'spoofed, 198.51.100.7')).status);
      expect(statuses.slice(4)).toEqual([200, 200, 200]);
      expect((await signInAttempt(proxied.url, 'another-spoof, 198.51.100.7')).status).toBe(429);
    } finally {
      await proxied.stop();
      await api.dispose();
    }
  });
});

const redis = await reachableRedis();

describe.skipIf(!redis)('the rate limit with several API processes (Redis)', () => {
  afterAll(() => redis?.disconnect());

  it('shares one budget per caller between processes', async () => {
    const api = await createSeededApi({ seed: false });
    try {
      // Two API processes: two apps on one database, each with its own limiter, counting in one Redis.
      const keyPrefix = `binaan-test:${randomUUID()}`;
      const apps = [0, 1].map(() =>
        createApp({ db: api.db, rateLimiter: createRateLimiter({ limit: 3, windowMs: 60_000, redis, keyPrefix }) }),
      );
      const send = (index: number) =>
        apps[index]!.fetch('http://binaan.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.0.0.7' },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
      expect((await send(0)).headers.get('x-ratelimit-remaining')).toBe('2');
      expect((await send(1)).headers.get('x-ratelimit-remaining')).toBe('1');
      expect((await send(0)).status).toBe(200);
      expect((await send(1)).status).toBe(429);
      expect(await redis!.keys(`${keyPrefix}*`)).toHaveLength(1);
    } finally {
      await api.dispose();
    }
  });

  it('keeps counting in each process when Redis goes away', async () => {
    const broken = new Redis('redis://127.0.0.1:1', {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
    });
    broken.on('error', () => undefined);
    const api = await createSeededApi({ seed: false });
    try {
      const app = createApp({
        db: api.db,
        rateLimiter: createRateLimiter({ limit: 2, windowMs: 60_000, redis: broken }),
      });
      const send = () =>
        app.fetch('http://binaan.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
      expect((await send()).status).toBe(200);
      expect((await send()).status).toBe(200);
      expect((await send()).status).toBe(429);
    } finally {
      broken.disconnect();
      await api.dispose();
    }
  });
});
