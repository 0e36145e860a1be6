// The API as tests use it: a fresh database (PGlite, or PostgreSQL when DATABASE_URL is set), migrated
// and filled with the demo data for a fixed day, served through yoga.fetch without a port. Requests go
// as one of the demo users (signed in once), with an API token, or anonymously.
import { DEFAULT_DEMO_PASSWORD, type Database, migrate, seedDatabase } from '@binaan/db';
import { createTestDatabase, type TestDatabase } from '@binaan/db/testing';
import { type App, createApp } from '../../src/yoga.js';

export const SEED_TODAY = '2026-11-24';

export const demoAccounts = {
  national: 'pimpinan@binaan.test',
  kanwil: 'kanwil.ntt@binaan.test',
  kanim: 'kanim.batulicin@binaan.test',
  analyst: 'analis@binaan.test',
} as const;
export type DemoAccount = keyof typeof demoAccounts;
export type Caller = DemoAccount | 'anonymous' | { token: string };

export interface GraphQLResponse<Data = Record<string, any>> {
  data?: Data;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
  extensions?: Record<string, any>;
}

export interface SeededApi {
  db: Database;
  app: App;
  /** SQL statements the Prisma client sent since the last reset. */
  prismaQueries: string[];
  graphql<Data = Record<string, any>>(query: string, variables?: Record<string, unknown>, as?: Caller): Promise<GraphQLResponse<Data>>;
  /** The raw HTTP response, for status codes and headers. */
  post(body: unknown, as?: Caller, headers?: Record<string, string>): Promise<Response>;
  dispose(): Promise<void>;
}

export async function createSeededApi(options: { seed?: boolean; rateLimit?: number } = {}): Promise<SeededApi> {
  const prismaQueries: string[] = [];
  const test: TestDatabase = await createTestDatabase({ onPrismaQuery: (query) => prismaQueries.push(query) });
  await migrate(test.db.sql);
  if (options.seed !== false) await seedDatabase(test.db.sql, { today: SEED_TODAY });
  const app = createApp({ db: test.db, rateLimit: options.rateLimit ?? 1_000_000 });
  const cookies = new Map<DemoAccount, string>();

  const rawPost = (body: unknown, headers: Record<string, string>) =>
    app.fetch('http://binaan.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
      body: JSON.stringify(body),
    });

  async function credentials(as: Caller): Promise<Record<string, string>> {
    if (as === 'anonymous') return {};
    if (typeof as === 'object') return { authorization: `Bearer ${as.token}` };
    let cookie = cookies.get(as);
    if (!cookie) {
      const response = await rawPost(
        {
          query: 'mutation($input: SignInInput!) { signIn(input: $input) { __typename } }',
          variables: { input: { email: demoAccounts[as], password: DEFAULT_DEMO_PASSWORD } },
        },
        {},
      );
      cookie = response.headers.get('set-cookie')?.split(';')[0];
      if (!cookie) throw new Error(`could not sign in as ${as}: ${await response.text()}`);
      cookies.set(as, cookie);
    }
    return { cookie };
  }

  return {
    db: test.db,
    app,
    prismaQueries,
    async post(body, as = 'national', headers = {}) {
      return rawPost(body, { ...(await credentials(as)), ...headers });
    },
    async graphql(query, variables, as = 'national') {
      const response = await rawPost({ query, variables }, await credentials(as));
      return response.json();
    },
    dispose: () => test.dispose(),
  };
}
