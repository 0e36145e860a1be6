// How the server behaves at its edges: GraphiQL only outside production, unexpected errors masked.
import { createTestDatabase } from '@binaan/db/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/yoga.js';

describe('the GraphQL server', () => {
  it('serves GraphiQL with the example queries in development, and not in production', async () => {
    const test = await createTestDatabase();
    try {
      const page = await createApp({ db: test.db }).fetch('http://binaan.test/graphql', { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Binaan GraphQL');
      expect(html).toContain('CoverageByProvince');
      const production = await createApp({ db: test.db, production: true }).fetch('http://binaan.test/graphql', {
        headers: { accept: 'text/html' },
      });
      expect(await production.text()).not.toContain('CoverageByProvince');
    } finally {
      await test.dispose();
    }
  });

  it('masks unexpected errors: the caller sees no internals', async () => {
    const test = await createTestDatabase();
    const app = createApp({ db: test.db });
    // No migrations were applied, so every table is missing: an unexpected server-side failure.
    const response = await app.fetch('http://binaan.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ coverage { rows { villages } } provinces(first: 1) { totalCount } }' }),
    });
    const body = await response.json();
    await test.dispose();
    expect(body.errors.length).toBeGreaterThan(0);
    for (const error of body.errors) expect(error.message).toBe('Unexpected error.');
    expect(JSON.stringify(body)).not.toMatch(/relation|does not exist|stack|prisma/i);
  });
});
