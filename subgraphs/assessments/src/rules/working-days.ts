import { addDays, weekday, yearOf } from './dates.ts';

/**
 * 工作日: Monday to Friday, except official holidays (法定节假日 and the days
 * off around them), plus the Saturdays and Sundays the State Council's notice
 * makes working days (调休上班). The notice comes out year by year; for a year
 * with no loaded notice only weekends count, and every answer that touches that
 * year says so (`calendarConfirmed: false`).
 */
export interface OfficialCalendar {
  /** Days off by the notice (weekend days inside a holiday may be listed too). */
  holidays: ReadonlySet<string>;
  /** Saturdays and Sundays that are working days by the notice. */
  adjustedWorkingDays: ReadonlySet<string>;
  /** Years whose notice is loaded. */
  confirmedYears: ReadonlySet<number>;
}

export interface Deadline {
  date: string;
  /** True when every day between the start and the deadline lies in a year whose notice is loaded. */
  calendarConfirmed: boolean;
}

export function isWorkingDay(cal: OfficialCalendar, date: string): boolean {
  if (cal.confirmedYears.has(yearOf(date))) {
    if (cal.holidays.has(date)) return false;
    if (cal.adjustedWorkingDays.has(date)) return true;
  }
  const w = weekday(date);
  return w !== 0 && w !== 6;
}

/** The `n`th working day counted from `date` in `direction`, `date` itself not counted. */
function nthWorkingDay(cal: OfficialCalendar, date: string, n: number, direction: 1 | -1): Deadline {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number ≥ 1, not ${n}`);
  let day = date;
  let confirmed = cal.confirmedYears.has(yearOf(date));
  for (let found = 0; found < n; ) {
    day = addDays(day, direction);
    if (!cal.confirmedYears.has(yearOf(day))) confirmed = false;
    if (isWorkingDay(cal, day)) found++;
  }
  return { date: day, calendarConfirmed: confirmed };
}

export const workingDaysBefore = (cal: OfficialCalendar, date: string, n: number) => nthWorkingDay(cal, date, n, -1);
export const workingDaysAfter = (cal: OfficialCalendar, date: string, n: number) => nthWorkingDay(cal, date, n, 1);

/** 提前5个工作日报备评价计划: the last day a plan for `evaluationDate` may be reported. */
export const PLAN_REPORT_WORKING_DAYS = 5;
export function planReportDeadline(cal: OfficialCalendar, evaluationDate: string): Deadline {
  return workingDaysBefore(cal, evaluationDate, PLAN_REPORT_WORKING_DAYS);
}

/** 公示结束后的20个工作日内提交评价结果: the last day results may reach the centre. */
export const RESULT_SUBMISSION_WORKING_DAYS = 20;
export function resultSubmissionDeadline(cal: OfficialCalendar, publicityEndDate: string): Deadline {
  return workingDaysAfter(cal, publicityEndDate, RESULT_SUBMISSION_WORKING_DAYS);
}

/** A calendar that knows weekends only (no notice loaded for any year). */
export const WEEKENDS_ONLY: OfficialCalendar = {
  holidays: new Set(),
  adjustedWorkingDays: new Set(),
  confirmedYears: new Set(),
};
