import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Actors,
  actors,
  CREATE,
  fileAndSubmit,
  filingForm,
  REVIEW,
  register,
  revokeThroughCase,
} from './enterprises-fixtures.ts';
import { gql, startTestHub, type TestHub } from './helpers.ts';

/** #24 point 2 (the 省属 route is optional; 中央在湘 takes the 市州 route) and point 11 (a revoked enterprise files again). */

let hub: TestHub;
let a: Actors;
beforeAll(async () => {
  hub = await startTestHub(300);
  a = await actors();
});
afterAll(() => hub?.stop());

const SET_ROUTE = `mutation($id: ID!, $on: Boolean!) { setProvinceRoute(enterpriseId: $id, provinceRoute: $on) { enterprise { id affiliation provinceRoute } errors { code message field } } }`;
const REVIEWERS_VIEW = `query($id: ID!) { filing(id: $id) { id status amendsFilingId revocationHistory { toStatus actorRole opinion at } } }`;

async function review(id: string, token: string, d = 'APPROVE', o = '同意') {
  return (await gql(hub.url, REVIEW, { token, variables: { id, d, o } })).data?.reviewFiling;
}

describe('申报途径 (#24 point 2)', () => {
  it('lets a 省属企业 take the ordinary 市州 route: city → province → ministry', async () => {
    const id = await register(hub.url, a.province, { prefecture: '430100', affiliation: 'PROVINCIAL' });
    const f = await fileAndSubmit(hub.url, await a.enterprise(id), filingForm({ route: 'CITY' }));
    expect((f as any).route).toBe('CITY');
    expect((await review(f.id, a.province))?.errors.map((e: any) => e.code)).toEqual(['CITY_OPINION_FIRST']);
    expect((await review(f.id, await a.city('430100')))?.filing.status).toBe('CITY_REVIEWED');
    expect((await review(f.id, a.province))?.filing.status).toBe('PROVINCE_REVIEWED');
    expect((await review(f.id, a.ministry))?.filing.status).toBe('CONFIRMED');
  });

  it('sends a 中央在湘企业 along the 市州 route, and refuses the province route it was not given', async () => {
    const id = await register(hub.url, a.province, { prefecture: '430300', affiliation: 'CENTRAL' });
    const own = await a.enterprise(id);
    const straight = await gql(hub.url, CREATE, {
      token: own,
      variables: { input: filingForm({ route: 'PROVINCE' }) },
    });
    expect(straight.data?.createFiling.errors).toEqual([
      expect.objectContaining({ code: 'PROVINCE_ROUTE_NOT_OPEN', field: 'route' }),
    ]);
    const f = await fileAndSubmit(hub.url, own);
    expect((f as any).route).toBe('CITY');
    expect((await review(f.id, await a.city('430300')))?.filing.status).toBe('CITY_REVIEWED');
  });

  it('sends a 中央在湘企业 straight to the province once the province centre records it so', async () => {
    const id = await register(hub.url, a.province, { prefecture: '430300', affiliation: 'CENTRAL' });
    const byCity = await gql(hub.url, SET_ROUTE, { token: await a.city('430300'), variables: { id, on: true } });
    expect(byCity.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const set = await gql(hub.url, SET_ROUTE, { token: a.province, variables: { id, on: true } });
    expect(set.data?.setProvinceRoute).toMatchObject({ errors: [], enterprise: { provinceRoute: true } });
    const f = await fileAndSubmit(hub.url, await a.enterprise(id));
    expect((f as any).route).toBe('PROVINCE');
    expect((await review(f.id, await a.city('430300')))?.errors.map((e: any) => e.code)).toEqual([
      'FILED_WITH_PROVINCE',
    ]);
    expect((await review(f.id, a.province))?.filing.status).toBe('PROVINCE_REVIEWED');
  });

  it('records the province route for 中央在湘企业 only', async () => {
    const id = await register(hub.url, await a.city('430200'));
    const out = await gql(hub.url, SET_ROUTE, { token: a.province, variables: { id, on: true } });
    expect(out.data?.setProvinceRoute.errors.map((e: any) => e.code)).toEqual(['ROUTE_FLAG_CENTRAL_ONLY']);
  });
});

describe('a revoked enterprise may file again (#24 point 11)', () => {
  it('takes a new filing after 取消备案资质 (no waiting period by default), shows reviewers the revocation, and lists it again once confirmed', async () => {
    const id = await register(hub.url, await a.city('430200'));
    const own = await a.enterprise(id);
    const first = await fileAndSubmit(hub.url, own);
    for (const tok of [await a.city('430200'), a.province, a.ministry]) await review(first.id, tok);
    // 取消备案资质 as the supervision case decides it, through the gateway.
    const caseId = await revokeThroughCase(hub.url, id, await a.city('430200'));
    const after = await gql(
      hub.url,
      `query($id: ID!) { enterprise(id: $id) { qualificationStatus catalogEntry { status } } }`,
      {
        token: own,
        variables: { id },
      },
    );
    expect(after.data?.enterprise).toEqual({ qualificationStatus: 'REVOKED', catalogEntry: null });

    const again = await fileAndSubmit(hub.url, own);
    expect(again.id).not.toBe(first.id);
    const seen = await gql(hub.url, REVIEWERS_VIEW, { token: await a.city('430200'), variables: { id: again.id } });
    expect(seen.data?.filing).toMatchObject({ status: 'SUBMITTED', amendsFilingId: null });
    const revocation = [
      expect.objectContaining({
        toStatus: 'REVOKED',
        actorRole: 'city_center',
        opinion: expect.stringContaining(caseId),
      }),
    ];
    expect(seen.data?.filing.revocationHistory).toEqual(revocation);
    // Every reviewer sees it: the province centre and the ministry too.
    for (const tok of [a.province, a.ministry]) {
      const r = await gql(hub.url, REVIEWERS_VIEW, { token: tok, variables: { id: again.id } });
      expect(r.data?.filing.revocationHistory).toEqual(revocation);
    }
    for (const tok of [await a.city('430200'), a.province, a.ministry]) await review(again.id, tok);
    const standing = await gql(
      hub.url,
      `query($id: ID!) { enterprise(id: $id) { qualificationStatus catalogEntry { status confirmedOn } } }`,
      {
        token: own,
        variables: { id },
      },
    );
    expect(standing.data?.enterprise).toMatchObject({
      qualificationStatus: 'CONFIRMED',
      catalogEntry: { status: 'CONFIRMED', confirmedOn: hub.clock.today() },
    });
  });
});
