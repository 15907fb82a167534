import { issuePartnerCredential, migrate, seed } from '@hub/db';
import { preparedDb } from '@hub/db/testing';
import { type Hub, startHub } from '@hub/dev';
import { type Claims, type Role, signUserToken } from '@hub/platform';
import { addCalendarDays, HubClock } from '@hub/vocabulary';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's folder of database snapshots (db-snapshots.ts); absent where no globalSetup gives one. */
    dbSnapshots?: string;
  }
}

export interface TestHub extends Hub {
  stop(): Promise<void>;
}

/**
 * The whole hub on free ports over a fresh, migrated, seeded database, on its own clock. With
 * `today`, the hub lives on that day (its sandbox date) from the start and the seed's dates are
 * relative to it — for scenarios written on one calendar (a holiday, a year end); without it, on
 * the real date, and tests compute their dates from `hub.clock`. On PGlite the files of a run start
 * from shared snapshots: one migrated, one per seed size and day (db-snapshots.ts).
 * `webhookWorker: false` starts it without the change feed's delivery worker, whose polls would
 * otherwise count in `db.stats` (for tests that count the SQL statements of one request).
 */
export async function startTestHub(
  seedSize = 2000,
  opts: { today?: string; clock?: HubClock; webhookWorker?: boolean } = {},
): Promise<TestHub> {
  const clock = opts.clock ?? new HubClock({ production: false });
  if (opts.today) clock.set(opts.today, 'test');
  const today = clock.today();
  const db = await preparedDb(
    [
      { key: 'migrated', run: (fresh) => migrate(fresh) },
      { key: `seed-${seedSize}-${today}`, run: (fresh) => seed(fresh, { size: seedSize, today }) },
    ],
    inject('dbSnapshots'),
  );
  const saved = process.env.HUB_WEBHOOK_WORKER;
  if (opts.webhookWorker === false) process.env.HUB_WEBHOOK_WORKER = '0';
  const hub = await startHub({ db, port: 0, subgraphPort: () => 0, prepare: false, clock }).finally(() => {
    if (saved === undefined) delete process.env.HUB_WEBHOOK_WORKER;
    else process.env.HUB_WEBHOOK_WORKER = saved;
  });
  return Object.assign(hub, {
    async stop() {
      await hub.close();
      await db.drop();
    },
  });
}

export const token = (claims: Claims) => signUserToken(claims);

/**
 * A partner HR system's token (hr_partner): issues a real partner credential in the hub's
 * database, read-only unless `canWrite`. Tokens without a credential are refused.
 */
export async function partnerToken(
  hub: Pick<Hub, 'db'>,
  enterpriseId: string,
  opts: { canWrite?: boolean; name?: string; validDays?: number } = {},
): Promise<string> {
  const out = await issuePartnerCredential(hub.db.db, {
    enterpriseId,
    name: opts.name ?? 'test partner',
    canWrite: opts.canWrite ?? false,
    validDays: opts.validDays ?? 30,
    createdBy: 'test',
  });
  if (!('token' in out)) throw new Error(`partner credential refused: ${out.errors.map((e) => e.code).join(', ')}`);
  return out.token;
}

/**
 * One token per caller, for tests that act as every role in turn: enterprise callers act for
 * `enterpriseId`, a city centre or city inspector for `prefecture`, the public has none. An
 * hr_partner is a write-enabled partner credential in the hub's database, issued once per tokens
 * object (the default credential is read-only).
 */
export function callerTokens(
  hub: Pick<Hub, 'db'>,
  where: { enterpriseId: string; prefecture: string; subPrefix: string },
): (caller: Role | 'public') => Promise<string | undefined> {
  let partner: Promise<string> | undefined;
  return async (caller) => {
    const sub = `${where.subPrefix}-${caller}`;
    switch (caller) {
      case 'public':
        return undefined;
      case 'enterprise':
        return token({ role: caller, sub, enterpriseId: where.enterpriseId });
      case 'hr_partner':
        partner ??= partnerToken(hub, where.enterpriseId, { canWrite: true, name: `${where.subPrefix} partner` });
        return partner;
      case 'city_center':
      case 'inspector':
        return token({ role: caller, sub, prefecture: where.prefecture });
      default:
        return token({ role: caller, sub });
    }
  };
}

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, any>;
}

/** POSTs a GraphQL operation; `auth` is a bearer token, or raw headers. */
export async function gql<T = Record<string, any>>(
  url: string,
  query: string,
  opts: { variables?: Record<string, unknown>; token?: string; headers?: Record<string, string> } = {},
): Promise<GqlResult<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...opts.headers,
    },
    body: JSON.stringify({ query, variables: opts.variables }),
  });
  const body = (await res.json()) as Omit<GqlResult<T>, 'status'>;
  return { status: res.status, ...body };
}

/** The day `n` calendar days from the hub's today (before it, when negative). */
export const dayFrom = (hub: Pick<Hub, 'clock'>, n: number) => addCalendarDays(hub.clock.today(), n);

/**
 * For a scenario written on one day (`writtenOn`): its dates moved by as many days as the hub's
 * today is from that day, so the scenario keeps its spacing (publicity of exactly 5 days, a
 * submission 4 days late) on whatever day it runs.
 */
export function datesAsOf(hub: Pick<Hub, 'clock'>, writtenOn: string) {
  const shift = Math.round((Date.parse(hub.clock.today()) - Date.parse(writtenOn)) / 86_400_000);
  return (day: string) => addCalendarDays(day, shift);
}
