import { enterprises } from '@hub/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actors,
  enterpriseForm,
  fileAndSubmit,
  filingForm,
  newCreditCode,
  REGISTER,
  register,
} from './enterprises-fixtures.ts';
import { gql, startTestHub, type TestHub, token } from './helpers.ts';

/**
 * Issue #24 point 10, through the gateway: 也可通过网络申请备案. An enterprise signed in with the
 * province's legal-person identity (法人认证) holds an enterprise token that carries its
 * 统一社会信用代码 (`creditCode`) and no hub id. It registers itself under that code only, then files
 * with the same token; its 市州 centre corrects the record; centres still register on its behalf.
 */

let hub: TestHub;
const UPDATE_ENTERPRISE = `mutation($id: ID!, $input: EnterpriseInput!) {
  updateEnterprise(id: $id, input: $input) { enterprise { id name prefecture { code } } errors { code field } } }`;
const MY_FILINGS = 'query { filings(first: 10) { totalCount edges { node { id enterpriseId } } } }';

const legalPerson = (creditCode: string) => token({ role: 'enterprise', creditCode, sub: 'legal-person' });
const codes = (r: { data?: any }, field: string) =>
  ((r.data?.[field]?.errors ?? []) as { code: string }[]).map((e) => e.code);
const registerAs = (tok: string, creditCode: string, prefectureCode = '430100') =>
  gql(hub.url, REGISTER, {
    token: tok,
    variables: { creditCode, affiliation: 'LOCAL', input: enterpriseForm({ prefectureCode }) },
  });
const registered = async (creditCode: string) =>
  (await hub.db.db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.creditCode, creditCode)))
    .length;

beforeAll(async () => {
  hub = await startTestHub(0);
});
afterAll(() => hub?.stop());

describe('an enterprise registers itself with its legal-person identity (#24 point 10)', () => {
  it('registers under its own code only, then files with the same token', async () => {
    const code = newCreditCode('430100');
    const legal = await legalPerson(code);

    // Before registering, the token reaches no record.
    const before = await gql(hub.url, MY_FILINGS, { token: legal });
    expect(before.errors).toBeUndefined();
    expect(before.data?.filings.totalCount).toBe(0);

    // Not under another enterprise's code; nothing is written.
    const other = newCreditCode('430100');
    expect(codes(await registerAs(legal, other), 'registerEnterprise')).toEqual(['NOT_YOUR_CREDIT_CODE']);
    expect(await registered(other)).toBe(0);

    // An enterprise token without a legal-person code cannot register anyone.
    const a = await actors();
    const existing = await register(hub.url, await a.city('430100'), { prefecture: '430100' });
    expect(codes(await registerAs(await a.enterprise(existing), code), 'registerEnterprise')).toEqual([
      'LEGAL_PERSON_TOKEN_REQUIRED',
    ]);

    const mine = await registerAs(legal, code);
    expect(mine.data?.registerEnterprise.errors).toEqual([]);
    const id = mine.data?.registerEnterprise.enterprise.id as string;
    expect(mine.data?.registerEnterprise.enterprise).toMatchObject({
      creditCode: code,
      prefecture: { code: '430100' },
    });
    expect(codes(await registerAs(legal, code), 'registerEnterprise')).toEqual(['DUPLICATE_CREDIT_CODE']);

    // The same token now acts for the new enterprise: it files, and sees its own filing only.
    const filing = await fileAndSubmit(hub.url, legal, filingForm());
    expect(filing).toMatchObject({ enterpriseId: id, status: 'SUBMITTED' });
    const after = await gql(hub.url, MY_FILINGS, { token: legal });
    expect(after.data?.filings.edges.map((e: any) => e.node)).toEqual([{ id: filing.id, enterpriseId: id }]);
  });

  it('lets its 市州 centre correct the record, within the 市州 only', async () => {
    const code = newCreditCode('430100');
    const r = await registerAs(await legalPerson(code), code);
    const id = r.data?.registerEnterprise.enterprise.id as string;
    const a = await actors();
    const fixed = await gql(hub.url, UPDATE_ENTERPRISE, {
      token: await a.city('430100'),
      variables: { id, input: enterpriseForm({ prefectureCode: '430100', name: '长沙恒达轨道装备有限公司' }) },
    });
    expect(fixed.data?.updateEnterprise).toMatchObject({
      errors: [],
      enterprise: { name: '长沙恒达轨道装备有限公司' },
    });
    const elsewhere = await gql(hub.url, UPDATE_ENTERPRISE, {
      token: await a.city('430200'),
      variables: { id, input: enterpriseForm({ prefectureCode: '430100' }) },
    });
    expect(codes(elsewhere, 'updateEnterprise')).toEqual(['NOT_YOUR_PREFECTURE']);
    const moved = await gql(hub.url, UPDATE_ENTERPRISE, {
      token: await a.city('430100'),
      variables: { id, input: enterpriseForm({ prefectureCode: '430200' }) },
    });
    expect(codes(moved, 'updateEnterprise')).toEqual(['PREFECTURE_FIXED']);
    const byProvince = await gql(hub.url, UPDATE_ENTERPRISE, {
      token: a.province,
      variables: { id, input: enterpriseForm({ prefectureCode: '430200' }) },
    });
    expect(byProvince.data?.updateEnterprise).toMatchObject({
      errors: [],
      enterprise: { prefecture: { code: '430200' } },
    });
  });

  it('refuses a token whose code is malformed, on another role, or names another enterprise’s id: 401', async () => {
    const code = newCreditCode('430100');
    const r = await registerAs(await legalPerson(code), code);
    expect(r.data?.registerEnterprise.errors).toEqual([]);
    const a = await actors();
    const someoneElse = await register(hub.url, await a.city('430100'), { prefecture: '430100' });
    const mismatched = await token({ role: 'enterprise', enterpriseId: someoneElse, creditCode: code });
    const m = await gql(hub.url, MY_FILINGS, { token: mismatched });
    expect(m.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'CLAIMS_INVALID' });
    expect(m.data?.filings ?? null).toBeNull();
    // A malformed code, or a code on another role: the gateway refuses the token itself.
    const malformed = `${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}`;
    for (const bad of [
      await token({ role: 'enterprise', creditCode: malformed }),
      await token({ role: 'city_center', prefecture: '430100', creditCode: code }),
    ]) {
      const refused = await gql(hub.url, MY_FILINGS, { token: bad });
      expect(refused.status).toBe(401);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'CLAIMS_INVALID' });
    }
  });
});
