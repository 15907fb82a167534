import {
  certificateCountsByLevel,
  certificates,
  evaluationPlans,
  lateResultSubmissions,
  migrate,
  planTimelines,
  seed,
  shortPublicities,
} from '@hub/db';
import { freshDb, type TestDb } from '@hub/db/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarOf, ensurePackageCalendar, fillMissingResultDeadlines, packageNotices } from '../src/calendar.ts';
import { resultSubmissionDeadline } from '../src/rules/working-days.ts';

/** The assessments domain's read functions for supervision and dashboards, on the demo seed. */
let h: TestDb;
beforeAll(async () => {
  h = await freshDb();
  await migrate(h);
  // Seeded as of the day the late-submission reads below are asked about.
  await seed(h, { size: 600, today: '2026-11-01' });
  await ensurePackageCalendar(h.db);
  await fillMissingResultDeadlines(h.db);
}, 120_000);
afterAll(() => h?.drop());

describe('read functions other domains rely on', () => {
  it('gives every publicised plan its 20-working-day result deadline from the official calendar', async () => {
    const cal = calendarOf(packageNotices());
    const rows = await planTimelines(h.db, { limit: 5000 });
    const publicised = rows.filter((r) => r.publicityEndsOn);
    expect(publicised.length).toBeGreaterThan(0);
    for (const r of publicised) {
      expect(r.resultDeadline).toBe(resultSubmissionDeadline(cal, r.publicityEndsOn as string).date);
      expect(r.publicityDays).toBeGreaterThanOrEqual(5); // 公示 of at least 5 days, as the notice requires
    }
  });

  it('lists late result submissions, with days late, and none when all came on time', async () => {
    const [p] = await h.db
      .select()
      .from(evaluationPlans)
      .where(sql`${evaluationPlans.resultDeadline} is not null`)
      .limit(1);
    if (!p?.resultDeadline) throw new Error('seed has no publicised plan');
    expect(await lateResultSubmissions(h.db, { asOf: '2026-11-01', enterpriseIds: [p.enterpriseId] })).toEqual([]);
    await h.db
      .update(evaluationPlans)
      .set({ resultsSubmittedOn: sql`${evaluationPlans.resultDeadline} + 3` })
      .where(eq(evaluationPlans.id, p.id));
    const late = await lateResultSubmissions(h.db, { asOf: '2026-11-01', enterpriseIds: [p.enterpriseId] });
    expect(late.map((l) => [l.planId, l.daysLate])).toEqual([[p.id, 3]]);
    expect(await shortPublicities(h.db)).toEqual([]);
  });

  it('counts certificates by institution, occupation and level in SQL, valid and revoked', async () => {
    const counts = await certificateCountsByLevel(h.db);
    const total = counts.reduce((s, c) => s + c.valid + c.revoked, 0);
    const [all] = await h.db.select({ n: sql<number>`count(*)::int` }).from(certificates);
    expect(total).toBe(all?.n);
    expect(counts.reduce((s, c) => s + c.revoked, 0)).toBe(6); // 1% of 600
  });
});
