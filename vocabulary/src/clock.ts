/**
 * The hub's clock: the one source of "now" and "today" for every dated rule (report 5 working
 * days ahead, publicity of at least 5 days, results within 20 working days, rectification
 * deadlines) and for the timestamps those rules compare with (a filing's confirmation, a case's
 * transitions). It is built once per process from configuration and handed to every request in
 * its context; no rule reads the system time or an environment variable itself.
 *
 * Outside production an administrator may set the hub's date (the sandbox clock, for demos and
 * training): the hub then lives on that day from noon, China time, and time goes on from there,
 * so a plan can be walked from its report through publicity to certificates in minutes. In
 * production the date is the real one and cannot be set.
 */

/** China keeps one time zone, UTC+8, with no daylight saving. */
export const CHINA_UTC_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The calendar day in China time (YYYY-MM-DD) of an instant. */
export function chinaDate(at: Date | number): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  return new Date(ms + CHINA_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** True for a real calendar day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

/** The day `days` calendar days after `date` (before it, when negative). */
export function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The sandbox date while one is set: what every response's `extensions.sandboxClock` shows. */
export interface SandboxState {
  /** The day the administrator set (YYYY-MM-DD, China time). */
  setDate: string;
  /** The hub's day now: `setDate`, or later once more than 12 hours have gone by since it was set. */
  today: string;
  /** When it was set, in real time (ISO 8601). */
  setAt: string;
  /** Who set it (the administrator's token subject, or the command that started the hub). */
  setBy: string;
}

export interface Clock {
  /** The hub's present instant, for the timestamps that dated rules compare with. */
  now(): Date;
  /** The hub's calendar day in China time (YYYY-MM-DD): every dated rule counts from it. */
  today(): string;
  /** The sandbox date, while an administrator has set one; null on the real date. */
  sandbox(): SandboxState | null;
}

export type SandboxRefusalCode = 'SANDBOX_CLOCK_IN_PRODUCTION' | 'INVALID_DATE';

/** A sandbox date that cannot be set; `code` names the rule. */
export class SandboxRefusal extends Error {
  constructor(
    readonly code: SandboxRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'SandboxRefusal';
  }
}

/** The earliest and latest day a sandbox date may be (the official calendar starts in 2004). */
export const SANDBOX_RANGE = { from: '2004-01-01', to: '2099-12-31' } as const;

export interface HubClockOptions {
  /** Production (`HUB_ENV=production`): the sandbox date can never be set. */
  production: boolean;
  /** The real time in ms since the epoch; `Date.now` unless a test steps it. */
  realTime?: () => number;
}

/** The clock a hub process runs on: the real time, or, outside production, a sandbox date. */
export class HubClock implements Clock {
  readonly production: boolean;
  private readonly realTime: () => number;
  private pinned: { date: string; noon: number; setAtMs: number; setBy: string } | null = null;

  constructor(opts: HubClockOptions) {
    this.production = opts.production;
    this.realTime = opts.realTime ?? Date.now;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  today(): string {
    return chinaDate(this.nowMs());
  }

  sandbox(): SandboxState | null {
    const s = this.pinned;
    if (!s) return null;
    return { setDate: s.date, today: this.today(), setAt: new Date(s.setAtMs).toISOString(), setBy: s.setBy };
  }

  /**
   * Sets the hub's date (outside production only): the hub lives on `date` from noon, China time.
   * Throws SandboxRefusal in production or for a date that is not a calendar day in range.
   */
  set(date: string, setBy: string): SandboxState {
    if (this.production) {
      throw new SandboxRefusal(
        'SANDBOX_CLOCK_IN_PRODUCTION',
        'the hub runs on the real date in production (HUB_ENV=production): its date cannot be set',
      );
    }
    if (!isCalendarDate(date) || date < SANDBOX_RANGE.from || date > SANDBOX_RANGE.to) {
      throw new SandboxRefusal(
        'INVALID_DATE',
        `date must be a calendar day YYYY-MM-DD from ${SANDBOX_RANGE.from} to ${SANDBOX_RANGE.to}`,
      );
    }
    const setAtMs = this.realTime();
    this.pinned = { date, noon: Date.parse(`${date}T12:00:00+08:00`), setAtMs, setBy: setBy.slice(0, 200) };
    return this.sandbox() as SandboxState;
  }

  /** Moves the hub's date by whole days: from the sandbox date, or from today when none is set. */
  advance(days: number, setBy: string): SandboxState {
    return this.set(addCalendarDays(this.pinned?.date ?? this.today(), days), setBy);
  }

  /** Back to the real date. */
  clear(): void {
    this.pinned = null;
  }

  private nowMs(): number {
    const real = this.realTime();
    const s = this.pinned;
    return s ? s.noon + (real - s.setAtMs) : real;
  }
}

/** A clock standing still at noon (China time) of one day: for rules' unit tests and tools. */
export function fixedClock(date: string): Clock {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar day: ${date}`);
  const at = Date.parse(`${date}T12:00:00+08:00`);
  return { now: () => new Date(at), today: () => date, sandbox: () => null };
}
