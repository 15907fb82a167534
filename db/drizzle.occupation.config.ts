import { defineConfig } from 'drizzle-kit';

/** The occupation domain owns its pg schema and its own migrations. */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/occupation.ts',
  out: './migrations/occupation',
  schemaFilter: ['occupation'],
});
