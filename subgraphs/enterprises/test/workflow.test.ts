import type { Claims } from '@hub/platform';
import { describe, expect, it } from 'vitest';
import { filingContentRefusals, submissionRefusals } from '../src/rules/filing-input.ts';
import { editRefusal, type FilingFacts, filingRoute, review, withdrawRefusal } from '../src/rules/workflow.ts';

const ENT = '11111111-1111-4111-8111-111111111111';
const local = (status: FilingFacts['status']): FilingFacts => ({
  status,
  enterpriseId: ENT,
  affiliation: 'LOCAL',
  prefectureCode: '430200',
  route: 'CITY',
});
const provincial = (status: FilingFacts['status'], route: FilingFacts['route'] = 'PROVINCE'): FilingFacts => ({
  ...local(status),
  affiliation: 'PROVINCIAL',
  route,
});
const zhuzhou: Claims = { role: 'city_center', prefecture: '430200' };
const changsha: Claims = { role: 'city_center', prefecture: '430100' };
const province: Claims = { role: 'province_center' };
const ministry: Claims = { role: 'ministry' };

describe('备案 workflow', () => {
  it('walks a local enterprise through city, province and ministry', () => {
    expect(review(local('SUBMITTED'), zhuzhou, 'APPROVE', '同意')).toEqual({ to: 'CITY_REVIEWED' });
    expect(review(local('CITY_REVIEWED'), province, 'APPROVE', '同意')).toEqual({ to: 'PROVINCE_REVIEWED' });
    expect(review(local('PROVINCE_REVIEWED'), ministry, 'APPROVE', null)).toEqual({ to: 'CONFIRMED' });
  });

  it('sends a filing on the PROVINCE route straight to the province centre, with no city step', () => {
    expect(review(provincial('SUBMITTED'), province, 'APPROVE', '同意')).toEqual({ to: 'PROVINCE_REVIEWED' });
    expect(review(provincial('SUBMITTED'), zhuzhou, 'APPROVE', '同意')).toMatchObject({
      code: 'FILED_WITH_PROVINCE',
    });
  });

  it('lets a 省属企业 take the ordinary 市州 route (省属 route optional, 湘人社发〔2024〕26号)', () => {
    expect(review(provincial('SUBMITTED', 'CITY'), zhuzhou, 'APPROVE', '同意')).toEqual({ to: 'CITY_REVIEWED' });
    expect(review(provincial('SUBMITTED', 'CITY'), province, 'APPROVE', '同意')).toMatchObject({
      code: 'CITY_OPINION_FIRST',
    });
  });

  it('opens the PROVINCE route to 省属企业 and to 中央在湘企业 only when the province recorded it', () => {
    expect(filingRoute({ affiliation: 'PROVINCIAL', provinceRoute: false }, null)).toBe('PROVINCE');
    expect(filingRoute({ affiliation: 'PROVINCIAL', provinceRoute: false }, 'CITY')).toBe('CITY');
    expect(filingRoute({ affiliation: 'CENTRAL', provinceRoute: false }, null)).toBe('CITY');
    expect(filingRoute({ affiliation: 'CENTRAL', provinceRoute: false }, 'PROVINCE')).toMatchObject({
      code: 'PROVINCE_ROUTE_NOT_OPEN',
    });
    expect(filingRoute({ affiliation: 'CENTRAL', provinceRoute: true }, null)).toBe('PROVINCE');
    expect(filingRoute({ affiliation: 'LOCAL', provinceRoute: true }, 'PROVINCE')).toMatchObject({
      code: 'PROVINCE_ROUTE_NOT_OPEN',
    });
  });

  it('lets only the centre of the enterprise’s own 市州 give the city opinion', () => {
    expect(review(local('SUBMITTED'), changsha, 'APPROVE', '同意')).toMatchObject({ code: 'NOT_YOUR_PREFECTURE' });
  });

  it('refuses the province opinion before the city opinion on a local filing', () => {
    expect(review(local('SUBMITTED'), province, 'APPROVE', '同意')).toMatchObject({ code: 'CITY_OPINION_FIRST' });
  });

  it('refuses a reviewer of the wrong step, and a review of a filing awaiting none', () => {
    expect(review(local('CITY_REVIEWED'), ministry, 'APPROVE', null)).toMatchObject({ code: 'WRONG_REVIEWER' });
    expect(review(local('DRAFT'), zhuzhou, 'APPROVE', null)).toMatchObject({ code: 'FILING_WRONG_STATE' });
    expect(review(local('CONFIRMED'), ministry, 'APPROVE', null)).toMatchObject({ code: 'FILING_WRONG_STATE' });
  });

  it('rejects at every review step, but only with reasons', () => {
    expect(review(local('SUBMITTED'), zhuzhou, 'REJECT', '评价场地不符合要求')).toEqual({ to: 'REJECTED' });
    expect(review(local('CITY_REVIEWED'), province, 'REJECT', '缺少薪酬制度')).toEqual({ to: 'REJECTED' });
    expect(review(local('PROVINCE_REVIEWED'), ministry, 'REJECT', '材料不全')).toEqual({ to: 'REJECTED' });
    expect(review(local('SUBMITTED'), zhuzhou, 'REJECT', '  ')).toMatchObject({
      code: 'REJECTION_NEEDS_REASONS',
      field: 'opinion',
    });
  });

  it('lets only the enterprise itself edit, and only a draft: a rejected or withdrawn filing is closed', () => {
    const own: Claims = { role: 'enterprise', enterpriseId: ENT };
    expect(editRefusal(local('DRAFT'), own)).toBeNull();
    expect(editRefusal(local('REJECTED'), own)).toMatchObject({ code: 'FILING_CLOSED' });
    expect(editRefusal(local('WITHDRAWN'), own)).toMatchObject({ code: 'FILING_CLOSED' });
    expect(editRefusal(local('SUBMITTED'), own)).toMatchObject({ code: 'FILING_WRONG_STATE' });
    expect(editRefusal(local('DRAFT'), { role: 'hr_partner', enterpriseId: ENT })).toMatchObject({
      code: 'NOT_THE_ENTERPRISE',
    });
    expect(
      editRefusal(local('DRAFT'), { role: 'enterprise', enterpriseId: '22222222-2222-4222-8222-222222222222' }),
    ).toMatchObject({
      code: 'NOT_YOUR_ENTERPRISE',
    });
  });
});

describe('撤回 (withdrawal before a decision)', () => {
  const own: Claims = { role: 'enterprise', enterpriseId: ENT };
  it('lets the enterprise withdraw a draft or a filing in review', () => {
    for (const s of ['DRAFT', 'SUBMITTED', 'CITY_REVIEWED', 'PROVINCE_REVIEWED'] as const)
      expect(withdrawRefusal(local(s), own, null)).toBeNull();
  });
  it('refuses once decided, and anyone but the enterprise itself', () => {
    for (const s of ['CONFIRMED', 'REJECTED', 'WITHDRAWN'] as const)
      expect(withdrawRefusal(local(s), own, null)).toMatchObject({ code: 'FILING_WRONG_STATE' });
    expect(withdrawRefusal(local('SUBMITTED'), zhuzhou, null)).toMatchObject({ code: 'NOT_THE_ENTERPRISE' });
  });
});

describe('filing content', () => {
  const content = {
    kind: 'ENTERPRISE_SELF_EVALUATION' as const,
    teamDescription: '评价工作委员会 9 人',
    facilitiesDescription: '实训基地 2000 平方米',
    systemsDescription: '技能等级与薪酬挂钩',
    planDescription: '每年评价两批',
    commitmentSigner: '张伟',
    commitmentSignedOn: '2026-11-20',
    servedParties: [],
    attachments: [],
    scopeRows: 1,
  };

  it('submits only a complete, signed form', () => {
    expect(submissionRefusals(content)).toEqual([]);
    expect(submissionRefusals({ ...content, systemsDescription: ' ' }).map((r) => r.code)).toEqual(['SECTION_MISSING']);
    expect(submissionRefusals({ ...content, commitmentSignedOn: null }).map((r) => r.code)).toEqual([
      'COMMITMENT_UNSIGNED',
    ]);
    expect(submissionRefusals({ ...content, scopeRows: 0 }).map((r) => r.code)).toEqual(['SCOPE_EMPTY']);
  });

  it('requires a 社会评价组织 to name whom it serves, and only it', () => {
    const social = { ...content, kind: 'SOCIAL_EVALUATION_ORGANIZATION' as const };
    expect(submissionRefusals(social).map((r) => r.code)).toEqual(['PARTIES_REQUIRED']);
    const party = { creditCode: '91350100M000100Y43', name: '福州某配套企业' };
    expect(filingContentRefusals({ ...content, servedParties: [party] }, '2026-11-26').map((r) => r.code)).toEqual([
      'PARTIES_ONLY_FOR_SOCIAL',
    ]);
    expect(
      filingContentRefusals({ ...social, servedParties: [party, party] }, '2026-11-26').map((r) => r.code),
    ).toEqual(['DUPLICATE_PARTY']);
  });

  it('refuses a commitment signed on a future day', () => {
    expect(
      filingContentRefusals({ ...content, commitmentSignedOn: '2026-11-27' }, '2026-11-26').map((r) => r.code),
    ).toEqual(['SIGNED_IN_FUTURE']);
  });
});
