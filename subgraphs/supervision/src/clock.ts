/**
 * The hub's "today" (China time) for every dated supervision rule (rectification deadlines,
 * escalation). End-to-end tests walk a case past its deadline by setting HUB_TODAY, honoured
 * only under NODE_ENV=test (the same switch the assessments domain reads), so a deployment
 * always runs on the real date.
 */
export function chinaToday(now: number = Date.now()): string {
  return new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function today(): string {
  const fixed = process.env.HUB_TODAY;
  if (fixed && process.env.NODE_ENV === 'test' && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  return chinaToday();
}
