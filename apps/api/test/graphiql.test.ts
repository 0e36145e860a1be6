// GraphiQL opens on a closed network: in real Chromium, with every request that does not go to the API
// refused, the page renders from the API's own files and runs a query as a signed-in user.
import { existsSync } from 'node:fs';
import { DEFAULT_DEMO_PASSWORD } from '@binaan/db';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderOfflineGraphiQL } from '../src/graphiql.js';
import type { Service } from '../src/service.js';
import { createApiTestDatabase } from './support/database.js';
import { startTestService } from './support/service.js';
import type { TestDatabase } from '@binaan/db/testing';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('GraphiQL', () => {
  it('loads nothing from outside the API', () => {
    const html = renderOfflineGraphiQL({ title: 'Binaan GraphQL' });
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('/graphiql-assets/yoga-graphiql.umd.js');
  });

  describe.skipIf(!existsSync(chromiumPath))('in Chromium, offline but for the API', () => {
    let test: TestDatabase;
    let service: Service;
    beforeAll(async () => {
      test = await createApiTestDatabase();
      service = await startTestService(test.db);
    });
    afterAll(async () => {
      await service.stop();
      await test.dispose();
    });

    it('renders from the API’s own files and runs a query signed in', async () => {
      const signIn = await fetch(`${service.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($i: SignInInput!) { signIn(input: $i) { __typename } }',
          variables: { i: { email: 'analis@binaan.test', password: DEFAULT_DEMO_PASSWORD } },
        }),
      });
      const [name, value] = signIn.headers.get('set-cookie')!.split(';')[0]!.split('=') as [string, string];
      const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] });
      try {
        const context = await browser.newContext();
        await context.addCookies([{ name, value, url: service.url }]);
        const refused: string[] = [];
        await context.route('**/*', (route) => {
          const url = route.request().url();
          if (url.startsWith(service.url) || url.startsWith('blob:') || url.startsWith('data:'))
            return route.continue();
          refused.push(url);
          return route.abort();
        });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(`${service.url}/graphql`);
        await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
        await page.waitForSelector('.graphiql-execute-button', { timeout: 30_000 });
        // Replace the examples with one query, and run it with the keyboard.
        const editor = page
          .locator('.graphiql-query-editor .monaco-editor, .graphiql-query-editor .CodeMirror')
          .first();
        await editor.click();
        await page.keyboard.press('ControlOrMeta+A');
        await page.keyboard.press('Delete');
        await page.keyboard.type('query Me { me { kind email');
        await page.keyboard.press('ControlOrMeta+Enter');
        const response = page.locator('.graphiql-response');
        await expect.poll(async () => response.innerText(), { timeout: 30_000 }).toContain('analis@binaan.test');
        expect(refused).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
      }
    }, 90_000);
  });
});
