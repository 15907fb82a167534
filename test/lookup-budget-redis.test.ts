import { randomBytes } from 'node:crypto';
import { certificates } from '@hub/db';
import { type GatewayOptions, type ServedGateway, startGateway } from '@hub/gateway';
import { redisBudgetStore } from '@hub/gateway/budget-store';
import { LOOKUP_BUDGET_DEFAULTS } from '@hub/gateway/lookup-budget';
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GqlResult, gql, startTestHub, type TestHub, token } from './helpers.ts';

/**
 * One budget across gateway processes (issue #31 point 1): with the counts in Redis, two gateways
 * in front of the same subgraphs give a client one lookup budget and one public rate limit, where
 * in-memory counts give it one per gateway; Redis out of reach answers as configured, never a 500.
 * Needs a Redis on REDIS_URL (default 127.0.0.1:6379; CI starts one). Each run counts under a key
 * prefix of its own.
 */

const REDIS = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const UNREACHABLE = 'redis://127.0.0.1:1';
const VERIFY = `query($n: String!, $h: String!) { verifyCertificate(number: $n, holderName: $h) { status } }`;
const LOOKUPS = 6;

let hub: TestHub;
let urls: Record<string, string>;
let cert: { number: string; holderName: string };
const started: { close(): Promise<void> }[] = [];

const from = (address: string) => ({ 'x-forwarded-for': address });
const codeOf = (r: GqlResult) => r.errors?.[0]?.extensions?.code;

/** A gateway over the test hub's subgraphs with a small lookup budget and public limit, behind a trusted proxy. */
async function gateway(opts: Partial<GatewayOptions> = {}): Promise<ServedGateway> {
  const g = await startGateway({
    port: 0,
    subgraphUrls: urls,
    webRoot: false,
    lookupBudget: { ...LOOKUP_BUDGET_DEFAULTS, lookups: LOOKUPS, trustProxy: true },
    rateLimit: { perMinute: 1, burst: 4, trustProxy: true }, // 4 public requests per 240 s
    ...opts,
  });
  started.push(g);
  return g;
}

async function redisStore(url: string, prefix: string, onFailure: 'open' | 'closed' = 'closed') {
  const store = redisBudgetStore({ url, prefix, onFailure });
  started.push(store);
  await store.firstAttempt();
  return store;
}

/** Verifies the certificate from `address`, on each gateway in turn; the codes of the answers. */
async function lookups(gateways: ServedGateway[], address: string, n: number): Promise<(string | undefined)[]> {
  const codes: (string | undefined)[] = [];
  for (let i = 0; i < n; i++) {
    const g = gateways[i % gateways.length] as ServedGateway;
    const r = await gql(g.url, VERIFY, { variables: { n: cert.number, h: cert.holderName }, headers: from(address) });
    if (r.status !== 200) expect([429, 503]).toContain(r.status);
    else expect(r.data?.verifyCertificate?.status).toBe('VALID');
    codes.push(r.status === 200 ? 'OK' : (codeOf(r) as string));
  }
  return codes;
}

/** Public requests that are not lookups (each pays the public limit only). */
async function publicCalls(gateways: ServedGateway[], address: string, n: number) {
  const codes: (string | undefined)[] = [];
  for (let i = 0; i < n; i++) {
    const r = await gql(gateways[i % gateways.length]?.url as string, '{ __typename }', { headers: from(address) });
    expect(r.status).not.toBe(500);
    codes.push(r.status === 200 ? 'OK' : (codeOf(r) as string));
  }
  return codes;
}

beforeAll(async () => {
  hub = await startTestHub(300);
  urls = Object.fromEntries(Object.entries(hub.subgraphs).map(([n, s]) => [n, s.url]));
  const [row] = await hub.db.db
    .select({ number: certificates.number, holderName: certificates.holderName })
    .from(certificates)
    .where(and(eq(certificates.status, 'VALID'), isNotNull(certificates.planId)))
    .orderBy(asc(certificates.number))
    .limit(1);
  if (!row) throw new Error('the seed has no valid certificate');
  cert = row;
});
afterAll(async () => {
  for (const s of started.reverse()) await s.close();
  await hub?.stop();
});

describe('two gateways, one Redis', () => {
  it('give a client one lookup budget, where in-memory counts give it one per gateway', async () => {
    const prefix = `hub-test-${randomBytes(6).toString('hex')}`;
    const noPublicLimit = { rateLimit: { perMinute: 0, burst: 1, trustProxy: true } }; // lookups alone here
    const shared = [
      await gateway({ ...noPublicLimit, lookupBudgetStore: await redisStore(REDIS, prefix) }),
      await gateway({ ...noPublicLimit, lookupBudgetStore: await redisStore(REDIS, prefix) }),
    ];
    const codes = await lookups(shared, '198.51.100.10', LOOKUPS + 4);
    expect(codes.slice(0, LOOKUPS)).toEqual(Array(LOOKUPS).fill('OK'));
    expect(codes.slice(LOOKUPS)).toEqual(Array(4).fill('LOOKUP_BUDGET_EXCEEDED'));

    // The contrast: each process counting alone lets the same client through twice as often.
    const alone = [await gateway(noPublicLimit), await gateway(noPublicLimit)];
    const aloneCodes = await lookups(alone, '198.51.100.10', 2 * LOOKUPS + 2);
    expect(aloneCodes.filter((c) => c === 'OK')).toHaveLength(2 * LOOKUPS);
  });

  it('give a public caller one rate limit across both', async () => {
    const prefix = `hub-test-${randomBytes(6).toString('hex')}`;
    const shared = [
      await gateway({ lookupBudgetStore: await redisStore(REDIS, prefix) }),
      await gateway({ lookupBudgetStore: await redisStore(REDIS, prefix) }),
    ];
    expect(await publicCalls(shared, '198.51.100.20', 6)).toEqual([
      'OK',
      'OK',
      'OK',
      'OK',
      'TOO_MANY_REQUESTS',
      'TOO_MANY_REQUESTS',
    ]);
    // another address has its own
    expect(await publicCalls(shared, '198.51.100.21', 1)).toEqual(['OK']);
  });
});

describe('Redis out of reach', () => {
  it('fails closed by default: lookups and public calls are refused with 503, never a 500', async () => {
    const g = await gateway({ lookupBudgetStore: await redisStore(UNREACHABLE, 'hub-test', 'closed') });
    const r = await gql(g.url, VERIFY, {
      variables: { n: cert.number, h: cert.holderName },
      headers: from('198.51.100.30'),
    });
    expect(r.status).toBe(503);
    expect(codeOf(r)).toBe('RATE_LIMIT_UNAVAILABLE');
    expect(r.data?.verifyCertificate).toBeUndefined();
    expect(await publicCalls([g], '198.51.100.31', 2)).toEqual(['RATE_LIMIT_UNAVAILABLE', 'RATE_LIMIT_UNAVAILABLE']);
  });

  it('fails open when configured: everything passes, uncounted', async () => {
    const g = await gateway({ lookupBudgetStore: await redisStore(UNREACHABLE, 'hub-test', 'open') });
    expect(await lookups([g], '198.51.100.40', LOOKUPS + 2)).toEqual(Array(LOOKUPS + 2).fill('OK'));
    expect(await publicCalls([g], '198.51.100.41', 6)).toEqual(Array(6).fill('OK'));
  });

  it('refuses a signed-in caller’s lookups closed, with the lookup code, and serves its other queries', async () => {
    const g = await gateway({ lookupBudgetStore: await redisStore(UNREACHABLE, 'hub-test', 'closed') });
    const province = await token({ role: 'province_center' });
    const r = await gql(g.url, VERIFY, { token: province, variables: { n: cert.number, h: cert.holderName } });
    expect(r.status).toBe(503);
    expect(codeOf(r)).toBe('LOOKUP_BUDGET_UNAVAILABLE');
    const other = await gql(g.url, '{ __typename }', { token: province });
    expect(other.status).toBe(200);
  });
});

describe('REDIS_URL', () => {
  it('puts the budgets in Redis, and /ready says where they count', async () => {
    const ready = async (g: ServedGateway) => {
      const res = await fetch(`${g.url.replace(/\/graphql$/, '')}/ready`);
      return ((await res.json()) as { details?: { lookupBudgets?: string } }).details?.lookupBudgets;
    };
    const at = async (env: Record<string, string>) => {
      const saved = { ...process.env };
      Object.assign(process.env, env);
      try {
        return await gateway();
      } finally {
        for (const k of Object.keys(env)) if (saved[k] === undefined) delete process.env[k];
      }
    };
    expect(await ready(await gateway())).toBe('this process');
    expect(
      await ready(await at({ REDIS_URL: REDIS, HUB_REDIS_PREFIX: `hub-test-${randomBytes(6).toString('hex')}` })),
    ).toBe('redis');
    expect(await ready(await at({ REDIS_URL: UNREACHABLE }))).toBe('redis unavailable');
  });
});
