import { describe, expect, it } from 'vitest';
import { historyText } from '../src/rules/changes.ts';
import { type StaffReplacement, staffReplacement } from '../src/rules/replacement.ts';
import type { StaffRole } from '../src/rules/types.ts';

/** 更换考评员或内部质量督导员: who may take whose place on a reported plan, as a pure function. */

const INST = 'inst-a';
const member = (id: string, role: StaffRole, institutionId = INST) => ({ id, role, institutionId });
// A 二级 skill plan: a 高级考评员, two 考评员 and a 督导员 (3 考评员 needed by default).
const staff = [
  { assessorId: 'senior', role: 'SENIOR_ASSESSOR' as const },
  { assessorId: 'a1', role: 'ASSESSOR' as const },
  { assessorId: 'a2', role: 'ASSESSOR' as const },
  { assessorId: 'sup', role: 'QUALITY_SUPERVISOR' as const },
];
const replace = (replacedId: string, replacementId: string, over: Partial<StaffReplacement> = {}) =>
  staffReplacement({
    plan: { status: 'REPORTED', method: 'SKILL_OPERATION', level: 2, institutionId: INST },
    staff,
    replacedId,
    replacementId,
    team: [
      member('a3', 'ASSESSOR'),
      member('senior2', 'SENIOR_ASSESSOR'),
      member('sup2', 'QUALITY_SUPERVISOR'),
      member('elsewhere', 'ASSESSOR', 'inst-b'),
    ].filter((m) => m.id === replacementId),
    required: { count: 3, source: '默认值' },
    reason: '原考评员因病不能到场',
    ...over,
  });
const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code).sort();

describe('更换考评人员 (replace a member of the plan’s team)', () => {
  it('puts another 考评员 in an assessor’s place and a 督导员 in the supervisor’s, each in their own role', () => {
    expect(replace('a1', 'a3')).toEqual({ next: { assessorId: 'a3', role: 'ASSESSOR' }, problems: [] });
    expect(replace('a1', 'senior2').next).toEqual({ assessorId: 'senior2', role: 'SENIOR_ASSESSOR' });
    expect(replace('sup', 'sup2')).toEqual({ next: { assessorId: 'sup2', role: 'QUALITY_SUPERVISOR' }, problems: [] });
  });

  it('refuses a supervisor for an assessor’s place and an assessor for the supervisor’s (the report’s own rule)', () => {
    const wrongKind = replace('a1', 'sup2');
    expect(codes(wrongKind)).toEqual(['PLAN_STAFF_UNKNOWN']);
    expect(wrongKind.problems[0]?.field).toBe('replacementId');
    expect(codes(replace('sup', 'a3'))).toEqual(['PLAN_STAFF_UNKNOWN']);
  });

  it('refuses someone of another institution, or nobody known', () => {
    expect(codes(replace('a1', 'elsewhere'))).toEqual(['PLAN_STAFF_UNKNOWN']);
    expect(codes(replace('a1', 'nobody'))).toEqual(['PLAN_STAFF_UNKNOWN']);
  });

  it('keeps a 高级考评员 on a 二级 plan: the only one is replaced by a senior, not by an ordinary 考评员', () => {
    expect(codes(replace('senior', 'a3'))).toEqual(['PLAN_NEEDS_SENIOR_ASSESSOR']);
    expect(replace('senior', 'senior2').problems).toEqual([]);
    // At 四级 no 高级考评员 is needed.
    const four = replace('senior', 'a3', {
      plan: { status: 'REPORTED', method: 'SKILL_OPERATION', level: 4, institutionId: INST },
    });
    expect(four.problems).toEqual([]);
  });

  it('judges the team against the number that applied at report: a 工作方案 asking for 3 is met after a swap', () => {
    const scheme = { count: 3, source: '工作方案第2版' };
    expect(replace('a1', 'a3', { required: scheme }).problems).toEqual([]);
    const more = replace('a1', 'a3', { required: { count: 4, source: '工作方案第3版' } });
    expect(codes(more)).toEqual(['PLAN_TOO_FEW_ASSESSORS']);
    expect(more.problems[0]?.message).toContain('工作方案第3版');
  });

  it('refuses someone not on the plan, someone already on it, and a change without its reason', () => {
    expect(codes(replace('a3', 'senior2'))).toEqual(['STAFF_NOT_ON_PLAN']);
    expect(codes(replace('a1', 'a2'))).toEqual(['STAFF_ALREADY_ON_PLAN']);
    expect(codes(replace('a1', 'a1'))).toEqual(['STAFF_ALREADY_ON_PLAN']);
    expect(codes(replace('a1', 'a3', { reason: '  ' }))).toEqual(['CHANGE_REASON_MISSING']);
    expect(replace('a1', 'a3', { reason: '' }).next).toBeNull();
  });

  it('refuses once the committee has reviewed the results, and on a cancelled plan', () => {
    for (const status of ['REVIEWED', 'PUBLICISED', 'SUBMITTED'] as const) {
      const r = replace('a1', 'a3', { plan: { status, method: 'SKILL_OPERATION', level: 2, institutionId: INST } });
      expect(codes(r)).toEqual(['STAFF_REPLACE_AFTER_REVIEW']);
    }
    const cancelled = {
      status: 'CANCELLED' as const,
      method: 'SKILL_OPERATION' as const,
      level: 2,
      institutionId: INST,
    };
    expect(codes(replace('a1', 'a3', { plan: cancelled }))).toEqual(['PLAN_CANCELLED']);
  });
});

describe('history text', () => {
  it('keeps no resident ID in a reason: an ID-shaped run is masked, the rest kept and trimmed', () => {
    const kept = historyText(' 考评员与参评人员430102199001010016为亲属，回避 ');
    expect(kept).not.toContain('430102199001010016');
    expect(kept).toMatch(/^考评员与参评人员430\*+16为亲属，回避$/);
    expect(historyText('证书编号 Y000043010001253000001 已核对')).toBe('证书编号 Y000043010001253000001 已核对');
  });
});
