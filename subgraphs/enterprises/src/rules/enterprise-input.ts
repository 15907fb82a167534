import { type Refusal, refuse } from '@hub/platform';
import { isPrefectureCode } from '@hub/vocabulary';

/** The 备案申报表's 一、企业基本信息, as entered. */
export interface EnterpriseInput {
  name: string;
  legalRepresentative: string;
  address: string;
  phone: string;
  registrationAuthority: string;
  foundedOn: string;
  employeeCount: number;
  skilledWorkerCount: number;
  mainBusiness: string;
  headName: string;
  headPhone: string;
  contactName: string;
  contactPhone: string;
  contactTitle: string;
  email: string;
  prefectureCode: string;
}

const MOBILE = /^1[3-9]\d{9}$/;
/** Landline with area code: 0731-88888888, 0731 8888 8888, optional extension -123 (spaces ignored). */
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export const isPhone = (raw: string) => {
  const v = raw.replace(/\s/g, '');
  return MOBILE.test(v) || LANDLINE.test(v);
};

const TEXT_LIMITS: [keyof EnterpriseInput, string, number][] = [
  ['name', '企业名称', 100],
  ['legalRepresentative', '法定代表人', 50],
  ['address', '企业地址', 200],
  ['registrationAuthority', '注册登记机构', 100],
  ['mainBusiness', '主营业务', 500],
  ['headName', '企业负责人', 50],
  ['contactName', '联系人', 50],
  ['contactTitle', '联系人职务', 50],
];

/** Checks the form's rules; `today` is the calendar day in China (YYYY-MM-DD). */
export function enterpriseInputRefusals(input: EnterpriseInput, today: string): Refusal[] {
  const out: Refusal[] = [];
  for (const [field, label, max] of TEXT_LIMITS) {
    const v = String(input[field] ?? '').trim();
    if (!v) out.push(refuse('REQUIRED', `请填写${label}`, field));
    else if (v.length > max) out.push(refuse('TOO_LONG', `${label}不超过 ${max} 个字`, field));
  }
  for (const [field, label] of [
    ['phone', '电话'],
    ['headPhone', '企业负责人联系电话'],
    ['contactPhone', '联系人联系电话'],
  ] as const) {
    if (!isPhone(input[field] ?? '')) {
      out.push(refuse('INVALID_PHONE', `${label}须为 11 位手机号码或带区号的固定电话`, field));
    }
  }
  if (!EMAIL.test(input.email ?? '') || input.email.length > 100) {
    out.push(refuse('INVALID_EMAIL', '企业电子邮箱格式不正确', 'email'));
  }
  if (!Number.isInteger(input.employeeCount) || input.employeeCount < 0) {
    out.push(refuse('INVALID_COUNT', '上年度在职职工总人数须为不小于 0 的整数', 'employeeCount'));
  }
  if (!Number.isInteger(input.skilledWorkerCount) || input.skilledWorkerCount < 0) {
    out.push(refuse('INVALID_COUNT', '技能人员总人数须为不小于 0 的整数', 'skilledWorkerCount'));
  } else if (input.skilledWorkerCount > input.employeeCount) {
    out.push(
      refuse(
        'SKILLED_EXCEEDS_EMPLOYEES',
        `技能人员总人数（${input.skilledWorkerCount}）不能超过在职职工总人数（${input.employeeCount}）`,
        'skilledWorkerCount',
      ),
    );
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.foundedOn ?? '')) {
    out.push(refuse('INVALID_DATE', '成立时间须为日期（YYYY-MM-DD）', 'foundedOn'));
  } else if (input.foundedOn > today) {
    out.push(refuse('FOUNDED_IN_FUTURE', `成立时间 ${input.foundedOn} 晚于今天`, 'foundedOn'));
  }
  if (!isPrefectureCode(input.prefectureCode ?? '')) {
    out.push(refuse('UNKNOWN_PREFECTURE', `“${input.prefectureCode}”不是湖南省 14 个市州的代码`, 'prefectureCode'));
  }
  return out;
}

/** The part of the caller these rules read. */
interface Actor {
  role: string;
  prefecture?: string | undefined;
  creditCode?: string | undefined;
}

/**
 * 也可通过网络申请备案: who may register an enterprise under `creditCode`. An authority (a city centre
 * in its own 市州, the province centre, an admin) registers one on its behalf; an enterprise signed in
 * with the province's legal-person identity (its token carries `creditCode`) registers itself, under
 * its own code only.
 */
export function registrationRefusals(caller: Actor, creditCode: string, prefectureCode: string): Refusal[] {
  if (caller.role === 'city_center' && prefectureCode !== caller.prefecture)
    return [refuse('NOT_YOUR_PREFECTURE', '市州中心只能登记本市州的企业', 'prefectureCode')];
  if (caller.role !== 'enterprise') return [];
  if (!caller.creditCode)
    return [
      refuse(
        'LEGAL_PERSON_TOKEN_REQUIRED',
        '企业自行登记须以法人身份认证登录（令牌须含统一社会信用代码 creditCode）',
        'creditCode',
      ),
    ];
  return caller.creditCode === creditCode
    ? []
    : [refuse('NOT_YOUR_CREDIT_CODE', '企业只能以本企业法人认证的统一社会信用代码登记', 'creditCode')];
}

/**
 * Who may change an enterprise's 企业基本信息, and what: the enterprise itself its own facts but not its
 * 市州; its city centre corrects the record within its 市州 (moving it to another 市州 is the
 * province's); the province centre and admins anything.
 */
export function correctionRefusals(
  caller: Actor & { enterpriseId?: string | undefined },
  current: { id: string; prefectureCode: string },
  prefectureCode: string,
): Refusal[] {
  switch (caller.role) {
    case 'enterprise':
      if (caller.enterpriseId !== current.id)
        return [refuse('NOT_YOUR_ENTERPRISE', '企业只能修改本企业的基本信息', 'id')];
      return prefectureCode === current.prefectureCode
        ? []
        : [refuse('PREFECTURE_FIXED', '变更所属市州须由人社部门办理，企业不能自行修改', 'prefectureCode')];
    case 'city_center':
      if (current.prefectureCode !== caller.prefecture)
        return [refuse('NOT_YOUR_PREFECTURE', '市州中心只能更正本市州企业的信息', 'id')];
      return prefectureCode === current.prefectureCode
        ? []
        : [refuse('PREFECTURE_FIXED', '将企业移至其他市州须由省级中心办理', 'prefectureCode')];
    default:
      return [];
  }
}
