import react from '@vitejs/plugin-react';
import { compression } from 'vite-plugin-compression2';
import { defineConfig } from 'vitest/config';

const apiTarget = process.env.BINAAN_API_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  // Gzip and Brotli copies beside each file, which the API sends to browsers that accept them (the map's
  // boundaries shrink from 613 to 213 KB).
  plugins: [react(), compression({ algorithms: ['gzip', 'brotliCompress'], threshold: 1024 })],
  // In development the API runs separately; Vite forwards GraphQL to it so the browser sees one origin.
  server: { port: 5173, proxy: { '/graphql': apiTarget } },
  build: { chunkSizeWarningLimit: 700, manifest: true },
  test: {
    // graphql ships CJS and ESM builds; the API's schema and Yoga must share one (end-to-end tests).
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
    include: ['test/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts'],
    environment: 'node',
    // The bundle and the seeded database, once per run; then one file per core (each browser test file
    // has its own server, database copy and Chromium).
    globalSetup: ['e2e/global-setup.ts'],
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
