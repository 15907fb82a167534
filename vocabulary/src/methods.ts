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
  | 'DIRECT_RECOGNITION'
  | 'PROCESS_ASSESSMENT'
  | 'MODULAR_ASSESSMENT'
  | 'PERFORMANCE_REVIEW';

/** 成绩组成: 理论知识, 操作技能, 职业能力, 业绩, 现场评审/答辩. */
export type ScorePart = 'THEORY' | 'SKILL' | 'ABILITY' | 'PERFORMANCE' | 'REVIEW_DEFENCE';

/**
 * 过程化考核 and 模块化考核 (通知 一(四)): assessed over a period (first and last day), in several
 * modules the plan declares, each scored as it happens and combined by the 工作方案's rule. They
 * score modules, not the fixed parts.
 */
export const MODULE_METHODS: readonly EvaluationMethod[] = ['PROCESS_ASSESSMENT', 'MODULAR_ASSESSMENT'];

/** Whether a method runs over a period with declared modules (过程化考核, 模块化考核). */
export const scoresModules = (method: EvaluationMethod): boolean => MODULE_METHODS.includes(method);

/**
 * The parts a method scores. 理论技能一体化 needs both theory and skill; 直接认定 scores 职业能力
 * and 业绩, and for 二级/一级 (level ≤ 2) a 现场评审/答辩 result as well; a stand-alone 业绩评审 scores
 * 业绩; 过程化/模块化考核 score the modules their plan declares (no fixed part); the others one part.
 */
export function requiredParts(method: EvaluationMethod, level: number): ScorePart[] {
  switch (method) {
    case 'THEORY_EXAM':
      return ['THEORY'];
    case 'INTEGRATED':
      return ['THEORY', 'SKILL'];
    case 'DIRECT_RECOGNITION':
      return level <= 2 ? ['ABILITY', 'PERFORMANCE', 'REVIEW_DEFENCE'] : ['ABILITY', 'PERFORMANCE'];
    case 'PERFORMANCE_REVIEW':
      return ['PERFORMANCE'];
    case 'PROCESS_ASSESSMENT':
    case 'MODULAR_ASSESSMENT':
      return [];
    default:
      return ['SKILL'];
  }
}
