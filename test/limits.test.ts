import { createHash } from 'node:crypto';
import { startGateway } from '@hub/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestHub, type TestHub, token } from './helpers.ts';

let hub: TestHub;
let province: string;
beforeAll(async () => {
  hub = await startTestHub(300);
  province = await token({ role: 'province_center' });
});
afterAll(() => hub?.stop());

const codeOf = (r: { errors?: { extensions?: Record<string, unknown> }[] }) => r.errors?.[0]?.extensions?.code;

describe('the gateway’s query limits, each with a stable code', () => {
  it('refuses a query nested deeper than the limit (MAX_DEPTH_EXCEEDED)', async () => {
    const deep = `{ occupation(code: "6-18-01-01") { ${'parent { '.repeat(14)}code${' }'.repeat(14)} } }`;
    const r = await gql(hub.url, deep);
    expect(codeOf(r)).toBe('MAX_DEPTH_EXCEEDED');
    expect(r.errors?.[0]?.message).toMatch(/depth limit of 12/);
    const fine = await gql(hub.url, `{ occupation(code: "6-18-01-01") { parent { parent { code } } } }`);
    expect(fine.errors).toBeUndefined();
  });

  it('refuses an alias bomb (MAX_ALIASES_EXCEEDED)', async () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: name`).join(' ');
    const r = await gql(hub.url, `{ occupation(code: "6-18-01-01") { ${aliases} } }`);
    expect(codeOf(r)).toBe('MAX_ALIASES_EXCEEDED');
  });

  it('refuses too many root fields, counting fragments (MAX_ROOT_FIELDS_EXCEEDED)', async () => {
    const roots = Array.from({ length: 6 }, (_, i) => `o${i}: occupation(code: "6-18-01-01") { code }`).join(' ');
    const r = await gql(
      hub.url,
      `query { ...More ${roots} } fragment More on Query { x1: occupation(code: "6-18-01-02") { code } x2: occupation(code: "6-18-01-03") { code } x3: catalog(first: 1) { edges { cursor } } x4: catalog(first: 1) { edges { cursor } } x5: catalog(first: 1) { edges { cursor } } }`,
    );
    expect(codeOf(r)).toBe('MAX_ROOT_FIELDS_EXCEEDED');
    expect(r.errors?.[0]?.message).toMatch(/found 11/);
  });

  it('refuses a query that could return too many rows × fields (COST_LIMIT_EXCEEDED), and allows ordinary pages', async () => {
    const huge = `{ enterprises(first: 100) { edges { node { certificates(first: 100) { edges { node { number level issuedOn status holderName } } } } } } }`;
    const r = await gql(hub.url, huge, { token: province });
    expect(codeOf(r)).toBe('COST_LIMIT_EXCEEDED');
    expect(r.errors?.[0]?.extensions?.cost).toBeGreaterThan(50_000);
    expect(r.status).toBe(400);
    const page = await gql(
      hub.url,
      `{ certificates(first: 100) { edges { node { number level issuedOn status } } } }`,
      { token: province },
    );
    expect(page.errors).toBeUndefined();
  });

  it('counts `first` given as a variable', async () => {
    const q = `query($n: Int) { enterprises(first: $n) { edges { node { certificates(first: $n) { edges { node { number level issuedOn status holderName } } } } } } }`;
    expect(codeOf(await gql(hub.url, q, { token: province, variables: { n: 100 } }))).toBe('COST_LIMIT_EXCEEDED');
    expect((await gql(hub.url, q, { token: province, variables: { n: 5 } })).errors).toBeUndefined();
  });

  it('refuses a document with too many tokens (MAX_TOKENS_EXCEEDED) and an oversized query text (413 QUERY_TOO_LARGE)', async () => {
    const many = `{ occupation(code: "6-18-01-01") { ${'a '.repeat(2100)}} }`;
    expect(codeOf(await gql(hub.url, many))).toBe('MAX_TOKENS_EXCEEDED');
    const long = `{ occupation(code: "6-18-01-01") { code } } # ${'x'.repeat(25_000)}`;
    const r = await gql(hub.url, long);
    expect(r.status).toBe(413);
    expect(codeOf(r)).toBe('QUERY_TOO_LARGE');
  });

  it('serves automatic persisted queries (APQ): hash first, then the query once, then the hash alone', async () => {
    const query = '{ occupation(code: "6-18-01-01") { name } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const ext = { persistedQuery: { version: 1, sha256Hash } };
    const post = (body: Record<string, unknown>) =>
      fetch(hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<any>);
    expect((await post({ extensions: ext })).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post({ query, extensions: ext })).data?.occupation?.name).toBe('车工');
    expect((await post({ extensions: ext })).data?.occupation?.name).toBe('车工');
  });
});

describe('production settings', () => {
  it('turns introspection and "did you mean" hints off', async () => {
    const urls = Object.fromEntries(Object.entries(hub.subgraphs).map(([n, s]) => [n, s.url]));
    const prod = await startGateway({
      port: 0,
      subgraphUrls: urls,
      limits: {
        maxDepth: 12,
        maxAliases: 15,
        maxDirectives: 10,
        maxRootFields: 10,
        maxCost: 50_000,
        maxTokens: 2_000,
        maxQueryChars: 20_000,
        introspection: false,
        fieldSuggestions: false,
      },
    });
    try {
      const intro = await gql(prod.url, '{ __schema { types { name } } }');
      expect(intro.data ?? null).toBeNull();
      expect(intro.errors?.[0]?.message).toMatch(/introspection/i);
      const typo = await gql(prod.url, '{ occupation(code: "6-18-01-01") { nmae } }');
      expect(typo.errors?.[0]?.message).toMatch(/Cannot query field "nmae"/);
      expect(typo.errors?.[0]?.message).not.toMatch(/Did you mean/);
      const dev = await gql(hub.url, '{ occupation(code: "6-18-01-01") { nmae } }');
      expect(dev.errors?.[0]?.message).toMatch(/Did you mean "name"/);
    } finally {
      await prod.close();
    }
  });
});

describe('a subgraph that is down', () => {
  it('costs only its own fields: the others still answer, with an error naming what failed, not a 500', async () => {
    await hub.subgraphs.supervision.close();
    const r = await gql(
      hub.url,
      `{ occupation(code: "6-18-01-01") { name } supervisionCases(first: 1) { edges { node { id } } } }`,
      { token: province },
    );
    expect(r.status).toBe(200);
    expect(r.data?.occupation?.name).toBe('车工');
    expect(r.data?.supervisionCases).toBeNull();
    expect(r.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(r.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|at .*\.js/);
  });
});
