import { certificates, decryptResidentId, rowsOf } from '@hub/db';
import { maskName } from '@hub/vocabulary';
import { and, asc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, startTestHub, type TestHub, token } from './helpers.ts';

/** 证书查询: anyone, without a token, by number and name or by resident ID and name; masked; rate-limited. */

let hub: TestHub;
/** A stored certificate with its holder's resident ID decrypted (the table holds only ciphertext). */
type Cert = typeof certificates.$inferSelect & { holderResidentId: string };
const opened = (c: typeof certificates.$inferSelect | undefined): Cert | undefined =>
  c && { ...c, holderResidentId: decryptResidentId(c.holderResidentIdEnc) };
let valid: Cert;
let revoked: Cert;
let twice: Cert[];

const VERIFY = `query($number: String!, $name: String!) {
  verifyCertificate(number: $number, holderName: $name) {
    status
    certificate { number level holderName issuedOn status occupation { code name } issuer { name } workType { name } }
  }
}`;
const BY_IDENTITY = `query($id: ResidentId!, $name: String!) {
  verifyCertificatesByIdentity(residentId: $id, holderName: $name) { number holderName level status issuer { name } }
}`;

beforeAll(async () => {
  // Generous enough for this file, small enough that the limit test can exhaust it.
  process.env.HUB_PUBLIC_RATE = '60';
  hub = await startTestHub(600);
  delete process.env.HUB_PUBLIC_RATE;
  const db = hub.db.db;
  const v = await db
    .select()
    .from(certificates)
    .where(eq(certificates.status, 'VALID'))
    .orderBy(asc(certificates.number))
    .limit(1);
  const rv = await db.select().from(certificates).where(eq(certificates.status, 'REVOKED')).limit(1);
  valid = opened(v[0]) as Cert;
  revoked = opened(rv[0]) as Cert;
  if (!valid || !revoked) throw new Error('the seed has no valid or no revoked certificate');
  // A second certificate for the valid holder (same person, a later level), as the hub would issue it.
  const [other] = await db
    .select()
    .from(certificates)
    .where(and(ne(certificates.number, valid.number), isNotNull(certificates.planId)))
    .limit(1);
  await db
    .update(certificates)
    .set({
      holderName: valid.holderName,
      holderResidentIdEnc: valid.holderResidentIdEnc,
      holderResidentIdHmac: valid.holderResidentIdHmac,
    })
    .where(eq(certificates.number, (other as Cert).number));
  twice = [valid, { ...(other as Cert), holderName: valid.holderName }];
});
afterAll(async () => {
  await hub?.stop();
});

const verify = (number: string, name: string, headers: Record<string, string> = {}) =>
  gql(hub.url, VERIFY, { variables: { number, name }, headers });

describe('verifyCertificate', () => {
  it('answers VALID with masked facts when number and full name match, without a token', async () => {
    const r = await verify(valid.number, valid.holderName);
    expect(r.errors).toBeUndefined();
    const v = r.data?.verifyCertificate;
    expect(v.status).toBe('VALID');
    expect(v.certificate).toMatchObject({
      number: valid.number,
      holderName: maskName(valid.holderName),
      issuedOn: valid.issuedOn,
      status: 'VALID',
      occupation: { code: valid.occupationCode },
    });
    expect(v.certificate.holderName).not.toBe(valid.holderName);
    expect(v.certificate.occupation.name).toEqual(expect.any(String));
    expect(v.certificate.issuer.name).toEqual(expect.any(String));
  });

  it('accepts the number in lower case and with spaces, as people type it', async () => {
    const typed = ` ${valid.number.toLowerCase().slice(0, 10)} ${valid.number.slice(10)} `;
    expect((await verify(typed, valid.holderName)).data?.verifyCertificate.status).toBe('VALID');
  });

  it('answers REVOKED for a revoked certificate', async () => {
    const v = (await verify(revoked.number, revoked.holderName)).data?.verifyCertificate;
    expect(v.status).toBe('REVOKED');
    expect(v.certificate.status).toBe('REVOKED');
  });

  it('answers NOT_FOUND with no data for a right number and a wrong name (no probing names by number)', async () => {
    const wrong = `${valid.holderName}某`;
    const r = await verify(valid.number, wrong);
    expect(r.data?.verifyCertificate).toEqual({ status: 'NOT_FOUND', certificate: null });
    expect(JSON.stringify(r)).not.toContain(maskName(valid.holderName));
  });

  it('names the 工种 of a certificate issued for one', async () => {
    // The seed issues no certificate for a work type: give one a 焊工 work type, as the hub would issue it.
    const [c] = await hub.db.db
      .select()
      .from(certificates)
      .where(and(eq(certificates.status, 'VALID'), ne(certificates.holderName, valid.holderName)))
      .orderBy(asc(certificates.number))
      .limit(1);
    const cert = c as typeof certificates.$inferSelect;
    await hub.db.db
      .update(certificates)
      .set({ occupationCode: '6-18-02-04', workTypeCode: '6-18-02-04-01' })
      .where(eq(certificates.number, cert.number));
    const v = (await verify(cert.number, cert.holderName)).data?.verifyCertificate;
    expect(v.certificate.workType).toEqual({ name: '电焊工' });
    expect(v.certificate.occupation).toEqual({ code: '6-18-02-04', name: '焊工' });
  });

  it('answers NOT_FOUND for an unknown or malformed number', async () => {
    const unknown = `${valid.number.slice(0, 16)}999999`;
    expect((await verify(unknown, valid.holderName)).data?.verifyCertificate).toEqual({
      status: 'NOT_FOUND',
      certificate: null,
    });
    expect((await verify('not-a-number', valid.holderName)).data?.verifyCertificate.status).toBe('NOT_FOUND');
  });
});

describe.runIf(!!process.env.DATABASE_URL)('the public lookups’ own connection (PostgreSQL)', () => {
  it('plans its prepared statements once (plan_cache_mode), not anew on every lookup', async () => {
    const [row] = rowsOf<{ plan_cache_mode: string }>(await hub.db.lookup.execute(sql`show plan_cache_mode`));
    expect(row?.plan_cache_mode).toBe('force_generic_plan');
    const [other] = rowsOf<{ plan_cache_mode: string }>(await hub.db.db.execute(sql`show plan_cache_mode`));
    expect(other?.plan_cache_mode).toBe('auto');
  });

  it('runs both lookups on the `skill-hub lookup` connections (DbHandle.lookup), not on the pool authenticated work uses', async () => {
    // The last statement of each of this database's lookup connections.
    const lastOnLookup = async () => {
      const result = await hub.db.db.execute(
        sql`select query from pg_stat_activity where datname = current_database() and application_name = 'skill-hub lookup'`,
      );
      return rowsOf<{ query: string }>(result).map((r) => r.query);
    };
    const plain = `query($n: String!, $h: String!) { verifyCertificate(number: $n, holderName: $h) { status } }`;
    const r = await gql(hub.url, plain, { variables: { n: valid.number, h: valid.holderName } });
    expect(r.data?.verifyCertificate.status).toBe('VALID');
    // 证书查询's statement: number and name pairs, as two arrays (one statement for a whole batch).
    expect(await lastOnLookup()).toContainEqual(
      expect.stringMatching(/"number", .*"holder_name"\) in \(select \* from unnest\(\$1::bpchar\[\], \$2::text\[\]\)/),
    );
    const byId = await gql(
      hub.url,
      'query($id: ResidentId!, $name: String!) { verifyCertificatesByIdentity(residentId: $id, holderName: $name) { number } }',
      { variables: { id: valid.holderResidentId, name: valid.holderName } },
    );
    expect(byId.data?.verifyCertificatesByIdentity.length).toBeGreaterThan(0);
    expect(await lastOnLookup()).toContainEqual(expect.stringMatching(/"holder_resident_id_hmac" in/));
    // The names a full verification provides (@provides) are read there too, and nothing else.
    expect((await verify(valid.number, valid.holderName)).data?.verifyCertificate.certificate.issuer.name).toBeTruthy();
    for (const q of await lastOnLookup()) {
      expect(q).toMatch(/from "(assessment"\."certificates|occupation"\."occupations|enterprise"\."enterprises)"/);
    }
  });
});

describe('verifyCertificatesByIdentity', () => {
  it("lists the person's certificates, masked, when resident ID and name match", async () => {
    const r = await gql(hub.url, BY_IDENTITY, { variables: { id: valid.holderResidentId, name: valid.holderName } });
    expect(r.errors).toBeUndefined();
    const list = r.data?.verifyCertificatesByIdentity as { number: string; holderName: string }[];
    expect(list.map((c) => c.number).sort()).toEqual(twice.map((c) => c.number).sort());
    for (const c of list) expect(c.holderName).toBe(maskName(valid.holderName));
  });

  it('lists nothing when the name does not match the resident ID', async () => {
    const r = await gql(hub.url, BY_IDENTITY, { variables: { id: valid.holderResidentId, name: '王五' } });
    expect(r.data?.verifyCertificatesByIdentity).toEqual([]);
  });

  it('refuses a resident ID with a bad check digit without echoing it', async () => {
    const bad = `${valid.holderResidentId.slice(0, 17)}${valid.holderResidentId.endsWith('0') ? '1' : '0'}`;
    const r = await gql(hub.url, BY_IDENTITY, { variables: { id: bad, name: valid.holderName } });
    expect(r.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(r)).not.toContain(bad);
  });

  it('never returns a resident ID: no public answer contains one', async () => {
    const answers = await Promise.all([
      verify(valid.number, valid.holderName),
      verify(revoked.number, revoked.holderName),
      gql(hub.url, BY_IDENTITY, { variables: { id: valid.holderResidentId, name: valid.holderName } }),
    ]);
    const text = JSON.stringify(answers);
    for (const c of [valid, revoked]) expect(text).not.toContain(c.holderResidentId);
    // An ID-shaped run that is not part of a certificate number (a letter and 21 digits).
    expect(text).not.toMatch(/(?<![0-9A-Z])\d{17}[\dX](?![0-9])/);
  });
});

describe('public rate limit', () => {
  it('refuses a public caller over HUB_PUBLIC_RATE per address with TOO_MANY_REQUESTS, HTTP 429 and Retry-After, and still serves signed-in callers', async () => {
    let refused: Response | undefined;
    for (let i = 0; i < 80 && !refused; i++) {
      const res = await fetch(hub.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: VERIFY, variables: { number: valid.number, name: valid.holderName } }),
      });
      if (res.status === 429) refused = res;
      else await res.arrayBuffer();
    }
    expect(refused, 'no 429 within 80 public calls at 60 per minute').toBeDefined();
    const res = refused as Response;
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const body = (await res.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]?.extensions.code).toBe('TOO_MANY_REQUESTS');
    expect(body.errors[0]?.extensions.retryAfterSeconds).toEqual(expect.any(Number));

    const signedIn = await gql(hub.url, VERIFY, {
      variables: { number: valid.number, name: valid.holderName },
      token: await token({ role: 'dashboard', sub: 'wall' }),
    });
    expect(signedIn.data?.verifyCertificate.status).toBe('VALID');

    // A token that does not verify is no way around the limit: such a caller is as public as any.
    // The bucket refills one call a second, so a forged call may still find one token (a 401); the
    // calls right after it must not.
    const statuses: number[] = [];
    let forged: Awaited<ReturnType<typeof gql>> | undefined;
    for (let i = 0; i < 5 && forged?.status !== 429; i++) {
      forged = await gql(hub.url, VERIFY, {
        variables: { number: valid.number, name: valid.holderName },
        token: 'forged.token.value',
      });
      statuses.push(forged.status);
    }
    expect(statuses.at(-1), `forged-token calls answered ${statuses.join(', ')}`).toBe(429);
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    expect(forged?.errors?.[0]?.extensions?.code).toBe('TOO_MANY_REQUESTS');
  });
});
