import { type Refusal, refuse } from '@hub/platform';

/**
 * A supervision case (三(四), 工作指引 五(十)):
 *
 *   OPEN → INVESTIGATING → RECTIFICATION_ORDERED (deadline) → RECTIFIED → CLOSED
 *                        │                        ├─ deadline passed unrectified → ESCALATED
 *                        │                        └─ new findings since the order, at any time → ESCALATED
 *                        └─ 问题严重 (findings on record) ──────────────────────→ ESCALATED
 *   ESCALATED → QUALIFICATION_REVOKED (取消备案资质) | CLOSED
 *   any open state, or after revocation → TRANSFERRED (移交纪检/司法, with the receiving body)
 *
 * Rectification, escalation and revocation rest on findings with evidence (经调查核实).
 */
export type CaseStatus =
  | 'OPEN'
  | 'INVESTIGATING'
  | 'RECTIFICATION_ORDERED'
  | 'RECTIFIED'
  | 'ESCALATED'
  | 'CLOSED'
  | 'QUALIFICATION_REVOKED'
  | 'TRANSFERRED';

export type CaseAction =
  | { kind: 'START_INVESTIGATION' }
  | { kind: 'RECORD_FINDING'; description: string; evidence: readonly string[] }
  | { kind: 'ORDER_RECTIFICATION'; requirements: string; dueOn: string }
  | { kind: 'RECORD_RECTIFICATION'; report: string }
  | { kind: 'ESCALATE'; reason: string }
  | { kind: 'REVOKE_QUALIFICATION'; reason: string }
  | { kind: 'CLOSE'; conclusion: string }
  | { kind: 'TRANSFER'; receivingBody: string; reason: string }
  | { kind: 'ORDER_CERTIFICATE_REVOCATION'; reason: string };

export interface CaseFacts {
  status: CaseStatus;
  rectificationDueOn: string | null;
  /** Findings on record. */
  findings: number;
  /** Findings recorded since the case's latest 责令限期整改 (0 when none was ordered). */
  findingsSinceOrder: number;
}

/** The longest rectification period the hub accepts (a year). */
export const MAX_RECTIFICATION_DAYS = 365;

const FINAL: readonly CaseStatus[] = ['CLOSED', 'TRANSFERRED'];

const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

const wrongState = (action: string, status: CaseStatus, allowed: readonly CaseStatus[]) =>
  refuse(
    'CASE_WRONG_STATE',
    `${action} is possible only while the case is ${allowed.join(' or ')}; this case is ${status}`,
    'id',
  );

const blank = (s: string | null | undefined) => !s?.trim();

/** The state an action leads to, or the rule that refuses it. `today` is a China-time date. */
export function decide(c: CaseFacts, action: CaseAction, today: string): { to: CaseStatus } | Refusal {
  if (FINAL.includes(c.status)) {
    return refuse('CASE_CLOSED', `the case is ${c.status}: it can no longer change`, 'id');
  }
  const needFindings = (what: string) =>
    c.findings === 0
      ? refuse('FINDINGS_REQUIRED', `${what} rests on findings: record at least one finding with its evidence first`)
      : null;
  switch (action.kind) {
    case 'START_INVESTIGATION':
      return c.status === 'OPEN'
        ? { to: 'INVESTIGATING' }
        : wrongState('starting the investigation', c.status, ['OPEN']);
    case 'RECORD_FINDING': {
      const allowed: CaseStatus[] = ['OPEN', 'INVESTIGATING', 'RECTIFICATION_ORDERED', 'ESCALATED'];
      if (!allowed.includes(c.status)) return wrongState('recording a finding', c.status, allowed);
      if (blank(action.description)) return refuse('FINDING_NEEDS_DESCRIPTION', 'say what was found', 'description');
      if (!action.evidence.some((e) => !blank(e))) {
        return refuse(
          'FINDING_NEEDS_EVIDENCE',
          'a finding names the evidence it rests on (at least one reference)',
          'evidence',
        );
      }
      return { to: c.status === 'OPEN' ? 'INVESTIGATING' : c.status };
    }
    case 'ORDER_RECTIFICATION': {
      if (c.status !== 'INVESTIGATING') return wrongState('责令限期整改', c.status, ['INVESTIGATING']);
      const missing = needFindings('责令限期整改');
      if (missing) return missing;
      if (blank(action.requirements)) {
        return refuse('RECTIFICATION_NEEDS_REQUIREMENTS', 'say what the institution must rectify', 'requirements');
      }
      if (action.dueOn <= today) {
        return refuse('DEADLINE_NOT_AFTER_TODAY', `the rectification deadline must be after today (${today})`, 'dueOn');
      }
      if (daysBetween(today, action.dueOn) > MAX_RECTIFICATION_DAYS) {
        return refuse('DEADLINE_TOO_FAR', `a rectification period is at most ${MAX_RECTIFICATION_DAYS} days`, 'dueOn');
      }
      return { to: 'RECTIFICATION_ORDERED' };
    }
    case 'RECORD_RECTIFICATION':
      if (c.status !== 'RECTIFICATION_ORDERED')
        return wrongState('recording the rectification', c.status, ['RECTIFICATION_ORDERED']);
      if (blank(action.report))
        return refuse('RECTIFICATION_NEEDS_REPORT', 'describe the rectification as verified', 'report');
      if (c.rectificationDueOn && today > c.rectificationDueOn) {
        return refuse(
          'RECTIFICATION_DEADLINE_PASSED',
          `the deadline (${c.rectificationDueOn}) passed unrectified: escalate the case, or close it with reasons`,
        );
      }
      return { to: 'RECTIFIED' };
    case 'ESCALATE': {
      if (blank(action.reason)) return refuse('ESCALATION_NEEDS_REASON', 'say why the case is escalated', 'reason');
      if (c.status === 'RECTIFICATION_ORDERED') {
        // A rectification period protects the institution on what was ordered, not on what came to
        // light since: new findings (问题严重) escalate at any time (issue #24 point 12).
        if (c.rectificationDueOn && today <= c.rectificationDueOn && c.findingsSinceOrder === 0) {
          return refuse(
            'RECTIFICATION_DEADLINE_NOT_PASSED',
            `the institution has until ${c.rectificationDueOn} to rectify; escalate before then only on new findings recorded since the order`,
          );
        }
        return { to: 'ESCALATED' };
      }
      if (c.status === 'INVESTIGATING')
        return needFindings('escalation of a serious case (问题严重的)') ?? { to: 'ESCALATED' };
      return wrongState('escalation', c.status, ['INVESTIGATING', 'RECTIFICATION_ORDERED']);
    }
    case 'REVOKE_QUALIFICATION':
      if (c.status !== 'ESCALATED') return wrongState('取消备案资质', c.status, ['ESCALATED']);
      if (blank(action.reason))
        return refuse('REVOCATION_NEEDS_REASON', 'give the grounds of the revocation', 'reason');
      return needFindings('取消备案资质') ?? { to: 'QUALIFICATION_REVOKED' };
    case 'CLOSE': {
      const allowed: CaseStatus[] = ['OPEN', 'INVESTIGATING', 'RECTIFIED', 'ESCALATED', 'QUALIFICATION_REVOKED'];
      if (!allowed.includes(c.status)) return wrongState('closing', c.status, allowed);
      if (blank(action.conclusion))
        return refuse('CLOSING_NEEDS_CONCLUSION', 'a case is closed with its conclusion (结案意见)', 'conclusion');
      return { to: 'CLOSED' };
    }
    case 'TRANSFER':
      if (blank(action.receivingBody)) {
        return refuse(
          'TRANSFER_NEEDS_RECEIVING_BODY',
          'name the discipline-inspection or judicial body receiving the case',
          'receivingBody',
        );
      }
      if (blank(action.reason))
        return refuse('TRANSFER_NEEDS_REASON', 'say what is suspected (涉嫌违纪违法)', 'reason');
      return { to: 'TRANSFERRED' };
    case 'ORDER_CERTIFICATE_REVOCATION': {
      const allowed: CaseStatus[] = [
        'INVESTIGATING',
        'RECTIFICATION_ORDERED',
        'RECTIFIED',
        'ESCALATED',
        'QUALIFICATION_REVOKED',
      ];
      if (!allowed.includes(c.status)) return wrongState('ordering certificates revoked', c.status, allowed);
      if (blank(action.reason))
        return refuse('REVOCATION_NEEDS_REASON', 'give the reason the certificates are irregular', 'reason');
      return needFindings('ordering certificates revoked') ?? { to: c.status };
    }
  }
}

export function isRefusal(x: unknown): x is Refusal {
  return typeof x === 'object' && x !== null && 'code' in x && 'message' in x;
}
