/**
 * Deterministic randomness and calendar helpers for the demo seed: a seeded PRNG
 * (mulberry32) with the usual draws, named sub-streams, and plain `YYYY-MM-DD` dates.
 * Nothing here reads Math.random or the clock.
 */

/** 32-bit FNV-1a hash of a string, to derive named sub-streams from a seed. */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: a small, fast, well-distributed 32-bit generator; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  readonly seed: number;
  private readonly next: () => number;

  constructor(seed: number) {
    this.seed = seed >>> 0;
    this.next = mulberry32(this.seed);
  }

  /** An independent stream named `label`: adding draws to one stage does not shift the others. */
  fork(label: string): Rng {
    return new Rng(hash32(label, this.seed ^ 0x9e3779b9));
  }

  /** Float in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight; `weights[i]` belongs to `items[i]`. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i] ?? 0;
      if (r < 0) return items[i] as T;
    }
    return items[items.length - 1] as T;
  }

  /** Picks from `[item, weight]` pairs. */
  weightedPairs<T>(pairs: readonly (readonly [T, number])[]): T {
    return this.weighted(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );
  }

  /** A new array in random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice();
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = out[i] as T;
      out[i] = out[j] as T;
      out[j] = tmp;
    }
    return out;
  }

  /** `k` distinct items, in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    return this.shuffle(items).slice(0, Math.max(0, Math.min(k, items.length)));
  }

  /** A string of `length` characters drawn from `alphabet`. */
  chars(alphabet: string, length: number): string {
    let s = '';
    for (let i = 0; i < length; i++) s += alphabet.charAt(Math.floor(this.next() * alphabet.length));
    return s;
  }

  digits(length: number): string {
    return this.chars('0123456789', length);
  }

  /** A version-4-shaped UUID from this stream (so ids are the same on every run). */
  uuid(): string {
    const hex = this.chars('0123456789abcdef', 32);
    const variant = '89ab'.charAt(Math.floor(this.next() * 4));
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** Integer in [min, max] whose logarithm is uniform: many small values, a few large ones. */
  logInt(min: number, max: number): number {
    const v = Math.exp(Math.log(min) + this.next() * (Math.log(max) - Math.log(min)));
    return Math.min(max, Math.max(min, Math.round(v)));
  }

  /** A date between `from` and `to` (inclusive), as `YYYY-MM-DD`. */
  date(from: string, to: string): string {
    const a = dayNumber(from);
    const b = dayNumber(to);
    return fromDayNumber(this.int(Math.min(a, b), Math.max(a, b)));
  }
}

/**
 * Splits `total` into integer parts proportional to `weights` (largest remainder), each at least `min`.
 * Deterministic; the parts add up to `total` exactly (when total ≥ min × parts).
 */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const base = Math.min(min, Math.floor(total / n));
  const rest = total - base * n;
  const sum = weights.reduce((s, w) => s + w, 0) || 1;
  const exact = weights.map((w) => (rest * w) / sum);
  const parts = exact.map((x) => base + Math.floor(x));
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1]);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) {
    const i = order[k]?.[1] ?? 0;
    parts[i] = (parts[i] ?? 0) + 1;
  }
  return parts;
}

// ---- dates: `YYYY-MM-DD` strings, counted in whole days (UTC, no clock involved) ----

const DAY_MS = 86_400_000;

export function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(dayNumber(date) + days);
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return (dayNumber(date) + 4) % 7; // 1970-01-01 was a Thursday
}

/** The same day if it is Monday–Friday, otherwise the next Monday. */
export function nextWorkday(date: string): string {
  const w = weekday(date);
  return w === 6 ? addDays(date, 2) : w === 0 ? addDays(date, 1) : date;
}

/** A timestamp on `date` at a random office-hours time in China Standard Time (UTC+8). */
export function officeTime(rng: Rng, date: string): Date {
  const minutes = rng.int(8 * 60 + 30, 17 * 60 + 30);
  return new Date(dayNumber(date) * DAY_MS + (minutes - 8 * 60) * 60_000);
}
