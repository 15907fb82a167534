import type { Refusal } from '@hub/platform';
import { LEVEL_NAMES, type EvaluationMethod as Method, type ScorePart } from '@hub/vocabulary';

export type { Method, Refusal, ScorePart };
/** Level names come from the shared vocabulary; re-exported for the rules here. */
export { LEVEL_NAMES };

export type StaffRole = 'ASSESSOR' | 'SENIOR_ASSESSOR' | 'QUALITY_SUPERVISOR';
export type InstitutionKind = 'ENTERPRISE_SELF_EVALUATION' | 'SOCIAL_EVALUATION_ORGANIZATION';
export type ExceptionalGround = 'MAJOR_PROBLEM_SOLVED' | 'PROVINCIAL_AWARD' | 'OUTSTANDING_MENTORING';

export const METHOD_NAMES: Record<Method, string> = {
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

export const PART_NAMES: Record<ScorePart, string> = {
  THEORY: '理论知识',
  SKILL: '技能操作',
  ABILITY: '职业能力评分',
  PERFORMANCE: '业绩评定',
  REVIEW_DEFENCE: '现场评审/答辩',
};

export const problem = (code: string, message: string, field?: string): Refusal => ({
  code,
  message,
  field: field ?? null,
});
