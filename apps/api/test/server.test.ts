// How the server behaves at its edges: GraphiQL only outside production, unexpected errors masked, the
// field app served at its own path, the dashboard's files compressed and cached by kind.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { writeDemoUsers } from '@binaan/db';
import { createTestDatabase } from '@binaan/db/testing';
import { describe, expect, it } from 'vitest';
import { createHttpHandler } from '../src/http.js';
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
      const body = await api.graphql('{ reports(first: 1) { edges { node { id } } } }', {}, 'national');
      expect(body.errors?.length).toBeGreaterThan(0);
      for (const error of body.errors!) expect(error.message).toBe('Unexpected error.');
      expect(JSON.stringify(body)).not.toMatch(/relation|does not exist|stack|prisma|village_report/i);
    } finally {
      await api.dispose();
    }
  });
});

describe('the field app at /lapor/', () => {
  it('serves its files, its routes as index.html, and caches only hashed assets for long', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'binaan-lapor-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Binaan Lapor</title>');
    writeFileSync(join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
    const test = await createTestDatabase();
    const server = createServer(
      createHttpHandler(createApp({ db: test.db }), { dashboardDir: null, fieldAppDir: dir }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const bare = await fetch(`${base}/lapor`, { redirect: 'manual' });
      expect([bare.status, bare.headers.get('location')]).toEqual([301, '/lapor/']);
      const shell = await fetch(`${base}/lapor/`);
      expect([shell.status, shell.headers.get('cache-control')]).toEqual([200, 'no-cache']);
      expect(await shell.text()).toContain('Binaan Lapor');
      const worker = await fetch(`${base}/lapor/sw.js`);
      expect([worker.status, worker.headers.get('cache-control')]).toEqual([200, 'no-cache']);
      const asset = await fetch(`${base}/lapor/assets/index-abc123.js`);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      // A deep link (after the hash, the enrolment code never reaches the server) is the app itself.
      expect(await (await fetch(`${base}/lapor/laporan/1`)).text()).toContain('Binaan Lapor');
      expect((await fetch(`${base}/lapor/assets/missing.js`)).status).toBe(404);
      // The dashboard is not built here: everything else is not found, GraphQL still answers.
      expect((await fetch(`${base}/`)).status).toBe(404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await test.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the dashboard’s files', () => {
  it('go compressed to browsers that accept it, and hashed assets are cached for long', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'binaan-dashboard-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Binaan</title>');
    const boundaries = JSON.stringify({ type: 'Topology', arcs: Array.from({ length: 500 }, (_, i) => [[i, i]]) });
    const asset = join(dir, 'assets', 'regencies.topo-abc123.json');
    writeFileSync(asset, boundaries);
    writeFileSync(`${asset}.gz`, gzipSync(boundaries));
    writeFileSync(`${asset}.br`, brotliCompressSync(boundaries));
    const test = await createTestDatabase();
    const server = createServer(createHttpHandler(createApp({ db: test.db }), { dashboardDir: dir }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const get = (path: string, acceptEncoding: string) =>
      new Promise<{ encoding: string | undefined; cache: string | undefined; body: Buffer }>((resolve, reject) => {
        request(`${base}${path}`, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              encoding: response.headers['content-encoding'],
              cache: response.headers['cache-control'],
              body: Buffer.concat(chunks),
            }),
          );
        })
          .on('error', reject)
          .end();
      });
    try {
      const brotli = await get('/assets/regencies.topo-abc123.json', 'gzip, deflate, br');
      expect(brotli.encoding).toBe('br');
      expect(brotliDecompressSync(brotli.body).toString()).toBe(boundaries);
      expect(brotli.cache).toBe('public, max-age=31536000, immutable');
      const gzip = await get('/assets/regencies.topo-abc123.json', 'gzip');
      expect(gzip.encoding).toBe('gzip');
      expect(gunzipSync(gzip.body).toString()).toBe(boundaries);
      const plain = await get('/assets/regencies.topo-abc123.json', 'identity');
      expect([plain.encoding, plain.body.toString()]).toEqual([undefined, boundaries]);
      // The page itself is revalidated on every load, so a new version is seen at once.
      expect((await get('/peta', 'identity')).cache).toBe('no-cache');
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await test.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
