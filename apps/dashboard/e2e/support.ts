// Runs the real thing for end-to-end tests: the dashboard built by Vite, served with the GraphQL API by
// the API's own HTTP handler, on a fresh embedded database seeded with the demo data, in headless
// Debian Chromium driven by playwright-core.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createHttpHandler } from '@binaan/api/http';
import { createApp } from '@binaan/api/app';
import { DEFAULT_DEMO_PASSWORD, migrate, openDatabase, seedDatabase } from '@binaan/db';
import { createTestDatabase, type DatabaseTemplate, type TestDatabase } from '@binaan/db/testing';
import type { Browser, Page } from 'playwright-core';
import { demoUserGraphQL, launchChromium } from '@binaan/api/testing';
import { trustedDocumentManifest } from '@binaan/client';
import { build } from 'vite';
import { collectDocuments } from '../scripts/trusted-documents';

export const outputDir = fileURLToPath(new URL('../test-output/', import.meta.url));
const distDir = `${outputDir}e2e-dist`;

export { browserMissing, screenshot } from '@binaan/api/testing';

export interface RunningDashboard {
  url: string;
  browser: Browser;
  graphql<T = any>(query: string, variables?: Record<string, unknown>, as?: string): Promise<T>;
  /** SQL straight on the test database: what was (or was not) written. */
  sql<Row extends object>(text: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

/** A digest of everything the bundle is built from: the test files share one build while it matches. */
function sourceDigest(): string {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
    );
  const hash = createHash('sha256');
  for (const file of [...files(join(root, 'src')), join(root, 'index.html'), join(root, 'vite.config.ts')].sort()) {
    hash.update(file).update(readFileSync(file));
  }
  return hash.digest('hex');
}

/** A production bundle, as users get it; built once per change of its sources. */
export async function buildOnce(): Promise<void> {
  const digest = sourceDigest();
  const stamp = `${distDir}/.source-digest`;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) return;
  // vitest sets NODE_ENV=test, which would make a development bundle.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: fileURLToPath(new URL('..', import.meta.url)),
      logLevel: 'warn',
      build: { outDir: distDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  writeFileSync(stamp, digest);
}

/**
 * Starts the built dashboard and the API on a fresh database: a copy of `template` when the test run made
 * one (e2e/global-setup.ts seeds once per run), otherwise migrated and seeded here; or, given `{ url }`,
 * on that existing database as it is (the budgets on the national dataset), left as it was.
 */
export async function startDashboard(template?: DatabaseTemplate | { url: string }): Promise<RunningDashboard> {
  mkdirSync(outputDir, { recursive: true });
  await buildOnce();
  // As in production: the API runs only the documents the build registered for the dashboard, so a
  // document missing from the manifest fails these tests.
  const manifest = trustedDocumentManifest((await collectDocuments()).values());
  writeFileSync(`${distDir}/trusted-documents.json`, JSON.stringify(manifest));
  const test: Pick<TestDatabase, 'db' | 'dispose'> =
    template && 'url' in template
      ? await existingDatabase(template.url)
      : await createTestDatabase(template ? { from: template } : {});
  if (!template) {
    await migrate(test.db.sql);
    await seedDatabase(test.db.sql);
  }
  const app = createApp({ db: test.db, trustedDocuments: { manifest, enforce: true } });
  const server: Server = createServer(createHttpHandler(app, { dashboardDir: distDir }));
  // The tests' own queries (to compare the screen with the API) are arbitrary documents: they go to a
  // second app on the same database that, like an analyst's token, may send them.
  const checker = createApp({ db: test.db });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await launchChromium();
  // The tests' own GraphQL calls go as national leadership, who sees every area, unless they name
  // another demo account (e.g. an office, to submit a report as a village's channel would).
  const asDemoUser = demoUserGraphQL(checker, url);
  return {
    url,
    browser,
    graphql: (query, variables, as = 'pimpinan@binaan.test') => asDemoUser(query, variables, as),
    sql: (text, params) => test.db.sql.query(text, params),
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await test.dispose();
    },
  };
}

async function existingDatabase(url: string): Promise<Pick<TestDatabase, 'db' | 'dispose'>> {
  const db = await openDatabase({ url });
  return { db, dispose: () => db.close() };
}

/** Signs a page in through the sign-in form, as a person does. */
export async function signIn(page: Page, url: string, email: string, password = DEFAULT_DEMO_PASSWORD) {
  await page.goto(`${url}/masuk`);
  await page.fill('input[type=email]', email);
  await page.fill('input[type=password]', password);
  await page.click('button[type=submit]');
  await page.waitForURL((target) => !target.pathname.startsWith('/masuk'));
}
