import { desc } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { calendarYears } from '../schema/assessment.ts';

/** How far ahead the official calendar should reach before the hub warns (deadlines run weeks ahead). */
export const CALENDAR_WARN_MONTHS = 12;

export interface CalendarCoverage {
  /** The last day of the last year whose official calendar (国务院办公厅 holiday notice) is loaded; null if none. */
  loadedThrough: string | null;
  /** Whole months from `today` to `loadedThrough` (negative once past it). */
  monthsAhead: number | null;
  /** Said when the calendar reaches less than 12 months ahead: deadlines beyond it count weekends only and say `calendarConfirmed: false`. */
  warning: string | null;
}

/** Pure: the coverage of calendars loaded up to `lastYear`, seen on `today`. */
export function coverageOf(lastYear: number | null, today: string): CalendarCoverage {
  if (lastYear == null) {
    return {
      loadedThrough: null,
      monthsAhead: null,
      warning: 'no official calendar is loaded: every working-day deadline is unconfirmed',
    };
  }
  const loadedThrough = `${lastYear}-12-31`;
  const [y, m] = today.split('-').map(Number) as [number, number];
  const monthsAhead = (lastYear - y) * 12 + (12 - m);
  return {
    loadedThrough,
    monthsAhead,
    warning:
      monthsAhead < CALENDAR_WARN_MONTHS
        ? `the official calendar is loaded through ${loadedThrough}, less than ${CALENDAR_WARN_MONTHS} months ahead of ${today}: deadlines after it count weekends only and say calendarConfirmed: false until the State Council's notice for ${lastYear + 1} is loaded (docs: loadHolidayNotice)`
        : null,
  };
}

/** The official calendar's coverage in the database, seen on `today`. */
export async function calendarCoverage(db: Db, today: string): Promise<CalendarCoverage> {
  const [last] = await db
    .select({ year: calendarYears.year })
    .from(calendarYears)
    .orderBy(desc(calendarYears.year))
    .limit(1);
  return coverageOf(last?.year ?? null, today);
}
