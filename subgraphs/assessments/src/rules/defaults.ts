import type { Method } from './types.ts';

/**
 * The hub's numbers where 湘人社发〔2024〕26号 leaves the number to the institution's 工作方案 —
 * one place, documented in docs/domains/assessments.md («Rule defaults»). The notice requires an
 * assessor team, an internal quality supervisor, an announcement and publicity; how many assessors,
 * and what pass mark, it does not say. A 工作方案 that states a number replaces the default here
 * (assessors per method, weights and pass marks per part, the overall pass mark, the committee's
 * and the review panel's minimum); where it is silent, these apply.
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
    PROCESS_ASSESSMENT: 3,
    MODULAR_ASSESSMENT: 3,
    PERFORMANCE_REVIEW: 3,
  } satisfies Record<Method, number> as Readonly<Record<Method, number>>,
  /** A 高级考评员 on the panel from this level up (二级/一级). */
  seniorAssessorFromLevel: 2,
  /**
   * Each plan under an announcement of its own year (a yearly one) or quarter (a quarterly one). The
   * notice asks for an announcement before the evaluation, not for one per period.
   */
  plansWithinAnnouncementPeriod: true,
  /** 合格线: every required part at least this, of 100 — and the total too (implied when every part passes). */
  passMark: 60,
  /** 权重: every required part weighs the same; the total is their mean. */
  partWeight: 1,
  /** 现场评审/答辩小组 of a 直接认定二级/一级: at least this many of the plan's assessors (a panel, not one person). */
  reviewDefencePanelMin: 2,
  /**
   * 评价工作委员会: members serving on the day a sign-off needs at least (a 固定团队, not one person);
   * the quorum itself — the chair and more than half of those serving — is the hub's rule (committee.ts).
   */
  committeeMinMembers: 3,
} as const;

/** The fewest 考评员 a 工作方案 may state: the notice asks for a team (考评小组), not one person. */
export const MIN_SCHEME_ASSESSORS = 2;
export const MAX_SCHEME_ASSESSORS = 15;

/** What a 工作方案 may state for the committee (a quorum of more than half needs three) and the panel. */
export const SCHEME_COMMITTEE_MIN = { from: 3, to: 50 } as const;
export const SCHEME_PANEL_MIN = { from: 2, to: 15 } as const;
