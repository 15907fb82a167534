import { sql } from 'drizzle-orm';
import {
  boolean,
  bytea,
  char,
  check,
  date,
  index,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { assessmentSchema } from './base.ts';

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
    /**
     * 离职: the last day of the employment, once it ended. The worker is no longer put forward for a
     * plan evaluated after it; candidacies and results before it stay.
     */
    employmentEndedOn: date('employment_ended_on'),
    /** 劳务派遣 */
    dispatched: boolean().notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('workers_institution_resident_key').on(t.institutionId, t.residentIdHmac)],
);

export const workerRecordField = assessmentSchema.enum('worker_record_field', [
  'NAME', // 姓名更正
  'EMPLOYED_SINCE', // 入职日期更正
  'EMPLOYMENT_ENDED', // 离职 (or its date corrected, or cleared)
  'DISPATCHED', // 劳务派遣 or not
  'EMPLOYER', // 用人单位 (name and 统一社会信用代码)
]);

/**
 * 职工信息变更: every change to a worker record after it was made — the value before and after,
 * who, when and why — kept for the institution and the authorities (never rewritten). Resident IDs
 * are not a correctable field, and any ID-shaped run in a reason is masked before it is stored.
 */
export const workerRecordChanges = assessmentSchema.table(
  'worker_record_changes',
  {
    id: uuid().primaryKey().defaultRandom(),
    workerId: uuid('worker_id')
      .notNull()
      .references(() => workers.id, { onDelete: 'cascade' }),
    field: workerRecordField().notNull(),
    /** The value before and after, as text (a date, 是/否, 用人单位名称（信用代码）); null = none. */
    previousValue: text('previous_value'),
    newValue: text('new_value'),
    changedOn: date('changed_on').notNull(),
    /** Who made the change: role and user of the caller. */
    changedBy: text('changed_by').notNull(),
    reason: text().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('worker_record_changes_worker_idx').on(t.workerId, t.createdAt)],
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

export const committeeRole = assessmentSchema.enum('committee_role', [
  'CHAIR', // 主任
  'MEMBER', // 委员
]);

export const committeeAffiliation = assessmentSchema.enum('committee_affiliation', [
  'STAFF', // 本单位人员
  'EXTERNAL_EXPERT', // 外部专家
]);

/**
 * 评价工作委员会: its members over time. A member serves from `joinedOn` to the day before `leftOn`
 * (null: serving); a row is never rewritten but to record the leaving, so the rows are the
 * committee's history and who served on any day can be read from them.
 */
export const committeeMembers = assessmentSchema.table(
  'committee_members',
  {
    id: uuid().primaryKey().defaultRandom(),
    institutionId: uuid('institution_id').notNull(),
    name: text().notNull(),
    role: committeeRole().notNull(),
    affiliation: committeeAffiliation().notNull(),
    /** 单位及职务: an external expert's organisation, a staff member's department or post. */
    organization: text(),
    joinedOn: date('joined_on').notNull(),
    leftOn: date('left_on'),
    leaveReason: text('leave_reason'),
    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('committee_members_institution_idx').on(t.institutionId, t.joinedOn),
    check('committee_members_service_order', sql`${t.leftOn} is null or ${t.leftOn} >= ${t.joinedOn}`),
  ],
);
