import { createHash, timingSafeEqual } from 'node:crypto';
import { type Refusal, refuse } from '@hub/platform';
import { DEFAULT_COMPLAINT_HANDLING_DAYS } from '@hub/vocabulary';

/**
 * 职工投诉 and 媒体反映 (三(四): 对企业职工投诉和媒体反映的问题及时调查核实处理).
 * Intake is open to anyone; the complainant may stay anonymous; contact details go to the
 * handling authority only.
 */
export const MAX_COMPLAINT_LENGTH = 5000;

export interface ComplaintIntake {
  content: string;
  complainantName: string | null;
  complainantContact: string | null;
}

export function intakeRefusals(c: ComplaintIntake): Refusal[] {
  const out: Refusal[] = [];
  const content = c.content.trim();
  if (content.length < 10) {
    out.push(refuse('COMPLAINT_TOO_SHORT', '请说明反映的情况（至少 10 个字）', 'content'));
  }
  if (content.length > MAX_COMPLAINT_LENGTH) {
    out.push(refuse('COMPLAINT_TOO_LONG', `投诉内容不超过 ${MAX_COMPLAINT_LENGTH} 个字`, 'content'));
  }
  if (c.complainantName && c.complainantName.trim().length > 50) {
    out.push(refuse('NAME_TOO_LONG', '姓名不超过 50 个字', 'complainantName'));
  }
  const contact = c.complainantContact?.trim();
  if (contact && !/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|[^\s@]+@[^\s@]+\.[^\s@]+)$/.test(contact)) {
    out.push(refuse('BAD_CONTACT', '联系方式须为手机号码、固定电话或电子邮箱', 'complainantContact'));
  }
  return out;
}

export type TriageDecision = 'ACCEPT' | 'DISMISS';
export type ComplaintStatus = 'RECEIVED' | 'ACCEPTED' | 'DISMISSED' | 'CONVERTED';

/** 受理 or 不予受理 a received complaint; dismissal gives its reasons. */
export function triage(
  status: ComplaintStatus,
  decision: TriageDecision,
  note: string | null | undefined,
): { to: ComplaintStatus } | Refusal {
  if (status !== 'RECEIVED') {
    return refuse('COMPLAINT_WRONG_STATE', `只有待受理的投诉可以作受理或不予受理决定；该投诉状态为 ${status}`, 'id');
  }
  if (decision === 'DISMISS' && !note?.trim()) {
    return refuse('DISMISSAL_NEEDS_REASONS', '请写明不予受理的理由', 'note');
  }
  return { to: decision === 'ACCEPT' ? 'ACCEPTED' : 'DISMISSED' };
}

// ---- 受理编号, 查询码 and 办理期限 (issue #24 point 14) ----

/** 办理期限, 受理编号: defined once in the vocabulary (the demo seed numbers its complaints too). */
export { DEFAULT_COMPLAINT_HANDLING_DAYS, normaliseReceiptNumber, receiptNumber } from '@hub/vocabulary';

/** A complaint still waiting for its outcome: received, or accepted but no case opened yet. */
const OPEN_STATUSES: readonly ComplaintStatus[] = ['RECEIVED', 'ACCEPTED'];

/** The day a complaint received on `receivedOn` is to be handled by (dismissed, or a case opened). */
export function handlingDueOn(receivedOn: string, days: number = DEFAULT_COMPLAINT_HANDLING_DAYS): string {
  const d = new Date(`${receivedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 逾期: still open after its handling day. */
export function isOverdue(c: { status: ComplaintStatus; handlingDueOn: string | null }, today: string): boolean {
  return OPEN_STATUSES.includes(c.status) && c.handlingDueOn != null && c.handlingDueOn < today;
}

/** A status after which the complaint counts as handled: 不予受理 or 已立案. */
export const isHandled = (status: ComplaintStatus) => status === 'DISMISSED' || status === 'CONVERTED';

/** 查询码 characters: digits and capitals without the look-alikes 0/O and 1/I (32 of them). */
export const CHECK_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const CHECK_CODE_LENGTH = 8;

/** A 查询码 from random bytes (one per character): 32^8 ≈ 10^12 codes. */
export function checkCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < CHECK_CODE_LENGTH) throw new Error('too few random bytes for a check code');
  return Array.from(bytes.subarray(0, CHECK_CODE_LENGTH), (b) => CHECK_CODE_ALPHABET[b % 32]).join('');
}

/** The check code as typed: spaces and hyphens dropped, upper case. */
export const normaliseCheckCode = (typed: string) => typed.replace(/[\s-]/g, '').toUpperCase();

/** What is stored of a check code: a hash salted with its receipt number, never the code. */
export const checkCodeHash = (receipt: string, code: string) =>
  createHash('sha256')
    .update(`${receipt}\u0000${normaliseCheckCode(code)}`)
    .digest('hex');

/** Does the typed check code match the stored hash? Compared in constant time. */
export function checkCodeMatches(receipt: string, typed: string, storedHash: string | null): boolean {
  if (!storedHash) return false;
  const a = Buffer.from(checkCodeHash(receipt, typed), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
