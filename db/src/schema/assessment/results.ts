import { sql } from 'drizzle-orm';
import {
  check,
  date,
  index,
  jsonb,
  numeric,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { assessmentSchema } from './base.ts';
import { assessors, committeeMembers, workers } from './people.ts';
import { evaluationPlans } from './plans.ts';

export const exceptionalGround = assessmentSchema.enum('exceptional_ground', [
  'MAJOR_PROBLEM_SOLVED', // 解决重大工艺技术难题和重大质量问题
  'PROVINCIAL_AWARD', // 技术创新成果获得省部级以上奖项
  'OUTSTANDING_MENTORING', // “师带徒”业绩突出
]);

export const candidateResult = assessmentSchema.enum('candidate_result', [
  'PASSED', // 合格
  'FAILED', // 不合格
  'WITHHELD', // 异议成立，不予认定
]);

/** 参评人员 of a plan. */
export const candidates = assessmentSchema.table(
  'candidates',
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => evaluationPlans.id, { onDelete: 'cascade' }),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    /** 破格晋升: the ground and its particulars, when the level below is skipped. */
    exceptionalGround: exceptionalGround('exceptional_ground'),
    exceptionalDetail: text('exceptional_detail'),
    result: candidateResult(),
    /** Average of the required parts, set by the committee review. */
    total: numeric({ precision: 5, scale: 2, mode: 'number' }),
    /** 退出: when and why the candidate was withdrawn from the plan (no longer evaluated or counted). */
    withdrawnOn: date('withdrawn_on'),
    withdrawalReason: text('withdrawal_reason'),
    /** 申报信息 the candidate declared: years in the trade, training hours, 文化程度. */
    application: jsonb().$type<{ tradeYears: number | null; trainingHours: number | null; education: string | null }>(),
    /** Admitted though the 工作方案's 申报条件 were not met: the reason, the version and what was unmet. */
    conditionOverride: jsonb('condition_override').$type<{
      reason: string;
      schemeVersion: number;
      unmet: string[];
      recordedOn: string;
      recordedBy: string;
    }>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('candidates_plan_worker_key').on(t.planId, t.workerId)],
);

export const evidenceKind = assessmentSchema.enum('evidence_kind', [
  'ABILITY', // 职业能力
  'PERFORMANCE', // 工作业绩
]);

/**
 * 直接认定的佐证材料: what backs a directly recognised candidate's ability and 业绩 — each a title
 * and a reference to the attachment as the institution files it (the file stays with the
 * institution). Recorded per candidate, as a whole list that replaces the last until the review.
 */
export const candidateEvidence = assessmentSchema.table(
  'candidate_evidence',
  {
    id: uuid().primaryKey().defaultRandom(),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    kind: evidenceKind().notNull(),
    title: text().notNull(),
    /** 附件: the attachment's number, file name or archive location. */
    attachment: text().notNull(),
    recordedOn: date('recorded_on').notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('candidate_evidence_candidate_idx').on(t.candidateId)],
);

export const reviewDefenceForm = assessmentSchema.enum('review_defence_form', [
  'ON_SITE_REVIEW', // 现场评审
  'DEFENCE', // 答辩
]);

export const reviewDefenceResult = assessmentSchema.enum('review_defence_result', [
  'PASSED', // 通过
  'FAILED', // 未通过
]);

/**
 * 现场评审或答辩记录 of a 直接认定二级/一级 candidate (四(二) of the notice): when, before which panel
 * of the plan's assessors, with what result. One per candidate; recorded again before the review it
 * replaces the last. A pass needs it, and a failed review or defence fails the candidate.
 */
export const reviewDefenceRecords = assessmentSchema.table('review_defence_records', {
  candidateId: uuid('candidate_id')
    .primaryKey()
    .references(() => candidates.id, { onDelete: 'cascade' }),
  form: reviewDefenceForm().notNull(),
  heldOn: date('held_on').notNull(),
  /** 评审/答辩小组: the plan's assessors on the panel (assessors.id). */
  panel: uuid().array().notNull(),
  result: reviewDefenceResult().notNull(),
  note: text(),
  recordedOn: date('recorded_on').notNull(),
  recordedBy: text('recorded_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const planChangeKind = assessmentSchema.enum('plan_change_kind', [
  'RESCHEDULED', // 改期
  'CANCELLED', // 取消
  'CANDIDATE_WITHDRAWN', // 参评人员退出
  'STAFF_REPLACED', // 更换考评员或内部质量督导员
]);

/** 报备后变更: every change to a reported plan, kept for the centre (history, never rewritten). */
export const planChanges = assessmentSchema.table(
  'plan_changes',
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => evaluationPlans.id, { onDelete: 'cascade' }),
    kind: planChangeKind().notNull(),
    changedOn: date('changed_on').notNull(),
    /** Who made the change: role and user of the caller. */
    changedBy: text('changed_by').notNull(),
    reason: text().notNull(),
    /** For a reschedule: the evaluation date before and after. */
    previousDate: date('previous_date'),
    newDate: date('new_date'),
    /** For a withdrawal: the candidacy withdrawn. */
    candidateId: uuid('candidate_id').references(() => candidates.id),
    /** For a replacement: who left the plan's team and who took their place (scores keep their author). */
    replacedStaffId: uuid('replaced_staff_id').references(() => assessors.id),
    replacementStaffId: uuid('replacement_staff_id').references(() => assessors.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_changes_plan_idx').on(t.planId, t.createdAt)],
);

/** 审核签署: the committee members present who signed a plan's results off (评价工作委员会审核). */
export const resultSignOffs = assessmentSchema.table(
  'result_sign_offs',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => evaluationPlans.id, { onDelete: 'cascade' }),
    memberId: uuid('member_id')
      .notNull()
      .references(() => committeeMembers.id),
    signedOn: date('signed_on').notNull(),
    /** Members serving that day: the quorum was counted against them. */
    membersServing: smallint('members_serving').notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.memberId] }), index('result_sign_offs_member_idx').on(t.memberId)],
);

export const scorePart = assessmentSchema.enum('score_part', [
  'THEORY', // 理论知识
  'SKILL', // 技能操作
  'ABILITY', // 职业能力评分
  'PERFORMANCE', // 业绩评定
  'REVIEW_DEFENCE', // 现场评审/答辩
]);

export const examinedMaterialKind = assessmentSchema.enum('examined_material_kind', [
  'EXAM_PAPER', // 试卷
  'ITEM_BANK', // 题库
  'EVALUATION_FORM', // 评价表 (直接认定, per level)
]);

/**
 * 评价内容: what a plan examined — the paper or item bank of each part an exam scores, or the
 * 评价表 of the level a direct recognition uses — kept with the plan's records (档案). One per part
 * (a 评价表 has none); recorded again before the committee review, it replaces the earlier entry.
 */
export const examinedMaterials = assessmentSchema.table(
  'examined_materials',
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => evaluationPlans.id, { onDelete: 'cascade' }),
    kind: examinedMaterialKind().notNull(),
    /** The part the paper or item bank examined (THEORY, SKILL); null for a 评价表. */
    part: scorePart(),
    /** The level of the plan it served (a 评价表 is made per level). */
    level: smallint().notNull(),
    /** 试卷编号, 题库名称 or 评价表编号, as the institution files it. */
    reference: text().notNull(),
    version: text().notNull(),
    recordedOn: date('recorded_on').notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('examined_materials_plan_part_key').on(t.planId, t.part).nullsNotDistinct()],
);

/** One assessor's score for one part of one candidate's evaluation. */
export const scores = assessmentSchema.table(
  'scores',
  {
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    assessorId: uuid('assessor_id')
      .notNull()
      .references(() => assessors.id),
    part: scorePart().notNull(),
    score: numeric({ precision: 5, scale: 2, mode: 'number' }).notNull(),
    recordedOn: date('recorded_on').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.candidateId, t.assessorId, t.part] }),
    check('scores_range', sql`${t.score} between 0 and 100`),
  ],
);

export const objectionStatus = assessmentSchema.enum('objection_status', [
  'OPEN', // 待处理
  'UPHELD', // 异议成立
  'DISMISSED', // 异议不成立
]);

/** 异议 raised during publicity, handled by the committee. */
export const objections = assessmentSchema.table(
  'objections',
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => evaluationPlans.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id').references(() => candidates.id),
    raisedOn: date('raised_on').notNull(),
    raisedBy: text('raised_by').notNull(),
    content: text().notNull(),
    status: objectionStatus().notNull().default('OPEN'),
    resolution: text(),
    resolvedOn: date('resolved_on'),
  },
  (t) => [index('objections_plan_idx').on(t.planId, t.status)],
);
