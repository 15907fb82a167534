import type { Claims } from '@hub/platform';
import { sql } from 'drizzle-orm';
import type { Db } from './client.ts';
import { auditEvents } from './schema/audit.ts';

/**
 * 读写分离: a streaming replica of the primary (DATABASE_REPLICA_URL) serves the heavy read-only
 * loads — public 证书查询 and the statistics — so they do not compete with the writes of every
 * enterprise and centre. Which reads go there is the caller's choice (`ReadRoute`); everything else
 * reads the primary. A monitor asks the replica for its lag once a second; above the configured
 * maximum (HUB_REPLICA_MAX_LAG), or when it does not answer, reads go back to the primary until it
 * catches up. A read that fails on the replica for want of a connection is read again on the
 * primary. docs/operations.md, "Read replica".
 */
export interface ReplicaState {
  /** Where routed reads go now. */
  reads: 'replica' | 'primary';
  /** The replica's replay lag in seconds (0 when it has replayed all it received); null until known or while unreachable. */
  lagSeconds: number | null;
  maxLagSeconds: number;
  /** Why reads are on the primary, when they are. */
  reason?: 'starting' | 'unreachable' | 'lagging' | 'not a replica';
}

export interface ReadReplica {
  /** The replica's pool for the statistics and other routed reads. */
  db: Db;
  /** The replica's connection for 证书查询 (pipelined, as DbHandle.lookup on the primary). */
  lookup: Db;
  maxLagSeconds: number;
  state(): ReplicaState;
  /** Routed reads so far: served by the replica, by the primary, and replica reads retried on the primary. */
  readonly stats: { replica: number; primary: number; fallbacks: number };
  /** A routed read found the replica unreachable: reads go to the primary until the monitor sees it back. */
  failed(): void;
  close(): Promise<void>;
}

export interface ReplicaOptions {
  url: string;
  maxLagSeconds: number;
  /** Pool of the routed reads; default 5. */
  max?: number;
  /** How often the lag is asked (ms); default 1000. */
  checkEveryMs?: number;
}

/** In recovery (a standby), and seconds behind: 0 when all received is replayed, else since the last replayed commit. */
const LAG_SQL = `select pg_is_in_recovery() as recovery,
  coalesce(case when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
    else extract(epoch from now() - pg_last_xact_replay_timestamp()) end, 0)::float8 as lag`;

/** Where routed reads go, given what the replica says: a standby within the maximum lag serves them. */
export function judgeReplica(recovery: boolean, lagSeconds: number, maxLagSeconds: number): ReplicaState {
  const base = { lagSeconds, maxLagSeconds };
  if (!recovery) return { ...base, reads: 'primary', reason: 'not a replica' };
  if (lagSeconds > maxLagSeconds) return { ...base, reads: 'primary', reason: 'lagging' };
  return { ...base, reads: 'replica' };
}

export async function openReplica(opts: ReplicaOptions): Promise<ReadReplica> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { relations } = await import('./relations.ts');
  const open = (max: number, connection: Record<string, string>) =>
    postgres(opts.url, { max, onnotice: () => {}, connection, connect_timeout: 2 });
  const client = open(opts.max ?? 5, { application_name: 'skill-hub replica' });
  const lookupClient = open(1, { application_name: 'skill-hub replica lookup', plan_cache_mode: 'force_generic_plan' });
  const monitorClient = open(1, { application_name: 'skill-hub replica monitor' });
  const db = drizzle({ client, relations }) as unknown as Db;
  const lookup = drizzle({ client: lookupClient, relations }) as unknown as Db;

  let state: ReplicaState = {
    reads: 'primary',
    lagSeconds: null,
    maxLagSeconds: opts.maxLagSeconds,
    reason: 'starting',
  };
  const stats = { replica: 0, primary: 0, fallbacks: 0 };
  const check = async () => {
    try {
      const timeout = new Promise<never>((_, reject) => {
        setTimeout(() => reject(new Error('replica lag check timed out')), 2_000).unref();
      });
      const [row] = (await Promise.race([monitorClient.unsafe(LAG_SQL), timeout])) as unknown as {
        recovery: boolean;
        lag: number;
      }[];
      state = judgeReplica(Boolean(row?.recovery), Number(row?.lag ?? 0), opts.maxLagSeconds);
    } catch {
      state = { reads: 'primary', lagSeconds: null, maxLagSeconds: opts.maxLagSeconds, reason: 'unreachable' };
    }
  };
  await check();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const loop = () => {
    timer = setTimeout(async () => {
      await check();
      if (!stopped) loop();
    }, opts.checkEveryMs ?? 1_000);
    timer.unref();
  };
  loop();

  return {
    db,
    lookup,
    maxLagSeconds: opts.maxLagSeconds,
    state: () => state,
    stats,
    failed() {
      state = { reads: 'primary', lagSeconds: null, maxLagSeconds: opts.maxLagSeconds, reason: 'unreachable' };
    },
    async close() {
      stopped = true;
      clearTimeout(timer);
      await Promise.all([client, lookupClient, monitorClient].map((c) => c.end({ timeout: 5 })));
    },
  };
}

/** A connection lost or refused, the server shutting down, or a query cancelled by recovery: worth reading again elsewhere. */
export function isUnavailable(err: unknown): boolean {
  let e = err as { code?: unknown; cause?: unknown } | undefined;
  for (let depth = 0; e && depth < 4; depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (/^(ECONN|EPIPE|ETIMEDOUT|EHOSTUNREACH|CONNECTION_|CONNECT_TIMEOUT)/.test(code)) return true;
    // 08: connection exception; 57P01-03: shutting down, crash, cannot connect now; 40001 on a standby: conflict with recovery
    if (/^(08...|57P0[1-3]|40001)$/.test(code)) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/**
 * One request's reads: the routed ones on the replica when it serves and the caller has nothing of
 * its own the replica may not have replayed yet, everything else on the primary.
 */
export interface ReadRoute {
  /** 证书查询: the replica's lookup connection, or the primary's. */
  lookup<T>(read: (db: Db) => Promise<T>): Promise<T>;
  /** Other routed reads (statistics): the replica's pool, or the primary's. */
  reads<T>(read: (db: Db) => Promise<T>): Promise<T>;
}

export interface ReadRouteOptions {
  primary: Db;
  /** The primary's lookup connection (DbHandle.lookup); default `primary`. */
  primaryLookup?: Db;
  replica?: ReadReplica | undefined;
  caller: Claims;
}

/** Roles that never write: nothing of theirs can be missing from the replica. */
const READ_ONLY_ROLES = new Set(['public', 'dashboard']);

/**
 * 读己之写: a caller who wrote within the replica's lag (plus the monitor's second and one more)
 * reads the primary, so it sees what it has just written. Writes are known from the 审计日志, which
 * records every mutation of every process on the primary after the mutation commits.
 */
export async function wroteWithin(primary: Db, caller: Claims, seconds: number): Promise<boolean> {
  const who = caller.credentialId
    ? sql`${auditEvents.credentialId} = ${caller.credentialId}`
    : caller.sub
      ? sql`${auditEvents.role} = ${caller.role} and ${auditEvents.sub} = ${caller.sub}`
      : caller.enterpriseId
        ? sql`${auditEvents.role} = ${caller.role} and ${auditEvents.enterpriseId} = ${caller.enterpriseId}`
        : sql`${auditEvents.role} = ${caller.role} and ${auditEvents.prefecture} is not distinct from ${caller.prefecture ?? null}`;
  const rows = await primary
    .select({ one: sql<number>`1` })
    .from(auditEvents)
    .where(
      sql`${auditEvents.at} > now() - make_interval(secs => ${seconds}) and ${auditEvents.outcome} = 'OK' and ${who}`,
    )
    .limit(1);
  return rows.length > 0;
}

export function readRoute({ primary, primaryLookup = primary, replica, caller }: ReadRouteOptions): ReadRoute {
  let decided: Promise<boolean> | undefined;
  const useReplica = (): Promise<boolean> => {
    if (!replica) return Promise.resolve(false);
    const now = replica.state();
    if (now.reads !== 'replica') return Promise.resolve(false);
    if (READ_ONLY_ROLES.has(caller.role)) return Promise.resolve(true);
    decided ??= wroteWithin(primary, caller, Math.ceil(now.lagSeconds ?? replica.maxLagSeconds) + 2).then(
      (wrote) => !wrote,
      () => false,
    );
    return decided;
  };
  const run = async <T>(kind: 'lookup' | 'reads', read: (db: Db) => Promise<T>): Promise<T> => {
    if (replica && (await useReplica())) {
      try {
        const result = await read(kind === 'lookup' ? replica.lookup : replica.db);
        replica.stats.replica++;
        return result;
      } catch (err) {
        if (!isUnavailable(err)) throw err;
        replica.failed();
        replica.stats.fallbacks++;
      }
    }
    if (replica) replica.stats.primary++;
    return read(kind === 'lookup' ? primaryLookup : primary);
  };
  return { lookup: (read) => run('lookup', read), reads: (read) => run('reads', read) };
}
