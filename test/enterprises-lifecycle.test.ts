import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Actors,
  actors,
  CREATE,
  FILING,
  fileAndSubmit,
  filingForm,
  REVIEW,
  register,
  SUBMIT,
} from './enterprises-fixtures.ts';
import { gql, startTestHub, type TestHub } from './helpers.ts';

/** #24 points 8 and 9: after a rejection the enterprise files again; withdrawal, narrowing by amendment, 注销. */

let hub: TestHub;
let a: Actors;
beforeAll(async () => {
  hub = await startTestHub(300);
  a = await actors();
});
afterAll(() => hub?.stop());

const WITHDRAW = `mutation($id: ID!, $r: String, $v: Int) { withdrawFiling(id: $id, reason: $r, expectedVersion: $v) { filing { id status transitions { toStatus actorRole opinion } } errors { code message field } } }`;
const GIVE_UP = `mutation($r: String!) { giveUpQualification(reason: $r) { enterprise { id qualificationStatus catalogEntry { status } } errors { code message field } } }`;
const CATALOG = `query($p: String, $l: SkillLevel) { catalog(prefecture: $p, level: $l, occupationCode: "6-18-01-01", first: 100) { edges { node { enterprise { id } status scope { occupationCode levels } } } } }`;

async function entry(enterpriseId: string, prefecture: string, level?: string) {
  const r = await gql(hub.url, CATALOG, { variables: { p: prefecture, l: level } });
  expect(r.errors).toBeUndefined();
  return ((r.data?.catalog.edges ?? []) as any[]).find((e) => e.node.enterprise.id === enterpriseId)?.node ?? null;
}

/** Files, and walks the filing through city, province and ministry; returns its id. */
async function confirm(enterpriseId: string, prefecture: string, form = filingForm()) {
  const f = await fileAndSubmit(hub.url, await a.enterprise(enterpriseId), form);
  for (const tok of [await a.city(prefecture), a.province, a.ministry]) {
    const r = await gql(hub.url, REVIEW, { token: tok, variables: { id: f.id, d: 'APPROVE', o: '同意' } });
    expect(r.data?.reviewFiling.errors).toEqual([]);
  }
  return f.id;
}

describe('after a rejection the enterprise files again (#24 point 8)', () => {
  it('starts a new filing after a rejection; the rejected one stays in the history, closed', async () => {
    const id = await register(hub.url, await a.city('430200'));
    const own = await a.enterprise(id);
    const first = await fileAndSubmit(hub.url, own);
    await gql(hub.url, REVIEW, {
      token: await a.city('430200'),
      variables: { id: first.id, d: 'REJECT', o: '缺少薪酬制度' },
    });
    const again = await gql(hub.url, CREATE, { token: own, variables: { input: filingForm() } });
    expect(again.data?.createFiling.errors).toEqual([]);
    expect(again.data?.createFiling.filing).toMatchObject({ status: 'DRAFT', amendsFilingId: null });
    const resubmit = await gql(hub.url, SUBMIT, { token: own, variables: { id: first.id } });
    expect(resubmit.data?.submitFiling.errors.map((e: any) => e.code)).toEqual(['FILING_CLOSED']);
    const old = await gql(hub.url, FILING, { token: own, variables: { id: first.id } });
    expect(old.data?.filing.status).toBe('REJECTED');
  });
});

describe('withdraw, narrow and give up (#24 point 9)', () => {
  it('lets the enterprise withdraw its filing in review (撤回), then file again', async () => {
    const id = await register(hub.url, await a.city('430200'));
    const own = await a.enterprise(id);
    const f = await fileAndSubmit(hub.url, own);
    const city = await gql(hub.url, WITHDRAW, { token: await a.city('430200'), variables: { id: f.id } });
    expect(city.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const out = await gql(hub.url, WITHDRAW, {
      token: own,
      variables: { id: f.id, r: '材料需重新准备', v: f.version },
    });
    expect(out.data?.withdrawFiling.errors).toEqual([]);
    expect(out.data?.withdrawFiling.filing.status).toBe('WITHDRAWN');
    expect(out.data?.withdrawFiling.filing.transitions.at(-1)).toMatchObject({
      toStatus: 'WITHDRAWN',
      actorRole: 'enterprise',
      opinion: expect.stringContaining('材料需重新准备'),
    });
    const review = await gql(hub.url, REVIEW, { token: await a.city('430200'), variables: { id: f.id, d: 'APPROVE' } });
    expect(review.data?.reviewFiling.errors.map((e: any) => e.code)).toEqual(['FILING_WRONG_STATE']);
    const again = await gql(hub.url, CREATE, { token: own, variables: { input: filingForm() } });
    expect(again.data?.createFiling.errors).toEqual([]);
  });

  it('refuses to withdraw a decided filing, and changes nothing', async () => {
    const id = await register(hub.url, await a.city('430200'));
    const filingId = await confirm(id, '430200');
    const out = await gql(hub.url, WITHDRAW, { token: await a.enterprise(id), variables: { id: filingId } });
    expect(out.data?.withdrawFiling.errors.map((e: any) => e.code)).toEqual(['FILING_WRONG_STATE']);
    expect((await entry(id, '430200'))?.status).toBe('CONFIRMED');
  });

  it('narrows the scope by amendment: once confirmed, the dropped levels leave the catalog', async () => {
    const id = await register(hub.url, await a.city('430200'));
    const first = await confirm(id, '430200');
    expect((await entry(id, '430200', 'LEVEL_3'))?.scope).toEqual([
      { occupationCode: '6-18-01-01', levels: ['LEVEL_5', 'LEVEL_4', 'LEVEL_3'] },
    ]);
    const narrowed = filingForm({
      scope: [{ occupationCode: '6-18-01-01', levels: ['LEVEL_5'], basis: 'NATIONAL_STANDARD' }],
    });
    const amendment = await confirm(id, '430200', narrowed);
    const filing = await gql(hub.url, FILING, { token: a.province, variables: { id: amendment } });
    expect(filing.data?.filing.amendsFilingId).toBe(first);
    expect((await entry(id, '430200'))?.scope).toEqual([{ occupationCode: '6-18-01-01', levels: ['LEVEL_5'] }]);
    expect(await entry(id, '430200', 'LEVEL_3')).toBeNull();
  });

  it('注销: the enterprise gives its qualification up with a reason, leaves the catalog, and may file again', async () => {
    const id = await register(hub.url, await a.city('430200'));
    await confirm(id, '430200');
    const own = await a.enterprise(id);
    const blank = await gql(hub.url, GIVE_UP, { token: own, variables: { r: ' ' } });
    expect(blank.data?.giveUpQualification.errors.map((e: any) => e.code)).toEqual(['REASON_REQUIRED']);
    expect((await entry(id, '430200'))?.status).toBe('CONFIRMED');

    const out = await gql(hub.url, GIVE_UP, { token: own, variables: { r: '企业业务调整，不再开展自主评价' } });
    expect(out.data?.giveUpQualification).toMatchObject({
      errors: [],
      enterprise: { qualificationStatus: 'CANCELLED', catalogEntry: null },
    });
    expect(await entry(id, '430200')).toBeNull();
    const again = await gql(hub.url, CREATE, { token: own, variables: { input: filingForm() } });
    expect(again.data?.createFiling.errors).toEqual([]);
    expect(again.data?.createFiling.filing.amendsFilingId).toBeNull();
  });
});
