import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { createDb, type DbHandle } from './client.ts';

export type TestDb = DbHandle & { drop(): Promise<void> };

/**
 * A database of the caller's own, for tests: a fresh PostgreSQL database beside
 * DATABASE_URL when it is set (CI), an in-memory PGlite otherwise. `drop()`
 * closes it and removes it.
 */
export async function freshDb(): Promise<TestDb> {
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
