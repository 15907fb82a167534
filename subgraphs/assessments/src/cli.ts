/**
 * `pnpm --filter @hub/assessments calendar <command>`: the official calendar without a release.
 *
 *   load --file notice.json [--by NAME]   load (or replace) one year of the State Council holiday notice
 *   show --year 2027                      print a year as the hub counts it
 *
 * notice.json: { "year": 2027, "notice": "国办发明电〔2026〕x号",
 *                "holidays": [{ "day": "2027-01-01", "name": "元旦" }, …],
 *                "adjustedWorkingDays": [{ "day": "2027-02-06", "name": "春节" }, …] }
 * Uses DATABASE_URL, or the embedded PGlite under .data/ (stop `pnpm start` first: one process per PGlite folder).
 */
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { calendarDays, calendarYears, createDb, migrate } from '@hub/db';
import { asc, eq } from 'drizzle-orm';
import { ensurePackageCalendar, loadNotice } from './calendar.ts';
import { type HolidayNotice, noticeProblems } from './rules/notice.ts';

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: { file: { type: 'string' }, year: { type: 'string' }, by: { type: 'string' } },
});

const handle = await createDb();
try {
  await migrate(handle);
  await ensurePackageCalendar(handle.db);
  if (command === 'load' && values.file) {
    const raw = JSON.parse(readFileSync(values.file, 'utf8')) as HolidayNotice & { notice?: string };
    const notice: HolidayNotice = {
      year: Number(raw.year),
      holidays: raw.holidays ?? [],
      adjustedWorkingDays: raw.adjustedWorkingDays ?? [],
    };
    const problems = noticeProblems(notice);
    if (problems.length) {
      for (const p of problems) console.error(`✗ ${p.code}: ${p.message}`);
      process.exitCode = 1;
    } else {
      const by = `cli:${values.by ?? userInfo().username}`;
      await handle.db.transaction((tx) =>
        loadNotice(tx, notice, { source: `notice loaded by ${by}`, notice: raw.notice ?? null, loadedBy: by }),
      );
      console.log(
        `✓ ${notice.year}: ${notice.holidays.length} holiday(s), ${notice.adjustedWorkingDays.length} adjusted working day(s) loaded`,
      );
    }
  } else if (command === 'show' && values.year) {
    const year = Number(values.year);
    const [row] = await handle.db.select().from(calendarYears).where(eq(calendarYears.year, year));
    const days = await handle.db
      .select()
      .from(calendarDays)
      .where(eq(calendarDays.year, year))
      .orderBy(asc(calendarDays.day));
    console.log(
      row
        ? `${year}: ${row.source}${row.notice ? ` (${row.notice})` : ''}`
        : `${year}: no notice loaded — weekends only`,
    );
    for (const d of days) console.log(`  ${d.day} ${d.kind === 'HOLIDAY' ? '放假' : '上班'} ${d.name}`);
  } else {
    console.error('usage: calendar load --file notice.json [--by NAME] | calendar show --year YYYY');
    process.exitCode = 2;
  }
} finally {
  await handle.close();
}
