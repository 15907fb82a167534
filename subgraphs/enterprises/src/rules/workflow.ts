import type { Claims } from '@hub/platform';
import { type Refusal, refuse } from '@hub/platform';
import { prefectureName } from '@hub/vocabulary';

/**
 * The 备案 workflow (工作指引 三 and the 备案申报表's opinion boxes):
 * DRAFT → SUBMITTED → CITY_REVIEWED (市州鉴定中心意见) → PROVINCE_REVIEWED (省鉴定中心意见)
 * → CONFIRMED (人社部备案确认), with REJECTED at every review step. 省属企业 and
 * 中央在湘企业 file straight with the province centre: no city step.
 */
export type FilingStatus =
  | 'DRAFT'
  | 'SUBMITTED'
  | 'CITY_REVIEWED'
  | 'PROVINCE_REVIEWED'
  | 'CONFIRMED'
  | 'REJECTED'
  | 'SUSPENDED'
  | 'REVOKED';
export type Affiliation = 'LOCAL' | 'PROVINCIAL' | 'CENTRAL';
export type ReviewDecision = 'APPROVE' | 'REJECT';

export interface FilingFacts {
  status: FilingStatus;
  enterpriseId: string;
  affiliation: Affiliation;
  prefectureCode: string;
}

export const EDITABLE: readonly FilingStatus[] = ['DRAFT', 'REJECTED'];

/** Only the enterprise itself edits and submits its filings; partner HR systems are read-only. */
export function mayActForEnterprise(caller: Claims, enterpriseId: string): Refusal | null {
  if (caller.role !== 'enterprise') {
    return refuse(
      'NOT_THE_ENTERPRISE',
      `only the enterprise itself may prepare or submit its filing (role ${caller.role} may not)`,
    );
  }
  if (caller.enterpriseId !== enterpriseId)
    return refuse('NOT_YOUR_ENTERPRISE', 'an enterprise may act only on its own filings');
  return null;
}

export function editRefusal(filing: FilingFacts, caller: Claims): Refusal | null {
  const who = mayActForEnterprise(caller, filing.enterpriseId);
  if (who) return who;
  if (!EDITABLE.includes(filing.status)) {
    return refuse(
      'FILING_WRONG_STATE',
      `a filing can be changed only while a draft or after rejection; this one is ${filing.status}`,
      'id',
    );
  }
  return null;
}

/** Who reviews a filing in its current state, and what approval leads to. */
export function reviewStep(
  filing: Pick<FilingFacts, 'status' | 'affiliation'>,
): { role: 'city_center' | 'province_center' | 'ministry'; approvesTo: FilingStatus } | null {
  switch (filing.status) {
    case 'SUBMITTED':
      return filing.affiliation === 'LOCAL'
        ? { role: 'city_center', approvesTo: 'CITY_REVIEWED' }
        : { role: 'province_center', approvesTo: 'PROVINCE_REVIEWED' };
    case 'CITY_REVIEWED':
      return { role: 'province_center', approvesTo: 'PROVINCE_REVIEWED' };
    case 'PROVINCE_REVIEWED':
      return { role: 'ministry', approvesTo: 'CONFIRMED' };
    default:
      return null;
  }
}

const STEP_NAMES = {
  city_center: '市州职业技能鉴定中心',
  province_center: '省职业技能鉴定中心',
  ministry: '人力资源社会保障部（备案确认）',
} as const;

/** Decides a review: the next status, or the rule that refuses it. */
export function review(
  filing: FilingFacts,
  caller: Claims,
  decision: ReviewDecision,
  opinion: string | null | undefined,
): { to: FilingStatus } | Refusal {
  const step = reviewStep(filing);
  if (!step) return refuse('FILING_WRONG_STATE', `a filing in state ${filing.status} awaits no review`, 'id');
  if (caller.role !== step.role) {
    if (filing.status === 'SUBMITTED' && filing.affiliation !== 'LOCAL' && caller.role === 'city_center') {
      return refuse(
        'PROVINCIAL_FILES_WITH_PROVINCE',
        '省属企业 and 中央在湘企业 file straight with the province centre: there is no city opinion',
      );
    }
    if (filing.status === 'SUBMITTED' && caller.role === 'province_center') {
      return refuse('CITY_OPINION_FIRST', 'the 市州 centre gives its opinion before the province centre');
    }
    return refuse('WRONG_REVIEWER', `this step is for the ${STEP_NAMES[step.role]}, not role ${caller.role}`);
  }
  if (step.role === 'city_center' && caller.prefecture !== filing.prefectureCode) {
    return refuse(
      'NOT_YOUR_PREFECTURE',
      `only the centre of ${prefectureName(filing.prefectureCode) ?? filing.prefectureCode} gives the city opinion on this filing`,
    );
  }
  if (decision === 'REJECT' && !opinion?.trim()) {
    return refuse(
      'REJECTION_NEEDS_REASONS',
      'a rejection must give its reasons so the enterprise can amend and resubmit',
      'opinion',
    );
  }
  return { to: decision === 'APPROVE' ? step.approvesTo : 'REJECTED' };
}

export function isRefusal(x: unknown): x is Refusal {
  return typeof x === 'object' && x !== null && 'code' in x && 'message' in x;
}
