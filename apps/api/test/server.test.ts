// How the server behaves at its edges: GraphiQL only outside production, unexpected errors masked.
import { writeDemoUsers } from '@binaan/db';
import { createTestDatabase } from '@binaan/db/testing';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/yoga.js';
import { createSeededApi } from './support/seeded-api.js';

describe('the GraphQL server', () => {
  it('serves GraphiQL with the example queries in development, and not in production', async () => {
    const test = await createTestDatabase();
    try {
      const page = await createApp({ db: test.db }).fetch('http://binaan.test/graphql', {
        headers: { accept: 'text/html' },
      });
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
    const api = await createSeededApi({ seed: false });
    try {
      await writeDemoUsers(api.db.sql);
      await api.graphql('{ me { kind } }', {}, 'national'); // signs in while the database is whole
      await api.db.sql.exec('DROP TABLE village_report CASCADE');
      const body = await api.graphql('{ reports(first: 1) { totalCount } }', {}, 'national');
      expect(body.errors?.length).toBeGreaterThan(0);
      for (const error of body.errors!) expect(error.message).toBe('Unexpected error.');
      expect(JSON.stringify(body)).not.toMatch(/relation|does not exist|stack|prisma|village_report/i);
    } finally {
      await api.dispose();
    }
  });
});
