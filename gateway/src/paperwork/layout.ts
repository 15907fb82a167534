/**
 * What the hub's paper shows, as pure functions: how a certificate writes the holder's 证件号码,
 * a date, a level; where its QR code points. No I/O here (gateway/test/paperwork-layout.test.ts).
 */
import { LEVEL_LABELS, maskName, maskResidentId } from '@hub/vocabulary';

/**
 * 证件号码 on a certificate: the 6-digit region code and the last 4 characters, the 8 digits of the
 * birth date hidden (430102********123X), as the national certificate query shows it. Anything
 * not shaped like an 18-character 公民身份号码 gets the hub's general mask.
 */
export function certificateIdMask(id: string): string {
  const clean = id.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(clean)) return maskResidentId(clean);
  return `${clean.slice(0, 6)}${'*'.repeat(8)}${clean.slice(14)}`;
}

/** 2025-01-02 → 2025年01月02日, as certificates and notices write dates. */
export function chineseDate(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[1]}年${m[2]}月${m[3]}日` : day;
}

/** LEVEL_4 → 四级/中级工. */
export const levelName = (level: string): string => LEVEL_LABELS[level] ?? level;

/**
 * The link a certificate's QR code holds: the public 证书查询 page with the number in the fragment,
 * and nothing else. The holder's name stays off the code: whoever scans it types the name printed
 * on the paper, so the check compares the paper with the record (a copied code on an altered paper
 * does not verify by itself), and no scanner app's history keeps a name (docs/decisions/pdf-fonts.md).
 */
export function verificationLink(origin: string, number: string): string {
  return `${origin.replace(/\/+$/, '')}/verify#number=${encodeURIComponent(number)}`;
}

/** A name as a 公示 shows it (张*三): the personal-information law's minimum for a public list. */
export const publicName = (name: string): string => maskName(name);

/**
 * The origin printed in links (the QR code): the configured public address, else the one the
 * request came to — its Host, and its X-Forwarded-Proto only behind a trusted proxy.
 */
export function originOf(
  configured: string | undefined,
  headers: { host?: string | undefined; 'x-forwarded-proto'?: string | string[] | undefined },
  trustProxy: boolean,
): string {
  if (configured) return configured.replace(/\/+$/, '');
  const forwarded = trustProxy
    ? String(headers['x-forwarded-proto'] ?? '')
        .split(',')[0]
        ?.trim()
    : '';
  const proto = forwarded === 'https' ? 'https' : 'http';
  const host = /^[\w.-]+(:\d{1,5})?$|^\[[\d:a-fA-F]+\](:\d{1,5})?$/.test(headers.host ?? '')
    ? headers.host
    : 'localhost';
  return `${proto}://${host}`;
}

/** A file name for Content-Disposition: ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function attachment(asciiName: string, utf8Name = asciiName): string {
  return `attachment; filename="${asciiName.replace(/[^\w.-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(utf8Name)}`;
}

/** 评价方式, as the notice writes them. */
export const METHOD_NAMES: Readonly<Record<string, string>> = {
  THEORY_EXAM: '理论知识考试',
  SKILL_OPERATION: '技能操作考核',
  INTEGRATED: '理论技能一体化考核',
  SIMULATION: '模拟操作考核',
  ON_JOB_TRAINING: '岗位练兵',
  TECHNICAL_CONTEST: '技术比武',
  COMPETITION: '竞赛选拔',
  DIRECT_RECOGNITION: '直接认定',
  PROCESS_ASSESSMENT: '过程化考核',
  MODULAR_ASSESSMENT: '模块化考核',
  PERFORMANCE_REVIEW: '业绩评审',
};

/** 成绩组成. */
export const PART_NAMES: Readonly<Record<string, string>> = {
  THEORY: '理论知识',
  SKILL: '技能操作',
  ABILITY: '职业能力',
  PERFORMANCE: '业绩评定',
  REVIEW_DEFENCE: '现场评审/答辩',
};

/** 竞赛奖项, as a 成绩汇总表 writes a placing. */
export const AWARD_NAMES: Readonly<Record<string, string>> = {
  FIRST: '一等奖',
  SECOND: '二等奖',
  THIRD: '三等奖',
  EXCELLENCE: '优秀奖',
  NONE: '未获奖',
};

/** 评价结果 as a 公示 and a 成绩汇总表 write it. */
export const RESULT_NAMES: Readonly<Record<string, string>> = {
  PASSED: '合格',
  FAILED: '不合格',
  WITHHELD: '不予认定（异议成立）',
};

export const FILING_KIND_NAMES: Readonly<Record<string, string>> = {
  ENTERPRISE_SELF_EVALUATION: '企业自主评价',
  SOCIAL_EVALUATION_ORGANIZATION: '社会培训评价组织',
};

export const FILING_ROUTE_NAMES: Readonly<Record<string, string>> = {
  CITY: '经市州鉴定中心',
  PROVINCE: '直报省鉴定中心',
};

export const FILING_STATUS_NAMES: Readonly<Record<string, string>> = {
  SUBMITTED: '已提交，待市州审核',
  CITY_REVIEWED: '市州已审核，待省审核',
};

export const PLAN_STATUS_NAMES: Readonly<Record<string, string>> = {
  REPORTED: '已报备',
  REVIEWED: '已审核',
  PUBLICISED: '已公示',
  SUBMITTED: '已提交',
  CANCELLED: '已取消',
};

export const UPLOAD_STATE_NAMES: Readonly<Record<string, string>> = {
  UPLOADED: '已上报',
  PENDING: '待上报',
  OVERDUE: '逾期未上报',
  NEEDS_CORRECTION: '待更正',
  NOT_REQUIRED: '无需上报',
};

/** A label from one of the maps above, or the value itself when the map lacks it. */
export const named = (names: Readonly<Record<string, string>>, value: string | null | undefined): string =>
  value == null ? '' : (names[value] ?? value);

/** 职业, with the 工种 in brackets when there is one: 电工（维修电工）. */
export function occupationWithWorkType(
  occupation: { name: string; workTypes?: { code: string; name: string }[] },
  workTypeCode: string | null | undefined,
): string {
  if (!workTypeCode) return occupation.name;
  const name = occupation.workTypes?.find((w) => w.code === workTypeCode)?.name ?? workTypeCode;
  return `${occupation.name}（${name}）`;
}

/** 公示期 as the notice counts it: natural days, both ends counted. */
export function publicityPeriod(p: { startsOn: string; endsOn: string; days: number }): string {
  return `${chineseDate(p.startsOn)}至${chineseDate(p.endsOn)}（共${p.days}天）`;
}
