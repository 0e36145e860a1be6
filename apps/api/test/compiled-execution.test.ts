// The figures' operations run compiled (graphql-jit, plugins/compiled-execution.ts): every example an
// analyst runs, and the shapes the bench and the dashboard send, must answer exactly as graphql-js does,
// errors included; record lists must not be compiled at all.
import { type DocumentNode, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleQueries } from '../src/example-queries.js';
import { compilableRootFields, selectsOnly } from '../src/plugins/compiled-execution.js';
import { FIGURE_FIELDS } from '../src/schema/analytics/fields.js';
import { schema } from '../src/schema/index.js';
import { type App, createApp } from '../src/yoga.js';
import { createSeededApi, type SeededApi } from './support/seeded-api.js';

const compiled = compilableRootFields(schema);
const selectsOnlyFigures = (document: DocumentNode, operationName?: string) =>
  selectsOnly(compiled, document, operationName);

const figures: { title: string; query: string; variables?: Record<string, unknown> }[] = [
  ...exampleQueries.filter((example) => selectsOnlyFigures(parse(example.query))),
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
];

describe('compiled execution of the figures', () => {
  let api: SeededApi;
  let interpreted: App;
  let tokens: { national: string; office: string };

  beforeAll(async () => {
    api = await createSeededApi();
    interpreted = createApp({ db: api.db, rateLimit: 1_000_000, compileFigures: false });
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

  it('compiles the figures that reach no Prisma object', () => {
    const queryFields = Object.keys(schema.getQueryType()!.getFields());
    for (const field of FIGURE_FIELDS) expect(queryFields).toContain(field);
    // trainingCompletion names its modules, which are Prisma objects with relations of their own.
    expect([...compiled].sort()).toEqual([
      'coverage',
      'forecastToTarget',
      'overview',
      'reportStats',
      'reportingCompleteness',
    ]);
  });

  it('compiles only queries whose root fields are all figures', () => {
    expect(figures.length).toBeGreaterThanOrEqual(8);
    expect(selectsOnlyFigures(parse('{ overview { reports { current } } __typename }'))).toBe(true);
    expect(selectsOnlyFigures(parse('{ overview { reports { current } } villages(first: 1) { totalCount } }'))).toBe(
      false,
    );
    expect(selectsOnlyFigures(parse('{ ...F } fragment F on Query { overview { reports { current } } }'))).toBe(false);
    expect(selectsOnlyFigures(parse('mutation { signOut }'))).toBe(false);
    const twoOperations = parse(
      'query A { overview { reports { current } } } query B { villages(first: 1) { totalCount } }',
    );
    expect(selectsOnlyFigures(twoOperations, 'A')).toBe(true);
    expect(selectsOnlyFigures(twoOperations, 'B')).toBe(false);
  });

  it.each(figures.map((figure) => [figure.title, figure] as const))(
    '%s: the same answer as graphql-js',
    async (_title, figure) => {
      for (const token of [tokens.national, tokens.office]) {
        const compiled = await ask(api.app, token, figure.query, figure.variables);
        const plain = await ask(interpreted, token, figure.query, figure.variables);
        expect(compiled).toEqual(plain);
      }
    },
  );
});
