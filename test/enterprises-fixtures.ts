import { addCalendarDays, chinaDate, makeCreditCode } from '@hub/vocabulary';
import { expect } from 'vitest';
import { gql, token } from './helpers.ts';

/** Building blocks for the 备案 scenarios: a fresh enterprise, its filing, the reviewers. */

let serial = 0;
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A valid, unused 统一社会信用代码 per call (the seed draws its codes from another range). */
export function newCreditCode(division = '430200'): string {
  serial += 1;
  const body = `MT${String(serial).padStart(4, '0')}${ALPHABET[(serial * 7) % 31]}${ALPHABET[process.pid % 31]}`;
  return makeCreditCode('9', '1', division, body);
}

export const enterpriseForm = (over: Record<string, unknown> = {}) => ({
  name: '株洲恒达轨道装备有限公司',
  legalRepresentative: '张伟',
  address: '株洲市天元区黄河南路 88 号',
  phone: '0731-22881234',
  registrationAuthority: '株洲市市场监督管理局',
  foundedOn: '2003-05-18',
  employeeCount: 1200,
  skilledWorkerCount: 800,
  nature: 'PRIVATE',
  mainBusiness: '轨道交通装备制造',
  headName: '李强',
  headPhone: '13907331234',
  contactName: '王芳',
  contactPhone: '13807331235',
  contactTitle: '人力资源部部长',
  email: 'hr@hengda.example.cn',
  prefectureCode: '430200',
  ...over,
});

/**
 * A complete filing form, its 承诺书 signed a week ago. The 备案 scenarios run their hub on the real
 * date (no sandbox date), so "a week ago" is counted from today in China.
 */
export const filingForm = (over: Record<string, unknown> = {}) => ({
  kind: 'ENTERPRISE_SELF_EVALUATION',
  teamDescription: '评价工作委员会 9 人，考评员 24 人（高级考评员 6 人），内部质量督导员 4 人。',
  facilitiesDescription: '实训基地 2000 平方米，数控车床 30 台，焊接工位 40 个。',
  systemsDescription: '《职业技能等级认定管理办法》《技能等级与岗位薪酬挂钩办法》。',
  planDescription: '2027 年评价车工、焊工两个职业，获证人员按等级发放技能津贴。',
  commitmentSigner: '张伟',
  commitmentSignedOn: addCalendarDays(chinaDate(Date.now()), -7),
  scope: [{ occupationCode: '6-18-01-01', levels: ['LEVEL_5', 'LEVEL_4', 'LEVEL_3'], basis: 'NATIONAL_STANDARD' }],
  ...over,
});

/** 龙头企业依据 as a 社会评价组织 states them (#24 point 5). */
export const leadingGrounds = (over: Record<string, unknown> = {}) => ({
  industry: '轨道交通装备制造',
  positionScope: 'PROVINCIAL',
  industryPosition: '2025 年省内同行业营业收入第 2 位，市场占有率 18%',
  chainName: '湖南省轨道交通装备产业链',
  chainRole: '省级链主企业，带动上下游配套企业 120 家',
  evidence: [{ title: '省级产业链链主企业认定文件', reference: 'doc://grounds/chain-leader-2025' }],
  ...over,
});

/** A complete 社会评价组织 filing: whom it serves, and its 龙头企业 grounds. */
export const socialForm = (over: Record<string, unknown> = {}) =>
  filingForm({
    kind: 'SOCIAL_EVALUATION_ORGANIZATION',
    serves: '面向产业链上下游配套企业和合作院校开展职业技能等级认定。',
    servedParties: [{ creditCode: newCreditCode('430200'), name: '株洲链上配套零部件有限公司', kind: 'SUPPLY_CHAIN' }],
    leadingGrounds: leadingGrounds(),
    ...over,
  });

/** A centre's opinion accepting the 龙头企业 grounds. */
export const GROUNDS_ACCEPTED = { accepted: true, opinion: '链主企业认定文件属实，行业地位依据充分。' };

export const REGISTER = /* GraphQL */ `
  mutation Register($creditCode: CreditCode!, $affiliation: EnterpriseAffiliation!, $input: EnterpriseInput!) {
    registerEnterprise(creditCode: $creditCode, affiliation: $affiliation, input: $input) {
      enterprise { id creditCode prefecture { code } qualificationStatus }
      errors { code message field }
    }
  }
`;

const FILING_FIELDS =
  'id status route version enterpriseId amendsFilingId scope { occupationCode occupationName levels basis }';

export const CREATE = `mutation($input: FilingInput!) { createFiling(input: $input) { filing { ${FILING_FIELDS} } errors { code message field } } }`;
export const UPDATE = `mutation($id: ID!, $input: FilingInput!, $v: Int) { updateFiling(id: $id, input: $input, expectedVersion: $v) { filing { ${FILING_FIELDS} } errors { code message field } } }`;
export const SUBMIT = `mutation($id: ID!, $v: Int) { submitFiling(id: $id, expectedVersion: $v) { filing { ${FILING_FIELDS} } errors { code message field } } }`;
export const REVIEW = `mutation($id: ID!, $d: ReviewDecision!, $o: String, $v: Int, $g: GroundsOpinionInput) { reviewFiling(id: $id, decision: $d, opinion: $o, expectedVersion: $v, groundsOpinion: $g) { filing { ${FILING_FIELDS} } errors { code message field } } }`;
export const FILING = `query($id: ID!) { filing(id: $id) { ${FILING_FIELDS} transitions { fromStatus toStatus actorRole opinion } } }`;

export interface Actors {
  province: string;
  ministry: string;
  city: (prefecture: string) => Promise<string>;
  enterprise: (id: string) => Promise<string>;
}

export async function actors(): Promise<Actors> {
  return {
    province: await token({ role: 'province_center', sub: 'province-reviewer' }),
    ministry: await token({ role: 'ministry', sub: 'ministry-clerk' }),
    city: (prefecture) => token({ role: 'city_center', prefecture, sub: `city-${prefecture}` }),
    enterprise: (id) => token({ role: 'enterprise', enterpriseId: id, sub: 'hr-officer' }),
  };
}

/** Registers an enterprise (by an authority) and returns its id. */
export async function register(
  url: string,
  by: string,
  opts: { prefecture?: string; affiliation?: string; form?: Record<string, unknown> } = {},
): Promise<string> {
  const prefecture = opts.prefecture ?? '430200';
  const r = await gql(url, REGISTER, {
    token: by,
    variables: {
      creditCode: newCreditCode(prefecture),
      affiliation: opts.affiliation ?? 'LOCAL',
      input: enterpriseForm({ prefectureCode: prefecture, ...opts.form }),
    },
  });
  const payload = r.data?.registerEnterprise;
  if (!payload?.enterprise) throw new Error(`register failed: ${JSON.stringify(r.errors ?? payload?.errors)}`);
  return payload.enterprise.id as string;
}

/** Creates and submits a filing for an enterprise; returns the submitted filing. */
export async function fileAndSubmit(
  url: string,
  enterpriseToken: string,
  form: Record<string, unknown> = filingForm(),
) {
  const created = await gql(url, CREATE, { token: enterpriseToken, variables: { input: form } });
  const filing = created.data?.createFiling.filing;
  if (!filing) throw new Error(`create failed: ${JSON.stringify(created.errors ?? created.data?.createFiling.errors)}`);
  const submitted = await gql(url, SUBMIT, { token: enterpriseToken, variables: { id: filing.id, v: filing.version } });
  const out = submitted.data?.submitFiling;
  if (!out?.filing) throw new Error(`submit failed: ${JSON.stringify(submitted.errors ?? out?.errors)}`);
  return out.filing as { id: string; version: number; status: string; enterpriseId: string };
}

/** Opens a case on the enterprise, records a finding, escalates and revokes its qualification; returns the case id (取消备案资质 as supervision decides it, through the gateway). */
export async function revokeThroughCase(url: string, enterpriseId: string, centre: string): Promise<string> {
  const opened = await gql(
    url,
    `mutation($i: OpenCaseInput!) { openCase(input: $i) { supervisionCase { id } errors { code } } }`,
    {
      token: centre,
      variables: {
        i: {
          enterpriseId,
          source: 'SPECIAL_INSPECTION',
          violationTypes: ['LOWERED_STANDARDS'],
          summary: '专项督查发现降低评价标准。',
        },
      },
    },
  );
  const caseId = opened.data?.openCase.supervisionCase.id as string;
  for (const [query, variables] of [
    [
      `mutation($id: ID!, $f: CaseFindingInput!) { recordFinding(id: $id, input: $f) { errors { code } } }`,
      {
        f: {
          violationType: 'LOWERED_STANDARDS',
          description: '技能操作考核项目少于评价标准',
          evidence: ['doc://case/e2e'],
        },
      },
    ],
    [`mutation($id: ID!) { escalateCase(id: $id, reason: "降低评价标准，问题严重") { errors { code } } }`, {}],
    [`mutation($id: ID!) { revokeQualification(id: $id, reason: "降低评价标准，取消资质") { errors { code } } }`, {}],
  ] as const) {
    const r = await gql(url, query, { token: centre, variables: { id: caseId, ...variables } });
    expect(r.errors).toBeUndefined();
    expect(Object.values(r.data ?? {})[0]).toMatchObject({ errors: [] });
  }
  return caseId;
}
