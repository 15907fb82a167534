import { char, date, index, pgSchema, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** 评价计划、成绩、公示、证书 */
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

/** 评价计划, reported to the centre before the evaluation. */
export const evaluationPlans = assessmentSchema.table(
  'evaluation_plans',
  {
    id: uuid().primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id').notNull(),
    occupationCode: text('occupation_code').notNull(),
    workTypeCode: text('work_type_code'),
    level: smallint().notNull(),
    method: evaluationMethod().notNull(),
    evaluationDate: date('evaluation_date').notNull(),
    reportedOn: date('reported_on').notNull(),
    site: text().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('evaluation_plans_enterprise_idx').on(t.enterpriseId, t.evaluationDate)],
);

/** 职业技能等级证书 */
export const certificates = assessmentSchema.table(
  'certificates',
  {
    /** 22 characters: Y|S + 0000 + 43 + institution code + year + level + serial. */
    number: char({ length: 22 }).primaryKey(),
    planId: uuid('plan_id').references(() => evaluationPlans.id),
    enterpriseId: uuid('enterprise_id').notNull(),
    occupationCode: text('occupation_code').notNull(),
    workTypeCode: text('work_type_code'),
    level: smallint().notNull(),
    holderName: text('holder_name').notNull(),
    // TODO(security issue): encrypt at rest with a keyed hash for lookups.
    holderResidentId: char('holder_resident_id', { length: 18 }).notNull(),
    issuedOn: date('issued_on').notNull(),
    status: certificateStatus().notNull().default('VALID'),
    revokedOn: date('revoked_on'),
    revocationReason: text('revocation_reason'),
    /** 全国联网查询系统: when the certificate data was uploaded. */
    uploadedOn: date('uploaded_on'),
  },
  (t) => [
    index('certificates_enterprise_idx').on(t.enterpriseId, t.number),
    index('certificates_occupation_idx').on(t.occupationCode),
    index('certificates_issued_idx').on(t.issuedOn),
  ],
);
