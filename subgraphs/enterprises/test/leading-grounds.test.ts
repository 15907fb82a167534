import { describe, expect, it } from 'vitest';
import {
  groundsOpinionRefusals,
  type LeadingGrounds,
  leadingGroundsRefusals,
  leadingGroundsSubmissionRefusals,
} from '../src/rules/leading-grounds.ts';

const SOCIAL = 'SOCIAL_EVALUATION_ORGANIZATION' as const;
const SELF = 'ENTERPRISE_SELF_EVALUATION' as const;
const codes = (rs: { code: string; field?: string | null }[]) => rs.map((r) => `${r.code}@${r.field}`);

const grounds: LeadingGrounds = {
  industry: '轨道交通装备制造',
  positionScope: 'PROVINCIAL',
  industryPosition: '2025 年省内同行业营业收入第 2 位，市场占有率 18%',
  chainName: '湖南省轨道交通装备产业链',
  chainRole: '省级链主企业，带动上下游配套企业 120 家',
  evidence: [{ title: '省级产业链链主企业认定文件', reference: 'doc://grounds/chain-leader-2025' }],
};

describe('龙头企业依据 on the form', () => {
  it('takes grounds on a 社会评价组织 filing only', () => {
    expect(leadingGroundsRefusals(SOCIAL, grounds)).toEqual([]);
    expect(leadingGroundsRefusals(SOCIAL, null)).toEqual([]);
    expect(codes(leadingGroundsRefusals(SELF, grounds))).toEqual(['GROUNDS_ONLY_FOR_SOCIAL@leadingGrounds']);
    expect(leadingGroundsRefusals(SELF, null)).toEqual([]);
  });

  it('bounds each field and each piece of evidence, naming it', () => {
    const long = { ...grounds, industry: '行'.repeat(101), chainName: '链'.repeat(201) };
    expect(codes(leadingGroundsRefusals(SOCIAL, long))).toEqual([
      'TOO_LONG@leadingGrounds.industry',
      'TOO_LONG@leadingGrounds.chainName',
    ]);
    const badEvidence = {
      ...grounds,
      evidence: [
        { title: ' ', reference: 'doc://x' },
        { title: '证明', reference: '' },
      ],
    };
    expect(codes(leadingGroundsRefusals(SOCIAL, badEvidence))).toEqual([
      'INVALID_TITLE@leadingGrounds.evidence.0.title',
      'INVALID_REFERENCE@leadingGrounds.evidence.1.reference',
    ]);
    const many = {
      ...grounds,
      evidence: Array.from({ length: 21 }, (_, i) => ({ title: `证明${i}`, reference: 'x' })),
    };
    expect(codes(leadingGroundsRefusals(SOCIAL, many))).toEqual(['TOO_MANY_ROWS@leadingGrounds.evidence']);
  });

  it('submits a 社会评价组织 filing only with every field of its grounds and at least one piece of evidence', () => {
    expect(leadingGroundsSubmissionRefusals(SOCIAL, grounds)).toEqual([]);
    expect(codes(leadingGroundsSubmissionRefusals(SOCIAL, null))).toEqual(['LEADING_GROUNDS_REQUIRED@leadingGrounds']);
    expect(
      codes(
        leadingGroundsSubmissionRefusals(SOCIAL, { ...grounds, industryPosition: ' ', chainRole: '', evidence: [] }),
      ),
    ).toEqual([
      'LEADING_GROUNDS_INCOMPLETE@leadingGrounds.industryPosition',
      'LEADING_GROUNDS_INCOMPLETE@leadingGrounds.chainRole',
      'GROUNDS_EVIDENCE_REQUIRED@leadingGrounds.evidence',
    ]);
    expect(leadingGroundsSubmissionRefusals(SELF, null)).toEqual([]);
  });
});

describe('the reviewers’ opinion on the grounds', () => {
  const accepted = { accepted: true, opinion: '链主企业认定文件属实，行业地位依据充分' };

  it('lets the 市州 and province centres approve a 社会评价组织 filing only with an opinion accepting the grounds', () => {
    for (const reviewer of ['city_center', 'province_center'] as const) {
      expect(groundsOpinionRefusals(SOCIAL, reviewer, 'APPROVE', accepted)).toEqual([]);
      expect(codes(groundsOpinionRefusals(SOCIAL, reviewer, 'APPROVE', null))).toEqual([
        'GROUNDS_OPINION_REQUIRED@groundsOpinion',
      ]);
      expect(codes(groundsOpinionRefusals(SOCIAL, reviewer, 'APPROVE', { accepted: true, opinion: '  ' }))).toEqual([
        'GROUNDS_OPINION_REQUIRED@groundsOpinion',
      ]);
      expect(
        codes(groundsOpinionRefusals(SOCIAL, reviewer, 'APPROVE', { accepted: false, opinion: '市场占有率无证明' })),
      ).toEqual(['GROUNDS_NOT_ACCEPTED@groundsOpinion.accepted']);
    }
  });

  it('lets a rejection carry an opinion or none, and the ministry confirm without one', () => {
    expect(groundsOpinionRefusals(SOCIAL, 'city_center', 'REJECT', null)).toEqual([]);
    expect(groundsOpinionRefusals(SOCIAL, 'city_center', 'REJECT', { accepted: false, opinion: '依据不足' })).toEqual(
      [],
    );
    expect(groundsOpinionRefusals(SOCIAL, 'ministry', 'APPROVE', null)).toEqual([]);
  });

  it('refuses an opinion on grounds a 企业自主评价 filing does not have, and one too long', () => {
    expect(groundsOpinionRefusals(SELF, 'city_center', 'APPROVE', null)).toEqual([]);
    expect(codes(groundsOpinionRefusals(SELF, 'city_center', 'APPROVE', accepted))).toEqual([
      'GROUNDS_ONLY_FOR_SOCIAL@groundsOpinion',
    ]);
    expect(
      codes(
        groundsOpinionRefusals(SOCIAL, 'province_center', 'APPROVE', { accepted: true, opinion: '意'.repeat(2001) }),
      ),
    ).toEqual(['TOO_LONG@groundsOpinion.opinion']);
  });
});
