import { defineConfig } from 'drizzle-kit';

/** The supervision domain owns its pg schema and its own migrations. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/supervision.ts',
  out: './migrations/supervision',
  schemaFilter: ['supervision'],
});
