import { hubConfig } from '@hub/platform/config';
import { createDb, type DbHandle } from './client.ts';

/**
 * The database for a service started as its own process. Separate processes
 * cannot share one embedded PGlite folder, so a lone service needs PostgreSQL;
 * `pnpm start` runs everything in one process on PGlite instead. Its pool has
 * HUB_DB_POOL connections (default 5), plus HUB_DB_LOOKUP_POOL (default 1) for
 * public lookups (DbHandle.lookup).
 */
export async function openServiceDb(service: string): Promise<DbHandle> {
  const config = hubConfig();
  if (!config.databaseUrl) {
    console.error(
      `✗ ${service} on its own needs DATABASE_URL (PostgreSQL): separate processes cannot share the embedded PGlite.\n` +
        '  Use `pnpm start` to run the whole hub on PGlite in one process.',
    );
    process.exit(2);
  }
  return createDb({ max: config.dbPool ?? 5 });
}
