import { sql } from 'drizzle-orm';
import {
  boolean,
  bytea,
  char,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgSchema,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * 评价计划、成绩、公示、证书: the assessments domain. Rows name enterprises by id
 * and occupations by code only; facts of those domains are read through db/src/read.
 * Resident IDs (公民身份号码) are never stored in clear: `*_resident_id_enc` holds them
 * AES-256-GCM encrypted and `*_resident_id_hmac` their keyed hash for lookups (db/src/pii.ts).
 */
export const assessmentSchema = pgSchema('assessment');

export const evaluationMethod = assessmentSchema.enum('evaluation_method', [
  'THEORY_EXAM', // 理论知识考试
  'SKILL_OPERATION', // 技能操作考核
  'INTEGRATED', // 理论技能一体化
  'SIMULATION', // 模拟操作
  'ON_JOB_TRAINING', // 岗位练兵
  'TECHNICAL_CONTEST', // 技术比武
  'COMPETITION', // 竞赛选拔
  'DIRECT_RECOGNITION', // 直接认定
]);

export const certificateStatus = assessmentSchema.enum('certificate_status', ['VALID', 'REVOKED']);

// ---- the official calendar (法定节假日与调休) ----

/** One year of the State Council's holiday notice, as loaded: without a row the year counts weekends only. */
export const calendarYears = assessmentSchema.table('calendar_years', {
  year: smallint().primaryKey(),
  /** Where the days came from: `chinese-days@1.5.7`, or the authority that loaded a notice. */
  source: text().notNull(),
  /** 国务院办公厅关于…部分节假日安排的通知 (文号), when known. */
  notice: text(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
  loadedBy: text('loaded_by').notNull(),
});

export const calendarDayKind = assessmentSchema.enum('calendar_day_kind', [
  'HOLIDAY', // 放假 (weekdays and weekends inside a holiday)
  'WORKDAY', // 调休上班 (a Saturday or Sunday worked)
]);

export const calendarDays = assessmentSchema.table(
  'calendar_days',
  {
    day: date().primaryKey(),
    year: smallint()
      .notNull()
      .references(() => calendarYears.year, { onDelete: 'cascade' }),
    kind: calendarDayKind().notNull(),
    /** 元旦, 春节, 国庆节 … */
    name: text().notNull(),
  },
  (t) => [index('calendar_days_year_idx').on(t.year)],
);

// ---- people: workers, assessors and supervisors ----

/** 职工 as an evaluating institution knows them (its own, or a served party's for a 社会评价组织). */
export const workers = assessmentSchema.table(
  'workers',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The evaluating institution (enterprise id) that keeps this record. */
    institutionId: uuid('institution_id').notNull(),
    /** 用人单位: the employer's 统一社会信用代码 (the institution itself, or a party it serves). */
    employerCreditCode: char('employer_credit_code', { length: 18 }).notNull(),
    employerName: text('employer_name').notNull(),
    name: text().notNull(),
    /** 公民身份号码, encrypted (db/src/pii.ts). */
    residentIdEnc: bytea('resident_id_enc').notNull(),
    /** HMAC-SHA256 of the 公民身份号码: duplicates and certificates are found by it. */
    residentIdHmac: bytea('resident_id_hmac').notNull(),
    employedSince: date('employed_since').notNull(),
    /** 劳务派遣 */
    dispatched: boolean().notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('workers_institution_resident_key').on(t.institutionId, t.residentIdHmac)],
);

export const credentialKind = assessmentSchema.enum('credential_kind', [
  'SKILL_LEVEL_CERTIFICATE', // 职业技能等级证书 (from another institution)
  'QUALIFICATION_CERTIFICATE', // 职业资格证书 (the older system)
]);

/** Certificates a worker declares from elsewhere; ours are found in `certificates` by resident ID. */
export const workerCredentials = assessmentSchema.table(
  'worker_credentials',
  {
    id: uuid().primaryKey().defaultRandom(),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id, { onDelete: 'cascade' }),
    kind: credentialKind().notNull(),
    occupationCode: text('occupation_code').notNull(),
    level: smallint().notNull(),
    number: text().notNull(),
    issuer: text().notNull(),
    issuedOn: date('issued_on').notNull(),
  },
  (t) => [index('worker_credentials_worker_idx').on(t.workerId)],
);

export const staffRole = assessmentSchema.enum('staff_role', [
  'ASSESSOR', // 考评员
  'SENIOR_ASSESSOR', // 高级考评员
  'QUALITY_SUPERVISOR', // 内部质量督导员
]);

/** 考评人员 and 内部质量督导员 of an institution. */
export const assessors = assessmentSchema.table(
  'assessors',
  {
    id: uuid().primaryKey().defaultRandom(),
    institutionId: uuid('institution_id').notNull(),
    name: text().notNull(),
    role: staffRole().notNull(),
    /** What they are qualified to assess; null = any occupation of the institution. */
    occupationCode: text('occupation_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assessors_institution_idx').on(t.institutionId, t.role)],
);

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
 * 工作方案: the institution's own evaluation scheme, versioned (a new version supersedes the last
 * from its adoption day). Today it states the 考评员 a plan needs per method; where it is silent
 * the hub's documented defaults apply (subgraphs/assessments/src/rules/defaults.ts).
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
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('work_schemes_version_key').on(t.institutionId, t.version)],
);

/** 评价计划, reported to the centre before the evaluation. */
export const evaluationPlans = assessmentSchema.table(
  'evaluation_plans',
  {
    id: uuid().primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id').notNull(),
    /** 市州 of the institution when the plan was reported: 属地 checks and statistics without a join. */
    prefectureCode: char('prefecture_code', { length: 6 }).notNull(),
    announcementId: uuid('announcement_id').references(() => announcements.id),
    occupationCode: text('occupation_code').notNull(),
    workTypeCode: text('work_type_code'),
    level: smallint().notNull(),
    method: evaluationMethod().notNull(),
    evaluationDate: date('evaluation_date').notNull(),
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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('candidates_plan_worker_key').on(t.planId, t.workerId)],
);

export const planChangeKind = assessmentSchema.enum('plan_change_kind', [
  'RESCHEDULED', // 改期
  'CANCELLED', // 取消
  'CANDIDATE_WITHDRAWN', // 参评人员退出
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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_changes_plan_idx').on(t.planId, t.createdAt)],
);

export const scorePart = assessmentSchema.enum('score_part', [
  'THEORY', // 理论知识
  'SKILL', // 技能操作
  'ABILITY', // 职业能力评分
  'PERFORMANCE', // 业绩评定
  'REVIEW_DEFENCE', // 现场评审/答辩
]);

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

// ---- certificates ----

/** 上传全国联网查询系统: one batch of certificate data uploaded. */
export const uploadBatches = assessmentSchema.table('upload_batches', {
  id: uuid().primaryKey().defaultRandom(),
  institutionId: uuid('institution_id').notNull(),
  uploadedOn: date('uploaded_on').notNull(),
  /** The batch reference the national system gave. */
  reference: text().notNull(),
  count: integer().notNull(),
});

/** 职业技能等级证书 */
export const certificates = assessmentSchema.table(
  'certificates',
  {
    /** 22 characters: Y|S + 0000 + 43 + institution code + year + level + serial. */
    number: char({ length: 22 }).primaryKey(),
    planId: uuid('plan_id').references(() => evaluationPlans.id),
    candidateId: uuid('candidate_id').references(() => candidates.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    /** 市州 of the issuing institution on the day of issue: 属地 checks and statistics read it directly. */
    prefectureCode: char('prefecture_code', { length: 6 }).notNull(),
    occupationCode: text('occupation_code').notNull(),
    workTypeCode: text('work_type_code'),
    level: smallint().notNull(),
    holderName: text('holder_name').notNull(),
    /** 持证人公民身份号码, encrypted (db/src/pii.ts). */
    holderResidentIdEnc: bytea('holder_resident_id_enc').notNull(),
    /** HMAC-SHA256 of it: identity verification and a person's certificates are found by it. */
    holderResidentIdHmac: bytea('holder_resident_id_hmac').notNull(),
    issuedOn: date('issued_on').notNull(),
    status: certificateStatus().notNull().default('VALID'),
    revokedOn: date('revoked_on'),
    revocationReason: text('revocation_reason'),
    /** Who revoked: role and subject of the authority (or the issuer). */
    revokedBy: text('revoked_by'),
    /** 全国联网查询系统: when the certificate data was uploaded. */
    uploadedOn: date('uploaded_on'),
    uploadBatchId: uuid('upload_batch_id').references(() => uploadBatches.id),
    /**
     * The day a revocation made the uploaded national record wrong (待更正): set when an uploaded
     * certificate is revoked, cleared when the revocation is uploaded.
     */
    nationalCorrectionSince: date('national_correction_since'),
  },
  (t) => [
    index('certificates_enterprise_idx').on(t.enterpriseId, t.number),
    index('certificates_occupation_idx').on(t.occupationCode),
    index('certificates_issued_idx').on(t.issuedOn),
    index('certificates_holder_idx').on(t.holderResidentIdHmac),
    index('certificates_prefecture_idx').on(t.prefectureCode, t.issuedOn),
    uniqueIndex('certificates_candidate_key').on(t.candidateId),
  ],
);

/**
 * The last serial given per (institution code, issue year, level). Issuing bumps it
 * with one upsert in the issuing transaction, so concurrent issues queue on the row and
 * a rolled-back issue returns its serial: serials stay distinct and consecutive.
 */
export const certificateSerials = assessmentSchema.table(
  'certificate_serials',
  {
    institutionCode: char('institution_code', { length: 6 }).notNull(),
    year: smallint().notNull(),
    level: smallint().notNull(),
    last: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.institutionCode, t.year, t.level] })],
);

export const appointmentTitle = assessmentSchema.enum('appointment_title', [
  'SPECIAL_TECHNICIAN', // 特级技师
  'CHIEF_TECHNICIAN', // 首席技师
]);

/** 特级技师 / 首席技师 评聘: a post with a term, above 一级. */
export const appointments = assessmentSchema.table(
  'appointments',
  {
    id: uuid().primaryKey().defaultRandom(),
    institutionId: uuid('institution_id').notNull(),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id),
    title: appointmentTitle().notNull(),
    occupationCode: text('occupation_code').notNull(),
    termStartsOn: date('term_starts_on').notNull(),
    termEndsOn: date('term_ends_on').notNull(),
    appointedOn: date('appointed_on').notNull(),
  },
  (t) => [
    index('appointments_institution_idx').on(t.institutionId),
    check('appointments_term_order', sql`${t.termEndsOn} > ${t.termStartsOn}`),
  ],
);

/** 台账登记: records of a plan destroyed after their retention period. */
export const archiveLedger = assessmentSchema.table('archive_ledger', {
  id: uuid().primaryKey().defaultRandom(),
  planId: uuid('plan_id')
    .notNull()
    .references(() => evaluationPlans.id),
  retainedUntil: date('retained_until').notNull(),
  destroyedOn: date('destroyed_on').notNull(),
  /** What was destroyed, how and by whom (the ledger text). */
  entry: text().notNull(),
  recordedBy: text('recorded_by').notNull(),
});

/**
 * 统计汇总: counts per (institution, 市州, occupation, level, method, day), kept current by
 * statement-level triggers on `certificates` and `candidates` (migration
 * `statistics_rollup`) in the same transaction as every write, whoever writes. Dashboards
 * aggregate these few rows (about one per plan and day) instead of millions of certificates.
 * Candidates count on the plan's evaluation day, certificates on their issue day; `revoked`
 * counts certificates issued that day that stand revoked now. `method` is null for a
 * certificate without a plan.
 */
export const statisticsDaily = assessmentSchema.table(
  'statistics_daily',
  {
    enterpriseId: uuid('enterprise_id').notNull(),
    prefectureCode: char('prefecture_code', { length: 6 }).notNull(),
    occupationCode: text('occupation_code').notNull(),
    level: smallint().notNull(),
    method: evaluationMethod(),
    day: date().notNull(),
    /** The day's month (its first day), computed on write: statistics grouped by MONTH read a plain column. */
    month: date().generatedAlwaysAs(sql`date_trunc('month', day::timestamp)::date`),
    candidates: integer().notNull().default(0),
    passed: integer().notNull().default(0),
    issued: integer().notNull().default(0),
    revoked: integer().notNull().default(0),
  },
  (t) => [
    unique('statistics_daily_key')
      .on(t.enterpriseId, t.prefectureCode, t.occupationCode, t.level, t.method, t.day)
      .nullsNotDistinct(),
    index('statistics_daily_prefecture_idx').on(t.prefectureCode, t.day),
  ],
);

/**
 * 月度统计汇总: the same counts per (市州, level, method, month) only, kept current from
 * `statistics_daily` by statement-level triggers on it (migration `statistics_monthly`), so in
 * the same transaction. About a third of the daily rollup's rows at a million certificates: the
 * read function answers from it whenever a query groups and filters on nothing but 市州, level,
 * method and month, with whole months or no dates (an aggregate chosen per query, as OLAP
 * engines do); everything else reads the daily rollup.
 */
export const statisticsMonthly = assessmentSchema.table(
  'statistics_monthly',
  {
    prefectureCode: char('prefecture_code', { length: 6 }).notNull(),
    level: smallint().notNull(),
    method: evaluationMethod(),
    /** The first day of the month. */
    month: date().notNull(),
    candidates: integer().notNull().default(0),
    passed: integer().notNull().default(0),
    issued: integer().notNull().default(0),
    revoked: integer().notNull().default(0),
  },
  (t) => [unique('statistics_monthly_key').on(t.prefectureCode, t.level, t.method, t.month).nullsNotDistinct()],
);
