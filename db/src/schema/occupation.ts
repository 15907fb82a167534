import { boolean, index, pgSchema, smallint, text } from 'drizzle-orm/pg-core';

/** 职业分类大典: the occupation dictionary tree and the work types (工种) below occupations. */
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
  },
  (t) => [index('work_types_occupation_idx').on(t.occupationCode)],
);
