// The field app's build: a small Preact bundle served by the API at /lapor/, plus its service worker.
// The worker is built second, as one classic script (sw.js at the app's root, so its scope is /lapor/),
// with the list of files to precache written in: every file the app's build emitted, each with a
// revision (hashed assets carry theirs in the name).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const apiTarget = process.env.BINAAN_API_URL ?? 'http://127.0.0.1:4000';
const root = fileURLToPath(new URL('.', import.meta.url));

function serviceWorker(): Plugin {
  let precache: { url: string; revision: string | null }[] = [];
  let outDir = '';
  return {
    name: 'binaan-lapor-service-worker',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    generateBundle(_options, bundle) {
      const revision = (content: string | Uint8Array) =>
        createHash('sha256').update(content).digest('hex').slice(0, 16);
      const emitted = Object.values(bundle)
        .filter((file) => !file.fileName.endsWith('.map') && !file.fileName.startsWith('.vite/'))
        .map((file) => ({
          url: file.fileName,
          revision: file.fileName.startsWith('assets/')
            ? null
            : revision(file.type === 'asset' ? file.source : file.code),
        }));
      // The icons and the web app manifest are copied from public/ as they are.
      const copied = readdirSync(join(root, 'public')).map((name) => ({
        url: name,
        revision: revision(readFileSync(join(root, 'public', name))),
      }));
      precache = [...emitted, ...copied];
    },
    async closeBundle() {
      await build({
        configFile: false,
        root,
        logLevel: 'warn',
        define: {
          'self.__WB_MANIFEST': JSON.stringify(precache),
          'import.meta.env.DEV': 'false',
          'process.env.NODE_ENV': '"production"',
        },
        build: {
          outDir,
          emptyOutDir: false,
          copyPublicDir: false,
          lib: { entry: 'src/sw.ts', formats: ['iife'], name: 'laporServiceWorker', fileName: () => 'sw.js' },
        },
      });
    },
  };
}

export default defineConfig({
  base: '/lapor/',
  plugins: [serviceWorker()],
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  // In development the API runs separately; Vite forwards GraphQL to it so the phone sees one origin.
  server: { port: 5174, proxy: { '/graphql': apiTarget } },
  // The manifest lets the budgets script count what the first load needs.
  build: { target: 'es2022', assetsInlineLimit: 0, manifest: true },
  test: {
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
    include: ['test/**/*.test.ts', 'e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['e2e/global-setup.ts'],
    maxWorkers: 2,
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
});
