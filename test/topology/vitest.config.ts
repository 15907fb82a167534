import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// As test/vitest.config.ts: one graphql module for vite and Node alike.
const graphqlMain = createRequire(import.meta.url).resolve('graphql');

/**
 * `pnpm test:topology`: the real topology (topology.test.ts), apart from `pnpm test:e2e` — it needs
 * root (or a user that may run PostgreSQL), PostgreSQL server binaries, redis-server and haproxy.
 */
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
  test: {
    include: ['**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
