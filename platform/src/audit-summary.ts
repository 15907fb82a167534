import { maskResidentId } from '@hub/vocabulary';
import type { AuditEvent } from './audit.ts';

/**
 * What the audit log keeps of a mutation's arguments (审计日志的参数摘要): short strings, a few items,
 * a shallow depth; never a person's name or contact, a secret or free text, and resident IDs only
 * masked (their keyed hashes go apart, in `residentIds`, for lookups by the authorities).
 */
const MAX_STRING = 80;
export const MAX_ITEMS = 20;
const MAX_DEPTH = 4;
/** Keys whose values are names or contact details of people: never kept. */
const PERSONAL_KEY =
  /name|phone|mobile|tel$|email|contact|address|wechat|complainant|reporter|representative|holder|signer|objector|informant|witness/i;
/** Secrets a caller hands over (a webhook's signing secret, a password): never kept, not even in part. */
const SECRET_KEY = /secret|password|passphrase/i;
/** `raisedBy`, `recordedBy` …: who did it, a person's name (`orderBy` and the like are not). */
const PERSON_BY = /^(?!order|group|sort)[a-z]\w*By$/;
/**
 * Free text written about people (complaints, objections, findings, notes): only its length is
 * kept. The audit log is append-only, so nothing a complainant wrote about someone may land in it;
 * the text itself stays in its own record, where the domain's rules apply to it.
 */
const FREE_TEXT_KEY =
  /^(content|detail|details|note|notes|comment|comments|findings|report|summary|conclusion|explanation|narrative|facts|text|body)$/i;
/**
 * Digit runs shaped like a resident ID (or a mistyped one): masked wherever they occur, whatever
 * letter stands next to them (`x430…`, `…13X`); a longer run of digits is no ID (a certificate
 * number has 21).
 */
const ID_LIKE = /(?<!\d)\d{14,17}[\dXx](?!\d)/g;
/** Keys naming a person's identity number rather than a record: `residentId`, `holderResidentId`, `idCardNumber` … */
const RESIDENT_ID_KEY = /resident|identity|idcard|idnumber|citizen/i;
/** A whole value shaped like a resident ID (15 to 18 characters, the last may be X). */
const WHOLE_ID_LIKE = new RegExp(`^${ID_LIKE.source}$`);

/** Masks every run of digits shaped like a resident ID in a text: 430*************13. */
export const maskResidentIdShapes = (text: string) => text.replace(ID_LIKE, (id) => maskResidentId(id));

/**
 * Text PostgreSQL can store in jsonb: no NUL characters, no lone UTF-16 surrogates (hostile input
 * carries both; either would make the audit insert fail).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const storable = (s: string) => s.replaceAll('\u0000', '').replace(LONE_SURROGATE, '\uFFFD');

function summarizeValue(value: unknown, depth: number): unknown {
  if (value == null || typeof value === 'boolean') return value ?? null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    // An 18-digit number is a resident ID sent where a number was asked for: masked, as text.
    return WHOLE_ID_LIKE.test(String(value)) ? maskResidentId(String(value)) : value;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'string') {
    const masked = maskResidentIdShapes(storable(value));
    return masked.length > MAX_STRING ? `${masked.slice(0, MAX_STRING)}…(${masked.length} chars)` : masked;
  }
  if (depth >= MAX_DEPTH) return '[nested]';
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => summarizeValue(v, depth + 1));
    return value.length > MAX_ITEMS ? [...items, `…(${value.length} items)`] : items;
  }
  if (typeof value === 'object') return summarizeArgs(value as Record<string, unknown>, depth + 1);
  return String(value).slice(0, MAX_STRING);
}

/**
 * The arguments of a mutation as kept in the audit log: resident IDs masked,
 * names, contact details and secrets removed (the key stays, valued "[removed]"), free
 * text about people reduced to its length, long strings and lists cut short.
 */
export function summarizeArgs(args: Record<string, unknown> | null | undefined, depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args ?? {}).slice(0, MAX_ITEMS)) {
    out[maskResidentIdShapes(storable(key)).slice(0, MAX_STRING)] =
      value == null
        ? null
        : PERSONAL_KEY.test(key) || PERSON_BY.test(key) || SECRET_KEY.test(key)
          ? '[removed]'
          : RESIDENT_ID_KEY.test(key) && typeof value === 'string'
            ? // Whatever its shape (spaces, dashes, a wrong length): all but 3 + 2 characters masked.
              maskResidentId(storable(value).trim().slice(0, MAX_STRING))
            : FREE_TEXT_KEY.test(key) && typeof value === 'string'
              ? `[text, ${value.length} chars]`
              : summarizeValue(value, depth);
  }
  return out;
}

const ID_KEY = /^id$|Id$|Ids$/;

/**
 * Ids named by the arguments (id, planId, candidateIds …) and the ids of objects the payload
 * returns; resident IDs apart (a `residentId` argument, or any id-keyed value shaped like one),
 * for the writer to hash. No resident ID is ever a target id in clear.
 */
export function targetIdsOf(
  args: Record<string, unknown>,
  result: unknown,
): Pick<AuditEvent, 'targetIds' | 'residentIds'> {
  const ids = new Set<string>();
  const people = new Set<string>();
  const add = (key: string, v: unknown) => {
    if (typeof v !== 'string' || v.length > 64) return;
    const value = storable(v).trim();
    if (RESIDENT_ID_KEY.test(key) || WHOLE_ID_LIKE.test(value)) people.add(value.toUpperCase());
    else ids.add(maskResidentIdShapes(value));
  };
  const visit = (obj: Record<string, unknown>, depth: number) => {
    for (const [key, value] of Object.entries(obj)) {
      if (ID_KEY.test(key)) {
        for (const v of Array.isArray(value) ? value : [value]) add(key, v);
      } else if (depth < 1 && value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)) {
        visit(value as Record<string, unknown>, depth + 1);
      }
    }
  };
  visit(args, 0);
  if (result && typeof result === 'object') {
    for (const value of Object.values(result)) add('id', (value as { id?: unknown } | null)?.id);
  }
  return { targetIds: [...ids].slice(0, MAX_ITEMS), residentIds: [...people].slice(0, MAX_ITEMS) };
}
