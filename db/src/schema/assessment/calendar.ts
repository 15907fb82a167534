import { date, index, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { assessmentSchema } from './base.ts';

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
