import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestHub, type TestHub, token } from './helpers.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub(2000, { webhookWorker: false });
});
afterAll(() => hub?.stop());

const QUERY = /* GraphQL */ `
  query Page($first: Int!) {
    certificates(first: $first) {
      edges { node { number issuer { name creditCode prefecture { name } } occupation { code name } } }
    }
  }
`;

/** SQL statements the whole hub sends to answer one request. */
async function statementsFor(first: number) {
  const auth = await token({ role: 'province_center', sub: 'e2e' });
  const before = hub.db.stats.statements;
  const result = await gql(hub.url, QUERY, { variables: { first }, token: auth });
  expect(result.errors).toBeUndefined();
  const edges = result.data?.certificates.edges as any[];
  expect(edges).toHaveLength(first);
  for (const e of edges) {
    expect(e.node.issuer.name).toBeTruthy();
    expect(e.node.occupation.name).toBeTruthy();
  }
  return hub.db.stats.statements - before;
}

describe('batching (no N+1)', () => {
  it('fetches 100 certificates with enterprises and occupations in as many SQL statements as 10', async () => {
    const ten = await statementsFor(10);
    const hundred = await statementsFor(100);
    expect(hundred).toBe(ten);
    // one for the page, one batch of enterprises, one batch of occupations
    expect(ten).toBeLessThanOrEqual(3);
  });

  it('resolves nested per-enterprise connections for many enterprises in one statement', async () => {
    const auth = await token({ role: 'province_center', sub: 'e2e' });
    const q = `query($first: Int!) { enterprises(first: $first) { edges { node { id filingStatus supervisionCases(first: 3) { edges { node { id } } } certificates(first: 2) { edges { node { number } } } } } } }`;
    const count = async (first: number) => {
      const before = hub.db.stats.statements;
      const r = await gql(hub.url, q, { variables: { first }, token: auth });
      expect(r.errors).toBeUndefined();
      expect(r.data?.enterprises.edges).toHaveLength(first);
      return hub.db.stats.statements - before;
    };
    expect(await count(25)).toBe(await count(5));
  });
});
