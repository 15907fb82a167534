import { enterprises, filingTransitions } from '@hub/db';
import { eq } from 'drizzle-orm';
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
  UPDATE,
} from './enterprises-fixtures.ts';
import { gql, startTestHub, type TestHub } from './helpers.ts';

let hub: TestHub;
let a: Actors;
beforeAll(async () => {
  hub = await startTestHub(300);
  a = await actors();
});
afterAll(() => hub?.stop());

const CATALOG = `query($p: String, $o: OccupationCode) { catalog(prefecture: $p, occupationCode: $o, first: 100) { edges { node { enterprise { id } status kinds institutionCode confirmedOn scope { occupationCode levels } } } } }`;

async function inCatalog(enterpriseId: string, prefecture: string) {
  const r = await gql(hub.url, CATALOG, { variables: { p: prefecture, o: '6-18-01-01' } });
  return ((r.data?.catalog.edges ?? []) as any[]).find((e) => e.node.enterprise.id === enterpriseId)?.node ?? null;
}

describe('备案 workflow through the gateway', () => {
  it('walks a city enterprise from draft to the catalog: city → province → ministry', async () => {
    const id = await register(hub.url, await a.city('430200'));
    const own = await a.enterprise(id);
    const submitted = await fileAndSubmit(hub.url, own);
    expect(submitted.status).toBe('SUBMITTED');
    expect(await inCatalog(id, '430200')).toBeNull();

    const city = await gql(hub.url, REVIEW, {
      token: await a.city('430200'),
      variables: { id: submitted.id, d: 'APPROVE', o: '材料齐全，同意上报。' },
    });
    expect(city.data?.reviewFiling).toMatchObject({ errors: [], filing: { status: 'CITY_REVIEWED' } });
    const province = await gql(hub.url, REVIEW, {
      token: a.province,
      variables: { id: submitted.id, d: 'APPROVE', o: '同意备案。' },
    });
    expect(province.data?.reviewFiling.filing.status).toBe('PROVINCE_REVIEWED');
    const ministry = await gql(hub.url, REVIEW, { token: a.ministry, variables: { id: submitted.id, d: 'APPROVE' } });
    expect(ministry.data?.reviewFiling.filing.status).toBe('CONFIRMED');

    const entry = await inCatalog(id, '430200');
    expect(entry).toMatchObject({
      status: 'CONFIRMED',
      kinds: ['ENTERPRISE_SELF_EVALUATION'],
      scope: [{ occupationCode: '6-18-01-01', levels: ['LEVEL_5', 'LEVEL_4', 'LEVEL_3'] }],
    });
    expect(entry.institutionCode).toMatch(/^02\d{4}$/); // 株洲 = 02
    const history = await gql(hub.url, FILING, { token: a.province, variables: { id: submitted.id } });
    expect(history.data?.filing.transitions.map((t: any) => [t.toStatus, t.actorRole])).toEqual([
      ['DRAFT', 'enterprise'],
      ['SUBMITTED', 'enterprise'],
      ['CITY_REVIEWED', 'city_center'],
      ['PROVINCE_REVIEWED', 'province_center'],
      ['CONFIRMED', 'ministry'],
    ]);
  });

  it('files a 省属企业 straight with the province when it takes that route (its default): no city step', async () => {
    const id = await register(hub.url, a.province, { prefecture: '430100', affiliation: 'PROVINCIAL' });
    const submitted = await fileAndSubmit(hub.url, await a.enterprise(id));
    expect((submitted as any).route).toBe('PROVINCE');
    const city = await gql(hub.url, REVIEW, {
      token: await a.city('430100'),
      variables: { id: submitted.id, d: 'APPROVE', o: '同意' },
    });
    expect(city.data?.reviewFiling.errors).toEqual([expect.objectContaining({ code: 'FILED_WITH_PROVINCE' })]);
    const province = await gql(hub.url, REVIEW, {
      token: a.province,
      variables: { id: submitted.id, d: 'APPROVE', o: '同意备案。' },
    });
    expect(province.data?.reviewFiling.filing.status).toBe('PROVINCE_REVIEWED');
    const ministry = await gql(hub.url, REVIEW, { token: a.ministry, variables: { id: submitted.id, d: 'APPROVE' } });
    expect(ministry.data?.reviewFiling.filing.status).toBe('CONFIRMED');
    expect((await inCatalog(id, '430100'))?.status).toBe('CONFIRMED');
    const steps = await hub.db.db.select().from(filingTransitions).where(eq(filingTransitions.filingId, submitted.id));
    expect(steps.map((s) => s.toStatus)).not.toContain('CITY_REVIEWED');
  });

  it('rejects with reasons; the rejected filing is closed and the enterprise files again (a new filing)', async () => {
    const id = await register(hub.url, await a.city('430300'), { prefecture: '430300' });
    const own = await a.enterprise(id);
    const submitted = await fileAndSubmit(hub.url, own);
    const city = await a.city('430300');

    const noReasons = await gql(hub.url, REVIEW, { token: city, variables: { id: submitted.id, d: 'REJECT' } });
    expect(noReasons.data?.reviewFiling.errors).toEqual([
      expect.objectContaining({ code: 'REJECTION_NEEDS_REASONS', field: 'opinion' }),
    ]);
    const rejected = await gql(hub.url, REVIEW, {
      token: city,
      variables: { id: submitted.id, d: 'REJECT', o: '评价场地说明不足，请补充设备清单。' },
    });
    expect(rejected.data?.reviewFiling.filing.status).toBe('REJECTED');

    const revised = filingForm({
      facilitiesDescription: '实训基地 2000 平方米；设备清单见附件。',
      attachments: [{ title: '设备清单', reference: 'doc://equipment-list' }],
    });
    const edit = await gql(hub.url, UPDATE, { token: own, variables: { id: submitted.id, input: revised } });
    expect(edit.data?.updateFiling.errors).toEqual([expect.objectContaining({ code: 'FILING_CLOSED' })]);

    const again = await fileAndSubmit(hub.url, own, revised);
    expect(again.id).not.toBe(submitted.id);
    const approved = await gql(hub.url, REVIEW, {
      token: city,
      variables: { id: again.id, d: 'APPROVE', o: '已补充，同意上报。' },
    });
    expect(approved.data?.reviewFiling.filing.status).toBe('CITY_REVIEWED');
    const history = await gql(hub.url, FILING, { token: own, variables: { id: submitted.id } });
    expect(history.data?.filing.status).toBe('REJECTED');
    expect(history.data?.filing.transitions.map((t: any) => t.toStatus)).toEqual(['DRAFT', 'SUBMITTED', 'REJECTED']);
    expect(history.data?.filing.transitions[2].opinion).toContain('设备清单');
  });

  it('lets a confirmed institution amend its scope (restated whole), keeping its catalog entry meanwhile', async () => {
    const id = await register(hub.url, await a.city('430200'));
    const own = await a.enterprise(id);
    const first = await fileAndSubmit(hub.url, own);
    for (const [tok, o] of [
      [await a.city('430200'), '同意'],
      [a.province, '同意'],
      [a.ministry, '确认'],
    ] as const) {
      await gql(hub.url, REVIEW, { token: tok, variables: { id: first.id, d: 'APPROVE', o } });
    }
    const amendment = await gql(hub.url, CREATE, {
      token: own,
      variables: {
        input: filingForm({
          scope: [
            { occupationCode: '6-18-01-01', levels: ['LEVEL_5', 'LEVEL_4', 'LEVEL_3'], basis: 'NATIONAL_STANDARD' },
            {
              occupationCode: '6-18-02-04',
              workTypeCode: '6-18-02-04-01',
              levels: ['LEVEL_5', 'LEVEL_4'],
              basis: 'NATIONAL_STANDARD',
            },
          ],
        }),
      },
    });
    expect(amendment.data?.createFiling.filing.amendsFilingId).toBe(first.id);
    const [row] = await hub.db.db.select().from(enterprises).where(eq(enterprises.id, id));
    expect(row?.qualification).toBe('CONFIRMED');
    expect((await inCatalog(id, '430200'))?.scope).toEqual([
      { occupationCode: '6-18-01-01', levels: ['LEVEL_5', 'LEVEL_4', 'LEVEL_3'] },
    ]);
  });
});
