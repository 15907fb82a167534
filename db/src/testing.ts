import { randomBytes } from 'node:crypto';
import { hubConfig } from '@hub/platform/config';
import postgres from 'postgres';
import { createDb, type DbHandle } from './client.ts';

export type TestDb = DbHandle & { drop(): Promise<void> };

/**
 * A new, empty PostgreSQL database beside DATABASE_URL (which must be set), for one test file or
 * one child process of a test; `drop()` removes it, closing whatever still holds it.
 */
export async function freshDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const base = hubConfig().databaseUrl;
  if (!base) throw new Error('freshDatabase needs DATABASE_URL (a PostgreSQL server)');
  const name = `hub_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const a = postgres(base, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/**
 * A database of the caller's own, for tests: a fresh PostgreSQL database beside
 * DATABASE_URL when it is set (CI), an in-memory PGlite otherwise. `drop()`
 * closes it and removes it.
 */
export async function freshDb(): Promise<TestDb> {
  if (!hubConfig().databaseUrl) {
    const handle = await createDb({ dataDir: 'memory' });
    return Object.assign(handle, { drop: () => handle.close() });
  }
  const database = await freshDatabase();
  const handle = await createDb({ url: database.url, max: 5 });
  return Object.assign(handle, {
    async drop() {
      await handle.close();
      await database.drop();
    },
  });
}
