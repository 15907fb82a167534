import { calendarDays, calendarYears, type Db } from '@hub/db';
import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../change.ts';

/** One year of the official calendar as loaded (row null: no notice, weekends only). */
export async function calendarYear(db: Db | Tx, year: number) {
  const [row] = await db.select().from(calendarYears).where(eq(calendarYears.year, year));
  return { year, row: row ?? null };
}

/** A year's holidays or adjusted working days, in date order. */
export function calendarDaysOf(db: Db, year: number, kind: 'HOLIDAY' | 'WORKDAY') {
  return db
    .select()
    .from(calendarDays)
    .where(and(eq(calendarDays.year, year), eq(calendarDays.kind, kind)))
    .orderBy(asc(calendarDays.day));
}
