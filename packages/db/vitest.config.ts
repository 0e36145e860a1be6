import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Each file opens its own databases (in-memory PGlite, or its own database on the server): files run
    // side by side, one worker per core. A worker keeps its modules from file to file, and with them the
    // copy of an empty PGlite cluster that spares each later database initdb (test-database.ts): the
    // package's tests took 31.6 s instead of 53.8 s.
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
