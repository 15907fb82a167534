import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgAsyncDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { relations } from './relations.ts';

/** The one database type every domain codes against, whichever driver is behind it. */
export type Db = PgAsyncDatabase<PgQueryResultHKT, typeof relations>;

export type DbKind = 'pglite' | 'postgres';

export interface DbHandle {
  db: Db;
  kind: DbKind;
  /** Counts SQL statements sent, for tests and benchmarks that prove batching. */
  stats: { statements: number };
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** postgres:// URL; when absent, an embedded PGlite database is used. */
  url?: string | undefined;
  /** PGlite data folder; `memory` keeps it in memory. Giving one means PGlite, whatever DATABASE_URL says. Default: HUB_PGLITE_DIR, else <repo>/.data/pglite */
  dataDir?: string | undefined;
  /** Pool size for postgres.js. */
  max?: number | undefined;
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const defaultDataDir = path.join(repoRoot, '.data', 'pglite');

/**
 * Opens the hub's database: postgres.js when a URL is given (or DATABASE_URL is
 * set), otherwise PGlite, the in-process WASM PostgreSQL, so `pnpm start` works
 * on a machine with no database server.
 */
export async function createDb(options: DbOptions = {}): Promise<DbHandle> {
  const { relations } = await import('./relations.ts');
  const url = options.url ?? (options.dataDir ? undefined : process.env.DATABASE_URL);
  const stats = { statements: 0 };
  const logger = { logQuery: () => void stats.statements++ };

  let db: Db;
  let close: () => Promise<void>;
  let kind: DbKind;
  if (url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const client = postgres(url, {
      max: options.max ?? 10,
      onnotice: () => {},
      connection: { application_name: 'skill-hub' },
    });
    db = drizzle({ client, relations, logger }) as unknown as Db;
    close = () => client.end({ timeout: 5 });
    kind = 'postgres';
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const dataDir = options.dataDir ?? process.env.HUB_PGLITE_DIR ?? defaultDataDir;
    if (dataDir !== 'memory') mkdirSync(dataDir, { recursive: true });
    const client: PGlite = await PGlite.create(dataDir === 'memory' ? undefined : dataDir);
    db = drizzle({ client, relations, logger }) as unknown as Db;
    close = () => client.close();
    kind = 'pglite';
  }

  return {
    db,
    kind,
    stats,
    async ping() {
      try {
        await db.execute(sql`select 1`);
        return true;
      } catch {
        return false;
      }
    },
    close,
  };
}
