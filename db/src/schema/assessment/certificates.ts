import { sql } from 'drizzle-orm';
import {
  bytea,
  char,
  check,
  date,
  index,
  integer,
  primaryKey,
  smallint,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { assessmentSchema, certificateStatus, evaluationMethod } from './base.ts';
import { workers } from './people.ts';
import { evaluationPlans } from './plans.ts';
import { candidates } from './results.ts';

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
