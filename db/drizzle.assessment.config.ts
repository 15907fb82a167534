import { defineConfig } from 'drizzle-kit';

/** The assessment domain owns its pg schema and its own migrations. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/assessment.ts',
  out: './migrations/assessment',
  schemaFilter: ['assessment'],
});
