import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
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

/** One step of preparing a test database, and the name of what the database holds after it. */
export interface PrepareStep {
  /** Must name everything the database holds after this step and the steps before it. */
  key: string;
  run(db: TestDb): Promise<unknown>;
}

/**
 * A fresh database as `steps` leave one (migrated, then seeded, say). On PGlite with a snapshot
 * folder, a database is kept there after each step, named by the step's key, and a later caller —
 * another test file of the run — starts from the last step already kept: a PGlite cluster's
 * initdb and migrations take several seconds, loading a snapshot about one. On PostgreSQL every
 * step runs every time (a fresh database there is cheap).
 */
export async function preparedDb(steps: PrepareStep[], snapshots?: string): Promise<TestDb> {
  const dir = hubConfig().databaseUrl ? undefined : snapshots;
  const file = (step: PrepareStep) => path.join(dir as string, `${step.key}.tar`);
  let done = dir ? steps.findLastIndex((step) => existsSync(file(step))) : -1;
  let db: TestDb;
  if (done >= 0) {
    const handle = await createDb({
      dataDir: 'memory',
      from: new Blob([readFileSync(file(steps[done] as PrepareStep))]),
    });
    db = Object.assign(handle, { drop: () => handle.close() });
  } else {
    db = await freshDb();
  }
  for (const step of steps.slice(done + 1)) {
    await step.run(db);
    done++;
    if (dir && db.snapshot) {
      // Two files may keep the same step at once: each writes its own file, the last rename wins.
      const part = `${file(step)}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileSync(part, Buffer.from(await (await db.snapshot()).arrayBuffer()));
      renameSync(part, file(step));
    }
  }
  return db;
}
