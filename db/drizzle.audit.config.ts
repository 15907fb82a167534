import { defineConfig } from 'drizzle-kit';

/** The audit domain owns its pg schema and its own migrations. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/audit.ts',
  out: './migrations/audit',
  schemaFilter: ['audit'],
});
