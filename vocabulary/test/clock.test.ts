import { describe, expect, it } from 'vitest';
import { addCalendarDays, chinaDate, fixedClock, HubClock, isCalendarDate, SandboxRefusal } from '../src/clock.ts';

/** A real time the test steps by hand. */
function stepper(startIso: string) {
  let ms = Date.parse(startIso);
  return { now: () => ms, step: (by: number) => (ms += by) };
}
const HOUR = 3_600_000;

describe('the hub clock', () => {
  it('counts the China day: 16:00 UTC is already the next day in Changsha', () => {
    expect(chinaDate(Date.parse('2026-11-26T15:59:59Z'))).toBe('2026-11-26');
    expect(chinaDate(Date.parse('2026-11-26T16:00:00Z'))).toBe('2026-11-27');
  });

  it('runs on the real time until a date is set', () => {
    const real = stepper('2027-03-01T02:00:00Z');
    const clock = new HubClock({ production: false, realTime: real.now });
    expect(clock.today()).toBe('2027-03-01');
    expect(clock.sandbox()).toBeNull();
    real.step(14 * HOUR);
    expect(clock.today()).toBe('2027-03-02');
  });

  it('lives on a sandbox date from noon, and time goes on from there', () => {
    const real = stepper('2027-03-01T15:59:00Z'); // 23:59 in China: a naive "same time of day" would roll over
    const clock = new HubClock({ production: false, realTime: real.now });
    const state = clock.set('2028-02-29', 'admin-1');
    expect(state).toMatchObject({ setDate: '2028-02-29', today: '2028-02-29', setBy: 'admin-1' });
    expect(clock.now().toISOString()).toBe('2028-02-29T04:00:00.000Z');
    real.step(11 * HOUR);
    expect(clock.today()).toBe('2028-02-29');
    real.step(HOUR);
    expect(clock.today()).toBe('2028-03-01');
    expect(clock.sandbox()?.setDate).toBe('2028-02-29');
    clock.clear();
    expect(clock.sandbox()).toBeNull();
    expect(clock.today()).toBe('2027-03-02');
  });

  it('moves a set date by whole days, across a month end', () => {
    const clock = new HubClock({ production: false, realTime: stepper('2026-12-06T00:00:00Z').now });
    expect(clock.advance(30, 'admin').today).toBe('2027-01-05');
    expect(clock.advance(-35, 'admin').today).toBe('2026-12-01');
  });

  it('refuses a date in production, whatever the date', () => {
    const clock = new HubClock({ production: true });
    const before = clock.today();
    expect(() => clock.set('2030-01-01', 'admin')).toThrow(SandboxRefusal);
    try {
      clock.set('2030-01-01', 'admin');
    } catch (err) {
      expect((err as SandboxRefusal).code).toBe('SANDBOX_CLOCK_IN_PRODUCTION');
    }
    expect(clock.sandbox()).toBeNull();
    expect(clock.today()).toBe(before);
  });

  it('refuses what is not a calendar day in range, and keeps the date it had', () => {
    const clock = new HubClock({ production: false });
    clock.set('2027-01-04', 'admin');
    for (const bad of ['2027-02-29', '2027-13-01', '27-01-01', '2003-12-31', '2100-01-01', '']) {
      expect(() => clock.set(bad, 'admin'), bad).toThrow(/calendar day/);
    }
    expect(clock.sandbox()?.setDate).toBe('2027-01-04');
  });

  it('knows calendar days and counts them', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2027-02-29')).toBe(false);
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2027-01-01', -1)).toBe('2026-12-31');
  });

  it('a fixed clock stands still at noon of its day', () => {
    const c = fixedClock('2026-10-01');
    expect(c.today()).toBe('2026-10-01');
    expect(c.now().toISOString()).toBe('2026-10-01T04:00:00.000Z');
    expect(() => fixedClock('2026-10-32')).toThrow(RangeError);
  });
});
