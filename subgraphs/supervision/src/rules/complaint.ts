import { type Refusal, refuse } from '@hub/platform';

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
    out.push(refuse('COMPLAINT_TOO_SHORT', 'describe what happened (at least 10 characters)', 'content'));
  }
  if (content.length > MAX_COMPLAINT_LENGTH) {
    out.push(refuse('COMPLAINT_TOO_LONG', `at most ${MAX_COMPLAINT_LENGTH} characters`, 'content'));
  }
  if (c.complainantName && c.complainantName.trim().length > 50) {
    out.push(refuse('NAME_TOO_LONG', 'a name has at most 50 characters', 'complainantName'));
  }
  const contact = c.complainantContact?.trim();
  if (contact && !/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|[^\s@]+@[^\s@]+\.[^\s@]+)$/.test(contact)) {
    out.push(
      refuse('BAD_CONTACT', 'a contact is a mobile or landline number, or an e-mail address', 'complainantContact'),
    );
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
    return refuse('COMPLAINT_WRONG_STATE', `only a received complaint is triaged; this one is ${status}`, 'id');
  }
  if (decision === 'DISMISS' && !note?.trim()) {
    return refuse('DISMISSAL_NEEDS_REASONS', 'say why the complaint is not taken up (不予受理的理由)', 'note');
  }
  return { to: decision === 'ACCEPT' ? 'ACCEPTED' : 'DISMISSED' };
}
