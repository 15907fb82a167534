import { randomBytes } from 'node:crypto';
import { createDb, type DbHandle, migrate, seed } from '@hub/db';
import { type Hub, startHub } from '@hub/gateway';
import { type Claims, signUserToken } from '@hub/kit';
import postgres from 'postgres';

/**
 * A database of the test file's own: a fresh PostgreSQL database next to
 * DATABASE_URL when it is set (CI), an in-memory PGlite otherwise.
 */
export async function freshDb(): Promise<DbHandle & { drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const handle = await createDb({ dataDir: 'memory' });
    return Object.assign(handle, { drop: () => handle.close() });
  }
  const name = `hub_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = await createDb({ url: url.toString(), max: 5 });
  return Object.assign(handle, {
    async drop() {
      await handle.close();
      const a = postgres(base, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  });
}

export interface TestHub extends Hub {
  stop(): Promise<void>;
}

/** The whole hub on free ports over a fresh, migrated, seeded database. */
export async function startTestHub(seedSize = 2000): Promise<TestHub> {
  const db = await freshDb();
  await migrate(db);
  await seed(db, { size: seedSize });
  const hub = await startHub({ db, port: 0, subgraphPort: () => 0, prepare: false });
  return Object.assign(hub, {
    async stop() {
      await hub.close();
      await db.drop();
    },
  });
}

export const token = (claims: Claims) => signUserToken(claims);

export interface GqlResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
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
