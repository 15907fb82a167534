import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGatewayRuntime } from '@graphql-hive/gateway';
import { cases, certificates } from '@hub/db';
import { claimsFromAuthorization, INTERNAL_HEADER, signInternalToken } from '@hub/platform';
import { readSupergraph, SUBGRAPHS } from '@hub/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, partnerToken, startTestHub, type TestHub, token } from '../helpers.ts';

/**
 * The committed supergraph is portable: Hive Gateway, given the same file and the
 * same running subgraphs, answers the hub's everyday operations with the same data.
 */
let hub: TestHub;
let hive: Server;
let hiveUrl: string;

beforeAll(async () => {
  hub = await startTestHub(1000);
  let supergraph = readSupergraph();
  for (const s of SUBGRAPHS)
    supergraph = supergraph.replaceAll(`http://127.0.0.1:${s.port}/graphql`, hub.subgraphs[s.name].url);
  const runtime = createGatewayRuntime({
    supergraph,
    logging: false,
    plugins: () => [
      {
        // The hub's subgraphs trust only signed claims; sign them as our gateway does.
        async onFetch({ options, setOptions, context }) {
          const auth = (context as { request?: Request }).request?.headers.get('authorization');
          const claims = await claimsFromAuthorization(auth);
          setOptions({
            ...options,
            headers: { ...options.headers, [INTERNAL_HEADER]: await signInternalToken(claims) },
          });
        },
      },
    ],
  });
  hive = createServer(runtime);
  await new Promise<void>((resolve) => hive.listen(0, '127.0.0.1', resolve));
  hiveUrl = `http://127.0.0.1:${(hive.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  await new Promise((resolve) => hive?.close(resolve));
  await hub?.stop();
});

async function sameThroughBoth(query: string, opts: { token?: string; variables?: Record<string, unknown> } = {}) {
  const [ours, theirs] = await Promise.all([gql(hub.url, query, opts), gql(hiveUrl, query, opts)]);
  expect(ours.errors, JSON.stringify(ours.errors)).toBeUndefined();
  expect(theirs.errors, JSON.stringify(theirs.errors)).toBeUndefined();
  expect(theirs.data).toEqual(ours.data);
  return ours.data;
}

describe('Hive Gateway on the same supergraph and subgraphs', () => {
  it('answers the public catalog identically', async () => {
    const data = await sameThroughBoth(
      `{ catalog(first: 10, prefecture: "430100") { edges { node { enterprise { name creditCode } status kinds confirmedOn scope { occupationCode levels } } } pageInfo { hasNextPage } } }`,
    );
    expect(data?.catalog.edges.length).toBeGreaterThan(0);
  });

  it('answers an inspector’s case lookup with the enterprise and its certificates identically', async () => {
    const [c] = await hub.db.db.select({ prefecture: cases.prefectureCode }).from(cases).limit(1);
    const data = await sameThroughBoth(
      `{ supervisionCases(first: 5) { edges { node { id status source openedOn enterprise { name filingStatus certificates(first: 3) { edges { node { number level occupation { name } } } } } } } } }`,
      { token: await token({ role: 'inspector', prefecture: c?.prefecture }) },
    );
    expect(data?.supervisionCases.edges.length).toBeGreaterThan(0);
  });

  it('answers a partner HR system’s list of its workers’ certificates identically', async () => {
    const [c] = await hub.db.db.select({ enterpriseId: certificates.enterpriseId }).from(certificates).limit(1);
    const data = await sameThroughBoth(
      `{ certificates(first: 50) { edges { node { number level holderName issuedOn status occupation { code name } issuer { name } } } pageInfo { hasNextPage endCursor } } }`,
      { token: await partnerToken(hub, c?.enterpriseId ?? '') },
    );
    expect(data?.certificates.edges.length).toBeGreaterThan(0);
  });

  it('answers a certificate lookup across all four subgraphs identically', async () => {
    const [c] = await hub.db.db.select({ number: certificates.number }).from(certificates).limit(1);
    await sameThroughBoth(
      `query($n: String!) { certificate(number: $n) { number level issuedOn occupation { name parent { name } } issuer { name prefecture { name } qualificationStatus supervisionCases(first: 3) { edges { node { status } } } } } }`,
      { token: await token({ role: 'province_center' }), variables: { n: c?.number } },
    );
  });
});
