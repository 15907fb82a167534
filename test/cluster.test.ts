import { migrate, seed } from '@hub/db';
import { freshDb } from '@hub/db/testing';
import { type Hub, startHub } from '@hub/dev';
import { gatewayWorkers } from '@hub/gateway/cluster';
import { loadConfig } from '@hub/platform/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, token } from './helpers.ts';

let hub: Hub;
let dropDb: () => Promise<void>;
beforeAll(async () => {
  const db = await freshDb();
  dropDb = () => db.drop();
  await migrate(db);
  await seed(db, { size: 100 });
  hub = await startHub({ db, port: 0, subgraphPort: () => 0, prepare: false, gatewayWorkers: 2 });
});
afterAll(async () => {
  await hub?.close();
  await dropDb?.();
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const LIST = '{ certificates(first: 3) { edges { node { number issuer { name } } } } }';

describe('gateway worker processes (HUB_GATEWAY_WORKERS)', () => {
  it('reads the worker count: a whole number, or auto for one per core; refuses anything else', () => {
    expect(gatewayWorkers(loadConfig({}), 1)).toBe(1);
    expect(gatewayWorkers(loadConfig({ HUB_GATEWAY_WORKERS: '3' }))).toBe(3);
    expect(gatewayWorkers(loadConfig({ HUB_GATEWAY_WORKERS: 'auto' }))).toBeGreaterThanOrEqual(1);
    expect(() => gatewayWorkers(loadConfig({ HUB_GATEWAY_WORKERS: '0' }))).toThrow(/HUB_GATEWAY_WORKERS/);
    expect(() => gatewayWorkers(loadConfig({ HUB_GATEWAY_WORKERS: 'two' }))).toThrow(/HUB_GATEWAY_WORKERS/);
  });

  it('serves the hub from two worker processes on one port', async () => {
    const pids = hub.gatewayPids();
    expect(pids).toHaveLength(2);
    expect(pids).not.toContain(process.pid);
    const auth = await token({ role: 'province_center' });
    const results = await Promise.all(Array.from({ length: 6 }, () => gql(hub.url, LIST, { token: auth })));
    for (const r of results) {
      expect(r.errors).toBeUndefined();
      expect(r.data?.certificates.edges).toHaveLength(3);
    }
  });

  it('replaces a worker that dies, and keeps answering meanwhile', async () => {
    const [victim] = hub.gatewayPids();
    process.kill(victim as number, 'SIGKILL');
    await expect.poll(() => alive(victim as number), { timeout: 10_000, interval: 100 }).toBe(false);
    // A kept-alive connection to the dead worker is gone with it (its first use may fail); a new
    // one reaches the living worker, with no wait for the dead one to be replaced.
    const auth = await token({ role: 'province_center' });
    await expect
      .poll(
        async () => (await gql(hub.url, LIST, { token: auth }).catch(() => undefined))?.data?.certificates.edges.length,
        { timeout: 10_000, interval: 50 },
      )
      .toBe(3);
    await expect
      .poll(() => hub.gatewayPids().filter((p) => p !== victim && alive(p)).length, { timeout: 60_000, interval: 500 })
      .toBe(2);
    const after = await gql(hub.url, LIST, { token: auth });
    expect(after.data?.certificates.edges).toHaveLength(3);
  });
});
