import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Each file starts its own hub on its own database; two cores run two at a time.
    maxWorkers: 2,
  },
});
