// The README's example queries are real: each runs against the seeded database without errors and
// returns data, and the README shows exactly these queries.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleQueries, exampleQueriesMarkdown, readmeFile, replaceExampleSection } from '../src/example-queries.js';
import { createSeededApi, type SeededApi } from './support/seeded-api.js';

describe('the README example queries', () => {
  let api: SeededApi;
  beforeAll(async () => {
    api = await createSeededApi();
  });
  afterAll(async () => {
    await api.dispose();
  });

  it('are the ones in the README (run `npm run print-schema -w @binaan/api` after changing them)', () => {
    const readme = readFileSync(readmeFile, 'utf8');
    expect(readme).toBe(replaceExampleSection(readme, exampleQueriesMarkdown()));
  });

  it.each(exampleQueries.map((example) => [example.title, example] as const))('%s', async (_title, example) => {
    const result = await api.graphql(example.query, example.variables);
    expect(result.errors).toBeUndefined();
    const [root] = Object.values(result.data ?? {});
    expect(root).toBeTruthy();
    expect(JSON.stringify(root)).not.toMatch(/^(\[\]|\{\})$/);
  });
});
