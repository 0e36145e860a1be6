// Runs the real thing for the field app's browser tests: the app built by Vite (service worker
// included), served with the GraphQL API by the API's own HTTP handler on a seeded database, with the
// API enforcing the app's trusted documents as in production, in headless Debian Chromium. Between the
// phone and the API sits a small proxy that can cut a connection after the server has answered (the
// server committed, the phone never hears): the one failure the network emulation cannot make.
import { mkdirSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createApp } from '@binaan/api/app';
import { createHttpHandler } from '@binaan/api/http';
import { migrate, seedDatabase } from '@binaan/db';
import { createTestDatabase, type DatabaseTemplate } from '@binaan/db/testing';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { demoUserGraphQL, launchChromium } from '@binaan/api/testing';
import { build } from 'vite';
import { fieldAppManifest } from '../scripts/trusted-documents';

export const outputDir = fileURLToPath(new URL('../test-output/', import.meta.url));
export const distDir = `${outputDir}e2e-dist`;
export { browserMissing, screenshot } from '@binaan/api/testing';

/** The production bundle and its service worker, as phones get them. */
export async function buildFieldApp(outDir = distDir): Promise<void> {
  // vitest sets NODE_ENV=test, which would make a development bundle.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: fileURLToPath(new URL('..', import.meta.url)),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

/** Cuts connections on purpose: after the API answered a report's submission, the phone gets nothing. */
export interface CuttingProxy {
  /** The next `count` report submissions are cut after the server's answer (a negative count disarms). */
  cutNextSubmissions(count: number): void;
  /** Every client reference submitted through the proxy, in order (a resend appears again). */
  submitted: string[];
  /** The client references whose answer was cut. */
  cut: string[];
}

function cuttingProxy(target: string): { server: Server; proxy: CuttingProxy } {
  const proxy: CuttingProxy & { pending: number } = {
    pending: 0,
    submitted: [],
    cut: [],
    cutNextSubmissions(count) {
      this.pending = Math.max(0, this.pending + count);
    },
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      let reference: string | null = null;
      if (req.url === '/graphql' && req.method === 'POST') {
        try {
          const input = (JSON.parse(body.toString('utf8')) as { variables?: { input?: { clientReference?: string } } })
            .variables?.input;
          reference = input?.clientReference ?? null;
        } catch {
          reference = null;
        }
      }
      if (reference) proxy.submitted.push(reference);
      const cutThis = reference !== null && proxy.pending > 0;
      if (cutThis) proxy.pending -= 1;
      const upstream = request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
        const answerChunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => answerChunks.push(chunk));
        answer.on('end', () => {
          if (cutThis) {
            // The server has committed and answered; the phone's connection breaks instead.
            proxy.cut.push(reference!);
            req.socket.destroy();
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(answerChunks));
        });
      });
      upstream.on('error', () => req.socket.destroy());
      upstream.end(body);
    });
  });
  return { server, proxy };
}

export interface RunningFieldApp {
  /** The app's origin as the phone sees it (through the proxy). */
  url: string;
  browser: Browser;
  proxy: CuttingProxy;
  /** GraphQL on the same database as an office user (any document). */
  graphql<T = any>(query: string, variables?: Record<string, unknown>, as?: string): Promise<T>;
  sql<Row extends object>(text: string, params?: unknown[]): Promise<Row[]>;
  /** A phone: a fresh browser context (its own IndexedDB and service worker) at 360×640. */
  phone(): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

/**
 * Starts the built field app and the API on a fresh database: a copy of `template` when the test run made
 * one (e2e/global-setup.ts), otherwise migrated and seeded here (the budgets script).
 */
export async function startFieldApp(template?: DatabaseTemplate, appDir = distDir): Promise<RunningFieldApp> {
  mkdirSync(outputDir, { recursive: true });
  const test = await createTestDatabase(template ? { from: template } : {});
  if (!template) {
    await migrate(test.db.sql);
    await seedDatabase(test.db.sql);
  }
  // As in production: a device credential runs only the documents the field app's build registered.
  const app = createApp({ db: test.db, trustedDocuments: { manifest: fieldAppManifest(), enforce: true } });
  const apiServer = createServer(createHttpHandler(app, { dashboardDir: null, fieldAppDir: appDir }));
  const apiUrl = await listen(apiServer);
  const { server: proxyServer, proxy } = cuttingProxy(apiUrl);
  const url = await listen(proxyServer);
  const checker = createApp({ db: test.db });
  const browser = await launchChromium();
  const asDemoUser = demoUserGraphQL(checker, apiUrl);
  return {
    url,
    browser,
    proxy,
    graphql: (query, variables, as = 'kanim.batulicin@binaan.test') => asDemoUser(query, variables, as),
    sql: (text, params) => test.db.sql.query(text, params),
    async phone() {
      const context = await browser.newContext({
        viewport: { width: 360, height: 640 },
        isMobile: true,
        hasTouch: true,
        locale: 'id-ID',
        timezoneId: 'Asia/Makassar',
      });
      const page = await context.newPage();
      return { context, page };
    },
    async close() {
      await browser.close();
      await new Promise((resolve) => proxyServer.close(resolve));
      await new Promise((resolve) => apiServer.close(resolve));
      await test.dispose();
    },
  };
}
