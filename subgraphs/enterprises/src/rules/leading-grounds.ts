import { type Refusal, refuse } from '@hub/platform';

/**
 * 龙头企业依据 (湘人社发〔2024〕26号 一(二)「地方行业龙头企业可另申请备案社会评价组织」): a 社会评价组织
 * filing states why the enterprise is a leading one — its industry, how far its position there
 * reaches and what it is, the chain it leads and its part in it — with references to evidence; the
 * centres that review it (市州, then 省) give their opinion on those grounds, and approve only grounds
 * they accept.
 */

export type FilingKind = 'ENTERPRISE_SELF_EVALUATION' | 'SOCIAL_EVALUATION_ORGANIZATION';
export type PositionScope = 'NATIONAL' | 'PROVINCIAL' | 'PREFECTURAL';

export interface LeadingGrounds {
  industry: string;
  positionScope: PositionScope;
  industryPosition: string;
  chainName: string;
  chainRole: string;
  evidence: { title: string; reference: string }[];
}

/** The text fields of the grounds, their limit and their name on the form. */
export const GROUNDS_FIELDS = [
  ['industry', 100, '所属行业'],
  ['industryPosition', 2000, '行业地位'],
  ['chainName', 200, '牵头的产业链'],
  ['chainRole', 2000, '在产业链中的作用'],
] as const;

export const MAX_EVIDENCE = 20;

/** What the grounds of a filing may hold at any time (a draft may leave them incomplete). */
export function leadingGroundsRefusals(kind: FilingKind, g: LeadingGrounds | null | undefined): Refusal[] {
  if (!g) return [];
  if (kind !== 'SOCIAL_EVALUATION_ORGANIZATION') {
    return [
      refuse(
        'GROUNDS_ONLY_FOR_SOCIAL',
        '龙头企业依据只在社会评价组织备案中填写；企业自主评价备案不填',
        'leadingGrounds',
      ),
    ];
  }
  const out: Refusal[] = [];
  for (const [field, max, label] of GROUNDS_FIELDS) {
    if (g[field].length > max) out.push(refuse('TOO_LONG', `${label}不超过 ${max} 字`, `leadingGrounds.${field}`));
  }
  if (g.evidence.length > MAX_EVIDENCE) {
    out.push(refuse('TOO_MANY_ROWS', `证明材料至多 ${MAX_EVIDENCE} 份`, 'leadingGrounds.evidence'));
  }
  g.evidence.forEach((e, i) => {
    if (!e.title.trim() || e.title.length > 200) {
      out.push(refuse('INVALID_TITLE', '证明材料须有名称（1–200 字）', `leadingGrounds.evidence.${i}.title`));
    }
    if (!e.reference.trim() || e.reference.length > 500) {
      out.push(
        refuse('INVALID_REFERENCE', '证明材料须有存放地址（1–500 字）', `leadingGrounds.evidence.${i}.reference`),
      );
    }
  });
  return out;
}

/** What a 社会评价组织 filing must state of its grounds to be submitted: every field, and evidence. */
export function leadingGroundsSubmissionRefusals(kind: FilingKind, g: LeadingGrounds | null | undefined): Refusal[] {
  if (kind !== 'SOCIAL_EVALUATION_ORGANIZATION') return [];
  if (!g) {
    return [
      refuse(
        'LEADING_GROUNDS_REQUIRED',
        '社会评价组织备案须写明龙头企业依据：所属行业及行业地位、牵头的产业链及其作用、证明材料（地方行业龙头企业可另申请备案社会评价组织）',
        'leadingGrounds',
      ),
    ];
  }
  const out: Refusal[] = [];
  for (const [field, , label] of GROUNDS_FIELDS) {
    if (!g[field].trim()) {
      out.push(refuse('LEADING_GROUNDS_INCOMPLETE', `龙头企业依据缺少“${label}”`, `leadingGrounds.${field}`));
    }
  }
  if (!g.evidence.length) {
    out.push(
      refuse(
        'GROUNDS_EVIDENCE_REQUIRED',
        '龙头企业依据须附至少一份证明材料（如行业排名、链主企业认定文件）',
        'leadingGrounds.evidence',
      ),
    );
  }
  return out;
}

export interface GroundsOpinion {
  accepted: boolean;
  opinion: string;
}

/**
 * The reviewer's opinion on the grounds at a review step. On a 社会评价组织 filing the 市州 and the
 * province centres approve only with their opinion on the grounds, and only grounds they accept;
 * a rejection may carry one. A 企业自主评价 filing has no grounds to give an opinion on.
 */
export function groundsOpinionRefusals(
  kind: FilingKind,
  reviewer: 'city_center' | 'province_center' | 'ministry',
  decision: 'APPROVE' | 'REJECT',
  g: GroundsOpinion | null | undefined,
): Refusal[] {
  if (kind !== 'SOCIAL_EVALUATION_ORGANIZATION') {
    return g
      ? [refuse('GROUNDS_ONLY_FOR_SOCIAL', '企业自主评价备案没有龙头企业依据，无需出具依据意见', 'groundsOpinion')]
      : [];
  }
  if (g && g.opinion.length > 2000) return [refuse('TOO_LONG', '依据意见不超过 2000 字', 'groundsOpinion.opinion')];
  if (decision !== 'APPROVE' || reviewer === 'ministry') return [];
  const who = reviewer === 'city_center' ? '市州职业技能鉴定中心' : '省职业技能鉴定中心';
  if (!g?.opinion.trim()) {
    return [
      refuse(
        'GROUNDS_OPINION_REQUIRED',
        `${who}同意社会评价组织备案，须对其龙头企业依据（行业地位、牵头的产业链、证明材料）出具审核意见`,
        'groundsOpinion',
      ),
    ];
  }
  if (!g.accepted) {
    return [
      refuse(
        'GROUNDS_NOT_ACCEPTED',
        '龙头企业依据未获认可，不能同意社会评价组织备案；请退回并说明理由',
        'groundsOpinion.accepted',
      ),
    ];
  }
  return [];
}
