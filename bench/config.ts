/**
 * The benchmarks' settings, read from the environment here and nowhere else in bench/ (the hub's
 * own `HUB_*` settings are parsed by @hub/platform's config). Each benchmark names its variables
 * and defaults where it uses them; a value that is not a number where one is wanted stops the run
 * with the variable's name.
 */

const env = process.env;

/** A number setting (`BENCH_SECONDS=5`); the default when unset or empty. */
export function benchNumber(name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number ≥ 0, not "${raw}"`);
  return value;
}

/** A text setting (a URL); the default when unset or empty. */
export function benchText(name: string, fallback: string): string;
export function benchText(name: string): string | undefined;
export function benchText(name: string, fallback?: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw === '' ? fallback : raw;
}

/** The PostgreSQL the benchmark runs on (DATABASE_URL), or undefined for PGlite in memory. */
export const benchDatabaseUrl: string | undefined = benchText('DATABASE_URL');

/** The environment for a server process the benchmark starts: this one's, with the overrides. */
export function benchChildEnv(overrides: Record<string, string | undefined>): Record<string, string | undefined> {
  return { ...env, ...overrides };
}

/**
 * Sets a hub variable for this process and its children unless the caller set it (the benchmark's
 * own fixed secrets, which production mode requires and the benchmark's tokens are signed with).
 */
export function benchDefault(name: string, value: string): void {
  if (!env[name]) env[name] = value;
}
