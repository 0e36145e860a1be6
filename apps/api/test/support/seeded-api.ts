// The API as tests use it: a fresh database (PGlite, or PostgreSQL when DATABASE_URL is set), migrated
// and filled with the demo data for a fixed day, served through yoga.fetch without a port.
import { migrate, seedDatabase, type Database } from '@binaan/db';
import { createTestDatabase, type TestDatabase } from '@binaan/db/testing';
import { createApp, type App } from '../../src/yoga.js';

export const SEED_TODAY = '2026-11-24';

export interface GraphQLResponse<Data = Record<string, any>> {
  data?: Data;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface SeededApi {
  db: Database;
  app: App;
  /** SQL statements the Prisma client sent since the last reset. */
  prismaQueries: string[];
  graphql<Data = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<Data>>;
  dispose(): Promise<void>;
}

export async function createSeededApi(options: { seed?: boolean } = {}): Promise<SeededApi> {
  const prismaQueries: string[] = [];
  const test: TestDatabase = await createTestDatabase({ onPrismaQuery: (query) => prismaQueries.push(query) });
  await migrate(test.db.sql);
  if (options.seed !== false) await seedDatabase(test.db.sql, { today: SEED_TODAY });
  const app = createApp({ db: test.db });
  return {
    db: test.db,
    app,
    prismaQueries,
    async graphql(query, variables) {
      const response = await app.fetch('http://binaan.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
        body: JSON.stringify({ query, variables }),
      });
      return response.json();
    },
    dispose: () => test.dispose(),
  };
}
