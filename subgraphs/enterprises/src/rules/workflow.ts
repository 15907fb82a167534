import type { Claims } from '@hub/platform';
import { type Refusal, refuse } from '@hub/platform';
import { prefectureName } from '@hub/vocabulary';

/**
 * The 备案 workflow (工作指引 三 and the 备案申报表's opinion boxes):
 * DRAFT → SUBMITTED → CITY_REVIEWED (市州鉴定中心意见) → PROVINCE_REVIEWED (省鉴定中心意见)
 * → CONFIRMED (人社部备案确认), with REJECTED at every review step.
 *
 * The route is the filing's own (申报途径): a 省属企业 may go straight to the province centre
 * (「省属企业可直接向省人力资源社会保障部门…」) or take the ordinary 市州 route; a 中央在湘企业 and
 * a local one take the 市州 route, unless the province recorded otherwise for that enterprise.
 *
 * REJECTED and WITHDRAWN (撤回, by the enterprise before a decision) close a filing: it stays in
 * the history, and the enterprise files again with a new filing.
 */
export type FilingStatus =
  | 'DRAFT'
  | 'SUBMITTED'
  | 'CITY_REVIEWED'
  | 'PROVINCE_REVIEWED'
  | 'CONFIRMED'
  | 'REJECTED'
  | 'SUSPENDED'
  | 'REVOKED'
  | 'WITHDRAWN'
  | 'CANCELLED';
export type Affiliation = 'LOCAL' | 'PROVINCIAL' | 'CENTRAL';
export type FilingRoute = 'CITY' | 'PROVINCE';
export type ReviewDecision = 'APPROVE' | 'REJECT';

export interface FilingFacts {
  status: FilingStatus;
  enterpriseId: string;
  affiliation: Affiliation;
  prefectureCode: string;
  route: FilingRoute;
}

/** Only a draft is edited; a rejected filing is closed and the enterprise files again. */
export const EDITABLE: readonly FilingStatus[] = ['DRAFT'];

/** A filing in progress: at most one per enterprise; it may be withdrawn (撤回) until decided. */
export const OPEN: readonly FilingStatus[] = ['DRAFT', 'SUBMITTED', 'CITY_REVIEWED', 'PROVINCE_REVIEWED'];

/** May this enterprise go straight to the province centre? 省属 always; 中央在湘 when the province recorded it. */
export function mayFileWithProvince(e: { affiliation: Affiliation; provinceRoute: boolean }): boolean {
  return e.affiliation === 'PROVINCIAL' || (e.affiliation === 'CENTRAL' && e.provinceRoute);
}

/**
 * The route of a new filing: the one the enterprise asks for, else the province for those who
 * may go straight there and the 市州 centre for everyone else.
 */
export function filingRoute(
  e: { affiliation: Affiliation; provinceRoute: boolean },
  asked: FilingRoute | null | undefined,
): FilingRoute | Refusal {
  const straight = mayFileWithProvince(e);
  if (asked === 'PROVINCE' && !straight) {
    return refuse(
      'PROVINCE_ROUTE_NOT_OPEN',
      e.affiliation === 'CENTRAL'
        ? '中央在湘企业按属地向市州职业技能鉴定中心申报；省级另有记录的除外（由省鉴定中心设置）'
        : '属地企业向所在市州职业技能鉴定中心申报，不能直接向省鉴定中心申报',
      'route',
    );
  }
  return asked ?? (straight ? 'PROVINCE' : 'CITY');
}

/** Only the enterprise itself edits and submits its filings; partner HR systems are read-only. */
export function mayActForEnterprise(caller: Claims, enterpriseId: string): Refusal | null {
  if (caller.role !== 'enterprise') {
    return refuse('NOT_THE_ENTERPRISE', `备案申报只能由企业本身填报和提交（角色 ${caller.role} 不能）`);
  }
  if (caller.enterpriseId !== enterpriseId) return refuse('NOT_YOUR_ENTERPRISE', '企业只能办理本企业的备案申报');
  return null;
}

export function editRefusal(filing: FilingFacts, caller: Claims): Refusal | null {
  const who = mayActForEnterprise(caller, filing.enterpriseId);
  if (who) return who;
  if (filing.status === 'REJECTED' || filing.status === 'WITHDRAWN') {
    return refuse(
      'FILING_CLOSED',
      `该备案申报已${filing.status === 'REJECTED' ? '退回' : '撤回'}，不再修改或提交：请新建一份备案申报（原申报留作记录）`,
      'id',
    );
  }
  if (!EDITABLE.includes(filing.status)) {
    return refuse('FILING_WRONG_STATE', `只有草稿状态的备案申报可以修改；该申报状态为 ${filing.status}`, 'id');
  }
  return null;
}

/** Who reviews a filing in its current state, and what approval leads to. */
export function reviewStep(
  filing: Pick<FilingFacts, 'status' | 'route'>,
): { role: 'city_center' | 'province_center' | 'ministry'; approvesTo: FilingStatus } | null {
  switch (filing.status) {
    case 'SUBMITTED':
      return filing.route === 'CITY'
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
  if (!step) return refuse('FILING_WRONG_STATE', `该备案申报状态为 ${filing.status}，无待审核环节`, 'id');
  if (caller.role !== step.role) {
    if (filing.status === 'SUBMITTED' && filing.route === 'PROVINCE' && caller.role === 'city_center') {
      return refuse('FILED_WITH_PROVINCE', '该备案申报由企业直接报省职业技能鉴定中心，无需市州意见');
    }
    if (filing.status === 'SUBMITTED' && caller.role === 'province_center') {
      return refuse('CITY_OPINION_FIRST', '须先由市州职业技能鉴定中心出具意见，再报省鉴定中心');
    }
    return refuse('WRONG_REVIEWER', `该环节由${STEP_NAMES[step.role]}办理，角色 ${caller.role} 不能办理`);
  }
  if (step.role === 'city_center' && caller.prefecture !== filing.prefectureCode) {
    return refuse(
      'NOT_YOUR_PREFECTURE',
      `该备案申报的市州意见由${prefectureName(filing.prefectureCode) ?? filing.prefectureCode}职业技能鉴定中心出具`,
    );
  }
  if (decision === 'REJECT' && !opinion?.trim()) {
    return refuse('REJECTION_NEEDS_REASONS', '退回须写明理由，以便企业据此修改后重新申报', 'opinion');
  }
  return { to: decision === 'APPROVE' ? step.approvesTo : 'REJECTED' };
}

/** 撤回: the enterprise itself withdraws its filing while no decision has closed it. */
export function withdrawRefusal(
  filing: FilingFacts,
  caller: Claims,
  reason: string | null | undefined,
): Refusal | null {
  const who = mayActForEnterprise(caller, filing.enterpriseId);
  if (who) return who;
  if (!OPEN.includes(filing.status)) {
    return refuse('FILING_WRONG_STATE', `只有作出决定前的备案申报可以撤回；该申报状态为 ${filing.status}`, 'id');
  }
  if ((reason ?? '').length > 2000) return refuse('TOO_LONG', '撤回理由不超过 2000 字', 'reason');
  return null;
}

export function isRefusal(x: unknown): x is Refusal {
  return typeof x === 'object' && x !== null && 'code' in x && 'message' in x;
}
