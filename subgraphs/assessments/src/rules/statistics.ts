import type { Claims } from '@hub/platform';
import { reachOf } from '@hub/platform';
import { LEVEL_LABELS } from '@hub/vocabulary';

/** Labels of the statistics dimensions whose values are codes of this domain (or fixed lists). */
export const LEVEL_LABEL: Readonly<Record<string, string>> = LEVEL_LABELS;

export const METHOD_LABEL: Record<string, string> = {
  THEORY_EXAM: '理论知识考试',
  SKILL_OPERATION: '技能操作考核',
  INTEGRATED: '理论技能一体化考核',
  SIMULATION: '模拟操作考核',
  ON_JOB_TRAINING: '岗位练兵',
  TECHNICAL_CONTEST: '技术比武',
  COMPETITION: '竞赛选拔',
  DIRECT_RECOGNITION: '直接认定',
  PROCESS_ASSESSMENT: '过程化考核',
  MODULAR_ASSESSMENT: '模块化考核',
  PERFORMANCE_REVIEW: '业绩评审',
};

export const NATURE_LABEL: Record<string, string> = {
  STATE_OWNED: '国有',
  PRIVATE: '民营',
  FOREIGN: '外资',
  MIXED: '混合所有制',
  OTHER: '其他',
};

/** 合格率: passed / candidates, rounded to 4 places; null when nobody was evaluated. */
export function passRate(passed: number, candidates: number): number | null {
  return candidates > 0 ? Math.round((passed / candidates) * 10_000) / 10_000 : null;
}

/**
 * 属地: which 市州 a caller's statistics may cover. A city centre sees its own 市州 only and
 * asking for another is refused (rather than silently answered with nothing); the province,
 * the ministry, admins and dashboards see all. Returns the prefectures to filter by (null = all),
 * or a refusal message.
 */
export function statisticsPrefectures(
  caller: Claims,
  asked: readonly string[] | null | undefined,
): { prefectures: readonly string[] | null } | { refused: string } {
  if (caller.role === 'dashboard') return { prefectures: asked ?? null };
  const reach = reachOf(caller);
  if (reach.kind === 'all') return { prefectures: asked ?? null };
  if (reach.kind === 'prefecture') {
    const others = (asked ?? []).filter((p) => p !== reach.prefecture);
    if (others.length)
      return { refused: `a city centre reads its own 市州 (${reach.prefecture}) only, not ${others.join(', ')}` };
    return { prefectures: [reach.prefecture] };
  }
  return { refused: `role ${caller.role} may not read statistics` };
}
