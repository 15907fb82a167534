import type { InstitutionKind } from './types.ts';
import { LEVEL_NAMES, problem, type Refusal } from './types.ts';

/**
 * 证书编号, 22 characters:
 *   Y (企业自主评价) or S (社会评价组织): the plan's qualification (certificatePrefix)
 *   + 0000 (filed with the province) + 43 (Hunan)
 *   + the institution's 6-digit code assigned on 备案确认
 *   + 2-digit issue year + level digit 1–5
 *   + 6-digit serial within (institution, year, level), from 000001.
 */
export interface CertificateNumberParts {
  kind: InstitutionKind;
  institutionCode: string;
  year: number;
  level: number;
  serial: number;
}

export const MAX_SERIAL = 999_999;

/**
 * Y (企业自主评价) or S (社会评价组织): the qualification the certificate's plan ran under, not
 * whichever filing of the institution was confirmed last — an enterprise may hold both.
 */
export const certificatePrefix = (kind: InstitutionKind): 'Y' | 'S' =>
  kind === 'SOCIAL_EVALUATION_ORGANIZATION' ? 'S' : 'Y';

export const CERTIFICATE_NUMBER = /^[YS]000043\d{6}\d{2}[1-5]\d{6}$/;

export function certificateNumber(p: CertificateNumberParts): string {
  if (!/^\d{6}$/.test(p.institutionCode))
    throw new RangeError(`institution code must be 6 digits: ${p.institutionCode}`);
  if (!Number.isInteger(p.year) || p.year < 2000 || p.year > 2099)
    throw new RangeError(`issue year out of range: ${p.year}`);
  if (!Number.isInteger(p.level) || p.level < 1 || p.level > 5) throw new RangeError(`level must be 1–5: ${p.level}`);
  if (!Number.isInteger(p.serial) || p.serial < 1 || p.serial > MAX_SERIAL)
    throw new RangeError(`serial must be 1–${MAX_SERIAL}: ${p.serial}`);
  return `${certificatePrefix(p.kind)}000043${p.institutionCode}${String(p.year % 100).padStart(2, '0')}${p.level}${String(p.serial).padStart(6, '0')}`;
}

export function parseCertificateNumber(n: string): CertificateNumberParts | null {
  if (!CERTIFICATE_NUMBER.test(n)) return null;
  return {
    kind: n[0] === 'S' ? 'SOCIAL_EVALUATION_ORGANIZATION' : 'ENTERPRISE_SELF_EVALUATION',
    institutionCode: n.slice(7, 13),
    year: 2000 + Number(n.slice(13, 15)),
    level: Number(n.slice(15, 16)),
    serial: Number(n.slice(16)),
  };
}

export interface IssueFacts {
  candidateName: string;
  result: 'PASSED' | 'FAILED' | 'WITHHELD' | null;
  planReviewed: boolean;
  publicityEndsOn: string | null;
  /** Open objections against this candidate or the whole plan. */
  openObjections: number;
  alreadyIssued: boolean;
  institutionCode: string | null;
  inScope: boolean;
  /** 资质暂停 on the issuing day: refused as such, not as 超范围认定. */
  suspended?: boolean;
  level: number;
  today: string;
}

/** 发证: only for passed, reviewed, publicised results with no open objection, inside the filed scope. */
export function issueProblems(f: IssueFacts): Refusal[] {
  const out: Refusal[] = [];
  const who = f.candidateName;
  if (f.alreadyIssued) out.push(problem('CERTIFICATE_ALREADY_ISSUED', `${who}已取得本计划的证书`));
  if (!f.planReviewed) out.push(problem('RESULTS_NOT_REVIEWED', '评价工作委员会尚未审核评价结果'));
  if (f.result !== 'PASSED') {
    out.push(
      problem(
        'CANDIDATE_NOT_PASSED',
        `${who}${f.result === 'WITHHELD' ? '因异议成立不予认定' : f.result === 'FAILED' ? '评价结果为不合格' : '尚无审核后的评价结果'}`,
      ),
    );
  }
  if (!f.publicityEndsOn) {
    out.push(problem('RESULTS_NOT_PUBLICISED', '评价结果须经公示后方可发证'));
  } else if (f.today <= f.publicityEndsOn) {
    out.push(problem('PUBLICITY_NOT_OVER', `公示至${f.publicityEndsOn}，公示期满后方可发证`));
  }
  if (f.openObjections > 0) {
    out.push(problem('OPEN_OBJECTIONS', `关于${who}的异议尚待评价工作委员会处理`));
  }
  if (!f.institutionCode) {
    out.push(problem('INSTITUTION_NOT_CONFIRMED', '本机构尚无机构代码：备案未确认'));
  }
  if (f.suspended) {
    out.push(problem('INSTITUTION_SUSPENDED', '本机构资质暂停期间不得发放证书；恢复后方可发证'));
  } else if (!f.inScope) {
    out.push(
      problem(
        'OUT_OF_SCOPE',
        `超范围认定：本机构今日不得认定该职业${LEVEL_NAMES[f.level]}（不在已确认的备案范围内，或资质已取消）`,
      ),
    );
  }
  return out;
}

/** The centre's decision on a plan's certificates after 取消备案资质; null while none is recorded. */
export type DecisionAfterRevocation = 'AUTHORISE' | 'REFUSE' | null;

/**
 * 取消备案资质之后的证书 (#24 point 13): once an institution's qualification is revoked, the
 * candidates of a plan it ran in scope get their certificates only when the centre authorised
 * that plan; without a decision they wait, and a refusal is final. Not revoked: nothing to say.
 */
export function afterRevocationProblems(f: { revoked: boolean; decision: DecisionAfterRevocation }): Refusal[] {
  if (!f.revoked || f.decision === 'AUTHORISE') return [];
  if (f.decision === 'REFUSE') {
    return [problem('CERTIFICATES_REFUSED_AFTER_REVOCATION', '备案资质已取消，评价中心决定本计划不予发证', 'planId')];
  }
  return [
    problem(
      'CERTIFICATES_AWAIT_CENTRE_DECISION',
      '备案资质已取消，本计划的证书须待评价中心决定准予发证后方可颁发',
      'planId',
    ),
  ];
}

/** 撤销: a valid certificate, with a reason. */
export function revocationProblems(c: { status: 'VALID' | 'REVOKED' }, reason: string): Refusal[] {
  const out: Refusal[] = [];
  if (c.status === 'REVOKED') out.push(problem('CERTIFICATE_ALREADY_REVOKED', '该证书已撤销', 'number'));
  if (reason.trim().length < 4) {
    out.push(problem('REVOCATION_REASON_MISSING', '撤销证书须说明理由', 'reason'));
  }
  return out;
}
