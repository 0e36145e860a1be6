// A looked-up session or token is kept for a moment (auth/identity-cache.ts): repeated requests make one
// lookup, a mutation answered by this process is seen on its very next request, and a change made
// elsewhere (here: SQL, as the CLI or another process would) within the cache's time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IdentityCache } from '../src/auth/identity-cache.js';
import { createSeededApi, type SeededApi } from './support/seeded-api.js';

const TTL_MS = 400;
const lookups = (api: SeededApi) => api.sqlQueries.filter((text) => /FROM (api_token|session) \w+/.test(text)).length;

describe('the identity cache', () => {
  let api: SeededApi;
  beforeAll(async () => {
    api = await createSeededApi({ app: { identityCacheMs: TTL_MS } });
  });
  afterAll(async () => {
    await api.dispose();
  });

  it('looks a token up once for requests within its time, and again after it', async () => {
    const token = await api.issueToken('national', ['AGGREGATES_READ']);
    api.sqlQueries.length = 0;
    const answers = await Promise.all(Array.from({ length: 5 }, () => api.graphql('{ me { kind } }', {}, { token })));
    expect(answers.map((answer) => answer.data?.me?.kind)).toEqual(Array(5).fill('token'));
    expect(lookups(api)).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, TTL_MS + 50));
    await api.graphql('{ me { kind } }', {}, { token });
    expect(lookups(api)).toBe(2);
  });

  it("sees a revocation through the API on the process's very next request", async () => {
    const issued = await api.graphql(
      `mutation { issueApiToken(input: { name: "Dasbor kantor", scopes: [AGGREGATES_READ], officeCode: "KANIM-BATULICIN" }) {
        ... on MutationIssueApiTokenSuccess { data { secret token { id } } } } }`,
      {},
      'kanim',
    );
    const { secret: token, token: issuedToken } = issued.data!.issueApiToken.data;
    expect((await api.graphql('{ me { kind } }', {}, { token })).data?.me?.kind).toBe('token');
    const revoked = await api.graphql(
      'mutation($id: ID!) { revokeApiToken(id: $id) { __typename } }',
      { id: issuedToken.id },
      'kanim',
    );
    expect(revoked.errors).toBeUndefined();
    const after = await api.graphql('{ me { kind } }', {}, { token });
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('sees a revocation made elsewhere within its time', async () => {
    const token = await api.issueToken('national', ['AGGREGATES_READ']);
    expect((await api.graphql('{ me { kind } }', {}, { token })).data?.me?.kind).toBe('token');
    await api.db.sql.query('UPDATE api_token SET revoked_at = now() WHERE revoked_at IS NULL');
    await new Promise((resolve) => setTimeout(resolve, TTL_MS + 50));
    const after = await api.graphql('{ me { kind } }', {}, { token });
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('keeps no secret that matched nothing, and no lookup that failed', async () => {
    const cache = new IdentityCache(60_000);
    let loads = 0;
    const missing = () => cache.lookUp('unknown', async () => ((loads += 1), undefined));
    await missing();
    await missing();
    expect(loads).toBe(2);
    const failing = () =>
      cache.lookUp('failing', async () => {
        loads += 1;
        throw new Error('database away');
      });
    await expect(failing()).rejects.toThrow('database away');
    await expect(failing()).rejects.toThrow('database away');
    expect(loads).toBe(4);
    await cache.lookUp('known', async () => ({ id: 1 }));
    cache.forgetAll();
    await cache.lookUp('known', async () => ((loads += 1), { id: 1 }));
    expect(loads).toBe(5);
  });
});
