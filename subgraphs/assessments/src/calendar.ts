import { createRequire } from 'node:module';
import { calendarDays, calendarYears, type Db, evaluationPlans } from '@hub/db';
import { and, between, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { addDays, yearOf } from './rules/dates.ts';
import type { HolidayNotice } from './rules/notice.ts';
import { type OfficialCalendar, resultSubmissionDeadline } from './rules/working-days.ts';

/**
 * The official calendar in the database: seeded from the `chinese-days` package
 * (2004–2026) and replaced year by year when an authority loads a new State
 * Council notice (mutation `loadHolidayNotice` or `pnpm --filter @hub/assessments calendar`).
 */

const require = createRequire(import.meta.url);
const PACKAGE_VERSION = (require('chinese-days/package.json') as { version: string }).version;
export const PACKAGE_SOURCE = `chinese-days@${PACKAGE_VERSION}`;

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The package's days, by year: `"National Day,国庆节,3"` becomes the name 国庆节. */
export function packageNotices(): HolidayNotice[] {
  const data = require('chinese-days/dist/chinese-days.json') as {
    holidays: Record<string, string>;
    workdays: Record<string, string>;
  };
  const byYear = new Map<
    number,
    { holidays: { day: string; name: string }[]; adjusted: { day: string; name: string }[] }
  >();
  const yearEntry = (day: string) => {
    const y = yearOf(day);
    const e = byYear.get(y) ?? { holidays: [], adjusted: [] };
    byYear.set(y, e);
    return e;
  };
  const nameOf = (label: string) => label.split(',')[1] ?? label;
  for (const [day, label] of Object.entries(data.holidays)) yearEntry(day).holidays.push({ day, name: nameOf(label) });
  for (const [day, label] of Object.entries(data.workdays)) yearEntry(day).adjusted.push({ day, name: nameOf(label) });
  return [...byYear]
    .sort(([a], [b]) => a - b)
    .map(([year, e]) => ({
      year,
      holidays: e.holidays.sort((a, b) => a.day.localeCompare(b.day)),
      adjustedWorkingDays: e.adjusted.sort((a, b) => a.day.localeCompare(b.day)),
    }));
}

/** Writes one year's notice in the caller's transaction, replacing whatever that year had. */
export async function writeNotice(
  tx: Tx | Db,
  notice: HolidayNotice,
  meta: { source: string; notice?: string | null; loadedBy: string },
): Promise<void> {
  await tx.delete(calendarDays).where(eq(calendarDays.year, notice.year));
  await tx
    .insert(calendarYears)
    .values({ year: notice.year, source: meta.source, notice: meta.notice ?? null, loadedBy: meta.loadedBy })
    .onConflictDoUpdate({
      target: calendarYears.year,
      set: { source: meta.source, notice: meta.notice ?? null, loadedBy: meta.loadedBy, loadedAt: new Date() },
    });
  const rows = [
    ...notice.holidays.map((d) => ({ day: d.day, year: notice.year, kind: 'HOLIDAY' as const, name: d.name })),
    ...notice.adjustedWorkingDays.map((d) => ({
      day: d.day,
      year: notice.year,
      kind: 'WORKDAY' as const,
      name: d.name,
    })),
  ];
  if (rows.length) await tx.insert(calendarDays).values(rows);
}

/**
 * Loads the package's years that the database does not have yet. Years an
 * authority loaded are never overwritten. Safe to run from several processes.
 */
export async function ensurePackageCalendar(db: Db): Promise<number> {
  const notices = packageNotices();
  const have = await db
    .select({ year: calendarYears.year })
    .from(calendarYears)
    .where(
      inArray(
        calendarYears.year,
        notices.map((n) => n.year),
      ),
    );
  const missing = notices.filter((n) => !have.some((h) => h.year === n.year));
  if (!missing.length) return 0;
  await db.transaction(async (tx) => {
    for (const n of missing) {
      const inserted = await tx
        .insert(calendarYears)
        .values({ year: n.year, source: PACKAGE_SOURCE, loadedBy: 'hub start-up' })
        .onConflictDoNothing()
        .returning({ year: calendarYears.year });
      if (!inserted.length) continue; // another process got there first
      await writeNotice(tx, n, { source: PACKAGE_SOURCE, loadedBy: 'hub start-up' });
    }
  });
  return missing.length;
}

/** The calendar for the days from `from` to `to`: enough for any deadline the rules compute near them. */
export async function calendarBetween(db: Db | Tx, from: string, to: string): Promise<OfficialCalendar> {
  const lo = addDays(from, -90);
  const hi = addDays(to, 120);
  const [days, years] = await Promise.all([
    db
      .select()
      .from(calendarDays)
      .where(between(calendarDays.day, lo, hi)),
    db
      .select({ year: calendarYears.year })
      .from(calendarYears)
      .where(and(between(calendarYears.year, yearOf(lo), yearOf(hi)))),
  ]);
  return {
    holidays: new Set(days.filter((d) => d.kind === 'HOLIDAY').map((d) => d.day)),
    adjustedWorkingDays: new Set(days.filter((d) => d.kind === 'WORKDAY').map((d) => d.day)),
    confirmedYears: new Set(years.map((y) => y.year)),
  };
}

/** The calendar from a notice alone (tests, and a notice checked before it is written). */
export function calendarOf(notices: readonly HolidayNotice[]): OfficialCalendar {
  return {
    holidays: new Set(notices.flatMap((n) => n.holidays.map((d) => d.day))),
    adjustedWorkingDays: new Set(notices.flatMap((n) => n.adjustedWorkingDays.map((d) => d.day))),
    confirmedYears: new Set(notices.map((n) => n.year)),
  };
}

/**
 * Plans with a publicity end but no stored result deadline (rows written before
 * deadlines were stored, e.g. the demo seed) get one, in one statement.
 */
export async function fillMissingResultDeadlines(db: Db): Promise<number> {
  const open = await db
    .select({ id: evaluationPlans.id, end: evaluationPlans.publicityEndsOn })
    .from(evaluationPlans)
    .where(and(isNotNull(evaluationPlans.publicityEndsOn), isNull(evaluationPlans.resultDeadline)));
  if (!open.length) return 0;
  const ends = open.map((p) => p.end as string).sort();
  const cal = await calendarBetween(db, ends[0] as string, ends.at(-1) as string);
  const values = open.map((p) => {
    const d = resultSubmissionDeadline(cal, p.end as string);
    return sql`(${p.id}::uuid, ${d.date}::date, ${d.calendarConfirmed}::boolean)`;
  });
  for (let i = 0; i < values.length; i += 1000) {
    await db.execute(sql`
      update assessment.evaluation_plans p
      set result_deadline = v.deadline, result_deadline_confirmed = v.confirmed
      from (values ${sql.join(values.slice(i, i + 1000), sql`, `)}) as v(id, deadline, confirmed)
      where p.id = v.id and p.result_deadline is null`);
  }
  return open.length;
}

/**
 * Loads one year's notice in the caller's transaction (mutation or CLI): replaces the
 * year's days and recomputes the stored result deadlines the new days may move
 * (20 working days reach ~45 calendar days ahead, so publicity ending from the
 * previous November on counts).
 */
export async function loadNotice(
  tx: Tx,
  notice: HolidayNotice,
  meta: { source: string; notice?: string | null; loadedBy: string },
): Promise<void> {
  await writeNotice(tx, notice, meta);
  const affected = await tx
    .select({ id: evaluationPlans.id, publicityEndsOn: evaluationPlans.publicityEndsOn })
    .from(evaluationPlans)
    .where(between(evaluationPlans.publicityEndsOn, `${notice.year - 1}-11-01`, `${notice.year}-12-31`));
  if (!affected.length) return;
  const cal = await calendarBetween(tx, `${notice.year - 1}-11-01`, `${notice.year}-12-31`);
  for (const p of affected) {
    const d = resultSubmissionDeadline(cal, p.publicityEndsOn as string);
    await tx
      .update(evaluationPlans)
      .set({ resultDeadline: d.date, resultDeadlineConfirmed: d.calendarConfirmed })
      .where(eq(evaluationPlans.id, p.id));
  }
}
