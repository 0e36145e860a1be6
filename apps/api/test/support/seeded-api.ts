// The API as tests use it: a fresh database (PGlite, or PostgreSQL when DATABASE_URL is set), migrated
// and filled with the demo data for a fixed day, served through yoga.fetch without a port. Requests go
// as one of the demo users (signed in once), with an API token, or anonymously.
// Each starts from a copy of the run's seeded template (database.ts).
import { DEFAULT_DEMO_PASSWORD, type Database, type QueryOptions } from '@binaan/db';
import type { TestDatabase } from '@binaan/db/testing';
import { type App, type AppOptions, createApp } from '../../src/yoga.js';
import { createApiTestDatabase } from './database.js';

export { SEED_TODAY } from './seed-options.js';

export const demoAccounts = {
  national: 'pimpinan@binaan.test',
  kanwil: 'kanwil.ntt@binaan.test',
  kanim: 'kanim.batulicin@binaan.test',
  analyst: 'analis@binaan.test',
  admin: 'admin@binaan.test',
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
  /** Statements sent through db.sql (the analytics' hand-written SQL) since the last reset. */
  sqlQueries: string[];
  graphql<Data = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    as?: Caller,
  ): Promise<GraphQLResponse<Data>>;
  /** The raw HTTP response, for status codes and headers. */
  post(body: unknown, as?: Caller, headers?: Record<string, string>): Promise<Response>;
  /** Any other request to the app (e.g. a document under /documents/), as a caller. */
  request(path: string, init: RequestInit, as?: Caller): Promise<Response>;
  /** Issues an API token as a demo user and returns its secret. */
  issueToken(as: DemoAccount, scopes: string[], officeCode?: string): Promise<string>;
  dispose(): Promise<void>;
}

export async function createSeededApi(
  options: { seed?: boolean; rateLimit?: number; app?: Omit<AppOptions, 'db' | 'rateLimit'> } = {},
): Promise<SeededApi> {
  const prismaQueries: string[] = [];
  const test: TestDatabase = await createApiTestDatabase({
    seed: options.seed !== false,
    onPrismaQuery: (query) => prismaQueries.push(query),
  });
  const sqlQueries: string[] = [];
  const sendQuery = test.db.sql.query.bind(test.db.sql);
  test.db.sql.query = ((text: string, params?: unknown[], options?: QueryOptions) => {
    sqlQueries.push(text);
    return sendQuery(text, params, options);
  }) as typeof test.db.sql.query;
  const app = createApp({ ...options.app, db: test.db, rateLimit: options.rateLimit ?? 1_000_000 });
  // Signing in and issuing tokens go through a plain app on the same database, so they work whatever
  // the app under test refuses (e.g. documents that are not trusted).
  const setup = options.app ? createApp({ db: test.db, rateLimit: 1_000_000 }) : app;
  const cookies = new Map<DemoAccount, string>();

  const rawPost = (body: unknown, headers: Record<string, string>, target: App = app) =>
    target.fetch('http://binaan.test/graphql', {
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
        setup,
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
    sqlQueries,
    async post(body, as = 'national', headers = {}) {
      return rawPost(body, { ...(await credentials(as)), ...headers });
    },
    async request(path, init, as = 'national') {
      const headers = new Headers(init.headers);
      for (const [name, value] of Object.entries(await credentials(as))) headers.set(name, value);
      return app.fetch(`http://binaan.test${path}`, { ...init, headers });
    },
    async graphql(query, variables, as = 'national') {
      const response = await rawPost({ query, variables }, await credentials(as));
      return response.json();
    },
    async issueToken(as, scopes, officeCode) {
      const response = await rawPost(
        {
          query: `mutation($input: IssueApiTokenInput!) {
            issueApiToken(input: $input) { ... on MutationIssueApiTokenSuccess { data { secret } } ... on Error { message } }
          }`,
          variables: { input: { name: `test ${scopes.join(' ')}`, scopes, ...(officeCode ? { officeCode } : {}) } },
        },
        await credentials(as),
        setup,
      );
      const body = (await response.json()) as GraphQLResponse;
      const secret = body.data?.issueApiToken?.data?.secret as string | undefined;
      if (!secret) throw new Error(`could not issue a token: ${JSON.stringify(body)}`);
      return secret;
    },
    dispose: () => test.dispose(),
  };
}
