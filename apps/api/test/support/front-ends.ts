// What the front ends' browser tests and budget scripts share (the dashboard's and the field app's):
// whether Chromium can run here, the test run's setup (build and seeded database), launching it, GraphQL on the test database as a demo user, and the
// JavaScript a built app's first load needs. Exported as @binaan/api/testing.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEFAULT_DEMO_PASSWORD } from '@binaan/db';
import { createDatabaseTemplate, type DatabaseTemplate } from '@binaan/db/testing';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import type { App } from '../../src/yoga.js';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Why the browser tests cannot run here, or null when they can. CI runs them once, in its Node 20 PGlite
 * suite, and turns them off elsewhere (BINAAN_BROWSER_TESTS=off): what they drive runs in Chromium, and
 * the API's own suite covers PostgreSQL and Node 24. Skipped tests say why in the output.
 */
export const browserMissing =
  process.env.BINAAN_BROWSER_TESTS === 'off'
    ? 'turned off for this run (BINAAN_BROWSER_TESTS=off)'
    : existsSync(chromiumPath)
      ? null
      : `no Chromium at ${chromiumPath} (apt-get install -y chromium, or set CHROMIUM_PATH)`;

/** Debian's Chromium, headless, without the background traffic that would blur network measurements. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A picture of what a test sees, for people to look at (apps/…/test-output/): taken when
 * BINAAN_SCREENSHOTS=on. Encoding them cost a tenth of the browser tests' CPU, which every run paid
 * and nobody looked at.
 */
export async function screenshot(target: Page | Locator, path: string, options: { fullPage?: boolean } = {}) {
  if (process.env.BINAAN_SCREENSHOTS !== 'on') return;
  mkdirSync(dirname(path), { recursive: true });
  await target.screenshot({ path, ...options });
}

/**
 * GraphQL on the test database as a demo user (signed in once, by the session cookie), through an app
 * that accepts any document: the tests' own queries compare the screen with the API and set up records.
 */
export function demoUserGraphQL(checker: App, url: string) {
  const cookies = new Map<string, string>();
  const cookieOf = async (email: string) => {
    if (!cookies.has(email)) {
      const response = await checker.fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($input: SignInInput!) { signIn(input: $input) { __typename } }',
          variables: { input: { email, password: DEFAULT_DEMO_PASSWORD } },
        }),
      });
      cookies.set(email, response.headers.get('set-cookie')?.split(';')[0] ?? '');
    }
    return cookies.get(email)!;
  };
  return async <T = any>(query: string, variables: Record<string, unknown> | undefined, email: string): Promise<T> => {
    const response = await checker.fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: await cookieOf(email) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data: T; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
}

/** The files a built app's first load needs (its entries and what they import), gzipped sizes, from Vite's manifest. */
export function initialFiles(distDir: string): { file: string; gzip: number }[] {
  type Chunk = { file: string; imports?: string[]; isEntry?: boolean; css?: string[] };
  const manifest = JSON.parse(readFileSync(`${distDir}/.vite/manifest.json`, 'utf8')) as Record<string, Chunk>;
  const initial = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || initial.has(chunk.file)) return;
    initial.add(chunk.file);
    for (const css of chunk.css ?? []) initial.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return [...initial].map((file) => ({ file, gzip: gzipSync(readFileSync(`${distDir}/${file}`)).length }));
}

declare module 'vitest' {
  export interface ProvidedContext {
    seededTemplate: DatabaseTemplate | null;
  }
}

/**
 * A front end's vitest global setup: once per test run, before the test files start side by side, its
 * production build and the seeded database every browser test file copies (nothing without Chromium).
 */
export function browserTestSetup(build: () => Promise<void>) {
  return async (project: TestProject): Promise<(() => Promise<void>) | void> => {
    if (browserMissing) {
      project.provide('seededTemplate', null);
      return;
    }
    await build();
    const seeded = await createDatabaseTemplate({});
    project.provide('seededTemplate', seeded.template);
    return () => seeded.dispose();
  };
}
