import { char, date, index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** 督导与案件 */
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
  'DELEGATED_AUTHORITY', // 将认定权限授权、委托、转让
  'OUT_OF_SCOPE', // 超范围认定
  'BROKEN_COMMITMENT', // 不履行承诺
  'DISHONESTY', // 违规失信
  'UNFAIR_COMPETITION', // 恶性竞争
  'DISORDERLY_MANAGEMENT', // 管理失序
  'IRREGULAR_CERTIFICATES', // 违规发证
]);

export const caseStatus = supervisionSchema.enum('case_status', [
  'OPEN',
  'INVESTIGATING',
  'RECTIFICATION_ORDERED', // 责令限期整改
  'CLOSED',
  'FILING_REVOKED', // 取消备案资质
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
  },
  (t) => [
    index('cases_enterprise_idx').on(t.enterpriseId, t.openedOn),
    index('cases_prefecture_idx').on(t.prefectureCode, t.openedOn),
  ],
);
