import { defineConfig } from 'drizzle-kit';

/** The feed domain owns its pg schema and its own migrations. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/feed.ts',
  out: './migrations/feed',
  schemaFilter: ['feed'],
});
