import { certificates, decryptResidentId } from '@hub/db';
import { type ServedGateway, startGateway } from '@hub/gateway';
import { LOOKUP_BUDGET_DEFAULTS } from '@hub/gateway/lookup-budget';
import { residentIdCheckChar } from '@hub/vocabulary';
import { and, asc, eq, isNotNull, ne, notInArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GqlResult, gql, startTestHub, type TestHub, token } from './helpers.ts';

/**
 * 证书查询 budgeted per lookup (issue #26 point 4; gateway/src/lookup-budget.ts): aliases count,
 * guesses that miss lock their target out, signed-in callers are limited too, and a holder checking
 * their own certificates is never troubled. Each scenario speaks from its own address
 * (X-Forwarded-For, trusted here), as different people would.
 */

let hub: TestHub;
type Cert = typeof certificates.$inferSelect & { residentId: string };
let certs: Cert[];

const BY_ID = `query($id: ResidentId!, $name: String!) {
  verifyCertificatesByIdentity(residentId: $id, holderName: $name) { number holderName }
}`;
const VERIFY = `query($n: String!, $h: String!) { verifyCertificate(number: $n, holderName: $h) { status } }`;

const from = (address: string) => ({ 'x-forwarded-for': address });
const codeOf = (r: GqlResult) => r.errors?.[0]?.extensions?.code;

/** Another person's ID of the same county, birth date and sex: what an enumeration tries. */
function sibling(id: string, i: number): string {
  const seq = (Number(id.slice(14, 17)) + 2 * (i + 1)) % 1000;
  const first17 = `${id.slice(0, 14)}${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

beforeAll(async () => {
  process.env.HUB_TRUST_PROXY = '1';
  hub = await startTestHub(400);
  delete process.env.HUB_TRUST_PROXY;
  const rows = await hub.db.db
    .select()
    .from(certificates)
    .where(and(eq(certificates.status, 'VALID'), isNotNull(certificates.planId)))
    .orderBy(asc(certificates.number))
    .limit(40);
  // One certificate per holder: distinct people.
  const byHolder = new Map(rows.map((c) => [c.holderName, c]));
  certs = [...byHolder.values()].map((c) => ({ ...c, residentId: decryptResidentId(c.holderResidentIdEnc) }));
  if (certs.length < 14) throw new Error('the seed has too few certificate holders for this file');
});
afterAll(async () => {
  await hub?.stop();
});

describe('lookups by resident ID', () => {
  it('cuts off 60 guesses of one person’s ID from one address after 5 misses, long before the right one', async () => {
    const target = certs[0] as Cert;
    // The right ID is the 40th candidate: an enumeration of 500 would need, on average, 250.
    const guesses = Array.from({ length: 60 }, (_, i) =>
      i === 39 ? target.residentId : sibling(target.residentId, i),
    );
    const fastBefore = hub.gateway?.passthrough.fast ?? 0;
    const answers: GqlResult[] = [];
    for (const id of guesses) {
      answers.push(
        await gql(hub.url, BY_ID, { variables: { id, name: target.holderName }, headers: from('198.51.100.1') }),
      );
    }
    const answered = answers.filter((r) => r.status === 200);
    expect(answered).toHaveLength(LOOKUP_BUDGET_DEFAULTS.misses);
    for (const r of answered) expect(r.data?.verifyCertificatesByIdentity).toEqual([]);
    const refused = answers.slice(LOOKUP_BUDGET_DEFAULTS.misses);
    expect(refused.every((r) => r.status === 429 && codeOf(r) === 'LOOKUP_BUDGET_EXCEEDED')).toBe(true);
    expect(refused.every((r) => r.data == null)).toBe(true);
    // the right guess was refused, not answered
    expect(answers[39]?.status).toBe(429);
    // (the repeats took the fast path: the budget holds there too)
    expect((hub.gateway?.passthrough.fast ?? 0) - fastBefore).toBeGreaterThan(0);

    // Locked for every client and every path: another address, a token, a GET through Apollo Server's pipeline.
    const elsewhere = await gql(hub.url, BY_ID, {
      variables: { id: target.residentId, name: target.holderName },
      headers: from('203.0.113.77'),
      token: await token({ role: 'enterprise', sub: 'hr-1', enterpriseId: target.enterpriseId }),
    });
    expect(elsewhere.status).toBe(429);
    const search = new URLSearchParams({
      query: BY_ID,
      variables: JSON.stringify({ id: target.residentId, name: target.holderName }),
    });
    const get = await fetch(`${hub.url}?${search}`, {
      headers: { ...from('203.0.113.78'), 'apollo-require-preflight': '1' },
    });
    expect(get.status).toBe(429);
  });

  it('counts ten aliases in one request as ten guesses: refused whole, nothing run', async () => {
    const target = certs[1] as Cert;
    const aliases = Array.from(
      { length: 10 },
      (_, i) =>
        `g${i}: verifyCertificatesByIdentity(residentId: "${sibling(target.residentId, i)}", holderName: $name) { number }`,
    ).join('\n');
    const calls = { ...hub.gateway?.subgraphCalls('assessments') };
    const r = await gql(hub.url, `query($name: String!) { ${aliases} }`, {
      variables: { name: target.holderName },
      headers: from('198.51.100.2'),
    });
    expect(r.status).toBe(429);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'LOOKUP_BUDGET_EXCEEDED', budget: 'misses' });
    expect(hub.gateway?.subgraphCalls('assessments')?.requests).toBe(calls.requests);
    // the refusal took nothing: the holder's own lookup still runs
    const own = await gql(hub.url, BY_ID, {
      variables: { id: target.residentId, name: target.holderName },
      headers: from('198.51.100.2'),
    });
    expect(own.data?.verifyCertificatesByIdentity).toHaveLength(1);
  });
});

describe('the refusal', () => {
  it('is HTTP 429 with Retry-After, code LOOKUP_BUDGET_EXCEEDED, retryAfter in seconds and the budget spent', async () => {
    const target = certs[2] as Cert;
    let res: Response | undefined;
    for (let i = 0; i < 10 && res?.status !== 429; i++) {
      res = await fetch(hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...from('198.51.100.3') },
        body: JSON.stringify({
          query: BY_ID,
          variables: { id: sibling(target.residentId, i), name: target.holderName },
        }),
      });
      if (res.status !== 429) await res.arrayBuffer();
    }
    expect(res?.status).toBe(429);
    const body = (await (res as Response).json()) as { data?: unknown; errors: { message: string; extensions: any }[] };
    expect(body.data).toBeUndefined();
    const [error] = body.errors;
    expect(error?.extensions).toEqual({
      code: 'LOOKUP_BUDGET_EXCEEDED',
      budget: 'misses',
      retryAfter: expect.any(Number),
    });
    expect(error?.extensions.retryAfter).toBeGreaterThan(LOOKUP_BUDGET_DEFAULTS.lockout - 60);
    expect(Number(res?.headers.get('retry-after'))).toBe(error?.extensions.retryAfter);
    expect(error?.message).toMatch(/retry after \d+ s/);
    // no name, number or ID in it
    expect(JSON.stringify(body)).not.toContain(target.holderName);
    expect(JSON.stringify(body)).not.toContain(target.residentId.slice(0, 14));
  });
});

describe('signed-in callers', () => {
  it('are limited per credential, whatever address they call from', async () => {
    const enterprise = await token({
      role: 'enterprise',
      sub: 'hr-bulk',
      enterpriseId: (certs[3] as Cert).enterpriseId,
    });
    const statuses: number[] = [];
    // Different people each time (no back-off in play): only the credential's identity budget counts.
    for (let i = 0; i < LOOKUP_BUDGET_DEFAULTS.identity + 3; i++) {
      const person = certs[3 + (i % 10)] as Cert;
      const r = await gql(hub.url, BY_ID, {
        variables: { id: sibling(person.residentId, 100 + i), name: `${person.holderName}${i}` },
        token: enterprise,
        headers: from(`192.0.2.${10 + i}`),
      });
      statuses.push(r.status);
      if (r.status === 429) expect(r.errors?.[0]?.extensions).toMatchObject({ budget: 'identity' });
    }
    expect(statuses.slice(0, LOOKUP_BUDGET_DEFAULTS.identity).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(LOOKUP_BUDGET_DEFAULTS.identity)).toEqual([429, 429, 429]);
  });
});

describe('a holder checking their own certificates', () => {
  it('is never troubled: two certificates, by number and by ID, twice each', async () => {
    const holder = certs[13] as Cert;
    // A second certificate for the same person, as the hub would issue it.
    const [other] = await hub.db.db
      .select()
      .from(certificates)
      .where(
        and(
          ne(certificates.holderName, holder.holderName),
          isNotNull(certificates.planId),
          notInArray(
            certificates.number,
            certs.map((c) => c.number),
          ),
        ),
      )
      .orderBy(asc(certificates.number))
      .limit(1);
    await hub.db.db
      .update(certificates)
      .set({
        holderName: holder.holderName,
        holderResidentIdEnc: holder.holderResidentIdEnc,
        holderResidentIdHmac: holder.holderResidentIdHmac,
      })
      .where(eq(certificates.number, (other as Cert).number));
    const numbers = [holder.number, (other as Cert).number];
    for (let round = 0; round < 2; round++) {
      for (const n of numbers) {
        const r = await gql(hub.url, VERIFY, { variables: { n, h: holder.holderName }, headers: from('198.51.100.4') });
        expect(r.status).toBe(200);
        expect(r.data?.verifyCertificate.status).toBe('VALID');
      }
      const mine = await gql(hub.url, BY_ID, {
        variables: { id: holder.residentId, name: holder.holderName },
        headers: from('198.51.100.4'),
      });
      expect(mine.status).toBe(200);
      expect(mine.data?.verifyCertificatesByIdentity.map((c: { number: string }) => c.number).sort()).toEqual(
        [...numbers].sort(),
      );
    }
  });
});

describe('lookups by number, aliases', () => {
  let small: ServedGateway;
  beforeAll(async () => {
    const subgraphUrls = Object.fromEntries(Object.entries(hub.subgraphs).map(([n, s]) => [n, s.url]));
    small = await startGateway({
      port: 0,
      subgraphUrls,
      lookupBudget: { ...LOOKUP_BUDGET_DEFAULTS, lookups: 12, trustProxy: false },
    });
  });
  afterAll(async () => {
    await small?.close();
  });
  const aliased = (people: Cert[]) =>
    `{ ${people.map((c, i) => `v${i}: verifyCertificate(number: "${c.number}", holderName: "${c.holderName}") { status }`).join(' ')} }`;

  it('counts ten aliases in one request as ten lookups against the budget, and a refused request takes none', async () => {
    const ten = await gql(small.url, aliased(certs.slice(0, 10)));
    expect(ten.status).toBe(200);
    expect(Object.values(ten.data ?? {}).every((v: any) => v.status === 'VALID')).toBe(true);
    const calls = { ...small.subgraphCalls('assessments') };
    const three = await gql(small.url, aliased(certs.slice(0, 3)));
    expect(three.status).toBe(429);
    expect(three.errors?.[0]?.extensions).toMatchObject({ code: 'LOOKUP_BUDGET_EXCEEDED', budget: 'lookups' });
    expect(three.errors?.[0]?.extensions?.retryAfter).toBeGreaterThan(0);
    expect(small.subgraphCalls('assessments')?.requests).toBe(calls.requests);
    // 10 of 12 taken, the 3 refused took nothing: 2 more fit, then none
    expect((await gql(small.url, aliased(certs.slice(0, 2)))).status).toBe(200);
    expect(codeOf(await gql(small.url, aliased(certs.slice(0, 1))))).toBe('LOOKUP_BUDGET_EXCEEDED');
  });
});
