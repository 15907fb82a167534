import { certificates } from '@hub/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestHub, type TestHub, token } from './helpers.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub(500, { webhookWorker: false });
});
afterAll(() => hub?.stop());

const LIST = '{ certificates(first: 20) { edges { node { number issuer { id } } } } }';

describe('collapsing identical in-flight subgraph queries', () => {
  it('answers every one of many identical concurrent queries in full, with fewer subgraph statements', async () => {
    const auth = await token({ role: 'province_center', sub: 'same-clerk' });
    const alone = await gql(hub.url, LIST, { token: auth });
    const before = hub.db.stats.statements;
    const results = await Promise.all(Array.from({ length: 30 }, () => gql(hub.url, LIST, { token: auth })));
    for (const r of results) expect(r.data).toEqual(alone.data);
    expect(hub.db.stats.statements - before).toBeLessThan(30 * 3);
  });

  it('never shares an answer between callers: two enterprises asking the same at once each see only their own', async () => {
    const rows = await hub.db.db.selectDistinct({ id: certificates.enterpriseId }).from(certificates).limit(2);
    const [a, b] = rows.map((r) => r.id);
    const ta = await token({ role: 'enterprise', enterpriseId: a as string });
    const tb = await token({ role: 'enterprise', enterpriseId: b as string });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => gql(hub.url, LIST, { token: i % 2 ? tb : ta }).then((r) => ({ i, r }))),
    );
    for (const { i, r } of results) {
      const issuers = new Set((r.data?.certificates.edges ?? []).map((e: any) => e.node.issuer.id));
      expect([...issuers]).toEqual([i % 2 ? b : a]);
    }
  });

  it('never collapses mutations', async () => {
    const t = await token({ role: 'province_center' });
    const m =
      'mutation { reviewFiling(id: "00000000-0000-4000-8000-000000000000", decision: APPROVE) { errors { code } } }';
    const s0 = hub.db.stats.statements;
    await gql(hub.url, m, { token: t });
    const one = hub.db.stats.statements - s0;
    expect(one).toBeGreaterThan(0);
    const s1 = hub.db.stats.statements;
    const results = await Promise.all([gql(hub.url, m, { token: t }), gql(hub.url, m, { token: t })]);
    for (const r of results) expect(r.data?.reviewFiling.errors[0].code).toBe('NOT_FOUND');
    expect(hub.db.stats.statements - s1).toBe(2 * one); // each ran its own transaction
  });
});
