import { requiredParts } from '@hub/vocabulary';
import { describe, expect, it } from 'vitest';
import {
  assessModules,
  moduleReviewProblems,
  moduleScoreProblems,
  moduleStatementProblems,
  periodDays,
  periodProblems,
  resolvePlanModules,
} from '../src/rules/modules.ts';
import { standardStatementProblems } from '../src/rules/plan-standard.ts';
import { scoreEntryProblems } from '../src/rules/scoring.ts';

/** 过程化考核, 模块化考核 and 业绩评审 (#25 point 3): period, modules, module scores, the combined result. */

const codes = (r: { code: string }[]) => r.map((p) => p.code).sort();

describe('考核周期', () => {
  it('a 模块化考核 over three weeks names its last day; the first is the evaluation date', () => {
    expect(periodProblems('MODULAR_ASSESSMENT', '2026-12-14', '2027-01-03')).toEqual([]);
    expect(periodDays('2026-12-14', '2027-01-03')).toBe(21);
  });

  it('refuses a period method without a last day, a last day before the first, and a period over a year', () => {
    expect(codes(periodProblems('PROCESS_ASSESSMENT', '2026-12-14', null))).toEqual(['PLAN_PERIOD_MISSING']);
    expect(codes(periodProblems('MODULAR_ASSESSMENT', '2026-12-14', '2026-12-13'))).toEqual(['PLAN_PERIOD_ORDER']);
    expect(codes(periodProblems('MODULAR_ASSESSMENT', '2026-12-14', '2027-12-15'))).toEqual(['PLAN_PERIOD_TOO_LONG']);
    expect(periodProblems('MODULAR_ASSESSMENT', '2026-12-14', '2027-12-14')).toEqual([]);
  });

  it('refuses a period on a method held on one day (the same day is no period)', () => {
    expect(codes(periodProblems('SKILL_OPERATION', '2026-12-14', '2026-12-20'))).toEqual([
      'PLAN_PERIOD_NOT_FOR_METHOD',
    ]);
    expect(periodProblems('SKILL_OPERATION', '2026-12-14', '2026-12-14')).toEqual([]);
    expect(periodProblems('PERFORMANCE_REVIEW', '2026-12-14', null)).toEqual([]);
  });
});

describe('考核模块 declared on the plan', () => {
  const three = [
    { name: '安全操作', weight: 20, passMark: 60 },
    { name: '设备维护', weight: 30, passMark: 60 },
    { name: '故障排除', weight: 50, passMark: 70 },
  ];

  it('takes the plan’s modules, else the 工作方案’s, with the defaults filled in', () => {
    expect(resolvePlanModules('MODULAR_ASSESSMENT', three, null)).toEqual({ modules: three, problems: [] });
    const fromScheme = resolvePlanModules('PROCESS_ASSESSMENT', null, [{ name: ' 阶段一 ' }, { name: '阶段二' }]);
    expect(fromScheme).toEqual({
      modules: [
        { name: '阶段一', weight: 1, passMark: 60 },
        { name: '阶段二', weight: 1, passMark: 60 },
      ],
      problems: [],
    });
    expect(resolvePlanModules('MODULAR_ASSESSMENT', three, [{ name: 'x' }, { name: 'y' }]).modules).toEqual(three);
  });

  it('refuses a module plan with none, and modules on a method that has none', () => {
    expect(codes(resolvePlanModules('MODULAR_ASSESSMENT', [], null).problems)).toEqual(['PLAN_MODULES_MISSING']);
    expect(codes(resolvePlanModules('SKILL_OPERATION', three, null).problems)).toEqual(['PLAN_MODULES_NOT_FOR_METHOD']);
    expect(resolvePlanModules('SKILL_OPERATION', null, null)).toEqual({ modules: [], problems: [] });
  });

  it('refuses one module, a repeated or blank name, weights on some only, marks outside 1–100', () => {
    expect(codes(moduleStatementProblems([{ name: '唯一' }]))).toEqual(['PLAN_MODULE_COUNT']);
    expect(codes(moduleStatementProblems([{ name: '甲' }, { name: '甲' }]))).toEqual(['PLAN_MODULE_DUPLICATE']);
    expect(codes(moduleStatementProblems([{ name: ' ' }, { name: '乙' }]))).toEqual(['PLAN_MODULE_NAME']);
    expect(codes(moduleStatementProblems([{ name: '甲', weight: 2 }, { name: '乙' }]))).toEqual([
      'PLAN_MODULE_WEIGHTS_INCOMPLETE',
    ]);
    expect(
      codes(
        moduleStatementProblems([
          { name: '甲', weight: 0, passMark: 101 },
          { name: '乙', weight: 1.5, passMark: 60 },
        ]),
      ),
    ).toEqual(['PLAN_MODULE_PASS_MARK', 'PLAN_MODULE_WEIGHT', 'PLAN_MODULE_WEIGHT']);
  });

  it('a 工作方案 states modules for 过程化/模块化考核 only, checked the same way', () => {
    const ok = standardStatementProblems({
      methodStandards: [{ method: 'MODULAR_ASSESSMENT', passMark: 65, modules: three }],
      committeeMinMembers: null,
      reviewDefencePanelMin: null,
    });
    expect(ok).toEqual([]);
    const bad = standardStatementProblems({
      methodStandards: [
        { method: 'SKILL_OPERATION', modules: three },
        { method: 'PROCESS_ASSESSMENT', modules: [{ name: '甲' }] },
      ],
      committeeMinMembers: null,
      reviewDefencePanelMin: null,
    });
    expect(codes(bad)).toEqual(['WORK_SCHEME_MODULES_NOT_FOR_METHOD', 'WORK_SCHEME_MODULE_COUNT']);
  });
});

describe('模块评分, entered as the modules happen', () => {
  const plan = { evaluationDate: '2026-12-14', periodEndsOn: '2027-01-03' };
  const entry = { moduleOnPlan: true, assessorOnPlan: true, score: 80, assessedOn: '2026-12-20', today: '2026-12-21' };

  it('takes a score assessed within the period, not after today', () => {
    expect(moduleScoreProblems(plan, entry)).toEqual([]);
    expect(codes(moduleScoreProblems(plan, { ...entry, assessedOn: '2026-12-22' }))).toEqual([
      'MODULE_SCORE_IN_FUTURE',
    ]);
    expect(codes(moduleScoreProblems(plan, { ...entry, assessedOn: '2026-12-13', today: '2027-01-10' }))).toEqual([
      'MODULE_SCORE_OUTSIDE_PERIOD',
    ]);
    expect(codes(moduleScoreProblems(plan, { ...entry, assessedOn: '2027-01-04', today: '2027-01-10' }))).toEqual([
      'MODULE_SCORE_OUTSIDE_PERIOD',
    ]);
  });

  it('refuses another plan’s module, an assessor not on the plan and a score outside 0–100', () => {
    expect(
      codes(moduleScoreProblems(plan, { ...entry, moduleOnPlan: false, assessorOnPlan: false, score: 101 })),
    ).toEqual(['MODULE_NOT_ON_PLAN', 'SCORE_ASSESSOR_NOT_ON_PLAN', 'SCORE_OUT_OF_RANGE']);
  });

  it('module methods score no fixed part (recordScores refuses them); 业绩评审 scores 业绩', () => {
    expect(requiredParts('MODULAR_ASSESSMENT', 4)).toEqual([]);
    expect(
      codes(scoreEntryProblems('MODULAR_ASSESSMENT', 4, { part: 'SKILL', score: 80, assessorOnPlan: true })),
    ).toEqual(['SCORE_PART_NOT_IN_METHOD']);
    expect(requiredParts('PERFORMANCE_REVIEW', 2)).toEqual(['PERFORMANCE']);
  });
});

describe('综合成绩 by the 方案’s rule', () => {
  const modules = [
    { id: 'm1', name: '安全操作', weight: 20, passMark: 60 },
    { id: 'm2', name: '设备维护', weight: 30, passMark: 60 },
    { id: 'm3', name: '故障排除', weight: 50, passMark: 70 },
  ];
  const marks = (a: number[], b: number[], c: number[]) => [
    ...a.map((score) => ({ moduleId: 'm1', score })),
    ...b.map((score) => ({ moduleId: 'm2', score })),
    ...c.map((score) => ({ moduleId: 'm3', score })),
  ];

  it('weighs the module means and passes when every module and the total reach their marks', () => {
    const a = assessModules(modules, marks([80, 90], [70, 70], [75, 85]), 60);
    expect(a).toEqual({
      modules: { 安全操作: 85, 设备维护: 70, 故障排除: 80 },
      missing: [],
      total: 78, // (20·85 + 30·70 + 50·80) / 100
      result: 'PASSED',
    });
  });

  it('fails a module under its own mark even with a good total, and a total under the overall mark', () => {
    expect(assessModules(modules, marks([100], [100], [69]), 60)).toMatchObject({ total: 84.5, result: 'FAILED' });
    expect(assessModules(modules, marks([80], [80], [80]), 85)).toMatchObject({ total: 80, result: 'FAILED' });
  });

  it('leaves the result open while a module is unscored, and the review names it', () => {
    const a = assessModules(modules, marks([80], [], [80]), 60);
    expect(a).toMatchObject({ missing: ['设备维护'], total: null, result: null });
    expect(
      codes(
        moduleReviewProblems([
          { name: '刘', missing: a.missing },
          { name: '陈', missing: [] },
        ]),
      ),
    ).toEqual(['REVIEW_MISSING_MODULE_SCORES']);
  });
});
