import { createRequire } from 'node:module';
import { configDefaults, defineConfig } from 'vitest/config';

// One graphql for everything: vite would load its ESM build for our code while Apollo (CommonJS)
// loads the CommonJS one, and graphql refuses types from "another realm". Node itself picks CommonJS.
const graphqlMain = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
  test: {
    include: ['**/*.test.ts'],
    // The real topology (root, PostgreSQL binaries, Redis, HAProxy) runs apart: pnpm test:topology.
    exclude: [...configDefaults.exclude, 'topology/**'],
    // Every line of the run goes to .data/e2e-logs/; a resident ID in it fails the run.
    globalSetup: ['./log-capture.ts', './db-snapshots.ts'],
    pool: 'forks',
    experimental: { fsModuleCache: true },
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Each file starts its own hub on its own database; two cores run two at a time.
    maxWorkers: 2,
    // One JSON access line per request would bury the test report; a test that reads logs lowers the level itself.
    env: { HUB_LOG_LEVEL: process.env.HUB_LOG_LEVEL ?? 'warn' },
  },
});
