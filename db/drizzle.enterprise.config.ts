import { defineConfig } from 'drizzle-kit';

/** The enterprise domain owns its pg schema and its own migrations. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/enterprise.ts',
  out: './migrations/enterprise',
  schemaFilter: ['enterprise'],
});
