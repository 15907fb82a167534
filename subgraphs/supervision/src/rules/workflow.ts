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
  refuse('CASE_WRONG_STATE', `案件状态为 ${allowed.join(' 或 ')} 时才能${action}；本案状态为 ${status}`, 'id');

const blank = (s: string | null | undefined) => !s?.trim();

/** The state an action leads to, or the rule that refuses it. `today` is a China-time date. */
export function decide(c: CaseFacts, action: CaseAction, today: string): { to: CaseStatus } | Refusal {
  if (FINAL.includes(c.status)) {
    return refuse('CASE_CLOSED', `本案已${c.status === 'CLOSED' ? '结案' : '移交'}（${c.status}），不能再作变动`, 'id');
  }
  const needFindings = (what: string) =>
    c.findings === 0 ? refuse('FINDINGS_REQUIRED', `${what}须以查实的问题为依据：请先记录至少一项问题及其证据`) : null;
  switch (action.kind) {
    case 'START_INVESTIGATION':
      return c.status === 'OPEN' ? { to: 'INVESTIGATING' } : wrongState('开始调查', c.status, ['OPEN']);
    case 'RECORD_FINDING': {
      const allowed: CaseStatus[] = ['OPEN', 'INVESTIGATING', 'RECTIFICATION_ORDERED', 'ESCALATED'];
      if (!allowed.includes(c.status)) return wrongState('记录问题', c.status, allowed);
      if (blank(action.description)) return refuse('FINDING_NEEDS_DESCRIPTION', '请写明查实的问题', 'description');
      if (!action.evidence.some((e) => !blank(e))) {
        return refuse('FINDING_NEEDS_EVIDENCE', '问题须注明所依据的证据（至少一项）', 'evidence');
      }
      return { to: c.status === 'OPEN' ? 'INVESTIGATING' : c.status };
    }
    case 'ORDER_RECTIFICATION': {
      if (c.status !== 'INVESTIGATING') return wrongState('责令限期整改', c.status, ['INVESTIGATING']);
      const missing = needFindings('责令限期整改');
      if (missing) return missing;
      if (blank(action.requirements)) {
        return refuse('RECTIFICATION_NEEDS_REQUIREMENTS', '请写明机构须整改的内容', 'requirements');
      }
      if (action.dueOn <= today) {
        return refuse('DEADLINE_NOT_AFTER_TODAY', `整改期限须晚于今天（${today}）`, 'dueOn');
      }
      if (daysBetween(today, action.dueOn) > MAX_RECTIFICATION_DAYS) {
        return refuse('DEADLINE_TOO_FAR', `整改期限不超过 ${MAX_RECTIFICATION_DAYS} 日`, 'dueOn');
      }
      return { to: 'RECTIFICATION_ORDERED' };
    }
    case 'RECORD_RECTIFICATION':
      if (c.status !== 'RECTIFICATION_ORDERED') return wrongState('记录整改情况', c.status, ['RECTIFICATION_ORDERED']);
      if (blank(action.report)) return refuse('RECTIFICATION_NEEDS_REPORT', '请写明经核实的整改情况', 'report');
      if (c.rectificationDueOn && today > c.rectificationDueOn) {
        return refuse(
          'RECTIFICATION_DEADLINE_PASSED',
          `整改期限（${c.rectificationDueOn}）已过而未整改到位：请升级处理，或写明理由结案`,
        );
      }
      return { to: 'RECTIFIED' };
    case 'ESCALATE': {
      if (blank(action.reason)) return refuse('ESCALATION_NEEDS_REASON', '请写明升级处理的理由', 'reason');
      if (c.status === 'RECTIFICATION_ORDERED') {
        // A rectification period protects the institution on what was ordered, not on what came to
        // light since: new findings (问题严重) escalate at any time (issue #24 point 12).
        if (c.rectificationDueOn && today <= c.rectificationDueOn && c.findingsSinceOrder === 0) {
          return refuse(
            'RECTIFICATION_DEADLINE_NOT_PASSED',
            `机构的整改期限至 ${c.rectificationDueOn}；期限届满前，只有责令整改后新查实的问题才能升级处理`,
          );
        }
        return { to: 'ESCALATED' };
      }
      if (c.status === 'INVESTIGATING') return needFindings('问题严重的升级处理') ?? { to: 'ESCALATED' };
      return wrongState('升级处理', c.status, ['INVESTIGATING', 'RECTIFICATION_ORDERED']);
    }
    case 'REVOKE_QUALIFICATION':
      if (c.status !== 'ESCALATED') return wrongState('取消备案资质', c.status, ['ESCALATED']);
      if (blank(action.reason)) return refuse('REVOCATION_NEEDS_REASON', '请写明取消备案资质的依据', 'reason');
      return needFindings('取消备案资质') ?? { to: 'QUALIFICATION_REVOKED' };
    case 'CLOSE': {
      const allowed: CaseStatus[] = ['OPEN', 'INVESTIGATING', 'RECTIFIED', 'ESCALATED', 'QUALIFICATION_REVOKED'];
      if (!allowed.includes(c.status)) return wrongState('结案', c.status, allowed);
      if (blank(action.conclusion)) return refuse('CLOSING_NEEDS_CONCLUSION', '结案须写明结案意见', 'conclusion');
      return { to: 'CLOSED' };
    }
    case 'TRANSFER':
      if (blank(action.receivingBody)) {
        return refuse('TRANSFER_NEEDS_RECEIVING_BODY', '请写明接收移交的纪检监察或司法机关', 'receivingBody');
      }
      if (blank(action.reason)) return refuse('TRANSFER_NEEDS_REASON', '请写明涉嫌违纪违法的情形', 'reason');
      return { to: 'TRANSFERRED' };
    case 'ORDER_CERTIFICATE_REVOCATION': {
      const allowed: CaseStatus[] = [
        'INVESTIGATING',
        'RECTIFICATION_ORDERED',
        'RECTIFIED',
        'ESCALATED',
        'QUALIFICATION_REVOKED',
      ];
      if (!allowed.includes(c.status)) return wrongState('责令撤销证书', c.status, allowed);
      if (blank(action.reason)) return refuse('REVOCATION_NEEDS_REASON', '请写明证书违规的理由', 'reason');
      return needFindings('责令撤销证书') ?? { to: c.status };
    }
  }
}

export function isRefusal(x: unknown): x is Refusal {
  return typeof x === 'object' && x !== null && 'code' in x && 'message' in x;
}
