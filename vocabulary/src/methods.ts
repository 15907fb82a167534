/**
 * 评价方式 and what each one scores: the words the assessments domain, the demo seed and the
 * statistics share. The rules that use them (pass marks, review) live in the assessments domain.
 */
export type EvaluationMethod =
  | 'THEORY_EXAM'
  | 'SKILL_OPERATION'
  | 'INTEGRATED'
  | 'SIMULATION'
  | 'ON_JOB_TRAINING'
  | 'TECHNICAL_CONTEST'
  | 'COMPETITION'
  | 'DIRECT_RECOGNITION';

/** 成绩组成: 理论知识, 操作技能, 职业能力, 业绩, 现场评审/答辩. */
export type ScorePart = 'THEORY' | 'SKILL' | 'ABILITY' | 'PERFORMANCE' | 'REVIEW_DEFENCE';

/**
 * The parts a method scores. 理论技能一体化 needs both theory and skill; 直接认定 scores 职业能力
 * and 业绩, and for 二级/一级 (level ≤ 2) a 现场评审/答辩 result as well; the others one part.
 */
export function requiredParts(method: EvaluationMethod, level: number): ScorePart[] {
  switch (method) {
    case 'THEORY_EXAM':
      return ['THEORY'];
    case 'INTEGRATED':
      return ['THEORY', 'SKILL'];
    case 'DIRECT_RECOGNITION':
      return level <= 2 ? ['ABILITY', 'PERFORMANCE', 'REVIEW_DEFENCE'] : ['ABILITY', 'PERFORMANCE'];
    default:
      return ['SKILL'];
  }
}
