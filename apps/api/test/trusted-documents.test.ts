// Trusted documents: in production the dashboard's client id and browser sessions may run only the
// registered documents; API tokens may send their own. Outside production everything runs.
import { graphql, trustedDocumentId, trustedDocumentManifest } from '@binaan/client';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadTrustedDocuments, trustedDocumentsFile, trustedDocumentsFiles } from '../src/plugins/trusted-documents.js';
import { createSeededApi, type SeededApi } from './support/seeded-api.js';

const ProvincesQuery = graphql(`
  query TrustedProvinces {
    provinces(first: 5) { totalCount edges { node { code name } } }
  }
`);
// A field-app phone's enrolment, registered as the field app's build registers its documents.
const MakeEnrolmentCode = graphql(`
  mutation TrustedEnrolmentCode($input: CreateDeviceEnrolmentInput!) {
    createDeviceEnrolment(input: $input) { __typename ... on MutationCreateDeviceEnrolmentSuccess { data { code } } }
  }
`);
const EnrolPhone = graphql(`
  mutation TrustedEnrolPhone($code: String!) {
    enrolDevice(input: { code: $code }) { __typename ... on MutationEnrolDeviceSuccess { data { credential } } }
  }
`);
const manifest = trustedDocumentManifest([ProvincesQuery, MakeEnrolmentCode, EnrolPhone]);
const registered = (document: Parameters<typeof trustedDocumentId>[0], variables: Record<string, unknown>) => ({
  variables,
  extensions: { persistedQuery: { version: 1, sha256Hash: trustedDocumentId(document) } },
});
const id = trustedDocumentId(ProvincesQuery);
const arbitrary = '{ provinces(first: 1) { totalCount } }';
const byId = { extensions: { persistedQuery: { version: 1, sha256Hash: id } } };

describe('trusted documents, enforced (production)', () => {
  let api: SeededApi;
  let token: string;
  beforeAll(async () => {
    api = await createSeededApi({ app: { trustedDocuments: { manifest, enforce: true } } });
    token = await api.issueToken('national', ['RECORDS_READ', 'AGGREGATES_READ']);
  });
  afterAll(() => api.dispose());

  it('runs a registered document sent by id, as the dashboard does', async () => {
    const response = await api.post(byId, 'national', { 'x-binaan-client': 'dashboard' });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.provinces.totalCount).toBe(4);
  });

  it('refuses a document of its own from the dashboard client, from a session and from nobody', async () => {
    for (const [as, headers] of [
      ['national', { 'x-binaan-client': 'dashboard' }],
      ['national', {}],
      ['anonymous', {}],
    ] as const) {
      const response = await api.post({ query: arbitrary }, as, headers);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.data).toBeUndefined();
      expect(body.errors[0].extensions.code).toBe('TRUSTED_DOCUMENTS_ONLY');
      expect(body.errors[0].message).toBe('Klien ini hanya boleh mengirim dokumen yang terdaftar.');
    }
  });

  it('lets an application with an API token send its own documents, but not as the dashboard', async () => {
    const own = await api.post({ query: arbitrary }, { token });
    expect((await own.json()).data.provinces.totalCount).toBe(4);
    const posing = await api.post({ query: arbitrary }, { token }, { 'x-binaan-client': 'dashboard' });
    expect((await posing.json()).errors[0].extensions.code).toBe('TRUSTED_DOCUMENTS_ONLY');
  });

  it("holds a field-app phone's credential to the registered documents", async () => {
    const [village] = await api.db.sql.query<{ code: string }>(
      `SELECT v.code FROM village v JOIN regency r ON r.id = v.regency_id JOIN designation d ON d.village_id = v.id
        WHERE r.code = '63.02' AND d.status = 'ACTIVE' ORDER BY v.code LIMIT 1`,
    );
    const made = await api.post(
      registered(MakeEnrolmentCode, { input: { villageCode: village!.code, label: 'HP Sekdes' } }),
      'kanim',
    );
    const { code } = (await made.json()).data.createDeviceEnrolment.data;
    const enrolled = await api.post(registered(EnrolPhone, { code }), 'anonymous');
    const { credential } = (await enrolled.json()).data.enrolDevice.data;
    expect(credential).toMatch(/^bnn_d_/);
    const own = await api.post({ query: arbitrary }, { token: credential });
    expect(own.status).toBe(400);
    expect((await own.json()).errors[0].extensions.code).toBe('TRUSTED_DOCUMENTS_ONLY');
    const byIdAsPhone = await (await api.post(byId, { token: credential })).json();
    expect(byIdAsPhone.errors?.[0]?.extensions?.code).not.toBe('TRUSTED_DOCUMENTS_ONLY');
  });

  it('answers an unknown id with a typed error, in English when asked', async () => {
    const response = await api.post(
      { extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } },
      'national',
      { 'x-binaan-client': 'dashboard', 'accept-language': 'en' },
    );
    const body = await response.json();
    expect(body.errors[0]).toMatchObject({
      message: 'Unknown document id.',
      extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
    });
  });
});

describe('trusted documents, not enforced (development)', () => {
  let api: SeededApi;
  beforeAll(async () => {
    api = await createSeededApi({ app: { trustedDocuments: { manifest, enforce: false } } });
  });
  afterAll(() => api.dispose());

  it('runs both registered ids and documents sent in full', async () => {
    const registered = await (await api.post(byId, 'national', { 'x-binaan-client': 'dashboard' })).json();
    const own = await (await api.post({ query: arbitrary }, 'national', { 'x-binaan-client': 'dashboard' })).json();
    expect(registered.data.provinces.totalCount).toBe(4);
    expect(own.data.provinces.totalCount).toBe(4);
  });
});

describe('the manifest file', () => {
  it('is re-read when the dashboard is rebuilt under a running server', () => {
    const dir = mkdtempSync(join(tmpdir(), 'binaan-trusted-'));
    const path = join(dir, 'trusted-documents.json');
    try {
      expect(loadTrustedDocuments(path)).toBeNull();
      writeFileSync(path, JSON.stringify({ a: 'query A { __typename }' }));
      const current = trustedDocumentsFile(path, loadTrustedDocuments(path)!);
      expect(Object.keys(current())).toEqual(['a']);
      vi.useFakeTimers({ now: Date.now() });
      writeFileSync(path, JSON.stringify({ b: 'query B { __typename }' }));
      utimesSync(path, new Date(), new Date(Date.now() + 5_000));
      vi.advanceTimersByTime(1_500);
      expect(Object.keys(current())).toEqual(['b']);
      // Half-written while the build runs: the last good manifest stays until the file is whole again.
      writeFileSync(path, '{"c": "query C');
      utimesSync(path, new Date(), new Date(Date.now() + 10_000));
      vi.advanceTimersByTime(1_500);
      expect(Object.keys(current())).toEqual(['b']);
      writeFileSync(path, JSON.stringify({ c: 'query C { __typename }' }));
      utimesSync(path, new Date(), new Date(Date.now() + 15_000));
      vi.advanceTimersByTime(1_500);
      expect(Object.keys(current())).toEqual(['c']);
      writeFileSync(path, '["not", "a", "manifest"]');
      expect(() => loadTrustedDocuments(path)).toThrow(/is not a trusted-document manifest/);
    } finally {
      vi.useRealTimers();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("merges the front ends' manifests (dashboard and field app), again only when one changed", () => {
    let dashboard = { a: 'query A { __typename }' };
    const fieldApp = { b: 'query B { __typename }' };
    const merged = trustedDocumentsFiles([() => dashboard, () => fieldApp]);
    const first = merged();
    expect(Object.keys(first).sort()).toEqual(['a', 'b']);
    expect(merged()).toBe(first);
    dashboard = { a: dashboard.a, c: 'query C { __typename }' } as typeof dashboard;
    expect(Object.keys(merged()).sort()).toEqual(['a', 'b', 'c']);
  });
});
