import { certificates, createDb, type DbHandle, judgeReplica, migrate, openReplica, seed } from '@hub/db';
import { type Hub, startHub } from '@hub/dev';
import { HubClock } from '@hub/vocabulary';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, token } from './helpers.ts';
import { canRunClusters, type PrimaryWithReplicas, startPrimaryWithReplicas } from './pg-cluster.ts';

/**
 * 读写分离 (issue #31 point 2) on a real streaming replica: a primary and a replica of the test's own
 * (pg_basebackup), the whole hub over them. 证书查询 and the statistics read the replica — shown by
 * pausing its replay: a certificate revoked on the primary still verifies as valid for the public —
 * while the centre that revoked it reads its own write from the primary; the replica stopping sends
 * reads to the primary without a failed request; a replica behind the maximum lag is not read.
 */

const VERIFY = `query($n: String!, $h: String!) { verifyCertificate(number: $n, holderName: $h) { status } }`;
const REVOKE = `mutation($n: String!, $r: String!) { revokeCertificate(number: $n, reason: $r) { certificate { status } errors { code } } }`;
const STATS = `{ assessmentStatistics { candidates } }`;

let pg: PrimaryWithReplicas;
let db: DbHandle;
let hub: Hub;
let admin: postgres.Sql;
let replicaAdmin: postgres.Sql;
let primaryAdmin: postgres.Sql;
let cert: { number: string; holderName: string; prefectureCode: string };

const assessments = () => hub.subgraphs.assessments.url.replace(/\/graphql$/, '');

async function ready(): Promise<{ reads: string; lagSeconds: number | null; reason?: string }> {
  const res = await fetch(`${assessments()}/ready`);
  return ((await res.json()) as { details: { replica: { reads: string; lagSeconds: number | null } } }).details.replica;
}

async function servedBy(): Promise<Record<string, number>> {
  const text = await (await fetch(`${assessments()}/metrics`)).text();
  return Object.fromEntries(
    [...text.matchAll(/^hub_routed_reads_total\{served_by="(\w+)"\} (\d+)$/gm)].map((m) => [m[1], Number(m[2])]),
  );
}

/** Polls until `check` holds (the monitor asks the replica once a second); fails after `seconds`. */
async function until(what: string, check: () => Promise<boolean>, seconds = 60): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting: ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const verify = async (who?: string) =>
  (
    await gql(hub.url, VERIFY, {
      variables: { n: cert.number, h: cert.holderName },
      ...(who ? { token: who } : {}),
    })
  ).data?.verifyCertificate?.status;

/**
 * Runs where the machine can start clusters of its own, in the PostgreSQL pass of the suite (CI's
 * first): the PGlite passes are about the embedded engine, which has no replicas.
 */
const runs = canRunClusters && Boolean(process.env.DATABASE_URL);

beforeAll(async () => {
  if (!runs) return;
  pg = await startPrimaryWithReplicas(1);
  const replica = pg.replicas[0];
  if (!replica) throw new Error('no replica');
  admin = postgres(pg.primary.url(), { max: 1, onnotice: () => {} });
  await admin.unsafe('create database hub');
  replicaAdmin = postgres(replica.url('hub'), { max: 1, onnotice: () => {} });
  primaryAdmin = postgres(pg.primary.url('hub'), { max: 1, onnotice: () => {} });
  await primaryAdmin.unsafe('create table lag_probe(x int)');
  db = await createDb({ url: pg.primary.url('hub'), replicaUrl: replica.url('hub'), replicaMaxLag: 3600, max: 5 });
  const clock = new HubClock({ production: false });
  await migrate(db);
  await seed(db, { size: 300, today: clock.today() });
  hub = await startHub({ db, port: 0, subgraphPort: () => 0, prepare: false, clock });
  const [row] = await db.db
    .select({
      number: certificates.number,
      holderName: certificates.holderName,
      prefectureCode: certificates.prefectureCode,
    })
    .from(certificates)
    .where(and(eq(certificates.status, 'VALID'), isNotNull(certificates.planId)))
    .orderBy(asc(certificates.number))
    .limit(1);
  if (!row) throw new Error('the seed has no valid certificate');
  cert = row;
  await until('the replica serves', async () => (await ready()).reads === 'replica');
}, 300_000);

afterAll(async () => {
  await hub?.close();
  await db?.close();
  await replicaAdmin?.end();
  await primaryAdmin?.end();
  await admin?.end();
  pg?.destroy();
});

describe.runIf(runs)('a streaming read replica', () => {
  it('serves public 证书查询 and the statistics; the centre that wrote reads its write from the primary', async () => {
    expect(await verify()).toBe('VALID');
    const before = await servedBy();
    const dashboard = await token({ role: 'dashboard' });
    const stats = await gql(hub.url, STATS, { token: dashboard });
    expect(stats.errors).toBeUndefined();
    expect((await servedBy()).replica).toBeGreaterThan(before.replica ?? 0);

    // Hold the replica still: what the primary writes now, the replica does not show.
    await replicaAdmin.unsafe('select pg_wal_replay_pause()');
    const city = await token({ role: 'city_center', prefecture: cert.prefectureCode, sub: 'replica-test' });
    const revoked = await gql(hub.url, REVOKE, {
      token: city,
      variables: { n: cert.number, r: '考评记录不实，撤销证书' },
    });
    expect(revoked.data?.revokeCertificate).toEqual({ certificate: { status: 'REVOKED' }, errors: [] });
    // The public reads the replica: the revocation has not reached it.
    expect(await verify()).toBe('VALID');
    // The centre that revoked it reads its own write: the primary.
    expect(await verify(city)).toBe('REVOKED');
    // Another centre, which wrote nothing, reads the replica too.
    expect(await verify(await token({ role: 'province_center', sub: 'replica-reader' }))).toBe('VALID');

    await replicaAdmin.unsafe('select pg_wal_replay_resume()');
    await until('the replica replays the revocation', async () => (await verify()) === 'REVOKED');
  });

  it('sends reads to the primary while the replica is down, without a failed request, and back when it returns', async () => {
    const replica = pg.replicas[0];
    if (!replica) throw new Error('no replica');
    const fallbacksBefore = (await servedBy()).fallback ?? 0;
    replica.stop();
    // Every answer right, from the first request after the stop on.
    for (let i = 0; i < 5; i++) expect(await verify()).toBe('REVOKED');
    const state = await ready();
    expect(state.reads).toBe('primary');
    expect(state.reason).toBe('unreachable');
    const after = await servedBy();
    expect((after.fallback ?? 0) + (after.primary ?? 0)).toBeGreaterThan(fallbacksBefore);

    replica.start();
    await until('the replica serves again', async () => (await ready()).reads === 'replica');
    const replicaBefore = (await servedBy()).replica ?? 0;
    expect(await verify()).toBe('REVOKED');
    expect((await servedBy()).replica).toBeGreaterThan(replicaBefore);
  });

  it('is not read while it lags behind the maximum', async () => {
    const replica = pg.replicas[0];
    if (!replica) throw new Error('no replica');
    const strict = await openReplica({ url: replica.url('hub'), maxLagSeconds: 1, checkEveryMs: 200 });
    try {
      await until('the strict monitor sees the replica', async () => strict.state().reads === 'replica');
      await replicaAdmin.unsafe('select pg_wal_replay_pause()');
      // Writes the replica receives but does not replay, until its lag passes the maximum.
      await until('the replica lags', async () => {
        await primaryAdmin.unsafe('insert into lag_probe values (1)');
        return strict.state().reason === 'lagging';
      });
      expect(strict.state().reads).toBe('primary');
      await replicaAdmin.unsafe('select pg_wal_replay_resume()');
      await until('the replica catches up', async () => strict.state().reads === 'replica');
    } finally {
      await replicaAdmin.unsafe('select pg_wal_replay_resume()').catch(() => {});
      await strict.close();
    }
  });
});

describe('judgeReplica', () => {
  it('reads the replica only from a standby within the maximum lag', () => {
    expect(judgeReplica(true, 0, 10).reads).toBe('replica');
    expect(judgeReplica(true, 10, 10).reads).toBe('replica');
    expect(judgeReplica(true, 10.5, 10)).toMatchObject({ reads: 'primary', reason: 'lagging' });
    expect(judgeReplica(false, 0, 10)).toMatchObject({ reads: 'primary', reason: 'not a replica' });
  });
});
