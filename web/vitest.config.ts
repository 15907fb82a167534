import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// The hub under test loads graphql as the e2e tests do (test/vitest.config.ts): one copy, CommonJS.
const graphqlMain = createRequire(new URL('../test/', import.meta.url)).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // One hub and one browser for the whole file: the tests share them.
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    env: { HUB_LOG_LEVEL: process.env.HUB_LOG_LEVEL ?? 'warn' },
  },
});
