import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// One graphql for everything, as in test/vitest.config.ts: vite would load graphql's ESM build for
// our code while graphql-jit and Apollo (resolved by Node) load the CommonJS one, and graphql
// refuses a schema from "another realm".
const graphqlMain = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
});
