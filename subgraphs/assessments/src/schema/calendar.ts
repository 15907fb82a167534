import type { calendarDays, calendarYears } from '@hub/db';
import { access, type Refusal } from '@hub/platform';
import { builder } from '../builder.ts';
import { loadHolidayNotice } from '../commands/load-holiday-notice.ts';
import { calendarDaysOf, calendarYear } from '../queries/calendar.ts';
import { isoDate } from '../rules/dates.ts';
import { type Deadline as DeadlineShape, planReportDeadline, resultSubmissionDeadline } from '../rules/working-days.ts';
import { payloadType } from './payload.ts';

export const Deadline = builder.objectRef<DeadlineShape>('Deadline').implement({
  description: '期限: a last permitted day, counted in working days (工作日) of the official calendar.',
  fields: (t) => ({
    date: t.field({ type: 'Date', description: 'The last day (inclusive).', resolve: (d) => d.date }),
    calendarConfirmed: t.exposeBoolean('calendarConfirmed', {
      description:
        'True when the State Council holiday notice (节假日安排) of every year counted is loaded; false means weekends only were counted for a year without one, and the date may still move.',
    }),
  }),
});

interface CalendarYearShape {
  year: number;
  row: typeof calendarYears.$inferSelect | null;
}

const CalendarDay = builder.objectRef<typeof calendarDays.$inferSelect>('CalendarDay').implement({
  description: '法定节假日 or 调休上班日: one day the notice changes from the plain week.',
  fields: (t) => ({
    day: t.field({ type: 'Date', description: '日期', resolve: (d) => d.day }),
    name: t.exposeString('name', { description: 'The holiday it belongs to: 元旦, 春节, 国庆节 …' }),
  }),
});

const CalendarYear = builder.objectRef<CalendarYearShape>('CalendarYear').implement({
  description: 'One year of the official calendar (国务院办公厅部分节假日安排).',
  fields: (t) => ({
    year: t.exposeInt('year', { description: '年份' }),
    confirmed: t.boolean({
      description: 'True when this year’s notice is loaded; otherwise only weekends count as days off.',
      resolve: (y) => y.row != null,
    }),
    source: t.string({
      nullable: true,
      description: 'Where the days came from: the chinese-days package, or the authority that loaded the notice.',
      resolve: (y) => y.row?.source ?? null,
    }),
    notice: t.string({ nullable: true, description: '通知文号, when given.', resolve: (y) => y.row?.notice ?? null }),
    holidays: t.field({
      type: [CalendarDay],
      description: '放假日期: days off by the notice.',
      resolve: (y, _a, ctx) => calendarDaysOf(ctx.db, y.year, 'HOLIDAY'),
    }),
    adjustedWorkingDays: t.field({
      type: [CalendarDay],
      description: '调休上班日期: Saturdays and Sundays worked by the notice.',
      resolve: (y, _a, ctx) => calendarDaysOf(ctx.db, y.year, 'WORKDAY'),
    }),
  }),
});

builder.queryFields((t) => ({
  planReportDeadline: t.field({
    type: Deadline,
    description:
      '评价计划报备期限: the last day a plan for this evaluation date may be reported — the 5th working day before it (提前5个工作日).',
    authScopes: access('Query.planReportDeadline'),
    args: { evaluationDate: t.arg({ type: 'Date', required: true, description: '评价日期' }) },
    resolve: async (_r, args, ctx) => {
      const day = isoDate(args.evaluationDate);
      return planReportDeadline(await ctx.loaders.calendarNear.load(day), day);
    },
  }),
  resultSubmissionDeadline: t.field({
    type: Deadline,
    description:
      '评价结果提交期限: the last day results may reach the centre — the 20th working day after publicity ends (公示结束后20个工作日内).',
    authScopes: access('Query.resultSubmissionDeadline'),
    args: { publicityEndDate: t.arg({ type: 'Date', required: true, description: '公示结束日期' }) },
    resolve: async (_r, args, ctx) => {
      const day = isoDate(args.publicityEndDate);
      return resultSubmissionDeadline(await ctx.loaders.calendarNear.load(day), day);
    },
  }),
  holidayCalendar: t.field({
    type: CalendarYear,
    description: 'One year of the official calendar the hub counts working days by.',
    authScopes: access('Query.holidayCalendar'),
    args: { year: t.arg.int({ required: true, description: '年份' }) },
    resolve: (_r, args, ctx) => calendarYear(ctx.db, args.year),
  }),
}));

const NoticeDayInput = builder.inputType('NoticeDayInput', {
  description: 'One day of a holiday notice.',
  fields: (t) => ({
    day: t.field({ type: 'Date', required: true, description: '日期' }),
    name: t.string({ required: true, description: 'The holiday it belongs to: 元旦, 春节 …' }),
  }),
});

const LoadHolidayNoticeInput = builder.inputType('LoadHolidayNoticeInput', {
  description: '国务院办公厅关于某年部分节假日安排的通知, as published.',
  fields: (t) => ({
    year: t.int({ required: true, description: '年份' }),
    notice: t.string({ required: false, description: '通知文号, e.g. 国办发明电〔2026〕x号' }),
    holidays: t.field({ type: [NoticeDayInput], required: true, description: '放假日期: every day off' }),
    adjustedWorkingDays: t.field({
      type: [NoticeDayInput],
      required: true,
      description: '调休上班日期: every Saturday or Sunday worked',
    }),
  }),
});

const LoadHolidayNoticePayload = payloadType<{ calendar?: CalendarYearShape; errors: Refusal[] }>(
  'LoadHolidayNoticePayload',
  'The year as loaded, or why the notice was refused.',
  (t) => ({
    calendar: t.field({
      type: CalendarYear,
      nullable: true,
      description: 'The year as now loaded.',
      resolve: (p) => p.calendar ?? null,
    }),
  }),
);

builder.mutationFields((t) => ({
  loadHolidayNotice: t.field({
    type: LoadHolidayNoticePayload,
    description:
      'Loads (or replaces) one year of the State Council holiday notice, so working days count its holidays and 调休 without a release. Province centre, ministry and admin only. Result deadlines already recorded are recomputed.',
    authScopes: access('Mutation.loadHolidayNotice'),
    args: { input: t.arg({ type: LoadHolidayNoticeInput, required: true, description: 'The notice' }) },
    resolve: (_r, { input }, ctx) => loadHolidayNotice(ctx, input),
  }),
}));
