import { chinaToday } from './rules/dates.ts';

/**
 * The hub's "today" (China time) for every dated rule. End-to-end tests walk an
 * evaluation through its weeks by setting HUB_TODAY; it is honoured only under
 * NODE_ENV=test, so a deployment always runs on the real date.
 */
export function today(): string {
  const fixed = process.env.HUB_TODAY;
  if (fixed && process.env.NODE_ENV === 'test' && /^\d{4}-\d{2}-\d{2}$/.test(fixed)) return fixed;
  return chinaToday();
}
