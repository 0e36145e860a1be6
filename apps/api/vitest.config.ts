import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql ships CJS and ESM builds; make every importer share one so `instanceof` checks hold.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // Each file has its own database copied from the run's templates, so files run side by side: one
    // worker per core. A worker keeps its loaded modules from file to file (the schema is built once per
    // worker, not per file): importing them anew took 49 s of the suite's CPU.
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
