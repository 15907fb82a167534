import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificates, evaluationPlans } from '../src/schema/assessment.ts';
import { DEMO_PLAN } from '../src/seed/demo.ts';
import { DEMO_CERTIFICATE, type DemoData, generateDemoData, seed } from '../src/seed/index.ts';
import { addDays, addWorkdays, apportion, dayNumber, Rng } from '../src/seed/random.ts';
import type { TestDb } from '../src/testing.ts';
import { chinaDay, fresh, hash, LATER, TODAY } from './seed-fixtures.ts';

/** The demo seed of size 0, its dates relative to today, and its random helpers. */
describe('demo seed of size 0', () => {
  let h: TestDb;
  beforeAll(async () => {
    h = await fresh();
    await seed(h, { size: 0, today: TODAY });
  }, 120_000);
  afterAll(() => h?.drop());

  it('has no certificates and nothing overdue, only the story’s plans on their way', async () => {
    const [none] = await h.db.select({ n: sql<number>`count(*)::int` }).from(certificates);
    expect(none?.n).toBe(0);
    const plans = await h.db.select().from(evaluationPlans);
    expect(plans.length).toBeGreaterThan(0);
    expect(new Set(plans.map((p) => p.status))).toEqual(new Set(['REPORTED', 'REVIEWED', 'PUBLICISED', 'SUBMITTED']));
    for (const p of plans) {
      // Nothing a risk signal would pick up: no publicity under 5 days, no results anywhere near their deadline.
      if (p.publicityEndsOn) {
        expect(dayNumber(p.publicityEndsOn) - dayNumber(p.publicityStartsOn as string) + 1).toBeGreaterThanOrEqual(5);
        expect(dayNumber(p.resultsSubmittedOn ?? TODAY) - dayNumber(p.publicityEndsOn)).toBeLessThanOrEqual(22);
      }
    }
  });
});

describe('demo seed dates', () => {
  const data = new Map<string, DemoData>([
    [TODAY, generateDemoData(400, TODAY)],
    [LATER, generateDemoData(400, LATER)],
  ]);

  /** Every date of every row, by field. */
  function dates(d: DemoData) {
    const out: { table: string; field: string; day: string }[] = [];
    for (const [table, rows] of Object.entries(d)) {
      if (!Array.isArray(rows)) continue;
      for (const row of rows as Record<string, unknown>[]) {
        for (const [field, v] of Object.entries(row)) {
          if (v instanceof Date) out.push({ table, field, day: chinaDay(v) });
          else if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) out.push({ table, field, day: v });
        }
      }
    }
    return out;
  }

  for (const today of [TODAY, LATER]) {
    it(`puts history before ${today}, and after it only evaluations, deadlines, a running publicity's end`, () => {
      const d = data.get(today) as DemoData;
      expect(d.today).toBe(today);
      const after = dates(d).filter((x) => x.day > today);
      expect(new Set(after.map((x) => `${x.table}.${x.field}`))).toEqual(
        new Set([
          'evaluationPlans.evaluationDate',
          'evaluationPlans.reportDeadline',
          'evaluationPlans.publicityEndsOn',
          'cases.rectificationDueOn',
          'complaints.handlingDueOn',
        ]),
      );
      for (const x of after) expect(x.day <= addDays(today, 100), `${x.table}.${x.field} ${x.day}`).toBe(true);
      // Evaluations from about 28 months back (the demo certificate's December 2024 aside).
      const evaluated = d.evaluationPlans.map((p) => p.evaluationDate).filter((e) => e !== DEMO_PLAN.evaluationDate);
      expect(evaluated.every((e) => e >= addDays(today, -853))).toBe(true);
      expect(d.cases.every((c) => c.openedOn >= addDays(today, -700))).toBe(true);
      // Every step of the story stands where today puts it.
      expect(Object.keys(d.story).sort()).toEqual(
        [
          'UPCOMING',
          'BEING_SCORED',
          'SCORED',
          'REVIEWED',
          'IN_PUBLICITY',
          'PUBLICITY_ENDED',
          'SUBMITTED',
          'RESULTS_OVERDUE',
        ].sort(),
      );
      expect(d.certificates.some((c) => c.number === DEMO_CERTIFICATE.number)).toBe(true);
      expect(d.certificates.every((c) => c.issuedOn <= today)).toBe(true);
    });
  }

  it('gives the same rows for the same (size, today), and moves them with today', () => {
    expect(hash(generateDemoData(400, LATER))).toBe(hash(data.get(LATER)));
    const [a, b] = [data.get(TODAY) as DemoData, data.get(LATER) as DemoData];
    expect(a.certificates).toHaveLength(400);
    expect(b.certificates).toHaveLength(400);
    const lastIssue = (x: DemoData) =>
      x.certificates
        .map((c) => c.issuedOn)
        .sort()
        .at(-1) as string;
    expect(dayNumber(lastIssue(b)) - dayNumber(lastIssue(a))).toBeGreaterThan(400);
  });

  it('has no demo certificate for a today before DEMO_FROM, and refuses a malformed today', () => {
    expect(generateDemoData(400, '2025-01-15').certificates.some((c) => c.number === DEMO_CERTIFICATE.number)).toBe(
      false,
    );
    expect(() => generateDemoData(400, '2026-13-45x')).toThrow(RangeError);
  });
});

describe('seed randomness helpers', () => {
  it('repeats a stream for a seed and separates named forks', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 5 }, () => a.int(0, 1_000_000));
    expect(Array.from({ length: 5 }, () => b.int(0, 1_000_000))).toEqual(xs);
    expect(new Rng(42).fork('x').float()).toBe(new Rng(42).fork('x').float());
    expect(new Rng(42).fork('x').float()).not.toBe(new Rng(42).fork('y').float());
    expect(new Rng(7).uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('apportions exactly, with a minimum per part', () => {
    const parts = apportion(100, [5, 1, 1, 0], 2);
    expect(parts.reduce((s, p) => s + p, 0)).toBe(100);
    expect(Math.min(...parts)).toBeGreaterThanOrEqual(2);
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
  });

  it('counts days and working days in plain arithmetic, as the calendar does', () => {
    for (let day = dayNumber('1960-01-01'); day < dayNumber('2040-01-01'); day += 37) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(dayNumber(iso)).toBe(day);
      expect(addDays(iso, 0)).toBe(iso);
    }
    expect(addWorkdays('2026-11-06', 1)).toBe('2026-11-09'); // Friday → Monday
    expect(addWorkdays('2026-11-09', -5)).toBe('2026-11-02');
  });
});
