import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { hubConfig } from '@hub/platform/config';
import { SpanKind, startTracing, withSpan } from '@hub/platform/tracing';
import { sql } from 'drizzle-orm';
import type { PgAsyncDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { relations } from './relations.ts';
import { openReplica, type ReadReplica } from './replica.ts';

/** The one database type every domain codes against, whichever driver is behind it. */
export type Db = PgAsyncDatabase<PgQueryResultHKT, typeof relations>;

export type DbKind = 'pglite' | 'postgres';

export interface DbHandle {
  db: Db;
  /**
   * The public hot path's own connection (证书查询): lookups queued on it are pipelined, many to a
   * network write, instead of each taking a pooled connection and a round trip of its own; and a
   * flood of public lookups cannot take the pool from authenticated work. PGlite: `db` itself.
   */
  lookup: Db;
  kind: DbKind;
  /** The read replica (DATABASE_REPLICA_URL, PostgreSQL only) that routed reads may use (replica.ts). */
  replica?: ReadReplica;
  /** Counts SQL statements sent, for tests and benchmarks that prove batching. */
  stats: { statements: number };
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  /** PGlite only: the whole database as an uncompressed tarball, to start others from (`DbOptions.from`). */
  snapshot?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** postgres:// URL; when absent, an embedded PGlite database is used. */
  url?: string | undefined;
  /** PGlite data folder; `memory` keeps it in memory. Giving one means PGlite, whatever DATABASE_URL says. Default: HUB_PGLITE_DIR, else <repo>/.data/pglite */
  dataDir?: string | undefined;
  /** Pool size for postgres.js; default HUB_DB_POOL, else 10. */
  max?: number | undefined;
  /** Connections of `lookup` (postgres.js, application_name `skill-hub lookup`); default HUB_DB_LOOKUP_POOL, else 1. */
  lookupMax?: number | undefined;
  /** A streaming replica's URL for routed reads; default DATABASE_REPLICA_URL (only with a PostgreSQL `url`). */
  replicaUrl?: string | undefined;
  /** Seconds the replica may lag before routed reads go back to the primary; default HUB_REPLICA_MAX_LAG. */
  replicaMaxLag?: number | undefined;
  /** PGlite in memory only: start from this snapshot (`DbHandle.snapshot`) instead of an empty cluster. */
  from?: Blob | undefined;
}

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const defaultDataDir = path.join(repoRoot, '.data', 'pglite');

/**
 * Opens the hub's database: postgres.js when a URL is given (or DATABASE_URL is
 * set), otherwise PGlite, the in-process WASM PostgreSQL, so `pnpm start` works
 * on a machine with no database server.
 */
export async function createDb(options: DbOptions = {}): Promise<DbHandle> {
  if (await startTracing()) await traceStatements();
  const { relations } = await import('./relations.ts');
  const config = hubConfig();
  const url = options.url ?? (options.dataDir ? undefined : config.databaseUrl);
  const stats = { statements: 0 };
  const logger = { logQuery: () => void stats.statements++ };

  let db: Db;
  let lookup: Db;
  let close: () => Promise<void>;
  let kind: DbKind;
  let snapshot: (() => Promise<Blob>) | undefined;
  if (url) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const open = (max: number, connection: Record<string, string>) =>
      postgres(url, { max, onnotice: () => {}, connection });
    const client = open(options.max ?? config.dbPool ?? 10, { application_name: 'skill-hub' });
    // postgres.js connects on first use: a process that never looks up opens no more connections.
    // Its statements are all prepared key lookups, planned once: PostgreSQL would otherwise plan
    // 证书查询's (an array of pairs) anew on every run, its estimate for a known array being the
    // better one, at about a third of the lookup's cost in the database.
    const lookupClient = open(options.lookupMax ?? config.dbLookupPool ?? 1, {
      application_name: 'skill-hub lookup',
      plan_cache_mode: 'force_generic_plan',
    });
    db = drizzle({ client, relations, logger }) as unknown as Db;
    lookup = drizzle({ client: lookupClient, relations, logger }) as unknown as Db;
    close = async () => {
      await Promise.all([client.end({ timeout: 5 }), lookupClient.end({ timeout: 5 })]);
    };
    kind = 'postgres';
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const dataDir = options.dataDir ?? config.pgliteDir ?? defaultDataDir;
    if (dataDir !== 'memory') mkdirSync(dataDir, { recursive: true });
    const client: PGlite =
      dataDir === 'memory'
        ? await PGlite.create(options.from ? { loadDataDir: options.from } : {})
        : await PGlite.create(dataDir);
    db = drizzle({ client, relations, logger }) as unknown as Db;
    lookup = db;
    close = () => client.close();
    kind = 'pglite';
    snapshot = () => client.dumpDataDir('none');
  }

  const replicaUrl = url ? (options.replicaUrl ?? config.databaseReplicaUrl) : undefined;
  const replica = replicaUrl
    ? await openReplica({
        url: replicaUrl,
        maxLagSeconds: options.replicaMaxLag ?? config.replicaMaxLag,
        max: options.max ?? config.dbPool ?? 5,
      })
    : undefined;
  if (replica) {
    const closePrimary = close;
    close = async () => {
      await Promise.all([closePrimary(), replica.close()]);
    };
  }

  return {
    db,
    lookup,
    kind,
    ...(replica ? { replica } : {}),
    stats,
    ...(snapshot ? { snapshot } : {}),
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

/** The rows of `db.execute(sql`…`)`, whichever driver answered: postgres.js gives an array, PGlite `{ rows }`. */
export const rowsOf = <T>(result: unknown): T[] =>
  (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

let tracingStatements = false;

/**
 * With tracing on, every SQL statement drizzle sends (both drivers, inside
 * transactions too) becomes a client span under the resolver that asked for it.
 * Neither postgres.js nor PGlite has OpenTelemetry instrumentation and drizzle's
 * own is compiled out, so the one place every statement passes, the prepared
 * query's execute, is wrapped. The span names the parameterised SQL, never its
 * parameters (names, resident IDs). Off, nothing is wrapped.
 */
async function traceStatements() {
  if (tracingStatements) return;
  tracingStatements = true;
  const { PgAsyncPreparedQuery } = await import('drizzle-orm/pg-core/async/session');
  type Execute = (this: { getQuery(): { sql: string } }, ...args: unknown[]) => Promise<unknown>;
  const proto = PgAsyncPreparedQuery.prototype as unknown as { execute: Execute };
  const execute = proto.execute;
  proto.execute = function (...args) {
    const text = this.getQuery().sql;
    return withSpan(
      `sql ${/^\s*(\w+)/.exec(text)?.[1]?.toLowerCase() ?? 'statement'}`,
      { kind: SpanKind.CLIENT, attributes: { 'db.system.name': 'postgresql', 'db.query.text': text.slice(0, 2000) } },
      () => execute.apply(this, args),
    );
  };
}
