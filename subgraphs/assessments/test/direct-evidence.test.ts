import { describe, expect, it } from 'vitest';
import {
  directRecognitionResult,
  directRecognitionReviewProblems,
  evidenceProblems,
  MAX_EVIDENCE,
  reviewDefenceProblems,
} from '../src/rules/direct-evidence.ts';

/** 直接认定的依据 (#25 point 8): evidence per candidate, and the 二级/一级 review or defence record. */

const codes = (r: { code: string }[]) => r.map((p) => p.code).sort();
const open = {
  method: 'DIRECT_RECOGNITION' as const,
  level: 2,
  status: 'REPORTED' as const,
  evaluationDate: '2027-03-15',
};
const standing = { withdrawnOn: null };
const item = { kind: 'PERFORMANCE' as const, title: '2026年度工艺改进成果', attachment: 'FJ-2027-031.pdf' };

describe('evidence of a directly recognised candidate', () => {
  it('takes ability and 业绩 evidence by reference to attachments, an empty list clearing it', () => {
    expect(evidenceProblems(open, standing, [item, { ...item, kind: 'ABILITY' }])).toEqual([]);
    expect(evidenceProblems(open, standing, [])).toEqual([]);
  });

  it('names the item missing its title or attachment', () => {
    const r = evidenceProblems(open, standing, [item, { ...item, title: ' ', attachment: '' }]);
    expect(r.map((p) => [p.code, p.field])).toEqual([
      ['EVIDENCE_TITLE_MISSING', 'evidence.1.title'],
      ['EVIDENCE_ATTACHMENT_MISSING', 'evidence.1.attachment'],
    ]);
  });

  it('is for direct recognition only, before the review, for a standing candidate, and a list of bounded length', () => {
    expect(codes(evidenceProblems({ ...open, method: 'SKILL_OPERATION' }, standing, [item]))).toEqual([
      'EVIDENCE_NOT_DIRECT_RECOGNITION',
    ]);
    expect(codes(evidenceProblems({ ...open, status: 'REVIEWED' }, standing, [item]))).toEqual([
      'EVIDENCE_AFTER_REVIEW',
    ]);
    expect(codes(evidenceProblems(open, { withdrawnOn: '2027-03-10' }, [item]))).toEqual(['CANDIDATE_WITHDRAWN']);
    expect(codes(evidenceProblems(open, standing, Array(MAX_EVIDENCE + 1).fill(item)))).toEqual(['EVIDENCE_TOO_MANY']);
  });
});

describe('the on-site review or defence record (二级/一级)', () => {
  const facts = { today: '2027-03-16', planAssessorIds: ['a1', 'a2', 'a3'] };
  const record = { heldOn: '2027-03-16', panel: ['a1', 'a2'] };

  it('takes a panel of two of the plan’s assessors, held from the evaluation day to today', () => {
    expect(reviewDefenceProblems(open, standing, record, facts)).toEqual([]);
    expect(reviewDefenceProblems({ ...open, level: 1 }, standing, { ...record, heldOn: '2027-03-15' }, facts)).toEqual(
      [],
    );
  });

  it('refuses a day before the evaluation or not yet come', () => {
    expect(codes(reviewDefenceProblems(open, standing, { ...record, heldOn: '2027-03-14' }, facts))).toEqual([
      'REVIEW_DEFENCE_BEFORE_EVALUATION',
    ]);
    expect(codes(reviewDefenceProblems(open, standing, { ...record, heldOn: '2027-03-17' }, facts))).toEqual([
      'REVIEW_DEFENCE_IN_FUTURE',
    ]);
  });

  it('refuses a panel of one (the same person twice counts once) or with someone not assessing the plan', () => {
    expect(codes(reviewDefenceProblems(open, standing, { ...record, panel: ['a1', 'a1'] }, facts))).toEqual([
      'REVIEW_DEFENCE_PANEL_TOO_SMALL',
    ]);
    expect(codes(reviewDefenceProblems(open, standing, { ...record, panel: ['a1', 'supervisor'] }, facts))).toEqual([
      'REVIEW_DEFENCE_PANEL_NOT_ON_PLAN',
    ]);
  });

  it('is for 直接认定二级/一级 only, and fixed after the review', () => {
    expect(codes(reviewDefenceProblems({ ...open, level: 3 }, standing, record, facts))).toEqual([
      'REVIEW_DEFENCE_NOT_FOR_PLAN',
    ]);
    expect(codes(reviewDefenceProblems({ ...open, method: 'INTEGRATED' }, standing, record, facts))).toEqual([
      'REVIEW_DEFENCE_NOT_FOR_PLAN',
    ]);
    expect(codes(reviewDefenceProblems({ ...open, status: 'SUBMITTED' }, standing, record, facts))).toEqual([
      'REVIEW_DEFENCE_AFTER_REVIEW',
    ]);
  });
});

describe('the committee review of a direct recognition', () => {
  const backed = {
    name: '吴持证',
    scored: 'PASSED' as const,
    evidence: ['ABILITY', 'PERFORMANCE'] as const,
    defence: 'PASSED' as const,
  };

  it('records a pass backed by both kinds of evidence and, at 二级/一级, a passed review or defence', () => {
    expect(directRecognitionReviewProblems('DIRECT_RECOGNITION', 2, [backed])).toEqual([]);
    expect(directRecognitionResult(backed)).toBe('PASSED');
    expect(directRecognitionReviewProblems('DIRECT_RECOGNITION', 4, [{ ...backed, defence: null }])).toEqual([]);
  });

  it('refuses a pass without its evidence or its record, naming the candidate', () => {
    const noPerformance = directRecognitionReviewProblems('DIRECT_RECOGNITION', 3, [
      { ...backed, evidence: ['ABILITY'], defence: null },
    ]);
    expect(codes(noPerformance)).toEqual(['DIRECT_RECOGNITION_EVIDENCE_MISSING']);
    expect(noPerformance[0]?.message).toContain('工作业绩');
    expect(noPerformance[0]?.message).toContain('吴持证');
    const noRecord = directRecognitionReviewProblems('DIRECT_RECOGNITION', 1, [{ ...backed, defence: null }]);
    expect(codes(noRecord)).toEqual(['DIRECT_RECOGNITION_REVIEW_DEFENCE_RECORD_MISSING']);
  });

  it('fails a candidate whose review or defence failed, whatever the scores, and asks nothing more of a fail', () => {
    const failed = { ...backed, defence: 'FAILED' as const, evidence: [] };
    expect(directRecognitionResult(failed)).toBe('FAILED');
    expect(directRecognitionReviewProblems('DIRECT_RECOGNITION', 2, [failed])).toEqual([]);
    const scoredOut = { ...backed, scored: 'FAILED' as const, evidence: [], defence: null };
    expect(directRecognitionResult(scoredOut)).toBe('FAILED');
    expect(directRecognitionReviewProblems('DIRECT_RECOGNITION', 2, [scoredOut])).toEqual([]);
  });

  it('leaves other methods alone', () => {
    expect(directRecognitionReviewProblems('SKILL_OPERATION', 2, [{ ...backed, evidence: [], defence: null }])).toEqual(
      [],
    );
  });
});
