import { requiredParts, scoresModules } from '@hub/vocabulary';
import { ruleDefaults, SCHEME_COMMITTEE_MIN, SCHEME_PANEL_MIN } from './defaults.ts';
import { type ModuleStatement, moduleStatementProblems } from './modules.ts';
import { METHOD_NAMES, type Method, PART_NAMES, problem, type Refusal, type ScorePart } from './types.ts';

/**
 * 成绩构成 and 合格线: how a plan's results are computed — per part a weight and a pass mark, and an
 * overall pass mark for the weighted total — and the 评价工作委员会 and 现场评审/答辩小组 minimums,
 * from the 工作方案 in force when the plan is reported, the defaults where it is silent
 * (defaults.ts). Fixed on the plan then, so that a later 方案 version leaves its results alone.
 */

/** What a 方案 states for one method: the overall pass mark, and per part a weight and a pass mark. */
export interface MethodStandard {
  method: Method;
  passMark?: number | null;
  parts?: readonly { part: ScorePart; weight?: number | null; passMark?: number | null }[] | null;
  /** 过程化/模块化考核: the modules a plan of this method runs unless it states its own (modules.ts). */
  modules?: readonly ModuleStatement[] | null;
}

export interface PlanStandard {
  /** The 工作方案 version the numbers came from; null: none was in force (the defaults). */
  schemeVersion: number | null;
  /** 合格线 of the weighted total. */
  passMark: number;
  /** Per required part: its weight in the total and its own 合格线. */
  parts: Partial<Record<ScorePart, { weight: number; passMark: number }>>;
  committeeMinMembers: number;
  reviewDefencePanelMin: number;
}

/** The parts of the 方案 the standard reads. */
export interface SchemeStandardFacts {
  version: number;
  methodStandards?: readonly MethodStandard[];
  committeeMinMembers?: number | null;
  reviewDefencePanelMin?: number | null;
}

/** Every part a method may score, at any level. */
export function partsOfMethod(method: Method): ScorePart[] {
  return [...new Set([5, 4, 3, 2, 1].flatMap((level) => requiredParts(method, level)))];
}

/** The standard of a plan of this method and level under a 方案 (null: none in force). */
export function planStandard(method: Method, level: number, scheme: SchemeStandardFacts | null): PlanStandard {
  const stated = scheme?.methodStandards?.find((m) => m.method === method);
  const parts: PlanStandard['parts'] = {};
  for (const part of requiredParts(method, level)) {
    const own = stated?.parts?.find((p) => p.part === part);
    parts[part] = {
      weight: own?.weight ?? ruleDefaults.partWeight,
      passMark: own?.passMark ?? ruleDefaults.passMark,
    };
  }
  return {
    schemeVersion: scheme?.version ?? null,
    passMark: stated?.passMark ?? ruleDefaults.passMark,
    parts,
    committeeMinMembers: scheme?.committeeMinMembers ?? ruleDefaults.committeeMinMembers,
    reviewDefencePanelMin: scheme?.reviewDefencePanelMin ?? ruleDefaults.reviewDefencePanelMin,
  };
}

/** The standard a plan's results are computed with: the one fixed when it was reported, else the defaults. */
export function standardOf(plan: { method: Method; level: number; standard: PlanStandard | null }): PlanStandard {
  const base = planStandard(plan.method, plan.level, null);
  return plan.standard ? { ...base, ...plan.standard, parts: { ...base.parts, ...plan.standard.parts } } : base;
}

const MARK = { from: 1, to: 100 } as const;
const within = (n: number, r: { from: number; to: number }) => Number.isInteger(n) && n >= r.from && n <= r.to;

/**
 * 成绩构成 as a 方案 states it: each method once; its parts among those the method scores, each
 * once; weights (whole numbers 1–100, relative) on every part of the method or on none; pass
 * marks whole numbers 1–100; the committee of 3–50 and the panel of 2–15 members at least.
 */
export function standardStatementProblems(input: {
  methodStandards: readonly MethodStandard[];
  committeeMinMembers: number | null;
  reviewDefencePanelMin: number | null;
}): Refusal[] {
  const out: Refusal[] = [];
  const bad = (code: string, message: string, field = 'methods') => out.push(problem(code, message, field));
  const methods = new Set<Method>();
  for (const m of input.methodStandards) {
    const name = METHOD_NAMES[m.method];
    if (methods.has(m.method)) bad('WORK_SCHEME_DUPLICATE_METHOD', `${name}的成绩构成重复列出`);
    methods.add(m.method);
    if (m.passMark != null && !within(m.passMark, MARK)) {
      bad('WORK_SCHEME_PASS_MARK', `${name}的总成绩合格线须为${MARK.from}至${MARK.to}的整数`);
    }
    const own = partsOfMethod(m.method);
    const seen = new Set<ScorePart>();
    const parts = m.parts ?? [];
    for (const p of parts) {
      if (!own.includes(p.part))
        bad('WORK_SCHEME_PART_NOT_IN_METHOD', `${name}不含评分项目${PART_NAMES[p.part] ?? p.part}`);
      if (seen.has(p.part)) bad('WORK_SCHEME_DUPLICATE_PART', `${name}的评分项目${PART_NAMES[p.part]}重复列出`);
      seen.add(p.part);
      if (p.weight != null && !within(p.weight, MARK)) {
        bad('WORK_SCHEME_WEIGHT', `${name}的权重须为${MARK.from}至${MARK.to}的整数`);
      }
      if (p.passMark != null && !within(p.passMark, MARK)) {
        bad('WORK_SCHEME_PASS_MARK', `${name}的单项合格线须为${MARK.from}至${MARK.to}的整数`);
      }
    }
    if (m.modules?.length) {
      if (scoresModules(m.method)) out.push(...moduleStatementProblems(m.modules, 'methods', 'WORK_SCHEME_MODULE'));
      else bad('WORK_SCHEME_MODULES_NOT_FOR_METHOD', `${name}不分考核模块；过程化考核和模块化考核才列明考核模块`);
    }
    const weighted = own.filter((part) => parts.some((p) => p.part === part && p.weight != null));
    if (weighted.length && weighted.length < own.length) {
      bad('WORK_SCHEME_WEIGHTS_INCOMPLETE', `${name}的权重须对其全部评分项目列明，或都不列明（各项等权）`);
    }
  }
  const { committeeMinMembers: c, reviewDefencePanelMin: p } = input;
  if (c != null && !within(c, SCHEME_COMMITTEE_MIN)) {
    bad(
      'WORK_SCHEME_COMMITTEE_MIN',
      `评价工作委员会最少在任委员须为${SCHEME_COMMITTEE_MIN.from}至${SCHEME_COMMITTEE_MIN.to}名`,
      'committeeMinMembers',
    );
  }
  if (p != null && !within(p, SCHEME_PANEL_MIN)) {
    bad(
      'WORK_SCHEME_PANEL_MIN',
      `现场评审或答辩小组最少人数须为${SCHEME_PANEL_MIN.from}至${SCHEME_PANEL_MIN.to}名`,
      'reviewDefencePanelMin',
    );
  }
  return out;
}
