import { sql } from 'drizzle-orm';
import {
  boolean,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { assessmentSchema, evaluationMethod } from './base.ts';
import { assessors, staffRole } from './people.ts';

// ---- announcements and plans ----

export const announcementPeriod = assessmentSchema.enum('announcement_period', ['YEARLY', 'QUARTERLY']);

/** 评价公告, published to the workers before any plan under it. */
export const announcements = assessmentSchema.table(
  'announcements',
  {
    id: uuid().primaryKey().defaultRandom(),
    institutionId: uuid('institution_id').notNull(),
    title: text().notNull(),
    period: announcementPeriod().notNull(),
    year: smallint().notNull(),
    quarter: smallint(),
    publishedOn: date('published_on').notNull(),
    /** 申报条件 */
    conditions: text().notNull(),
    /** 报考流程 */
    process: text().notNull(),
    /** 评价结果运用 */
    useOfResults: text('use_of_results').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('announcements_institution_idx').on(t.institutionId, t.publishedOn)],
);

/** 可开展认定的职业（工种）目录和级别 of an announcement. */
export const announcementOpenings = assessmentSchema.table(
  'announcement_openings',
  {
    id: uuid().primaryKey().defaultRandom(),
    announcementId: uuid('announcement_id')
      .notNull()
      .references(() => announcements.id, { onDelete: 'cascade' }),
    occupationCode: text('occupation_code').notNull(),
    workTypeCode: text('work_type_code'),
    levels: smallint().array().notNull(),
  },
  (t) => [index('announcement_openings_announcement_idx').on(t.announcementId)],
);

export const planStatus = assessmentSchema.enum('plan_status', [
  'REPORTED', // 已报备
  'REVIEWED', // 评价工作委员会已审核
  'PUBLICISED', // 公示中/已公示
  'SUBMITTED', // 评价结果已提交鉴定中心
  'CANCELLED', // 已取消 (after reporting, with a reason)
]);

/**
 * A 工作方案's 申报条件 for one occupation (and work type) and level, as stored: every stated
 * requirement must be met; several entries for the same occupation and level are alternatives
 * (满足其一). The rules read it (subgraphs/assessments/src/rules/application-conditions.ts).
 */
export interface StoredApplicationCondition {
  occupationCode: string;
  workTypeCode: string | null;
  level: number;
  yearsInTrade: number | null;
  yearsInPost: number | null;
  levelHeld: number | null;
  yearsSinceLevelHeld: number | null;
  others: readonly ({ kind: 'TRAINING_HOURS'; hours: number } | { kind: 'EDUCATION'; education: string })[];
}

/** A 工作方案's 成绩构成 of one method, as stored: overall 合格线 and per part weight and 合格线. */
export interface StoredMethodStandard {
  method: string;
  passMark: number | null;
  parts: readonly { part: string; weight: number | null; passMark: number | null }[];
  /** 过程化/模块化考核: the modules a plan runs unless it states its own. */
  modules?: readonly { name: string; weight: number | null; passMark: number | null }[];
}

/** The pass marks, weights and minimums a plan's results are computed with, fixed when it is reported. */
export interface StoredPlanStandard {
  schemeVersion: number | null;
  passMark: number;
  parts: Record<string, { weight: number; passMark: number }>;
  committeeMinMembers: number;
  reviewDefencePanelMin: number;
}

/**
 * 工作方案: the institution's own evaluation scheme, versioned (a new version supersedes the last
 * from its adoption day): 考评员 per method, 申报条件, 成绩构成 and 合格线, the committee's and the
 * review panel's minimum size. Where it is silent the hub's documented defaults apply
 * (subgraphs/assessments/src/rules/defaults.ts).
 */
export const workSchemes = assessmentSchema.table(
  'work_schemes',
  {
    id: uuid().primaryKey().defaultRandom(),
    institutionId: uuid('institution_id').notNull(),
    version: integer().notNull(),
    title: text().notNull(),
    adoptedOn: date('adopted_on').notNull(),
    /** 考评员 per plan, by 评价方式 (methods left out: the default). */
    assessorCounts: jsonb('assessor_counts').$type<Record<string, number>>().notNull().default({}),
    /** 申报条件 per occupation and level (none: the hub's eligibility rules only). */
    conditions: jsonb().$type<StoredApplicationCondition[]>().notNull().default([]),
    /** 成绩构成 and 合格线 per method (methods left out: equal weights, 60). */
    methodStandards: jsonb('method_standards').$type<StoredMethodStandard[]>().notNull().default([]),
    /** 评价工作委员会 members serving at least, to sign results off (null: the default). */
    committeeMinMembers: smallint('committee_min_members'),
    /** 现场评审/答辩小组 members at least (null: the default). */
    reviewDefencePanelMin: smallint('review_defence_panel_min'),
    /** 高级考评员 on the panel from this level up (2: 二级/一级); 0: the 方案 requires none; null: the default. */
    seniorAssessorFromLevel: smallint('senior_assessor_from_level'),
    /** Each plan under an announcement of its own year (or quarter); false: any published one that opens it; null: the default. */
    plansWithinAnnouncementPeriod: boolean('plans_within_announcement_period'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('work_schemes_version_key').on(t.institutionId, t.version)],
);

/**
 * 资格类别 a plan runs under. 「地方行业龙头企业可另申请备案为社会评价组织」: an enterprise may hold
 * both qualifications, each with its own scope and served parties; the plan states which one it
 * uses, and eligibility, the certificate prefix (Y/S) and the scope check follow it.
 */
export const institutionKind = assessmentSchema.enum('institution_kind', [
  'ENTERPRISE_SELF_EVALUATION', // 企业自主评价: its own workers, certificates Y…
  'SOCIAL_EVALUATION_ORGANIZATION', // 社会评价组织: also the parties it serves, certificates S…
]);

/**
 * 竞赛方案's rule from placing to level, recorded on a 竞赛/技术比武 plan when reported: the 方案's
 * name or number, whether it decides by rank (名次) or by award (奖项), and the tiers — ranks up to
 * `upToRank`, or an award — each with the level it earns.
 */
export interface StoredContestRule {
  scheme: string;
  basis: 'RANK' | 'AWARD';
  tiers: readonly { upToRank: number | null; award: string | null; level: number }[];
}

/** 评价计划, reported to the centre before the evaluation. */
export const evaluationPlans = assessmentSchema.table(
  'evaluation_plans',
  {
    id: uuid().primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id').notNull(),
    /** 市州 of the institution when the plan was reported: 属地 checks and statistics without a join. */
    prefectureCode: char('prefecture_code', { length: 6 }).notNull(),
    announcementId: uuid('announcement_id').references(() => announcements.id),
    /** The qualification the plan runs under (institution_kind). */
    qualification: institutionKind().notNull(),
    occupationCode: text('occupation_code').notNull(),
    workTypeCode: text('work_type_code'),
    level: smallint().notNull(),
    method: evaluationMethod().notNull(),
    /** 评价日期; for a method over a period (过程化/模块化考核) the period's first day. */
    evaluationDate: date('evaluation_date').notNull(),
    /** The period's last day (过程化/模块化考核); null for a one-day evaluation. */
    periodEndsOn: date('period_ends_on'),
    reportedOn: date('reported_on').notNull(),
    /** The 5th working day before the evaluation, as computed when reported. */
    reportDeadline: date('report_deadline'),
    site: text().notNull(),
    status: planStatus().notNull().default('REPORTED'),
    reviewedOn: date('reviewed_on'),
    reviewNote: text('review_note'),
    publicityStartsOn: date('publicity_starts_on'),
    publicityEndsOn: date('publicity_ends_on'),
    /** The 20th working day after publicity ends, and whether the calendar of those days was confirmed. */
    resultDeadline: date('result_deadline'),
    resultDeadlineConfirmed: boolean('result_deadline_confirmed'),
    resultsSubmittedOn: date('results_submitted_on'),
    /** Years the process records are kept after results are submitted (档案保存期). */
    retentionYears: smallint('retention_years').notNull().default(5),
    /**
     * 合格标准: pass marks, weights and minimums from the 工作方案 in force when reported (defaults
     * where it is silent), fixed so that a later version does not change the plan's results. Null
     * for plans reported before it was kept: the defaults.
     */
    standard: jsonb().$type<StoredPlanStandard>(),
    /** 竞赛/技术比武: the 竞赛方案's rule from rank or award to level (null for other methods and older plans). */
    contestRule: jsonb('contest_rule').$type<StoredContestRule>(),
    /** 取消: when and why the institution cancelled the plan after reporting it. */
    cancelledOn: date('cancelled_on'),
    cancellationReason: text('cancellation_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('evaluation_plans_enterprise_idx').on(t.enterpriseId, t.evaluationDate),
    index('evaluation_plans_prefecture_idx').on(t.prefectureCode, t.evaluationDate),
    check(
      'evaluation_plans_publicity_order',
      sql`${t.publicityEndsOn} is null or ${t.publicityEndsOn} >= ${t.publicityStartsOn}`,
    ),
    check('evaluation_plans_period_order', sql`${t.periodEndsOn} is null or ${t.periodEndsOn} >= ${t.evaluationDate}`),
  ],
);

/** 考评人员 and 内部质量督导员 assigned to a plan. */
export const planStaff = assessmentSchema.table(
  'plan_staff',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => evaluationPlans.id, { onDelete: 'cascade' }),
    assessorId: uuid('assessor_id')
      .notNull()
      .references(() => assessors.id),
    role: staffRole().notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.assessorId] })],
);
