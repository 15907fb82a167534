import { type Claims, canReach, type Refusal, reachOf, refuse } from '@hub/platform';
import { prefectureName } from '@hub/vocabulary';

/**
 * 属地管理 for supervision: the authorities that inspect and decide are inspectors, city
 * centres and the province centre. A city inspector or centre acts on (and sees) cases,
 * complaints, campaigns and signals of its own 市州 only; province-level inspectors and the
 * province centre act everywhere. Enterprises see their own cases once notified.
 */
export const SUPERVISING_ROLES = ['inspector', 'city_center', 'province_center'] as const;

/** Authorities that read supervision records of their reach (the ministry and admins read, they do not decide). */
export const SUPERVISION_READERS = ['inspector', 'city_center', 'province_center', 'ministry', 'admin'] as const;

const placeName = (code: string) => `${prefectureName(code) ?? code}（${code}）`;

export function isSupervisor(caller: Claims): boolean {
  return (SUPERVISING_ROLES as readonly string[]).includes(caller.role);
}

/** Province level: the province centre or an inspector without a 市州. */
export function isProvinceLevel(caller: Claims): boolean {
  return caller.role === 'province_center' || (caller.role === 'inspector' && !caller.prefecture);
}

/** May this caller decide on a record of this 市州? The refusal says which rule and why. */
export function actRefusal(caller: Claims, prefectureCode: string, what = '该案件'): Refusal | null {
  if (!isSupervisor(caller)) {
    return refuse(
      'NOT_A_SUPERVISING_AUTHORITY',
      `只有督导人员和市州、省职业技能鉴定中心可以办理督导事项（角色 ${caller.role} 不能）`,
    );
  }
  const reach = reachOf(caller);
  if (reach.kind === 'prefecture' && reach.prefecture !== prefectureCode) {
    return refuse(
      'NOT_YOUR_PREFECTURE',
      `属地管理：${what}属于${placeName(prefectureCode)}，${placeName(reach.prefecture)}的主管部门只能办理本市州的事项`,
    );
  }
  return null;
}

export interface CaseVisibility {
  enterpriseId: string;
  prefectureCode: string;
  notifiedOn: string | null;
}

/** Who sees a case: authorities within reach; the enterprise itself once notified. */
export function seesCase(caller: Claims, c: CaseVisibility): boolean {
  const reach = reachOf(caller);
  if (reach.kind === 'enterprise') return reach.enterpriseId === c.enterpriseId && c.notifiedOn !== null;
  if (caller.role === 'dashboard' || caller.role === 'public') return false;
  return canReach(caller, c);
}

/** Why a caller may not see a case it asked for by id, in words (no data of the case beyond its 市州). */
export function caseAccessMessage(caller: Claims, c: CaseVisibility): string {
  const reach = reachOf(caller);
  if (reach.kind === 'prefecture') {
    return `属地管理: this case belongs to ${placeName(c.prefectureCode)}; a ${caller.role === 'inspector' ? 'city inspector' : 'city centre'} of ${placeName(reach.prefecture)} sees only cases of its own 市州`;
  }
  return `role ${caller.role} may not read supervision cases`;
}

/**
 * The handling authority of a complaint: supervising authorities whose reach covers its 市州.
 * Only they see who complained; nobody else does (the ministry, admins, the enterprise, other 市州).
 */
export function handlesComplaint(caller: Claims, prefectureCode: string): boolean {
  return isSupervisor(caller) && actRefusal(caller, prefectureCode) === null;
}

/** A campaign of a 市州 is that 市州's business; a province-wide one the province's. */
export function campaignScopeRefusal(caller: Claims, prefectureCode: string | null): Refusal | null {
  if (prefectureCode) return actRefusal(caller, prefectureCode, '该抽查活动');
  if (!isSupervisor(caller)) return actRefusal(caller, '430100', '该抽查活动');
  if (!isProvinceLevel(caller)) {
    return refuse('PROVINCE_SCOPE_ONLY', '全省范围的抽查由省级（省鉴定中心或省级督导人员）制定和抽取', 'prefecture');
  }
  return null;
}
