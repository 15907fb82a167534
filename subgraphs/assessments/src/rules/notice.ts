import { weekday, yearOf } from './dates.ts';

/** One year of the State Council's 部分节假日安排 notice, as an authority loads it. */
export interface HolidayNotice {
  year: number;
  /** Days off, each with its holiday's name (元旦, 春节 …). */
  holidays: readonly { day: string; name: string }[];
  /** Saturdays and Sundays worked instead (调休上班), with the holiday they belong to. */
  adjustedWorkingDays: readonly { day: string; name: string }[];
}

export interface NoticeProblem {
  code: 'NOTICE_WRONG_YEAR' | 'NOTICE_DAY_TWICE' | 'NOTICE_WORKDAY_NOT_WEEKEND' | 'NOTICE_EMPTY';
  message: string;
  field: string;
}

/** What is wrong with a notice before it may replace a year's calendar; empty when nothing is. */
export function noticeProblems(n: HolidayNotice): NoticeProblem[] {
  const problems: NoticeProblem[] = [];
  if (n.holidays.length === 0) {
    problems.push({
      code: 'NOTICE_EMPTY',
      message: `a holiday notice for ${n.year} lists at least its days off (元旦, 春节 …)`,
      field: 'holidays',
    });
  }
  const seen = new Set<string>();
  for (const [field, days] of [
    ['holidays', n.holidays],
    ['adjustedWorkingDays', n.adjustedWorkingDays],
  ] as const) {
    for (const { day } of days) {
      if (yearOf(day) !== n.year) {
        problems.push({ code: 'NOTICE_WRONG_YEAR', message: `${day} is not in ${n.year}, the notice's year`, field });
      }
      if (seen.has(day)) {
        problems.push({ code: 'NOTICE_DAY_TWICE', message: `${day} is listed twice in the notice`, field });
      }
      seen.add(day);
    }
  }
  for (const { day } of n.adjustedWorkingDays) {
    const w = weekday(day);
    if (w !== 0 && w !== 6) {
      problems.push({
        code: 'NOTICE_WORKDAY_NOT_WEEKEND',
        message: `${day} is a weekday: 调休上班 days are Saturdays or Sundays made working days`,
        field: 'adjustedWorkingDays',
      });
    }
  }
  return problems;
}
