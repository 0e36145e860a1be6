// Queries that select no preloaded relation run compiled (graphql-jit, plugins/compiled-execution.ts):
// every such example an analyst runs, and the shapes the bench and the dashboard send, must answer
// exactly as graphql-js does, errors included; a query that selects a preloaded relation must not be
// compiled at all (records.test.ts counts its statements).
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleQueries } from '../src/example-queries.js';
import { compilable } from '../src/plugins/compiled-execution.js';
import { schema } from '../src/schema/index.js';
import { type App, createApp } from '../src/yoga.js';
import { createSeededApi, SEED_TODAY, type SeededApi } from './support/seeded-api.js';

const isCompiled = (query: string, operationName?: string) => compilable(schema, parse(query), operationName);

const VILLAGE_PAGE = `query Villages($after: String) { villages(first: 50, after: $after) {
  edges { node { id code name regency { code name } province { code name } } } } }`;

const cases: { title: string; query: string; variables?: Record<string, unknown> }[] = [
  ...exampleQueries.filter((example) => isCompiled(example.query)),
  {
    title: 'reports per kabupaten/kota and month (the bench)',
    query: `query Reports($provinces: [String!], $from: Date!, $to: Date!) {
      reportStats(groupBy: [REGENCY, MONTH], filter: { area: { provinceCodes: $provinces }, period: { from: $from, to: $to } }) {
        computedAt rows { regency { code name } month reports followedUp medianDaysToFollowUp } } }`,
    variables: { provinces: ['53'], from: '2025-01-01', to: '2025-12-31' },
  },
  {
    title: 'a date that does not exist',
    query: `query Bad($from: Date!) { reportStats(groupBy: [MONTH], filter: { period: { from: $from, to: "2026-01-31" } }) { rows { month } } }`,
    variables: { from: '2026-13-01' },
  },
  {
    title: 'a period that ends before it starts',
    query: `{ coverage(groupBy: PROVINCE, filter: { period: { from: "2026-05-01", to: "2026-04-01" } }) { rows { villages } } }`,
  },
  {
    title: 'an area outside the caller’s own',
    query: `{ coverage(groupBy: REGENCY, filter: { area: { provinceCodes: ["31"] } }) { rows { area { code } villages } } }`,
  },
  { title: 'a page of villages (the bench)', query: VILLAGE_PAGE },
  { title: 'the next page of villages', query: VILLAGE_PAGE, variables: { after: 'R1BDOk46MjA=' } },
  { title: 'a cursor that is not one', query: VILLAGE_PAGE, variables: { after: 'bukan-kursor' } },
  {
    title: 'a page of reports, with fields an office token may not read',
    query: `{ reports(first: 20, orderBy: { field: OCCURRED_ON, direction: DESC }) { totalCount
      pageInfo { hasNextPage endCursor } edges { cursor node { id type status occurredOn submittedAt peopleInvolved reporterName } } } }`,
  },
  {
    title: 'a page of reports with their areas (held in memory)',
    query: `{ reports(first: 20) { edges { node { id type regency { code name } province { code name } } } } }`,
  },
  {
    title: 'signals with their areas (the overview page)',
    query: `{ signals(first: 5) { id weekStart type observed expected score regency { code name } province { code name } } }`,
  },
  {
    title: 'fragments, an alias and a directive',
    query: `query ($withCode: Boolean!) { first: villages(first: 3, filter: { area: { provinceCodes: ["63"] } }) { ...Page } }
      fragment Page on QueryVillagesConnection { edges { node { ... on Village { name code @include(if: $withCode) kind } } } }`,
    variables: { withCode: false },
  },
];

describe('compiled execution of the figures', () => {
  let api: SeededApi;
  let interpreted: App;
  let tokens: { national: string; office: string };

  beforeAll(async () => {
    api = await createSeededApi();
    // Signals for the overview's list to name the areas of: one in each of three kabupaten/kota.
    await api.db.sql.query(
      `INSERT INTO signal (regency_id, province_id, type, week_start, observed, expected, threshold, score, method)
       SELECT id, province_id, 'REFUGEES', $1::date, 9, 2, 5, 3.5, 'test' FROM regency WHERE code IN ('53.01', '63.02', '31.71')`,
      [SEED_TODAY],
    );
    interpreted = createApp({ db: api.db, rateLimit: 1_000_000, compileQueries: false });
    tokens = {
      national: await api.issueToken('national', ['AGGREGATES_READ', 'RECORDS_READ']),
      office: await api.issueToken('kanim', ['AGGREGATES_READ'], 'KANIM-BATULICIN'),
    };
  });
  afterAll(async () => {
    await api.dispose();
  });

  const ask = async (app: App, token: string, query: string, variables?: Record<string, unknown>) => {
    const response = await app.fetch('http://binaan.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    // Each app counts its own rate limit, and computedAt is each request's moment: the rest must match.
    delete (body as { extensions?: Record<string, unknown> }).extensions?.['rateLimit'];
    return {
      status: response.status,
      body: JSON.parse(JSON.stringify(body).replace(/"computedAt":"[^"]+"/g, '"computedAt":"…"')),
    };
  };

  it('compiles a query only if it selects no relation the Prisma plugin preloads', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
    expect(isCompiled('{ overview { reports { current } } __typename }')).toBe(true);
    expect(isCompiled('{ overview { reports { current } } villages(first: 1) { totalCount } }')).toBe(true);
    // A relation, directly, through a fragment, or on one of the types an interface may be.
    expect(isCompiled('{ villages(first: 1) { edges { node { district { name } } } } }')).toBe(false);
    expect(
      isCompiled('{ villages(first: 1) { edges { node { ...D } } } } fragment D on Village { district { name } }'),
    ).toBe(false);
    expect(isCompiled('{ node(id: "x") { id ... on Village { designations { status } } } }')).toBe(false);
    expect(isCompiled('{ node(id: "x") { id ... on Village { code } } }')).toBe(true);
    // A field with a Prisma `select` is preloaded too; a column exposed as it is is not.
    expect(isCompiled('{ regency(code: "63.10") { name offices { name } } }')).toBe(false);
    expect(isCompiled('{ regency(code: "63.10") { code name } }')).toBe(true);
    expect(isCompiled('mutation { signOut }')).toBe(false);
    expect(isCompiled('{ __schema { queryType { name } } }')).toBe(false);
    const twoOperations =
      'query A { overview { reports { current } } } query B { villages(first: 1) { edges { node { district { name } } } } }';
    expect(isCompiled(twoOperations, 'A')).toBe(true);
    expect(isCompiled(twoOperations, 'B')).toBe(false);
  });

  it.each(cases.map((example) => [example.title, example] as const))(
    '%s: the same answer as graphql-js',
    async (_title, example) => {
      expect(isCompiled(example.query)).toBe(true);
      for (const token of [tokens.national, tokens.office]) {
        const compiled = await ask(api.app, token, example.query, example.variables);
        const plain = await ask(interpreted, token, example.query, example.variables);
        expect(compiled).toEqual(plain);
      }
    },
  );

  it('names the areas of compiled rows from memory, as graphql-js does', async () => {
    const signals = cases.find((example) => example.title.startsWith('signals'))!;
    const { body } = await ask(api.app, tokens.national, signals.query);
    expect((body.data?.['signals'] as unknown[]).length).toBeGreaterThan(0);
    for (const signal of body.data?.['signals'] as { regency: { code: string }; province: { code: string } }[]) {
      expect(signal.regency.code.slice(0, 2)).toBe(signal.province.code);
    }
  });

  it('keeps a refusal inside a compiled page where graphql-js puts it', async () => {
    const reports = cases.find((example) => example.title.startsWith('a page of reports'))!;
    const { body } = await ask(api.app, tokens.office, reports.query);
    // An office token without RECORDS_READ may not list reports: refused with the field's path and location.
    expect(body.errors?.[0]).toMatchObject({ path: ['reports'], locations: [expect.any(Object)] });
  });
});
