/**
 * Input bounds (输入边界): how long a free text may be and between which days a date must lie,
 * for every text and date a change takes. Each subgraph declares its own in `rules/input-bounds.ts`
 * (one entry per input field, `TypeName.field`, or per argument, `Mutation.field.argument`); the
 * builder checks them before a mutation runs (input-bounds.ts), so an unbounded value is refused by
 * name and nothing is written. The domains' own rules (a name is required, a 承诺 is not signed in
 * the future) still apply after; a bound only keeps the absurd out: 10,000-character names, the
 * year 1.
 */
import { type Refusal, refuse } from '../errors.ts';

/** A day of a date bound: a calendar day, or a number of whole years from today (0: today; negative: before). */
export type DayEdge = string | { years: number };

export type InputBound =
  | { kind: 'text'; max: number; label?: string | undefined; items?: number | undefined }
  | { kind: 'date'; from: DayEdge; to: DayEdge; label?: string | undefined; items?: number | undefined };

/** The bounds of one subgraph's inputs, by `InputType.field` or `Mutation.field.argument`. */
export type InputBounds = Readonly<Record<string, InputBound>>;

/** A free text of at most `max` characters (UTF-16 units, as the domains count them). */
export const text = (max: number, label?: string): InputBound => ({ kind: 'text', max, label });

/** A date between two days (both included). */
export const date = (from: DayEdge, to: DayEdge, label?: string): InputBound => ({ kind: 'date', from, to, label });

/** The same bound for each item of a list, and at most `items` of them. */
export const each = (items: number, bound: InputBound): InputBound => ({ ...bound, items });

/** What a mutation's text or date without an entry gets (a test lists those: there should be none). */
export const DEFAULT_TEXT = text(200);
export const DEFAULT_DATE = date('1900-01-01', { years: 10 });

/** `day` moved by whole years (29 February to 28 February in a common year). */
export function addYears(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) + years;
  const md = day.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** The calendar day a date edge names, given today. */
export const edgeDay = (edge: DayEdge, today: string) =>
  typeof edge === 'string' ? edge : addYears(today, edge.years);

/** A date input as a calendar day (YYYY-MM-DD), or null when its year is not one of 0000–9999. */
export function inputDay(value: Date | string): string | null {
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
  const y = value.getUTCFullYear();
  if (Number.isNaN(y) || y < 0 || y > 9999) return null;
  return value.toISOString().slice(0, 10);
}

/** Why a free text is refused (TOO_LONG), or null. */
export function textRefusal(field: string, value: string, bound: { max: number; label?: string | undefined }) {
  if (value.length <= bound.max) return null;
  return refuse('TOO_LONG', `${bound.label ?? field}不超过${bound.max}个字符（现为${value.length}个）`, field);
}

/** Why a date is refused (DATE_OUT_OF_RANGE), or null; `today` is the hub's calendar day. */
export function dateRefusal(
  field: string,
  value: Date | string,
  bound: { from: DayEdge; to: DayEdge; label?: string | undefined },
  today: string,
): Refusal | null {
  const from = edgeDay(bound.from, today);
  const to = edgeDay(bound.to, today);
  const day = inputDay(value);
  if (day !== null && day >= from && day <= to) return null;
  return refuse(
    'DATE_OUT_OF_RANGE',
    `${bound.label ?? field}须在${from}至${to}之间${day ? `（现为${day}）` : ''}`,
    field,
  );
}

/** Why a list is refused (TOO_MANY_ITEMS), or null. */
export function itemsRefusal(
  field: string,
  length: number,
  bound: { items?: number | undefined; label?: string | undefined },
) {
  if (bound.items === undefined || length <= bound.items) return null;
  return refuse(
    'TOO_MANY_ITEMS',
    `${bound.label ?? field} takes at most ${bound.items} items (${length} given)`,
    field,
  );
}
