// The API speaks the GraphQL over HTTP specification: graphql-http's conformance audits (every MUST,
// SHOULD and MAY it checks), plus the cases clients of this API meet most, spelled out.
import { createTestDatabase, type TestDatabase } from '@binaan/db/testing';
import { auditServer } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../src/yoga.js';
import { createSeededApi, type SeededApi } from './support/seeded-api.js';

/** Browsers' simple requests must name a client (CSRF protection, see yoga.ts); the audits send none. */
const auditFetch = (app: App) => (input: RequestInfo, init?: RequestInit) => {
  const headers = new Headers(init?.headers);
  headers.set('x-binaan-client', 'conformance-audit');
  return app.fetch(input as string, { ...init, headers });
};

describe('graphql-http conformance audits', () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase();
  });
  afterAll(() => test.dispose());

  it('passes every audit in development', async () => {
    const results = await auditServer({
      url: 'http://binaan.test/graphql',
      fetchFn: auditFetch(createApp({ db: test.db })),
    });
    expect(results.length).toBeGreaterThan(50);
    expect(
      results
        .filter((result) => result.status !== 'ok')
        .map((result) => `${result.name}: ${'reason' in result ? result.reason : ''}`),
    ).toEqual([]);
  });

  it('passes every audit in production except those whose probe query uses introspection, which production disables', async () => {
    const results = await auditServer({
      url: 'http://binaan.test/graphql',
      fetchFn: auditFetch(createApp({ db: test.db, production: true })),
    });
    const failing = results.filter((result) => result.status !== 'ok');
    // The four {variables} audits send `query Type($name: String!) { __type(name: $name) { name } }`.
    expect(failing.map((result) => result.name).every((name) => name.includes('{variables}'))).toBe(true);
    expect(failing.length).toBeLessThanOrEqual(4);
    for (const result of failing) {
      const body = 'response' in result ? await result.response.clone().text() : '';
      expect(body).toContain('introspection has been disabled');
    }
  });
});

describe('GraphQL over HTTP, case by case', () => {
  let api: SeededApi;
  const url = 'http://binaan.test/graphql';
  beforeAll(async () => {
    api = await createSeededApi({ seed: false });
  });
  afterAll(() => api.dispose());

  it('answers application/graphql-response+json when asked, with 400 for a document that does not validate', async () => {
    const response = await api.app.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ noSuchField }' }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/graphql-response+json');
    expect((await response.json()).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('keeps the legacy application/json behaviour: 200 with errors, for clients that ask for it', async () => {
    const response = await api.app.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: '{ noSuchField }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/json');
  });

  it('runs queries over GET, refuses mutations over GET with 405 and Allow: POST', async () => {
    const query = await api.app.fetch(`${url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/graphql-response+json', 'x-binaan-client': 'test' },
    });
    expect(query.status).toBe(200);
    expect(await query.json()).toMatchObject({ data: { __typename: 'Query' } });
    const mutation = await api.app.fetch(`${url}?query=${encodeURIComponent('mutation { signOut }')}`, {
      headers: { accept: 'application/graphql-response+json', 'x-binaan-client': 'test' },
    });
    expect(mutation.status).toBe(405);
    expect(mutation.headers.get('allow')).toBe('POST');
  });

  it('refuses a body that is not JSON with 415, and simple requests without a client header (CSRF) with 403', async () => {
    const text = await api.app.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-binaan-client': 'test' },
      body: '{ __typename }',
    });
    expect(text.status).toBe(415);
    const crossSiteForm = await api.app.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{ __typename }',
    });
    expect(crossSiteForm.status).toBe(403);
    const simpleGet = await api.app.fetch(`${url}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json' },
    });
    expect(simpleGet.status).toBe(403);
  });

  it('answers 200 with data: null and a typed error when a field is refused (an execution error, not a request error)', async () => {
    const response = await api.app.fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ reports(first: 1) { totalCount } }' }),
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.data).toBeNull();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
