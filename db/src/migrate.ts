import path from 'node:path';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { DbHandle } from './client.ts';
import { repoRoot } from './client.ts';

export const migrationsFolder = path.join(repoRoot, 'db', 'migrations');

/** Applies the committed drizzle-kit migrations; the same files serve PGlite and PostgreSQL. */
export async function migrate(handle: DbHandle): Promise<void> {
  if (handle.kind === 'postgres') {
    const { migrate: run } = await import('drizzle-orm/postgres-js/migrator');
    await run(handle.db as never, { migrationsFolder });
  } else {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(handle.db as never, { migrationsFolder });
  }
}

/** How many migrations the folder holds (for readiness and diagnostics). */
export function migrationCount(): number {
  return readMigrationFiles({ migrationsFolder }).length;
}
