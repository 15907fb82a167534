import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  pgSchema,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** 职业分类大典: the occupation dictionary tree, the work types (工种) below occupations, and job-role mappings. */
export const occupationSchema = pgSchema('occupation');

export const occupations = occupationSchema.table(
  'occupations',
  {
    /** e.g. 6-18-01-01 */
    code: text().primaryKey(),
    name: text().notNull(),
    /** 1 大类, 2 中类, 3 小类, 4 职业 */
    level: smallint().notNull(),
    parentCode: text('parent_code'),
    isGreen: boolean('is_green').notNull().default(false), // 绿色职业 (L)
    isDigital: boolean('is_digital').notNull().default(false), // 数字职业 (S)
    aliases: text().array().notNull().default([]),
    definition: text(),
    tasks: text(),
    /** Which of 五级 … 一级 (5 … 1) the national standard defines. */
    standardLevels: smallint('standard_levels').array().notNull().default([1, 2, 3, 4, 5]),
    /**
     * The province centre's correction of a 职业's skill mark (技能类职业, 湘人社发〔2024〕26号 附表备注1):
     * true or false, with its reason, who and when; null while the mark follows the 大类.
     */
    skillOverride: boolean('skill_override'),
    skillOverrideReason: text('skill_override_reason'),
    skillOverrideBy: text('skill_override_by'),
    skillOverrideRole: text('skill_override_role'),
    skillOverrideAt: timestamp('skill_override_at', { withTimezone: true }),
    /**
     * 技能类职业: the correction when there is one, else by 大类 — 3 to 6 skill (办事人员, 商业服务,
     * 农林牧渔, 生产制造), 1, 2, 7 and 8 not (负责人, 专业技术人员, 军人, 不便分类). Generated: never written.
     */
    isSkill: boolean('is_skill')
      .notNull()
      .generatedAlwaysAs(sql`coalesce(skill_override, left(code, 2) in ('3-', '4-', '5-', '6-'))`),
  },
  (t) => [index('occupations_parent_idx').on(t.parentCode, t.code), index('occupations_level_idx').on(t.level, t.code)],
);

export const workTypes = occupationSchema.table(
  'work_types',
  {
    /** occupation code + -NN, e.g. 6-18-01-01-01 */
    code: text().primaryKey(),
    occupationCode: text('occupation_code')
      .notNull()
      .references(() => occupations.code),
    name: text().notNull(),
    /** Who added it (null for the seeded reference work types). */
    createdBy: text('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('work_types_occupation_idx').on(t.occupationCode),
    uniqueIndex('work_types_occupation_name_key').on(t.occupationCode, t.name),
  ],
);

/** Where a job-role mapping stands: proposed by the enterprise, then confirmed or rejected by a centre. */
export const jobRoleMappingStatus = occupationSchema.enum('job_role_mapping_status', [
  'PROPOSED',
  'CONFIRMED',
  'REJECTED',
]);

/**
 * 相邻相近原则: an enterprise's real job role that the dictionary lacks, mapped to the nearest
 * occupation (or work type). `enterprise_id` is the enterprises domain's id (no foreign key
 * across domains; checked through its read functions when proposed).
 */
export const jobRoleMappings = occupationSchema.table(
  'job_role_mappings',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The enterprise whose role it is; null: a province-wide mapping (省级岗位对照表), loaded by import. */
    enterpriseId: uuid('enterprise_id'),
    roleName: text('role_name').notNull(),
    roleDescription: text('role_description'),
    occupationCode: text('occupation_code')
      .notNull()
      .references(() => occupations.code),
    workTypeCode: text('work_type_code').references(() => workTypes.code),
    status: jobRoleMappingStatus().notNull().default('PROPOSED'),
    /** The matcher's score for this occupation when proposed (null when it was not among the candidates). */
    matchScore: real('match_score'),
    proposedBy: text('proposed_by').notNull(),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
    reviewedBy: text('reviewed_by'),
    reviewerRole: text('reviewer_role'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewReason: text('review_reason'),
  },
  (t) => [
    index('job_role_mappings_enterprise_idx').on(t.enterpriseId, t.proposedAt),
    index('job_role_mappings_status_idx').on(t.status, t.proposedAt),
    // One open or confirmed mapping per role name of an enterprise (or of the province-wide table);
    // a rejected one may be proposed again.
    uniqueIndex('job_role_mappings_open_role_key')
      .on(sql`coalesce(${t.enterpriseId}, '00000000-0000-0000-0000-000000000000'::uuid)`, t.roleName)
      .where(sql`${t.status} <> 'REJECTED'`),
  ],
);

/**
 * Revision counters of what the in-memory matcher index is built from ('dictionary': occupations
 * and work types; 'mappings': confirmed mappings). Every change bumps its counter in the same
 * transaction; each subgraph process compares before matching and rebuilds what changed.
 */
export const indexRevisions = occupationSchema.table('index_revisions', {
  name: text().primaryKey(),
  revision: bigint({ mode: 'number' }).notNull().default(0),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
});
