import { describe, expect, it } from 'vitest';
import { signOffProblems } from '../src/rules/committee.ts';
import { ruleDefaults } from '../src/rules/defaults.ts';
import { reviewDefenceProblems } from '../src/rules/direct-evidence.ts';
import { announcementProblems, staffingProblems } from '../src/rules/plan.ts';
import { planStandard, standardOf } from '../src/rules/plan-standard.ts';
import { assess, PASS_MARK } from '../src/rules/scoring.ts';
import {
  plansWithinAnnouncementPeriod,
  requiredAssessors,
  seniorAssessorRule,
  workSchemeProblems,
} from '../src/rules/work-scheme.ts';

/** 工作方案 numbers over the hub's defaults (#25 points 2 and 5): 考评员, 成绩构成, 合格线, minimums. */

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

describe('高级考评员 and the announcement’s period: the 方案’s rule, the defaults where it is silent', () => {
  const senior = { role: 'SENIOR_ASSESSOR' as const };
  it('asks for a 高级考评员 from 二级 up by default, from the 方案’s level, or never when it says 0', () => {
    expect(seniorAssessorRule(2, null)).toEqual({ required: true, source: '默认值' });
    expect(seniorAssessorRule(3, null)).toEqual({ required: false, source: '默认值' });
    const fromThree = { ...scheme, seniorAssessorFromLevel: 3 };
    expect(seniorAssessorRule(3, fromThree)).toEqual({ required: true, source: '工作方案第2版' });
    expect(seniorAssessorRule(4, fromThree).required).toBe(false);
    const none = { ...scheme, seniorAssessorFromLevel: 0 };
    expect(seniorAssessorRule(1, none)).toEqual({ required: false, source: '工作方案第2版' });
    const team = [a, a, a, q];
    expect(codes(staffingProblems('SKILL_OPERATION', 1, team))).toEqual(['PLAN_NEEDS_SENIOR_ASSESSOR']);
    expect(staffingProblems('SKILL_OPERATION', 1, team, undefined, seniorAssessorRule(1, none))).toEqual([]);
    expect(codes(staffingProblems('SKILL_OPERATION', 3, team, undefined, seniorAssessorRule(3, fromThree)))).toEqual([
      'PLAN_NEEDS_SENIOR_ASSESSOR',
    ]);
    expect(
      staffingProblems('SKILL_OPERATION', 3, [senior, a, a, q], undefined, seniorAssessorRule(3, fromThree)),
    ).toEqual([]);
  });

  it('holds a plan to its announcement’s year by default, and not when the 方案 says so', () => {
    const a2026 = {
      institutionId: 'i',
      publishedOn: '2026-11-01',
      period: 'YEARLY' as const,
      year: 2026,
      quarter: null,
      openings: [{ occupationCode: '6-18-01-01', workTypeCode: null, levels: [4] }],
    };
    const plan = {
      institutionId: 'i',
      occupationCode: '6-18-01-01',
      workTypeCode: null,
      level: 4,
      evaluationDate: '2027-01-20',
    };
    expect(plansWithinAnnouncementPeriod(null)).toBe(true);
    expect(codes(announcementProblems(a2026, plan, '2026-12-20', plansWithinAnnouncementPeriod(null)))).toEqual([
      'ANNOUNCEMENT_PERIOD_MISMATCH',
    ]);
    const open = { ...scheme, plansWithinAnnouncementPeriod: false };
    expect(announcementProblems(a2026, plan, '2026-12-20', plansWithinAnnouncementPeriod(open))).toEqual([]);
    // Still published first, and still opening the occupation and level.
    expect(codes(announcementProblems(a2026, { ...plan, level: 3 }, '2026-12-20', false))).toEqual([
      'ANNOUNCEMENT_DOES_NOT_OPEN',
    ]);
  });

  it('refuses a level outside 0–5', () => {
    for (const bad of [-1, 6, 2.5]) {
      expect(codes(workSchemeProblems({ title: '方案', seniorAssessorFromLevel: bad }))).toEqual([
        'WORK_SCHEME_SENIOR_ASSESSOR_LEVEL',
      ]);
    }
    expect(
      workSchemeProblems({ title: '方案', seniorAssessorFromLevel: 0, plansWithinAnnouncementPeriod: false }),
    ).toEqual([]);
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

describe('成绩构成 and 合格线: the 方案’s, fixed on the plan; the defaults where it is silent', () => {
  const weighted = {
    version: 3,
    assessorCounts: {},
    methodStandards: [
      {
        method: 'INTEGRATED' as const,
        passMark: 75,
        parts: [
          { part: 'THEORY' as const, weight: 30, passMark: null },
          { part: 'SKILL' as const, weight: 70, passMark: 70 },
        ],
      },
      { method: 'SKILL_OPERATION' as const, passMark: null, parts: [{ part: 'SKILL' as const, passMark: 70 }] },
    ],
    committeeMinMembers: 5,
  };
  const skill = (score: number) => [{ part: 'SKILL' as const, score }];

  it('defaults: equal weights, 60 on every part and overall, committee 3, panel 2', () => {
    expect(planStandard('INTEGRATED', 4, null)).toEqual({
      schemeVersion: null,
      passMark: 60,
      parts: { THEORY: { weight: 1, passMark: 60 }, SKILL: { weight: 1, passMark: 60 } },
      committeeMinMembers: ruleDefaults.committeeMinMembers,
      reviewDefencePanelMin: ruleDefaults.reviewDefencePanelMin,
    });
    expect(ruleDefaults.reviewDefencePanelMin).toBe(2);
    // A 方案 silent on a method leaves it at the defaults, but still names its version.
    expect(planStandard('THEORY_EXAM', 4, weighted)).toMatchObject({
      schemeVersion: 3,
      passMark: 60,
      parts: { THEORY: { weight: 1, passMark: 60 } },
      committeeMinMembers: 5,
      reviewDefencePanelMin: 2,
    });
  });

  it('a pass mark of 70 fails the 65 that the default passes', () => {
    expect(assess('SKILL_OPERATION', 4, skill(65)).result).toBe('PASSED');
    expect(assess('SKILL_OPERATION', 4, skill(65), planStandard('SKILL_OPERATION', 4, weighted)).result).toBe('FAILED');
    expect(assess('SKILL_OPERATION', 4, skill(70), planStandard('SKILL_OPERATION', 4, weighted)).result).toBe('PASSED');
  });

  it('weights the total and holds it to the overall pass mark, beside each part’s own', () => {
    const std = planStandard('INTEGRATED', 4, weighted);
    const scores = (theory: number, skill: number) => [
      { part: 'THEORY' as const, score: theory },
      { part: 'SKILL' as const, score: skill },
    ];
    // 0.3 × 70 + 0.7 × 80 = 77; by default the mean, 75.
    expect(assess('INTEGRATED', 4, scores(70, 80), std)).toMatchObject({ total: 77, result: 'PASSED' });
    expect(assess('INTEGRATED', 4, scores(70, 80))).toMatchObject({ total: 75, result: 'PASSED' });
    // Each part passes its own mark (60, 70) but the total 74 is under the overall 75.
    expect(assess('INTEGRATED', 4, scores(60, 80), std)).toMatchObject({ total: 74, result: 'FAILED' });
    expect(assess('INTEGRATED', 4, scores(60, 80))).toMatchObject({ total: 70, result: 'PASSED' });
    // Skill under its own 70 fails whatever the total.
    expect(assess('INTEGRATED', 4, scores(100, 69), std)).toMatchObject({ total: 78.3, result: 'FAILED' });
  });

  it('keeps the numbers fixed on the plan, and the defaults for a plan reported before they were', () => {
    const fixed = planStandard('SKILL_OPERATION', 4, weighted);
    expect(standardOf({ method: 'SKILL_OPERATION', level: 4, standard: fixed })).toEqual(fixed);
    expect(standardOf({ method: 'SKILL_OPERATION', level: 4, standard: null })).toEqual(
      planStandard('SKILL_OPERATION', 4, null),
    );
  });

  it('refuses parts a method does not score, incomplete weights, marks and minimums out of range', () => {
    expect(workSchemeProblems({ title: '方案', methods: weighted.methodStandards, committeeMinMembers: 5 })).toEqual(
      [],
    );
    expect(
      codes(
        workSchemeProblems({
          title: '方案',
          methods: [
            { method: 'SKILL_OPERATION', parts: [{ part: 'THEORY', weight: 50 }] },
            { method: 'INTEGRATED', passMark: 0, parts: [{ part: 'THEORY', weight: 30, passMark: 101 }] },
            { method: 'INTEGRATED', parts: [{ part: 'SKILL', weight: 0 }, { part: 'SKILL' }] },
          ],
          committeeMinMembers: 2,
          reviewDefencePanelMin: 1,
        }),
      ),
    ).toEqual([
      'WORK_SCHEME_COMMITTEE_MIN',
      'WORK_SCHEME_DUPLICATE_METHOD',
      'WORK_SCHEME_DUPLICATE_PART',
      'WORK_SCHEME_PANEL_MIN',
      'WORK_SCHEME_PART_NOT_IN_METHOD',
      'WORK_SCHEME_PASS_MARK',
      'WORK_SCHEME_PASS_MARK',
      'WORK_SCHEME_WEIGHT',
      'WORK_SCHEME_WEIGHTS_INCOMPLETE',
      'WORK_SCHEME_WEIGHTS_INCOMPLETE',
    ]);
  });

  it('asks the committee minimum of the plan’s 方案 at sign-off, and the panel minimum at the defence', () => {
    const serving = ['c', 'm1', 'm2', 'm3'].map((id, i) => ({ id, name: id, role: i ? 'MEMBER' : 'CHAIR' })) as {
      id: string;
      name: string;
      role: 'CHAIR' | 'MEMBER';
    }[];
    expect(signOffProblems(serving, ['c', 'm1', 'm2'])).toEqual([]);
    expect(codes(signOffProblems(serving, ['c', 'm1', 'm2'], 5))).toEqual(['COMMITTEE_TOO_SMALL']);
    const plan = {
      method: 'DIRECT_RECOGNITION' as const,
      level: 2,
      status: 'REPORTED' as const,
      evaluationDate: '2027-03-15',
    };
    const facts = { today: '2027-03-16', planAssessorIds: ['a1', 'a2', 'a3'] };
    const record = { heldOn: '2027-03-15', panel: ['a1', 'a2'] };
    expect(reviewDefenceProblems(plan, { withdrawnOn: null }, record, facts)).toEqual([]);
    expect(codes(reviewDefenceProblems(plan, { withdrawnOn: null }, record, { ...facts, panelMin: 3 }))).toEqual([
      'REVIEW_DEFENCE_PANEL_TOO_SMALL',
    ]);
  });
});
