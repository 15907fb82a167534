import { partnerCredentials } from '@hub/db';
import { signUserToken } from '@hub/platform';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInstitution, type Institution, institutionToken, residentId } from './assessments-fixtures.ts';
import { gql, partnerToken, startTestHub, type TestHub, token } from './helpers.ts';

/** 合作HR系统 API 凭证: long-lived, bound to one enterprise, read-only by default, revocable at once. */
let hub: TestHub;
let inst: Institution;

const ISSUE = `mutation($i: IssuePartnerCredentialInput!) {
  issuePartnerCredential(input: $i) { token credential { id enterpriseId name canWrite expiresAt lastUsedAt active } errors { code field } }
}`;
const REVOKE = `mutation($id: ID!, $r: String!) { revokePartnerCredential(id: $id, reason: $r) { credential { id active revokedAt revokedBy revokedReason } errors { code } } }`;
const LIST = `query($e: ID!, $all: Boolean) { partnerCredentials(enterpriseId: $e, includeRevoked: $all) { edges { node { id name canWrite lastUsedAt active } } } }`;
/** Reads from two subgraphs: the enterprise (enterprises) and its certificates (assessments). */
const READ = `query($id: ID!) { enterprise(id: $id) { name certificates(first: 1) { edges { node { number } } } } }`;
const WORKER = `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { worker { id } errors { code } } }`;

const admin = () => token({ role: 'admin', sub: 'ops-admin' });

beforeAll(async () => {
  hub = await startTestHub(1000);
  inst = await findInstitution(hub, [3]);
});
afterAll(() => hub?.stop());

describe('partner credentials (hr_partner)', () => {
  it('issue → use → last use recorded → revoke → the next request is 401 CREDENTIAL_REVOKED', async () => {
    const issued = await gql(hub.url, ISSUE, {
      token: await admin(),
      variables: { i: { enterpriseId: inst.id, name: '北森 HR 同步' } },
    });
    expect(issued.errors).toBeUndefined();
    const { token: partner, credential } = issued.data?.issuePartnerCredential ?? {};
    expect(credential).toMatchObject({ enterpriseId: inst.id, canWrite: false, lastUsedAt: null, active: true });
    const days = (Date.parse(credential.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(364);
    expect(days).toBeLessThan(366);

    const read = await gql(hub.url, READ, { token: partner, variables: { id: inst.id } });
    expect(read.errors).toBeUndefined();
    expect(read.data?.enterprise.name).toBe(inst.name);

    const listed = await gql(hub.url, LIST, { token: await admin(), variables: { e: inst.id } });
    const node = listed.data?.partnerCredentials.edges.find(
      (e: { node: { id: string } }) => e.node.id === credential.id,
    )?.node;
    expect(node?.lastUsedAt).not.toBeNull();
    expect(Date.now() - Date.parse(node.lastUsedAt)).toBeLessThan(60_000);

    const revoked = await gql(hub.url, REVOKE, {
      token: await admin(),
      variables: { id: credential.id, r: 'contract ended' },
    });
    expect(revoked.data?.revokePartnerCredential).toMatchObject({
      errors: [],
      credential: { active: false, revokedBy: 'ops-admin', revokedReason: 'contract ended' },
    });

    const after = await gql(hub.url, READ, { token: partner, variables: { id: inst.id } });
    expect(after.status).toBe(401);
    expect(after.data?.enterprise ?? null).toBeNull();
    expect(after.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'CREDENTIAL_REVOKED' });

    const again = await gql(hub.url, REVOKE, { token: await admin(), variables: { id: credential.id, r: 'twice' } });
    expect(again.data?.revokePartnerCredential.errors).toEqual([{ code: 'CREDENTIAL_ALREADY_REVOKED' }]);

    const active = await gql(hub.url, LIST, { token: await admin(), variables: { e: inst.id } });
    expect(active.data?.partnerCredentials.edges.map((e: { node: { id: string } }) => e.node.id)).not.toContain(
      credential.id,
    );
    const all = await gql(hub.url, LIST, { token: await admin(), variables: { e: inst.id, all: true } });
    expect(all.data?.partnerCredentials.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(credential.id);
  });

  it('refuses an expired credential the same way', async () => {
    const partner = await partnerToken(hub, inst.id, { name: 'expiring' });
    expect((await gql(hub.url, READ, { token: partner, variables: { id: inst.id } })).errors).toBeUndefined();
    await hub.db.db
      .update(partnerCredentials)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(partnerCredentials.name, 'expiring'));
    const r = await gql(hub.url, READ, { token: partner, variables: { id: inst.id } });
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'CREDENTIAL_REVOKED' });
  });

  it('refuses any mutation from a read-only credential (PARTNER_READ_ONLY) and allows one that may write', async () => {
    const input = { name: '合作方录入', residentId: residentId(411), employedSince: '2019-05-01' };
    const ro = await gql(hub.url, WORKER, { token: await partnerToken(hub, inst.id), variables: { i: input } });
    expect(ro.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PARTNER_READ_ONLY' });
    expect(ro.data?.registerWorker ?? null).toBeNull();
    const rw = await gql(hub.url, WORKER, {
      token: await partnerToken(hub, inst.id, { canWrite: true }),
      variables: { i: input },
    });
    expect(rw.errors).toBeUndefined();
    expect(rw.data?.registerWorker.errors).toEqual([]);
  });

  it('takes canWrite from the credential row, not the token: revoking write access holds at once', async () => {
    const partner = await partnerToken(hub, inst.id, { canWrite: true, name: 'downgraded' });
    await hub.db.db
      .update(partnerCredentials)
      .set({ canWrite: false })
      .where(eq(partnerCredentials.name, 'downgraded'));
    const r = await gql(hub.url, WORKER, {
      token: partner,
      variables: { i: { name: '降级', residentId: residentId(412), employedSince: '2019-05-01' } },
    });
    expect(r.errors?.[0]?.extensions?.reason).toBe('PARTNER_READ_ONLY');
  });

  it('refuses an hr_partner token without a credential (no jti): 401 CREDENTIAL_REQUIRED', async () => {
    const bare = await signUserToken({ role: 'hr_partner', enterpriseId: inst.id });
    const r = await gql(hub.url, READ, { token: bare, variables: { id: inst.id } });
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'CREDENTIAL_REQUIRED' });
  });

  it('refuses a token naming a credential that does not exist, or one bound to another enterprise', async () => {
    const made = await signUserToken({
      role: 'hr_partner',
      enterpriseId: inst.id,
      credentialId: '00000000-0000-4000-8000-000000000000',
    });
    const r = await gql(hub.url, READ, { token: made, variables: { id: inst.id } });
    expect(r.status).toBe(401);
    expect(r.errors?.[0]?.extensions?.reason).toBe('CREDENTIAL_REVOKED');
    const [row] = await hub.db.db.select().from(partnerCredentials).where(eq(partnerCredentials.name, 'downgraded'));
    const other = await findInstitution(hub, [3], { kind: 'SOCIAL_EVALUATION_ORGANIZATION' });
    const moved = await signUserToken({ role: 'hr_partner', enterpriseId: other.id, credentialId: row?.id });
    const m = await gql(hub.url, READ, { token: moved, variables: { id: other.id } });
    expect(m.errors?.[0]?.extensions?.reason).toBe('CREDENTIAL_REVOKED');
  });

  it('lets only admins issue and revoke, and an enterprise list only its own credentials', async () => {
    const [row] = await hub.db.db.select().from(partnerCredentials).limit(1);
    for (const t of await Promise.all([
      token({ role: 'province_center' }),
      institutionToken(inst.id),
      partnerToken(hub, inst.id, { canWrite: true }),
      token({ role: 'city_center', prefecture: inst.prefectureCode }),
    ])) {
      const i = await gql(hub.url, ISSUE, { token: t, variables: { i: { enterpriseId: inst.id, name: 'x' } } });
      expect(i.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const v = await gql(hub.url, REVOKE, { token: t, variables: { id: row?.id, r: 'x' } });
      expect(v.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(
      (await gql(hub.url, ISSUE, { variables: { i: { enterpriseId: inst.id, name: 'x' } } })).errors?.[0]?.extensions
        ?.code,
    ).toBe('UNAUTHENTICATED');
    const own = await gql(hub.url, LIST, { token: await institutionToken(inst.id), variables: { e: inst.id } });
    expect(own.errors).toBeUndefined();
    expect(own.data?.partnerCredentials.edges.length).toBeGreaterThan(0);
    const other = await findInstitution(hub, [3], { kind: 'SOCIAL_EVALUATION_ORGANIZATION' });
    const theirs = await gql(hub.url, LIST, { token: await institutionToken(other.id), variables: { e: inst.id } });
    expect(theirs.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a credential for an unknown enterprise or with a bad validity, naming the field', async () => {
    const r = await gql(hub.url, ISSUE, {
      token: await admin(),
      variables: { i: { enterpriseId: '00000000-0000-4000-8000-000000000000', name: ' ', validDays: 0 } },
    });
    expect(r.data?.issuePartnerCredential.token).toBeNull();
    expect(r.data?.issuePartnerCredential.errors).toEqual([
      { code: 'CREDENTIAL_NAME_INVALID', field: 'name' },
      { code: 'CREDENTIAL_VALIDITY_INVALID', field: 'validDays' },
      { code: 'ENTERPRISE_NOT_FOUND', field: 'enterpriseId' },
    ]);
  });
});
