import { requiredParts } from '@hub/vocabulary';
import { ruleDefaults } from './defaults.ts';
import { LEVEL_NAMES, METHOD_NAMES, type Method, problem, type Refusal, type ScorePart } from './types.ts';

/** 合格线: every required part scores at least 60 of 100. */
export const PASS_MARK = ruleDefaults.passMark;

export { requiredParts };

export const PART_NAMES: Record<ScorePart, string> = {
  THEORY: '理论知识',
  SKILL: '技能操作',
  ABILITY: '职业能力评分',
  PERFORMANCE: '业绩评定',
  REVIEW_DEFENCE: '现场评审/答辩',
};

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
        `${METHOD_NAMES[method]} at ${LEVEL_NAMES[level]} does not score ${PART_NAMES[entry.part]}`,
        'part',
      ),
    );
  }
  if (!entry.assessorOnPlan) {
    out.push(
      problem('SCORE_ASSESSOR_NOT_ON_PLAN', 'only a 考评员 assigned to the plan scores its candidates', 'assessorId'),
    );
  }
  if (!(entry.score >= 0 && entry.score <= 100)) {
    out.push(problem('SCORE_OUT_OF_RANGE', 'scores are between 0 and 100', 'score'));
  }
  return out;
}

export interface Assessment {
  /** Mean of the assessors' scores per part. */
  parts: Partial<Record<ScorePart, number>>;
  /** Required parts nobody scored yet. */
  missing: ScorePart[];
  /** Mean of the required parts, when none is missing. */
  total: number | null;
  result: 'PASSED' | 'FAILED' | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Totals and the pass rule: each required part (mean over its assessors) at least 60. */
export function assess(
  method: Method,
  level: number,
  scores: readonly { part: ScorePart; score: number }[],
): Assessment {
  const required = requiredParts(method, level);
  const parts: Partial<Record<ScorePart, number>> = {};
  for (const part of required) {
    const own = scores.filter((s) => s.part === part);
    if (own.length) parts[part] = round2(own.reduce((s, x) => s + x.score, 0) / own.length);
  }
  const missing = required.filter((p) => parts[p] == null);
  if (missing.length) return { parts, missing, total: null, result: null };
  const values = required.map((p) => parts[p] as number);
  return {
    parts,
    missing,
    total: round2(values.reduce((s, x) => s + x, 0) / values.length),
    result: values.every((v) => v >= PASS_MARK) ? 'PASSED' : 'FAILED',
  };
}

/** 评价工作委员会审核: every candidate is fully scored before the committee signs the results off. */
export function reviewProblems(
  method: Method,
  level: number,
  candidates: readonly { name: string; missing: readonly ScorePart[] }[],
): Refusal[] {
  if (!candidates.length) return [problem('REVIEW_NO_CANDIDATES', 'the plan has no candidates to review', 'planId')];
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
