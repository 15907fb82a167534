import { describe, expect, it } from 'vitest';
import { ruleDefaults } from '../src/rules/defaults.ts';
import { staffingProblems } from '../src/rules/plan.ts';
import { PASS_MARK } from '../src/rules/scoring.ts';
import { requiredAssessors, workSchemeProblems } from '../src/rules/work-scheme.ts';

/** 工作方案 numbers over the hub's defaults (#25 point 2, first step: 考评员 per method). */

const codes = (r: { code: string }[]) => r.map((p) => p.code).sort();
const a = { role: 'ASSESSOR' as const };
const q = { role: 'QUALITY_SUPERVISOR' as const };
const scheme = { version: 2, assessorCounts: { SKILL_OPERATION: 2, THEORY_EXAM: 4 } };

describe('考评员 a plan needs', () => {
  it('takes the number the 工作方案 states for the method', () => {
    expect(requiredAssessors('SKILL_OPERATION', scheme)).toEqual({ count: 2, source: '工作方案第2版' });
    expect(requiredAssessors('THEORY_EXAM', scheme)).toEqual({ count: 4, source: '工作方案第2版' });
  });

  it('keeps the documented default where the 方案 is silent, or there is none', () => {
    expect(requiredAssessors('INTEGRATED', scheme)).toEqual({
      count: ruleDefaults.assessors.INTEGRATED,
      source: '默认值',
    });
    expect(requiredAssessors('SKILL_OPERATION', null)).toEqual({ count: 3, source: '默认值' });
    expect(ruleDefaults.assessors.THEORY_EXAM).toBe(2);
    expect(PASS_MARK).toBe(ruleDefaults.passMark);
  });

  it('admits a skill plan with two assessors under a 方案 that asks for two, and refuses it by default', () => {
    const two = [a, a, q];
    expect(staffingProblems('SKILL_OPERATION', 4, two, requiredAssessors('SKILL_OPERATION', scheme))).toEqual([]);
    expect(codes(staffingProblems('SKILL_OPERATION', 4, two, requiredAssessors('SKILL_OPERATION', null)))).toEqual([
      'PLAN_TOO_FEW_ASSESSORS',
    ]);
    // A 方案 may also ask for more than the default.
    expect(codes(staffingProblems('THEORY_EXAM', 4, [a, a, a, q], requiredAssessors('THEORY_EXAM', scheme)))).toEqual([
      'PLAN_TOO_FEW_ASSESSORS',
    ]);
  });
});

describe('adopting a 工作方案', () => {
  it('takes a title and a team of 2 to 15 per method, each method once', () => {
    expect(
      workSchemeProblems({ title: '评价工作方案', assessorCounts: [{ method: 'SKILL_OPERATION', assessors: 2 }] }),
    ).toEqual([]);
    expect(
      codes(
        workSchemeProblems({
          title: ' ',
          assessorCounts: [
            { method: 'SKILL_OPERATION', assessors: 1 },
            { method: 'SKILL_OPERATION', assessors: 16 },
          ],
        }),
      ),
    ).toEqual([
      'WORK_SCHEME_ASSESSORS',
      'WORK_SCHEME_ASSESSORS',
      'WORK_SCHEME_DUPLICATE_METHOD',
      'WORK_SCHEME_TITLE_MISSING',
    ]);
  });
});
