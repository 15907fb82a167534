import type { Context } from '../builder.ts';
import { loadNotice } from '../calendar.ts';
import { change, stopIf } from '../change.ts';
import { calendarYear } from '../queries/calendar.ts';
import { isoDate } from '../rules/dates.ts';
import { noticeProblems } from '../rules/notice.ts';

export interface LoadHolidayNoticeInput {
  year: number;
  notice?: string | null;
  holidays: readonly { day: string | Date; name: string }[];
  adjustedWorkingDays: readonly { day: string | Date; name: string }[];
}

/** Loads (or replaces) one year of the State Council holiday notice; recorded deadlines are recomputed. */
export function loadHolidayNotice(ctx: Context, input: LoadHolidayNoticeInput) {
  return change(ctx, async (tx) => {
    const notice = {
      year: input.year,
      holidays: input.holidays.map((d) => ({ day: isoDate(d.day), name: d.name.trim() })),
      adjustedWorkingDays: input.adjustedWorkingDays.map((d) => ({ day: isoDate(d.day), name: d.name.trim() })),
    };
    stopIf(noticeProblems(notice));
    const by = `${ctx.caller.role}:${ctx.caller.sub ?? 'unknown'}`;
    await loadNotice(tx, notice, { source: `notice loaded by ${by}`, notice: input.notice ?? null, loadedBy: by });
    return { calendar: await calendarYear(tx, input.year) };
  });
}
