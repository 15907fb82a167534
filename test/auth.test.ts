import { INTERNAL_HEADER, signInternalToken } from '@hub/platform';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestHub, type TestHub, token } from './helpers.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub(500);
});
afterAll(() => hub?.stop());

const Q = '{ enterprises(first: 1) { edges { node { id name } } } }';
const secret = (s: string) => new TextEncoder().encode(s);

describe('subgraphs trust only the gateway', () => {
  it('refuses a call straight to a subgraph with no claims header', async () => {
    const r = await gql(hub.subgraphs.enterprises.url, Q);
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(r.data ?? null).toBeNull();
  });

  it('refuses a forged claims header (signed with another secret)', async () => {
    const forged = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('hunan-skill-hub')
      .setAudience('hub-subgraphs')
      .setExpirationTime('2m')
      .sign(secret('guessed-secret'));
    const r = await gql(hub.subgraphs.supervision.url, '{ supervisionCases(first: 1) { edges { node { id } } } }', {
      headers: { [INTERNAL_HEADER]: forged },
    });
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an unsigned claims header and a caller JWT passed as the claims header', async () => {
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"role":"admin"}').toString('base64url')}.`;
    const callerJwt = await token({ role: 'admin' });
    for (const header of [unsigned, callerJwt, '{"role":"admin"}']) {
      const r = await gql(hub.subgraphs.assessments.url, '{ certificates(first: 1) { edges { node { number } } } }', {
        headers: { [INTERNAL_HEADER]: header },
      });
      expect(r.status).toBe(401);
    }
  });

  it('accepts the gateway-signed header (the path the gateway takes)', async () => {
    const r = await gql(hub.subgraphs.enterprises.url, Q, {
      headers: { [INTERNAL_HEADER]: await signInternalToken({ role: 'province_center' }) },
    });
    expect(r.status).toBe(200);
    expect(r.data?.enterprises.edges).toHaveLength(1);
  });
});

describe('the gateway verifies callers', () => {
  it('answers a bad JWT with a 401-style GraphQL error, not a crash', async () => {
    const r = await gql(hub.url, Q, { token: 'not.a.jwt' });
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID' });
    expect(JSON.stringify(r)).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('answers an expired JWT with reason TOKEN_EXPIRED', async () => {
    const expired = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('hunan-skill-hub')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(secret(process.env.HUB_JWT_SECRET || 'dev-only-jwt-secret-do-not-use-in-production'));
    const r = await gql(hub.url, Q, { token: expired });
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED' });
  });

  it('answers a JWT signed with the wrong secret, and one with impossible claims, with 401', async () => {
    const wrong = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('hunan-skill-hub')
      .setExpirationTime('1h')
      .sign(secret('someone-elses-secret'));
    const r1 = await gql(hub.url, Q, { token: wrong });
    expect(r1.status).toBe(401);
    expect(r1.errors?.[0]?.extensions?.reason).toBe('TOKEN_INVALID');

    const noPrefecture = await new SignJWT({ role: 'city_center' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('hunan-skill-hub')
      .setExpirationTime('1h')
      .sign(secret(process.env.HUB_JWT_SECRET || 'dev-only-jwt-secret-do-not-use-in-production'));
    const r2 = await gql(hub.url, Q, { token: noPrefecture });
    expect(r2.status).toBe(401);
    expect(r2.errors?.[0]?.extensions?.reason).toBe('CLAIMS_INVALID');
    expect(r2.errors?.[0]?.message).toMatch(/prefecture/);
  });

  it('rejects an Authorization header that is not a bearer token', async () => {
    const r = await gql(hub.url, Q, { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(r.status).toBe(401);
  });

  it('treats no token as the public caller: public data yes, restricted data no', async () => {
    const pub = await gql(hub.url, '{ catalog(first: 1) { edges { node { enterprise { name filingStatus } } } } }');
    expect(pub.status).toBe(200);
    expect(pub.data?.catalog.edges).toHaveLength(1);
    const list = await gql(hub.url, '{ enterprises(first: 1) { edges { node { name } } } }');
    expect(list.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const restricted = await gql(hub.url, '{ certificates(first: 1) { edges { node { number } } } }');
    expect(restricted.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(restricted.errors?.[0]?.message).toMatch(/signed-in caller/);
    expect(restricted.data?.certificates ?? null).toBeNull();
    // The refusal reads as the subgraph's own words, without the subgraph's address or raw response.
    expect(JSON.stringify(restricted)).not.toMatch(/127\.0\.0\.1|"response"|Unauthorized/);
  });

  it('shows an enterprise only itself in the enterprise list, and a city centre only its 市州', async () => {
    const all = await gql(hub.url, '{ enterprises(first: 100) { edges { node { id prefecture { code } } } } }', {
      token: await token({ role: 'province_center' }),
    });
    const edges = (all.data?.enterprises.edges ?? []) as any[];
    const one = edges[0].node;
    const own = await gql(hub.url, '{ enterprises(first: 100) { edges { node { id } } } }', {
      token: await token({ role: 'enterprise', enterpriseId: one.id }),
    });
    expect(own.data?.enterprises.edges.map((e: any) => e.node.id)).toEqual([one.id]);
    const city = await gql(hub.url, '{ enterprises(first: 100) { edges { node { prefecture { code } } } } }', {
      token: await token({ role: 'city_center', prefecture: one.prefecture.code }),
    });
    const codes = new Set(((city.data?.enterprises.edges ?? []) as any[]).map((e) => e.node.prefecture.code));
    expect([...codes]).toEqual([one.prefecture.code]);
    expect(city.data?.enterprises.edges.length).toBe(
      edges.filter((e) => e.node.prefecture.code === one.prefecture.code).length,
    );
  });

  it('shows an enterprise only its own certificates', async () => {
    const list = await gql(
      hub.url,
      '{ enterprises(first: 50) { edges { node { id certificates(first: 1) { edges { node { number } } } } } } }',
      {
        token: await token({ role: 'province_center' }),
      },
    );
    const withCerts = ((list.data?.enterprises.edges ?? []) as any[]).find((e) => e.node.certificates.edges.length > 0);
    expect(withCerts).toBeDefined();
    const enterpriseId = withCerts.node.id as string;
    const own = await gql(hub.url, '{ certificates(first: 100) { edges { node { number issuer { id } } } } }', {
      token: await token({ role: 'enterprise', enterpriseId }),
    });
    const issuers = new Set(((own.data?.certificates.edges ?? []) as any[]).map((e) => e.node.issuer.id));
    expect([...issuers]).toEqual([enterpriseId]);
  });
});

describe('personal data in refusals', () => {
  it('never echoes a resident ID back, even one that failed its check', async () => {
    const bad = '430102199003071235'; // wrong GB 11643 check digit
    const r = await gql(
      hub.url,
      'mutation($input: RegisterWorkerInput!) { registerWorker(input: $input) { errors { code } } }',
      {
        token: await token({ role: 'enterprise', enterpriseId: '00000000-0000-4000-8000-000000000001' }),
        variables: { input: { name: '张三', residentId: bad, employedSince: '2020-01-01' } },
      },
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0]?.message).toMatch(/GB 11643/);
    expect(JSON.stringify(r)).not.toContain(bad);
    expect(JSON.stringify(r)).toContain('430*************35');
  });
});
