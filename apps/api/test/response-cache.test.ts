// The analytics response cache: answers are served from it per caller until a mutation that can change a
// figure empties it; nothing but analytics is cached; a revoked credential gets no cached answer; with
// Redis, a write through one API process empties the cache of the others.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { ANALYTICS_FIELDS, mayAskForFigures, onlyAsksForFigures } from '../src/plugins/response-cache.js';
import { createApp } from '../src/yoga.js';
import { reachableRedis } from './support/redis.js';
import { createSeededApi, type SeededApi } from './support/seeded-api.js';

const IDENTITY_CACHE_MS = 200;

const REPORTS_IN_BATULICIN = `{ reportStats(filter: { area: { regencyCodes: ["63.02"] } }) { rows { reports } } }`;
const MIXED = `{ reportStats(filter: { area: { regencyCodes: ["63.02"] } }) { rows { reports } }
  reports(first: 1, filter: { area: { regencyCodes: ["63.02"] } }) { totalCount } }`;

/** A report written behind the API's back: the cache cannot know of it. */
async function insertReportDirectly(api: SeededApi, reference: string) {
  await api.db.sql.query(
    `INSERT INTO village_report (submitter, source, client_reference, village_id, regency_id, province_id, type, occurred_on, submitted_at,
                                 people_involved, description, status, status_changed_at)
     SELECT 'test', 'test:direct', $1, v.id, v.regency_id, v.province_id, 'REFUGEES', '2026-11-01', now(), 1, 'Written in SQL.', 'SUBMITTED', now()
       FROM village v JOIN regency r ON r.id = v.regency_id WHERE r.code = '63.02' ORDER BY v.id LIMIT 1`,
    [reference],
  );
}

const reportsOf = (result: any): number => result.data.reportStats.rows[0].reports;

describe('analytics response cache', () => {
  let api: SeededApi;
  beforeAll(async () => {
    // Who a secret belongs to is kept 200 ms (auth/identity-cache.ts): a revocation made in SQL counts after that.
    api = await createSeededApi({ app: { responseCache: { ttlMs: 60_000 }, identityCacheMs: IDENTITY_CACHE_MS } });
  });
  afterAll(() => api?.dispose());

  it('serves a repeated analytics query from the cache, and recomputes after a mutation', async () => {
    const first = reportsOf(await api.graphql(REPORTS_IN_BATULICIN, {}, 'kanim'));
    await insertReportDirectly(api, 'cache-1');
    // Cached: the report written behind the API's back is not counted yet.
    expect(reportsOf(await api.graphql(REPORTS_IN_BATULICIN, {}, 'kanim'))).toBe(first);
    // Another caller has their own entry, computed now.
    expect(reportsOf(await api.graphql(REPORTS_IN_BATULICIN, {}, 'national'))).toBe(first + 1);

    const village = (
      await api.db.sql.query<{ code: string }>(
        `SELECT v.code FROM village v JOIN regency r ON r.id = v.regency_id WHERE r.code = '63.02' LIMIT 1`,
      )
    )[0]!.code;
    const submitted = await api.graphql(
      `mutation($input: SubmitVillageReportInput!) { submitVillageReport(input: $input) { __typename } }`,
      {
        input: {
          source: 'test:cache',
          clientReference: 'cache-2',
          villageCode: village,
          type: 'REFUGEES',
          occurredOn: '2026-11-01',
          peopleInvolved: 1,
          description: 'Through the API.',
        },
      },
      'kanim',
    );
    expect(submitted.errors).toBeUndefined();
    // The mutation emptied the cache: both reports count, for everyone.
    expect(reportsOf(await api.graphql(REPORTS_IN_BATULICIN, {}, 'kanim'))).toBe(first + 2);
    expect(reportsOf(await api.graphql(REPORTS_IN_BATULICIN, {}, 'national'))).toBe(first + 2);
  });

  it('consults the cache only for documents that may select a figure', () => {
    for (const field of ANALYTICS_FIELDS) expect(mayAskForFigures(`{ ${field} { computedAt } }`)).toBe(true);
    expect(mayAskForFigures(MIXED)).toBe(true);
    // Records only: no lookup, no bookkeeping added to the document.
    expect(mayAskForFigures('{ villages(first: 50) { edges { node { code regency { name } } } } }')).toBe(false);
    expect(mayAskForFigures('{ coverageTarget: targets { year } }')).toBe(false);
    // Text not known (an unknown trusted-document id): consulted, as before.
    expect(mayAskForFigures(undefined)).toBe(true);
  });

  it('keeps an operation that also reads records away from the cache once it is parsed', () => {
    const only = (text: string, operationName?: string) => onlyAsksForFigures(parse(text), operationName);
    for (const field of ANALYTICS_FIELDS) expect(only(`{ ${field} { computedAt } }`)).toBe(true);
    expect(only(`{ __typename reportStats { computedAt } overview: coverage { computedAt } }`)).toBe(true);
    expect(only(MIXED)).toBe(false);
    // Root fields behind fragments count too, and only the operation that runs.
    expect(only(`{ ...F } fragment F on Query { reportStats { computedAt } }`)).toBe(true);
    expect(only(`{ ... on Query { reportStats { computedAt } me { email } } }`)).toBe(false);
    expect(only(`{ ...F } fragment F on Query { villages(first: 1) { totalCount } }`)).toBe(false);
    const two = `query Figures { reportStats { computedAt } } query Records { villages(first: 1) { totalCount } }`;
    expect(only(two, 'Figures')).toBe(true);
    expect(only(two, 'Records')).toBe(false);
    // Mutations are left to the text check (and empty the cache after they run).
    expect(only(`mutation { signIn(input: { email: "a", password: "b" }) { __typename } }`)).toBe(true);
  });

  it('answers a records-only operation fresh every time', async () => {
    const count = '{ reports(first: 1, filter: { area: { regencyCodes: ["63.02"] } }) { totalCount } }';
    const before = (await api.graphql(count, {}, 'kanim')).data!.reports.totalCount as number;
    await insertReportDirectly(api, 'cache-records');
    expect((await api.graphql(count, {}, 'kanim')).data!.reports.totalCount).toBe(before + 1);
  });

  it('caches a page that shows signals beside its figures, as the overview does', async () => {
    const page = `{ reportStats(filter: { area: { regencyCodes: ["63.02"] } }) { rows { reports } }
      signals(first: 5) { id status } signalCounts(groupBy: REGENCY) { signals } lastSignalRun { finishedAt } }`;
    const first = reportsOf(await api.graphql(page, {}, 'kanim'));
    await insertReportDirectly(api, 'cache-signals');
    expect(reportsOf(await api.graphql(page, {}, 'kanim'))).toBe(first);
  });

  it('does not cache an operation that also reads records', async () => {
    const before = (await api.graphql(MIXED, {}, 'kanim')).data!;
    await insertReportDirectly(api, 'cache-3');
    const after = (await api.graphql(MIXED, {}, 'kanim')).data!;
    expect(after.reports.totalCount).toBe(before.reports.totalCount + 1);
    expect(after.reportStats.rows[0].reports).toBe(before.reportStats.rows[0].reports + 1);
  });

  it('gives a revoked token no cached answer', async () => {
    const secret = await api.issueToken('kanim', ['AGGREGATES_READ'], 'KANIM-BATULICIN');
    expect((await api.graphql(REPORTS_IN_BATULICIN, {}, { token: secret })).errors).toBeUndefined();
    const [token] = await api.db.sql.query<{ id: number }>(`SELECT id FROM api_token ORDER BY id DESC LIMIT 1`);
    await api.db.sql.query(`UPDATE api_token SET revoked_at = now() WHERE id = $1`, [token!.id]);
    await new Promise((resolve) => setTimeout(resolve, IDENTITY_CACHE_MS + 50));
    const refused = await api.graphql(REPORTS_IN_BATULICIN, {}, { token: secret });
    expect(refused.data?.reportStats ?? null).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

const redis = await reachableRedis();

describe.skipIf(!redis)('analytics response cache shared in Redis by several API processes', () => {
  afterAll(() => redis?.disconnect());

  it('empties every process’s cache when one of them takes a write', async () => {
    const api = await createSeededApi({ app: { responseCache: { ttlMs: 60_000, redis } } });
    try {
      await redis!.flushdb();
      // A second API process on the same database and Redis, taking a report from an application.
      const other = createApp({ db: api.db, rateLimit: 1_000_000, responseCache: { ttlMs: 60_000, redis } });
      const secret = await api.issueToken('kanim', ['REPORTS_SUBMIT'], 'KANIM-BATULICIN');
      const first = reportsOf(await api.graphql(REPORTS_IN_BATULICIN, {}, 'kanim'));
      await insertReportDirectly(api, 'redis-1');
      expect(reportsOf(await api.graphql(REPORTS_IN_BATULICIN, {}, 'kanim'))).toBe(first);
      expect(await redis!.dbsize()).toBeGreaterThan(0);

      const village = (
        await api.db.sql.query<{ code: string }>(
          `SELECT v.code FROM village v JOIN regency r ON r.id = v.regency_id WHERE r.code = '63.02' LIMIT 1`,
        )
      )[0]!.code;
      const response = await other.fetch('http://binaan.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({
          query: `mutation($input: SubmitVillageReportInput!) { submitVillageReport(input: $input) { __typename } }`,
          variables: {
            input: {
              source: 'test:redis',
              clientReference: 'redis-2',
              villageCode: village,
              type: 'REFUGEES',
              occurredOn: '2026-11-01',
              peopleInvolved: 1,
              description: 'Through the other process.',
            },
          },
        }),
      });
      expect((await response.json()).data).toEqual({ submitVillageReport: { __typename: expect.any(String) } });
      // The first process's next answer is recomputed: both reports count.
      expect(reportsOf(await api.graphql(REPORTS_IN_BATULICIN, {}, 'kanim'))).toBe(first + 2);
    } finally {
      await api.dispose();
    }
  });
});
