import { describe, expect, it } from 'vitest';
import { type AfterRevocationFacts, afterRevocationRefusal } from '../src/rules/after-revocation.ts';

const E = 'e1';
const facts = (extra: Partial<AfterRevocationFacts> = {}): AfterRevocationFacts => ({
  caseEnterpriseId: E,
  revokedOn: '2026-12-05',
  plan: { enterpriseId: E, evaluationDate: '2026-11-20', status: 'SUBMITTED' },
  decided: false,
  reason: '考核规范，考生无过错',
  ...extra,
});
const code = (f: AfterRevocationFacts) => afterRevocationRefusal(f)?.code ?? null;

describe('certificates of a plan evaluated before the revocation (#24 point 13)', () => {
  it('may be decided on a revoking case, for a plan of its institution evaluated on or before the revocation day', () => {
    expect(code(facts())).toBeNull();
    expect(code(facts({ plan: { enterpriseId: E, evaluationDate: '2026-12-05', status: 'PUBLICISED' } }))).toBeNull();
  });

  it('refuses without a revocation, for another institution’s plan, a later or cancelled plan, without reasons, or twice', () => {
    expect(code(facts({ revokedOn: null }))).toBe('QUALIFICATION_NOT_REVOKED');
    expect(code(facts({ plan: null }))).toBe('PLAN_NOT_OF_INSTITUTION');
    expect(code(facts({ plan: { enterpriseId: 'e2', evaluationDate: '2026-11-20', status: 'SUBMITTED' } }))).toBe(
      'PLAN_NOT_OF_INSTITUTION',
    );
    expect(code(facts({ plan: { enterpriseId: E, evaluationDate: '2026-12-06', status: 'REPORTED' } }))).toBe(
      'PLAN_NOT_BEFORE_REVOCATION',
    );
    expect(code(facts({ plan: { enterpriseId: E, evaluationDate: '2026-11-20', status: 'CANCELLED' } }))).toBe(
      'PLAN_NOT_BEFORE_REVOCATION',
    );
    expect(code(facts({ reason: '  ' }))).toBe('DECISION_NEEDS_REASON');
    expect(code(facts({ decided: true }))).toBe('PLAN_ALREADY_DECIDED');
  });
});
