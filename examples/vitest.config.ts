import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // graphql ships CJS and ESM builds; the API's schema and Yoga must share one.
    alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
