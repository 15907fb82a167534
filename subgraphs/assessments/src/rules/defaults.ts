import type { Method } from './types.ts';

/**
 * The hub's numbers where 湘人社发〔2024〕26号 leaves the number to the institution's 工作方案 —
 * one place, documented in docs/domains/assessments.md («Rule defaults»). The notice requires an
 * assessor team, an internal quality supervisor, an announcement and publicity; how many assessors,
 * and what pass mark, it does not say. A 工作方案 that states a number replaces the default here
 * (today: assessors per method); where it is silent, these apply.
 */
export const ruleDefaults = {
  /**
   * 考评员 per plan, after the usual 考务 practice: two examiners for a written exam, a panel of
   * three for anything scored by observation or review.
   */
  assessors: {
    THEORY_EXAM: 2,
    SKILL_OPERATION: 3,
    INTEGRATED: 3,
    SIMULATION: 3,
    ON_JOB_TRAINING: 3,
    TECHNICAL_CONTEST: 3,
    COMPETITION: 3,
    DIRECT_RECOGNITION: 3,
  } satisfies Record<Method, number> as Readonly<Record<Method, number>>,
  /** A 高级考评员 on the panel from this level up (二级/一级). */
  seniorAssessorFromLevel: 2,
  /** 合格线: every required part at least this, of 100. */
  passMark: 60,
} as const;

/** The fewest 考评员 a 工作方案 may state: the notice asks for a team (考评小组), not one person. */
export const MIN_SCHEME_ASSESSORS = 2;
export const MAX_SCHEME_ASSESSORS = 15;
