import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  char,
  check,
  date,
  index,
  integer,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * 督导与案件 (湘人社发〔2024〕26号 三(四)–(五), 工作指引 五(九)–(十)): the inspector pool,
 * 双随机、一公开 campaigns, external quality supervisors dispatched to plans, complaints
 * and media reports, cases with findings, rectification, escalation, revocation and
 * transfer. Rows name enterprises, plans and certificates by id or number only; the
 * facts of those domains are read through db/src/read.
 */
export const supervisionSchema = pgSchema('supervision');

export const caseSource = supervisionSchema.enum('case_source', [
  'RANDOM_INSPECTION', // 双随机抽查
  'PERIODIC_INSPECTION', // 定期检查
  'SPECIAL_INSPECTION', // 专项督查
  'COMPLAINT', // 职工投诉
  'MEDIA_REPORT', // 媒体反映
  'RISK_SIGNAL', // 风险信号
]);

export const violationType = supervisionSchema.enum('violation_type', [
  'LOWERED_STANDARDS', // 降低标准
  'DELEGATED_AUTHORITY', // 将认定权限授权或委托给其他机构
  'TRANSFERRED_AUTHORITY', // 将认定权限转让给其他机构
  'OUT_OF_SCOPE', // 超范围认定
  'BROKEN_COMMITMENT', // 不履行承诺
  'DISHONESTY', // 违规失信
  'UNFAIR_COMPETITION', // 恶性竞争
  'MISMANAGEMENT', // 管理失序
  'IRREGULAR_CERTIFICATES', // 违规发证
]);

export const caseStatus = supervisionSchema.enum('case_status', [
  'OPEN', // 已立案
  'INVESTIGATING', // 调查核实中
  'RECTIFICATION_ORDERED', // 责令限期整改
  'RECTIFIED', // 已整改
  'ESCALATED', // 逾期未整改或问题严重，升级处理
  'CLOSED', // 已结案
  'QUALIFICATION_REVOKED', // 取消备案资质
  'TRANSFERRED', // 移交纪检/司法
]);

export const cases = supervisionSchema.table(
  'cases',
  {
    id: uuid().primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id').notNull(),
    /** 属地管理: the 市州 the case belongs to. */
    prefectureCode: char('prefecture_code', { length: 6 }).notNull(),
    source: caseSource().notNull(),
    violationTypes: violationType('violation_types').array().notNull().default([]),
    status: caseStatus().notNull().default('OPEN'),
    summary: text().notNull(),
    openedOn: date('opened_on').notNull(),
    rectificationDueOn: date('rectification_due_on'),
    closedOn: date('closed_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The inspection campaign, complaint or risk signal the case came from. */
    campaignId: uuid('campaign_id'),
    complaintId: uuid('complaint_id'),
    signalKey: text('signal_key'),
    /** The enterprise sees its case from this day on (责令整改, escalation, revocation notify it). */
    notifiedOn: date('notified_on'),
    /** 整改要求 */
    rectificationRequirements: text('rectification_requirements'),
    /** 整改情况, as verified by the authority. */
    rectificationReport: text('rectification_report'),
    rectifiedOn: date('rectified_on'),
    escalatedOn: date('escalated_on'),
    escalationReason: text('escalation_reason'),
    /** 取消备案资质, carried out by the enterprises domain in the same transaction. */
    revokedOn: date('revoked_on'),
    /** 结案意见 */
    conclusion: text(),
    /** 移交纪检监察/司法机关: the receiving body. */
    transferredTo: text('transferred_to'),
    transferredOn: date('transferred_on'),
    /** Bumped by every change: two authorities acting on one case at once cannot both win. */
    version: integer().notNull().default(1),
  },
  (t) => [
    index('cases_enterprise_idx').on(t.enterpriseId, t.openedOn),
    index('cases_prefecture_idx').on(t.prefectureCode, t.openedOn),
    uniqueIndex('cases_complaint_key').on(t.complaintId),
    uniqueIndex('cases_signal_key').on(t.signalKey),
  ],
);

/** 调查核实 findings: what was found, under which violation, and the evidence it rests on. */
export const caseFindings = supervisionSchema.table(
  'case_findings',
  {
    id: uuid().primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    violationType: violationType('violation_type').notNull(),
    description: text().notNull(),
    /** 证据: document store ids, URLs, archive numbers, certificate numbers … */
    evidence: text().array().notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedRole: text('recorded_role').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_findings_case_idx').on(t.caseId, t.recordedAt),
    check('case_findings_evidence', sql`cardinality(${t.evidence}) >= 1`),
  ],
);

/** Every step of a case: who, in which role, when, what and why. */
export const caseEvents = supervisionSchema.table(
  'case_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    action: text().notNull(),
    fromStatus: caseStatus('from_status'),
    toStatus: caseStatus('to_status').notNull(),
    note: text(),
    actor: text().notNull(),
    actorRole: text('actor_role').notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.at)],
);

/** 对违规发放的证书按规定处理: a case's order to revoke a certificate, one row per certificate. */
export const certificateOrders = supervisionSchema.table(
  'certificate_orders',
  {
    certificateNumber: char('certificate_number', { length: 22 }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** Orders given together share a batch id. */
    batchId: uuid('batch_id').notNull(),
    reason: text().notNull(),
    orderedBy: text('ordered_by').notNull(),
    orderedRole: text('ordered_role').notNull(),
    orderedAt: timestamp('ordered_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('certificate_orders_case_idx').on(t.caseId)],
);

export const certificateDecision = supervisionSchema.enum('certificate_decision', [
  'AUTHORISE', // 仍予发证
  'REFUSE', // 不予发证
]);

/**
 * 取消备案资质之后的证书: per plan of a revoked institution evaluated while it was in scope, the
 * centre's decision whether its candidates who passed may still get certificates, with reasons.
 * One per plan; the assessments domain reads it (db/src/read/supervision.ts) before issuing.
 */
export const postRevocationDecisions = supervisionSchema.table(
  'post_revocation_decisions',
  {
    planId: uuid('plan_id').primaryKey(),
    /** The case that revoked the qualification. */
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    prefectureCode: char('prefecture_code', { length: 6 }).notNull(),
    decision: certificateDecision().notNull(),
    reason: text().notNull(),
    decidedOn: date('decided_on').notNull(),
    decidedBy: text('decided_by').notNull(),
    decidedRole: text('decided_role').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('post_revocation_decisions_case_idx').on(t.caseId)],
);

// ---- the pool: inspectors and external quality supervisors ----

export const poolMemberKind = supervisionSchema.enum('pool_member_kind', [
  'INSPECTOR', // 督导人员 (双随机 inspections)
  'EXTERNAL_SUPERVISOR', // 外部质量督导员 (dispatched to evaluations)
]);

export const poolLevel = supervisionSchema.enum('pool_level', ['CITY', 'PROVINCE']);

export const inspectors = supervisionSchema.table(
  'inspectors',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: poolMemberKind().notNull(),
    name: text().notNull(),
    level: poolLevel().notNull(),
    /** 市州 of a city-level member; null for the province. */
    prefectureCode: char('prefecture_code', { length: 6 }),
    /** Current employer (enterprise id), when an enterprise employs them. */
    employerId: uuid('employer_id'),
    /** Former employers (enterprise ids): never drawn for these. */
    formerEmployerIds: uuid('former_employer_ids').array().notNull().default([]),
    /** 资格: certificates and appointments, in words. */
    qualifications: text().array().notNull().default([]),
    /** Occupations (or 大类/中类 prefixes) an external supervisor is qualified for; empty = any. */
    occupationCodes: text('occupation_codes').array().notNull().default([]),
    active: boolean().notNull().default(true),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('inspectors_pool_idx').on(t.kind, t.prefectureCode),
    check('inspectors_level_prefecture', sql`(${t.level} = 'CITY') = (${t.prefectureCode} is not null)`),
  ],
);

// ---- 双随机、一公开 campaigns, periodic and special inspections ----

export const inspectionKind = supervisionSchema.enum('inspection_kind', [
  'RANDOM_INSPECTION', // 随机抽查
  'PERIODIC_INSPECTION', // 定期检查
  'SPECIAL_INSPECTION', // 专项督查
]);

export const campaignStatus = supervisionSchema.enum('campaign_status', ['PLANNED', 'DRAWN', 'PUBLISHED']);

export const campaigns = supervisionSchema.table(
  'campaigns',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: inspectionKind().notNull(),
    title: text().notNull(),
    /** 市州 of a city campaign; null = province-wide. */
    prefectureCode: char('prefecture_code', { length: 6 }),
    /** A special inspection may look at one occupation only. */
    occupationCode: text('occupation_code'),
    periodStartsOn: date('period_starts_on').notNull(),
    periodEndsOn: date('period_ends_on').notNull(),
    institutionCount: integer('institution_count').notNull(),
    inspectorsPerInstitution: integer('inspectors_per_institution').notNull(),
    /** The recorded seed: anyone can re-run the draw from it and the recorded pools. */
    seed: text().notNull(),
    algorithm: text().notNull(),
    status: campaignStatus().notNull().default('PLANNED'),
    /**
     * The pools as they were at the draw, sorted: `id@市州` (an inspector of the province:
     * `id@province`), and the pairs excluded as conflicts. With the seed, they re-run the draw.
     */
    institutionPool: text('institution_pool').array(),
    inspectorPool: text('inspector_pool').array(),
    /** `inspectorId:enterpriseId` pairs that may not meet. */
    exclusions: text().array(),
    previousCampaignId: uuid('previous_campaign_id'),
    drawnAt: timestamp('drawn_at', { withTimezone: true }),
    drawnBy: text('drawn_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: text('created_by').notNull(),
    createdRole: text('created_role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('campaigns_prefecture_idx').on(t.prefectureCode, t.drawnAt),
    check('campaigns_period_order', sql`${t.periodEndsOn} >= ${t.periodStartsOn}`),
    check('campaigns_counts', sql`${t.institutionCount} >= 1 and ${t.inspectorsPerInstitution} >= 1`),
  ],
);

export const inspectionOutcome = supervisionSchema.enum('inspection_outcome', [
  'NO_ISSUES', // 未发现问题
  'ISSUES_FOUND', // 发现问题
]);

/** An institution drawn in a campaign, in draw order, and the inspection's result. */
export const campaignInstitutions = supervisionSchema.table(
  'campaign_institutions',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id').notNull(),
    prefectureCode: char('prefecture_code', { length: 6 }).notNull(),
    position: integer().notNull(),
    outcome: inspectionOutcome(),
    resultSummary: text('result_summary'),
    inspectedOn: date('inspected_on'),
    recordedBy: text('recorded_by'),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.enterpriseId] })],
);

/** Which inspectors inspect which drawn institution. */
export const campaignAssignments = supervisionSchema.table(
  'campaign_assignments',
  {
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id, { onDelete: 'cascade' }),
    enterpriseId: uuid('enterprise_id').notNull(),
    inspectorId: uuid('inspector_id')
      .notNull()
      .references(() => inspectors.id),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.enterpriseId, t.inspectorId] }),
    index('campaign_assignments_inspector_idx').on(t.inspectorId),
  ],
);

// ---- external quality supervisors dispatched to evaluation plans ----

export const supervisorDispatches = supervisionSchema.table(
  'supervisor_dispatches',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The assessments domain's evaluation plan. */
    planId: uuid('plan_id').notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    prefectureCode: char('prefecture_code', { length: 6 }).notNull(),
    supervisorId: uuid('supervisor_id')
      .notNull()
      .references(() => inspectors.id),
    /** The recorded seed of the dispatch draw. */
    seed: text().notNull(),
    dispatchedBy: text('dispatched_by').notNull(),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }).notNull().defaultNow(),
    outcome: inspectionOutcome(),
    findings: text(),
    evidence: text().array().notNull().default([]),
    findingsRecordedAt: timestamp('findings_recorded_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('supervisor_dispatches_plan_supervisor_key').on(t.planId, t.supervisorId),
    index('supervisor_dispatches_prefecture_idx').on(t.prefectureCode),
  ],
);

// ---- complaints (职工投诉) and media reports (媒体反映) ----

export const complaintKind = supervisionSchema.enum('complaint_kind', ['WORKER_COMPLAINT', 'MEDIA_REPORT']);

export const complaintStatus = supervisionSchema.enum('complaint_status', [
  'RECEIVED', // 已收到
  'ACCEPTED', // 受理，待立案调查
  'DISMISSED', // 不予受理
  'CONVERTED', // 已立案
]);

export const complaints = supervisionSchema.table(
  'complaints',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: complaintKind().notNull(),
    enterpriseId: uuid('enterprise_id').notNull(),
    /** 属地: the institution's 市州. */
    prefectureCode: char('prefecture_code', { length: 6 }).notNull(),
    content: text().notNull(),
    /** The complainant: seen by the handling authority only, never logged. */
    complainantName: text('complainant_name'),
    complainantContact: text('complainant_contact'),
    /** A media report's outlet, reference (URL or issue) and date. */
    mediaOutlet: text('media_outlet'),
    mediaReference: text('media_reference'),
    publishedOn: date('published_on'),
    receivedOn: date('received_on').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    /** 受理编号 a person can read out: `TS` + yyyymmdd + the day's sequence (TS202612070001). */
    receiptNumber: text('receipt_number'),
    /** SHA-256 of receipt number and 查询码 (given once at intake): the public status lookup's key. */
    checkCodeHash: text('check_code_hash'),
    /** 办理期限: the day by which the complaint is to be dismissed or taken up as a case (及时处理). */
    handlingDueOn: date('handling_due_on'),
    /** The day it was handled: dismissed (不予受理) or a case opened on it (已立案). */
    handledOn: date('handled_on'),
    status: complaintStatus().notNull().default('RECEIVED'),
    suspectedViolations: violationType('suspected_violations').array().notNull().default([]),
    triageNote: text('triage_note'),
    triagedBy: text('triaged_by'),
    triagedAt: timestamp('triaged_at', { withTimezone: true }),
  },
  (t) => [
    index('complaints_prefecture_idx').on(t.prefectureCode, t.status),
    uniqueIndex('complaints_receipt_number_key').on(t.receiptNumber),
    index('complaints_due_idx').on(t.handlingDueOn),
  ],
);
