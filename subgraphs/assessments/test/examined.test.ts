import { describe, expect, it } from 'vitest';
import { examinedMaterialProblems, examinedNeeded, reviewExaminedProblems } from '../src/rules/examined.ts';

/** 评价内容 (#25 point 6): what a plan examined, recorded for its archive and needed by the review. */

const codes = (r: { code: string }[]) => r.map((p) => p.code).sort();
const paper = { kind: 'EXAM_PAPER' as const, part: 'THEORY' as const, reference: 'LL-2027-03', version: 'A卷' };
const form = { kind: 'EVALUATION_FORM' as const, reference: 'PJB-二级-01', version: '2027版' };

describe('recording what a plan examined', () => {
  const theory = { method: 'THEORY_EXAM' as const, level: 3, status: 'REPORTED' as const };
  const direct = { method: 'DIRECT_RECOGNITION' as const, level: 2, status: 'REPORTED' as const };

  it('takes a paper or item bank for a part the exam scores, and the 评价表 for a direct recognition', () => {
    expect(examinedMaterialProblems(theory, paper)).toEqual([]);
    expect(examinedMaterialProblems(theory, { ...paper, kind: 'ITEM_BANK' })).toEqual([]);
    expect(examinedMaterialProblems({ ...theory, method: 'INTEGRATED' }, { ...paper, part: 'SKILL' })).toEqual([]);
    expect(examinedMaterialProblems(direct, form)).toEqual([]);
  });

  it('refuses the wrong kind for the method, in both directions', () => {
    expect(codes(examinedMaterialProblems(theory, form))).toEqual(['EXAMINED_KIND_NOT_FOR_METHOD']);
    expect(codes(examinedMaterialProblems(direct, paper))).toEqual(['EXAMINED_KIND_NOT_FOR_METHOD']);
  });

  it('refuses a paper without a part, for a part the method does not score, and a 评价表 with a part', () => {
    expect(codes(examinedMaterialProblems(theory, { ...paper, part: null }))).toEqual(['EXAMINED_PART_MISSING']);
    expect(codes(examinedMaterialProblems(theory, { ...paper, part: 'SKILL' }))).toEqual([
      'EXAMINED_PART_NOT_IN_METHOD',
    ]);
    expect(codes(examinedMaterialProblems(direct, { ...form, part: 'ABILITY' }))).toEqual([
      'EXAMINED_PART_NOT_IN_METHOD',
    ]);
  });

  it('refuses a blank reference or version, naming the field', () => {
    const r = examinedMaterialProblems(theory, { ...paper, reference: ' ', version: '' });
    expect(r.map((p) => [p.code, p.field])).toEqual([
      ['EXAMINED_REFERENCE_MISSING', 'reference'],
      ['EXAMINED_VERSION_MISSING', 'version'],
    ]);
  });

  it('is fixed once the committee reviewed, and closed for a cancelled plan', () => {
    expect(codes(examinedMaterialProblems({ ...theory, status: 'REVIEWED' }, paper))).toEqual([
      'EXAMINED_AFTER_REVIEW',
    ]);
    expect(codes(examinedMaterialProblems({ ...theory, status: 'CANCELLED' }, paper))).toEqual(['PLAN_CANCELLED']);
  });
});

describe('what the committee review needs on record', () => {
  it('for an exam, each part it scores; for a direct recognition, the 评价表; for contests, nothing', () => {
    expect(examinedNeeded('THEORY_EXAM', 3)).toEqual(['THEORY']);
    expect(examinedNeeded('INTEGRATED', 3)).toEqual(['THEORY', 'SKILL']);
    expect(examinedNeeded('SKILL_OPERATION', 4)).toEqual(['SKILL']);
    expect(examinedNeeded('SIMULATION', 4)).toEqual(['SKILL']);
    expect(examinedNeeded('DIRECT_RECOGNITION', 2)).toEqual([null]);
    expect(examinedNeeded('TECHNICAL_CONTEST', 3)).toEqual([]);
  });

  it('refuses the review of an integrated exam missing its skill paper, and a direct recognition without its 评价表', () => {
    const missing = reviewExaminedProblems('INTEGRATED', 3, [{ part: 'THEORY' }]);
    expect(codes(missing)).toEqual(['REVIEW_EXAMINED_MISSING']);
    expect(missing[0]?.message).toContain('技能操作');
    expect(reviewExaminedProblems('INTEGRATED', 3, [{ part: 'THEORY' }, { part: 'SKILL' }])).toEqual([]);
    const noForm = reviewExaminedProblems('DIRECT_RECOGNITION', 1, []);
    expect(noForm[0]?.message).toContain('一级');
    expect(reviewExaminedProblems('DIRECT_RECOGNITION', 1, [{ part: null }])).toEqual([]);
    expect(reviewExaminedProblems('ON_JOB_TRAINING', 4, [])).toEqual([]);
  });
});
