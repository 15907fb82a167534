import { describe, expect, it } from 'vitest';
import { certificateNumber, certificatePrefix, parseCertificateNumber } from '../src/rules/certificate.ts';
import { type EligibilityFacts, eligibilityProblems } from '../src/rules/eligibility.ts';
import { scopeProblems } from '../src/rules/plan.ts';
import { inScopeUnder, planQualification } from '../src/rules/qualification.ts';

/**
 * #24 point 1: 「地方行业龙头企业可另申请备案为社会评价组织」 — an enterprise may hold its 企业自主评价
 * qualification and a 社会评价组织 one at once; each plan runs under one, and eligibility, the
 * certificate prefix and the scope check follow that one only.
 */
const SELF = 'ENTERPRISE_SELF_EVALUATION' as const;
const SOCIAL = 'SOCIAL_EVALUATION_ORGANIZATION' as const;
const codes = (ps: { code: string }[]) => ps.map((p) => p.code).sort();

describe('the qualification a plan runs under (资格类别)', () => {
  it('defaults to the only qualification the institution holds', () => {
    expect(planQualification([SELF], null)).toEqual({ qualification: SELF, problems: [] });
    expect(planQualification([SOCIAL], undefined)).toEqual({ qualification: SOCIAL, problems: [] });
  });

  it('requires a plan of an institution holding both to name one, and takes either when named', () => {
    const both = planQualification([SELF, SOCIAL], null);
    expect(both.qualification).toBeNull();
    expect(codes(both.problems)).toEqual(['QUALIFICATION_REQUIRED']);
    expect(both.problems[0]?.field).toBe('qualification');
    expect(both.problems[0]?.message).toContain('同时具有');
    expect(planQualification([SELF, SOCIAL], SELF)).toEqual({ qualification: SELF, problems: [] });
    expect(planQualification([SOCIAL, SELF], SOCIAL)).toEqual({ qualification: SOCIAL, problems: [] });
  });

  it('refuses a qualification the institution does not hold, saying which it holds', () => {
    const r = planQualification([SELF], SOCIAL);
    expect(r.qualification).toBeNull();
    expect(codes(r.problems)).toEqual(['QUALIFICATION_NOT_HELD']);
    expect(r.problems[0]?.message).toContain('社会评价组织');
    expect(r.problems[0]?.message).toContain('现有资质：企业自主评价');
    expect(codes(planQualification([], SELF).problems)).toEqual(['QUALIFICATION_NOT_HELD']);
  });

  it('leaves an institution holding none to the scope check (no qualification, no refusal here)', () => {
    expect(planQualification([], null)).toEqual({ qualification: null, problems: [] });
  });
});

describe('eligibility follows the plan’s qualification, not everything the institution holds', () => {
  const own = '91430100MA4L000001';
  const partner = '91430200MA4L000002';
  const facts = (qualification: typeof SELF | typeof SOCIAL, employer: string, served: boolean): EligibilityFacts => ({
    institution: { creditCode: own },
    worker: { employerCreditCode: employer, employedSince: '2020-01-01', dispatched: false },
    employerServed: served,
    plan: { qualification, method: 'THEORY_EXAM', level: 4, evaluationDate: '2026-12-14' },
    heldLevels: [],
    exceptional: null,
  });

  it('refuses a served supply-chain worker on a 企业自主评价 plan, even when the institution serves the employer', () => {
    const refused = eligibilityProblems(facts(SELF, partner, true));
    expect(codes(refused)).toEqual(['CANDIDATE_NOT_OWN_WORKER']);
    expect(refused[0]?.message).toContain('企业自主评价');
  });

  it('takes the served party’s worker on a 社会评价组织 plan, and refuses an employer it does not serve', () => {
    expect(eligibilityProblems(facts(SOCIAL, partner, true))).toEqual([]);
    expect(codes(eligibilityProblems(facts(SOCIAL, partner, false)))).toEqual(['CANDIDATE_EMPLOYER_NOT_SERVED']);
  });

  it('takes the institution’s own worker under either qualification', () => {
    expect(eligibilityProblems(facts(SELF, own, false))).toEqual([]);
    expect(eligibilityProblems(facts(SOCIAL, own, false))).toEqual([]);
  });
});

describe('the certificate prefix follows the plan’s qualification', () => {
  it('numbers a 企业自主评价 plan’s certificates Y and a 社会评价组织 plan’s S, with one institution code', () => {
    expect(certificatePrefix(SELF)).toBe('Y');
    expect(certificatePrefix(SOCIAL)).toBe('S');
    const parts = { institutionCode: '430321', year: 2026, level: 4, serial: 7 };
    const y = certificateNumber({ ...parts, kind: SELF });
    const s = certificateNumber({ ...parts, kind: SOCIAL });
    expect(y).toBe('Y000043430321264000007');
    expect(s).toBe('S000043430321264000007');
    expect(parseCertificateNumber(s)?.kind).toBe(SOCIAL);
    expect(parseCertificateNumber(y)?.kind).toBe(SELF);
  });
});

describe('the scope check follows the plan’s qualification', () => {
  const plan = { occupationCode: '6-18-01-01', workTypeCode: null, level: 4, evaluationDate: '2026-12-14' };

  it('passes a plan whose own qualification’s scope covers it', () => {
    expect(scopeProblems([SELF], { ...plan, qualification: SELF })).toEqual([]);
    expect(scopeProblems([SELF, SOCIAL], { ...plan, qualification: SOCIAL })).toEqual([]);
    expect(inScopeUnder([SOCIAL], SOCIAL)).toBe(true);
  });

  it('refuses a plan covered only by the other qualification’s scope, and says so', () => {
    const refused = scopeProblems([SOCIAL], { ...plan, qualification: SELF });
    expect(codes(refused)).toEqual(['PLAN_OUT_OF_SCOPE']);
    expect(refused[0]?.message).toContain('不在本机构企业自主评价已备案范围内');
    expect(refused[0]?.message).toContain('它在社会评价组织的备案范围内');
    expect(codes(scopeProblems([SELF], { ...plan, qualification: SOCIAL }))).toEqual(['PLAN_OUT_OF_SCOPE']);
    expect(inScopeUnder([SELF], SOCIAL)).toBe(false);
  });

  it('refuses a plan no scope covers (or suspended), and one without a qualification', () => {
    expect(codes(scopeProblems([], { ...plan, qualification: SELF }))).toEqual(['PLAN_OUT_OF_SCOPE']);
    expect(codes(scopeProblems([SELF, SOCIAL], { ...plan, qualification: null }))).toEqual(['PLAN_OUT_OF_SCOPE']);
    expect(inScopeUnder([SELF], null)).toBe(false);
    // A suspended institution is told so, not called out of scope.
    expect(codes(scopeProblems([], { ...plan, qualification: SELF }, true))).toEqual(['INSTITUTION_SUSPENDED']);
    expect(codes(scopeProblems([SELF], { ...plan, qualification: SELF }, true))).toEqual(['INSTITUTION_SUSPENDED']);
  });
});
