import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeededApi, type SeededApi } from './support/seeded-api.js';

describe('records through GraphQL', () => {
  let api: SeededApi;
  beforeAll(async () => {
    api = await createSeededApi();
  });
  afterAll(async () => {
    await api.dispose();
  });

  it('lists provinces with their kabupaten/kota', async () => {
    const result = await api.graphql(`{ provinces(first: 10) { totalCount edges { node { id code name regencies { code kind } } } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.provinces.totalCount).toBe(4);
    const ntt = result.data!.provinces.edges.find((edge: any) => edge.node.code === '53').node;
    expect(ntt.name).toBe('Nusa Tenggara Timur');
    expect(ntt.regencies).toHaveLength(22);
    expect(ntt.regencies.filter((regency: any) => regency.kind === 'CITY')).toEqual([{ code: '53.71', kind: 'CITY' }]);
  });
});
