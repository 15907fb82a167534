import { requiredParts } from '@hub/vocabulary';
import { ruleDefaults } from './defaults.ts';
import { type PlanStandard, planStandard } from './plan-standard.ts';
import { LEVEL_NAMES, METHOD_NAMES, type Method, PART_NAMES, problem, type Refusal, type ScorePart } from './types.ts';

/** 合格线 by default: every required part scores at least 60 of 100 (a 工作方案 may state its own). */
export const PASS_MARK = ruleDefaults.passMark;

export { PART_NAMES, requiredParts };

/** A score entry is for a part the method uses, from an assessor on the plan, within 0–100. */
export function scoreEntryProblems(
  method: Method,
  level: number,
  entry: { part: ScorePart; score: number; assessorOnPlan: boolean },
): Refusal[] {
  const out: Refusal[] = [];
  if (!requiredParts(method, level).includes(entry.part)) {
    out.push(
      problem(
        'SCORE_PART_NOT_IN_METHOD',
        `${METHOD_NAMES[method]}（${LEVEL_NAMES[level]}）不评${PART_NAMES[entry.part]}成绩`,
        'part',
      ),
    );
  }
  if (!entry.assessorOnPlan) {
    out.push(problem('SCORE_ASSESSOR_NOT_ON_PLAN', '只有本计划的考评员可以评分', 'assessorId'));
  }
  if (!(entry.score >= 0 && entry.score <= 100)) {
    out.push(problem('SCORE_OUT_OF_RANGE', '成绩须在0至100之间', 'score'));
  }
  return out;
}

export interface Assessment {
  /** Mean of the assessors' scores per part. */
  parts: Partial<Record<ScorePart, number>>;
  /** Required parts nobody scored yet. */
  missing: ScorePart[];
  /** Weighted mean of the required parts (equal weights by default), when none is missing. */
  total: number | null;
  result: 'PASSED' | 'FAILED' | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Totals and the pass rule under the plan's standard (plan-standard.ts): each required part (mean
 * over its assessors) at least its pass mark, and the weighted total at least the overall one —
 * by default 60 each, equal weights.
 */
export function assess(
  method: Method,
  level: number,
  scores: readonly { part: ScorePart; score: number }[],
  standard: PlanStandard = planStandard(method, level, null),
): Assessment {
  const required = requiredParts(method, level);
  const parts: Partial<Record<ScorePart, number>> = {};
  for (const part of required) {
    const own = scores.filter((s) => s.part === part);
    if (own.length) parts[part] = round2(own.reduce((s, x) => s + x.score, 0) / own.length);
  }
  const missing = required.filter((p) => parts[p] == null);
  if (missing.length) return { parts, missing, total: null, result: null };
  const of = (p: ScorePart) =>
    standard.parts[p] ?? { weight: ruleDefaults.partWeight, passMark: ruleDefaults.passMark };
  const weights = required.reduce((s, p) => s + of(p).weight, 0);
  const total = round2(required.reduce((s, p) => s + of(p).weight * (parts[p] as number), 0) / weights);
  const passed = required.every((p) => (parts[p] as number) >= of(p).passMark) && total >= standard.passMark;
  return { parts, missing, total, result: passed ? 'PASSED' : 'FAILED' };
}

/** 评价工作委员会审核: every candidate is fully scored before the committee signs the results off. */
export function reviewProblems(
  method: Method,
  level: number,
  candidates: readonly { name: string; missing: readonly ScorePart[] }[],
): Refusal[] {
  if (!candidates.length) return [problem('REVIEW_NO_CANDIDATES', '本计划没有可审核的参评人员', 'planId')];
  const out: Refusal[] = [];
  for (const c of candidates) {
    if (!c.missing.length) continue;
    const defence = c.missing.includes('REVIEW_DEFENCE') && method === 'DIRECT_RECOGNITION' && level <= 2;
    out.push(
      problem(
        defence ? 'DIRECT_RECOGNITION_NEEDS_REVIEW_DEFENCE' : 'REVIEW_MISSING_SCORES',
        defence
          ? `直接认定${LEVEL_NAMES[level]} needs a 现场评审或答辩 result; ${c.name} has none`
          : `${c.name} has no ${c.missing.map((p) => PART_NAMES[p]).join('、')} score yet`,
        'planId',
      ),
    );
  }
  return out;
}
