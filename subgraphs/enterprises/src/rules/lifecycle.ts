import { type Claims, type Refusal, refuse } from '@hub/platform';
import { addCalendarDays } from '@hub/vocabulary';

/**
 * The life of an institution beyond its filings (湘人社发〔2024〕26号 and its 工作指引 set no lifetime
 * ban and no dead ends): a new filing after a rejection, a withdrawal, a revocation or a 注销; the
 * enterprise giving its qualification up (注销); a centre suspending an institution for a period and
 * resuming it.
 */
export type Qualification = 'NONE' | 'CONFIRMED' | 'SUSPENDED' | 'REVOKED' | 'CANCELLED';

const MAX_REASON = 2000;

function reasonRefusal(reason: string | null | undefined, label: string): Refusal | null {
  const text = reason?.trim() ?? '';
  if (!text) return refuse('REASON_REQUIRED', `${label}须写明理由`, 'reason');
  if (text.length > MAX_REASON) return refuse('TOO_LONG', `${label}理由不超过 ${MAX_REASON} 字`, 'reason');
  return null;
}

/**
 * May the enterprise start a filing? Not while suspended. After a revocation (取消备案资质) it may,
 * once the waiting period (days, configurable, default none) counted from the revocation day is over.
 */
export function newFilingRefusal(
  e: { qualification: Qualification; revokedOn: string | null },
  waitingDays: number,
  today: string,
): Refusal | null {
  if (e.qualification === 'SUSPENDED') {
    return refuse('QUALIFICATION_SUSPENDED', '评价机构处于暂停期间，恢复前不得提交新的备案申报');
  }
  if (e.qualification === 'REVOKED' && e.revokedOn && waitingDays > 0) {
    const from = addCalendarDays(e.revokedOn, waitingDays);
    if (today < from) {
      return refuse(
        'REVOCATION_WAITING_PERIOD',
        `备案资质于 ${e.revokedOn} 被取消，须满 ${waitingDays} 日后（${from} 起）方可重新申请备案`,
      );
    }
  }
  return null;
}

/** 注销: the enterprise itself gives a confirmed qualification up, with its reason. */
export function giveUpRefusal(
  e: { id: string; qualification: Qualification },
  caller: Claims,
  reason: string | null | undefined,
): Refusal | null {
  if (caller.role !== 'enterprise' || caller.enterpriseId !== e.id) {
    return refuse('NOT_YOUR_ENTERPRISE', '只有企业本身可以申请注销其备案资质');
  }
  if (e.qualification === 'SUSPENDED') {
    return refuse('QUALIFICATION_SUSPENDED', '评价机构处于暂停期间，须先完成整改、恢复后方可注销');
  }
  if (e.qualification !== 'CONFIRMED') {
    return refuse('NOT_QUALIFIED', '该企业不在全省技能人才自主评价机构目录中，无可注销的备案资质');
  }
  return reasonRefusal(reason, '注销');
}

/** The centre over an institution: the province centre for all, a 市州 centre for its own 市州. */
function centreRefusal(caller: Claims, prefectureCode: string): Refusal | null {
  if (caller.role === 'province_center' || caller.role === 'admin') return null;
  if (caller.role === 'city_center' && caller.prefecture === prefectureCode) return null;
  return refuse('NOT_YOUR_PREFECTURE', '只有所在市州或省职业技能鉴定中心可以暂停或恢复该评价机构');
}

/** The longest suspension period a centre may set at once, in days. */
export const MAX_SUSPENSION_DAYS = 366;

/** 暂停: a centre suspends a confirmed institution with reasons, for a period of days from today. */
export function suspensionRefusal(
  e: { qualification: Qualification; prefectureCode: string },
  caller: Claims,
  s: { days: number; reason: string | null | undefined },
): Refusal | null {
  const centre = centreRefusal(caller, e.prefectureCode);
  if (centre) return centre;
  if (e.qualification === 'SUSPENDED') return refuse('ALREADY_SUSPENDED', '该评价机构已处于暂停期间');
  if (e.qualification !== 'CONFIRMED') {
    return refuse('NOT_QUALIFIED', '只有目录中的评价机构可以被暂停');
  }
  if (!Number.isInteger(s.days) || s.days < 1 || s.days > MAX_SUSPENSION_DAYS) {
    return refuse('PERIOD_OUT_OF_RANGE', `暂停期限为 1 至 ${MAX_SUSPENSION_DAYS} 日`, 'days');
  }
  return reasonRefusal(s.reason, '暂停');
}

/** 恢复: a centre resumes a suspended institution (its rectification accepted), with reasons. */
export function resumptionRefusal(
  e: { qualification: Qualification; prefectureCode: string },
  caller: Claims,
  reason: string | null | undefined,
): Refusal | null {
  const centre = centreRefusal(caller, e.prefectureCode);
  if (centre) return centre;
  if (e.qualification !== 'SUSPENDED') return refuse('NOT_SUSPENDED', '该评价机构未被暂停，无需恢复');
  return reasonRefusal(reason, '恢复');
}
