import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Actors,
  actors,
  CREATE,
  fileAndSubmit,
  filingForm,
  GROUNDS_ACCEPTED,
  leadingGrounds,
  REVIEW,
  register,
  SUBMIT,
  socialForm,
} from './enterprises-fixtures.ts';
import { gql, startTestHub, type TestHub } from './helpers.ts';

/**
 * #24 point 5: a 社会评价组织 filing states its 龙头企业 grounds (行业地位, 牵头的产业链, 证明材料) and
 * the 市州 and province centres approve it only with their opinion accepting those grounds.
 */

let hub: TestHub;
let a: Actors;
beforeAll(async () => {
  hub = await startTestHub(300);
  a = await actors();
});
afterAll(() => hub?.stop());

const GROUNDS = `query($id: ID!) { filing(id: $id) {
  id status version kind
  leadingGrounds { industry positionScope industryPosition chainName chainRole evidence { title reference } }
  transitions { toStatus actorRole opinion groundsOpinion { accepted opinion } }
} }`;
const codes = (p: { errors: { code: string }[] }) => p.errors.map((e) => e.code);

async function review(id: string, token: string, d: string, o: string | null, g?: unknown) {
  const r = await gql(hub.url, REVIEW, { token, variables: { id, d, o, g } });
  expect(r.errors).toBeUndefined();
  return r.data?.reviewFiling;
}

describe('龙头企业依据 (#24 point 5)', () => {
  it('submits a 社会评价组织 filing only with its grounds, and takes none on a 企业自主评价 filing', async () => {
    const id = await register(hub.url, await a.city('430200'));
    const own = await a.enterprise(id);

    const selfWithGrounds = await gql(hub.url, CREATE, {
      token: own,
      variables: { input: filingForm({ leadingGrounds: leadingGrounds() }) },
    });
    expect(selfWithGrounds.data?.createFiling.errors).toEqual([
      expect.objectContaining({ code: 'GROUNDS_ONLY_FOR_SOCIAL', field: 'leadingGrounds' }),
    ]);

    const draft = await gql(hub.url, CREATE, {
      token: own,
      variables: { input: socialForm({ leadingGrounds: leadingGrounds({ chainRole: '', evidence: [] }) }) },
    });
    const filing = draft.data?.createFiling.filing;
    expect(draft.data?.createFiling.errors).toEqual([]);
    const refused = (await gql(hub.url, SUBMIT, { token: own, variables: { id: filing.id } })).data?.submitFiling;
    expect(refused.errors).toEqual([
      expect.objectContaining({ code: 'LEADING_GROUNDS_INCOMPLETE', field: 'leadingGrounds.chainRole' }),
      expect.objectContaining({ code: 'GROUNDS_EVIDENCE_REQUIRED', field: 'leadingGrounds.evidence' }),
    ]);
    expect(refused.errors[0].message).toContain('在产业链中的作用');
    expect(refused.filing).toBeNull();

    const withdrawn = await gql(hub.url, `mutation($id: ID!) { withdrawFiling(id: $id) { errors { code } } }`, {
      token: own,
      variables: { id: filing.id },
    });
    expect(withdrawn.data?.withdrawFiling.errors).toEqual([]);
    const none = await gql(hub.url, CREATE, {
      token: own,
      variables: { input: socialForm({ leadingGrounds: null }) },
    });
    const bare = none.data?.createFiling.filing;
    const noGrounds = (await gql(hub.url, SUBMIT, { token: own, variables: { id: bare.id } })).data?.submitFiling;
    expect(codes(noGrounds)).toEqual(['LEADING_GROUNDS_REQUIRED']);
  });

  it('lets the 市州 and the province centre approve only with an opinion accepting the grounds; the ministry confirms', async () => {
    const id = await register(hub.url, await a.city('430200'));
    const f = await fileAndSubmit(hub.url, await a.enterprise(id), socialForm());
    const city = await a.city('430200');

    // The city centre reads the grounds as structured fields.
    const read = await gql(hub.url, GROUNDS, { token: city, variables: { id: f.id } });
    expect(read.data?.filing.leadingGrounds).toEqual({
      industry: '轨道交通装备制造',
      positionScope: 'PROVINCIAL',
      industryPosition: '2025 年省内同行业营业收入第 2 位，市场占有率 18%',
      chainName: '湖南省轨道交通装备产业链',
      chainRole: '省级链主企业，带动上下游配套企业 120 家',
      evidence: [{ title: '省级产业链链主企业认定文件', reference: 'doc://grounds/chain-leader-2025' }],
    });

    const bare = await review(f.id, city, 'APPROVE', '材料齐全');
    expect(bare.errors).toEqual([
      expect.objectContaining({ code: 'GROUNDS_OPINION_REQUIRED', field: 'groundsOpinion' }),
    ]);
    expect(bare.errors[0].message).toContain('龙头企业依据');
    const doubted = await review(f.id, city, 'APPROVE', '材料齐全', { accepted: false, opinion: '市场占有率无证明' });
    expect(codes(doubted)).toEqual(['GROUNDS_NOT_ACCEPTED']);
    // Nothing changed by the refusals.
    const still = await gql(hub.url, GROUNDS, { token: city, variables: { id: f.id } });
    expect(still.data?.filing).toMatchObject({ status: 'SUBMITTED', version: f.version });

    expect((await review(f.id, city, 'APPROVE', '材料齐全', GROUNDS_ACCEPTED)).filing.status).toBe('CITY_REVIEWED');
    expect(codes(await review(f.id, a.province, 'APPROVE', '同意'))).toEqual(['GROUNDS_OPINION_REQUIRED']);
    const provinceOpinion = { accepted: true, opinion: '经核，属全省行业龙头，同意。' };
    expect((await review(f.id, a.province, 'APPROVE', '同意', provinceOpinion)).filing.status).toBe(
      'PROVINCE_REVIEWED',
    );
    expect((await review(f.id, a.ministry, 'APPROVE', null)).filing.status).toBe('CONFIRMED');

    const steps = (await gql(hub.url, GROUNDS, { token: a.province, variables: { id: f.id } })).data?.filing
      .transitions;
    expect(steps.map((s: any) => [s.actorRole, s.groundsOpinion])).toEqual([
      ['enterprise', null],
      ['enterprise', null],
      ['city_center', GROUNDS_ACCEPTED],
      ['province_center', provinceOpinion],
      ['ministry', null],
    ]);
  });

  it('records a rejection’s opinion on the grounds, and refuses an opinion on a 企业自主评价 filing', async () => {
    const id = await register(hub.url, await a.city('430200'));
    const f = await fileAndSubmit(hub.url, await a.enterprise(id), socialForm());
    const city = await a.city('430200');
    const notLeading = { accepted: false, opinion: '仅为市州内中型企业，不属行业龙头' };
    const rejected = await review(f.id, city, 'REJECT', '龙头企业依据不足', notLeading);
    expect(rejected.filing.status).toBe('REJECTED');
    const steps = (await gql(hub.url, GROUNDS, { token: city, variables: { id: f.id } })).data?.filing.transitions;
    expect(steps.at(-1)).toEqual({
      toStatus: 'REJECTED',
      actorRole: 'city_center',
      opinion: '龙头企业依据不足',
      groundsOpinion: notLeading,
    });

    const other = await register(hub.url, city);
    const self = await fileAndSubmit(hub.url, await a.enterprise(other));
    expect(codes(await review(self.id, city, 'APPROVE', '同意', GROUNDS_ACCEPTED))).toEqual([
      'GROUNDS_ONLY_FOR_SOCIAL',
    ]);
    expect((await review(self.id, city, 'APPROVE', '同意')).filing.status).toBe('CITY_REVIEWED');
  });
});
