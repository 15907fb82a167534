import { sql } from 'drizzle-orm';
import { check, date, index, numeric, primaryKey, smallint, text, unique, uuid } from 'drizzle-orm/pg-core';
import { assessmentSchema } from './base.ts';
import { assessors } from './people.ts';
import { evaluationPlans } from './plans.ts';
import { candidates } from './results.ts';

/**
 * 考核模块: the modules a 过程化考核 or 模块化考核 plan declares when it is reported — each a name,
 * its weight in the combined result and its own 合格线 (from the plan, or the 工作方案's method
 * standard) — in the order they are held over the plan's period.
 */
export const planModules = assessmentSchema.table(
  'plan_modules',
  {
    id: uuid().primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => evaluationPlans.id, { onDelete: 'cascade' }),
    /** 1, 2, 3 …: the order on the plan. */
    position: smallint().notNull(),
    name: text().notNull(),
    weight: smallint().notNull(),
    passMark: smallint('pass_mark').notNull(),
  },
  (t) => [
    unique('plan_modules_position_key').on(t.planId, t.position),
    unique('plan_modules_name_key').on(t.planId, t.name),
  ],
);

export const contestAward = assessmentSchema.enum('contest_award', [
  'FIRST', // 一等奖
  'SECOND', // 二等奖
  'THIRD', // 三等奖
  'EXCELLENCE', // 优秀奖
  'NONE', // 未获奖
]);

/**
 * 竞赛名次或奖项 of a candidate in a 竞赛/技术比武 plan with a 竞赛方案 rule: the rank or the award
 * the competition gave, from which the review derives the result. Recorded again before the
 * review, it replaces the last.
 */
export const contestPlacings = assessmentSchema.table(
  'contest_placings',
  {
    candidateId: uuid('candidate_id')
      .primaryKey()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    /** 名次, from 1 (ties share a rank); null when the rule decides by award. */
    rank: smallint(),
    award: contestAward(),
    recordedOn: date('recorded_on').notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [check('contest_placings_one', sql`(${t.rank} is null) <> (${t.award} is null)`)],
);

/**
 * One assessor's score of one module for one candidate, entered as the module is held (assessedOn,
 * within the plan's period); entered again by the same assessor before the review, it replaces it.
 */
export const moduleScores = assessmentSchema.table(
  'module_scores',
  {
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => candidates.id, { onDelete: 'cascade' }),
    moduleId: uuid('module_id')
      .notNull()
      .references(() => planModules.id, { onDelete: 'cascade' }),
    assessorId: uuid('assessor_id')
      .notNull()
      .references(() => assessors.id),
    score: numeric({ precision: 5, scale: 2, mode: 'number' }).notNull(),
    /** The day the module was assessed (考核日期), within the plan's period. */
    assessedOn: date('assessed_on').notNull(),
    recordedOn: date('recorded_on').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.candidateId, t.moduleId, t.assessorId] }),
    index('module_scores_module_idx').on(t.moduleId),
    check('module_scores_range', sql`${t.score} between 0 and 100`),
  ],
);
