import { type Refusal, refuse } from '@hub/platform';

/** The 备案申报表 beyond the enterprise's basic facts, as entered. */
export interface FilingContent {
  kind: 'ENTERPRISE_SELF_EVALUATION' | 'SOCIAL_EVALUATION_ORGANIZATION';
  teamDescription: string;
  facilitiesDescription: string;
  systemsDescription: string;
  planDescription: string;
  commitmentSigner?: string | null;
  commitmentSignedOn?: string | null;
  serves?: string | null;
  servedParties: { creditCode: string; name: string }[];
  attachments: { title: string; reference: string }[];
  scopeRows: number;
}

export const NARRATIVES = [
  ['teamDescription', '三、评价团队专（兼）职人员构成'],
  ['facilitiesDescription', '四、评价场地、设备设施'],
  ['systemsDescription', '五、现行技能人才评价和薪酬制度'],
  ['planDescription', '六、下阶段评价工作计划与待遇落实措施'],
] as const;

const MAX_NARRATIVE = 5000;

/** What a filing may hold at any time (a draft may be incomplete). */
export function filingContentRefusals(c: FilingContent, today: string): Refusal[] {
  const out: Refusal[] = [];
  for (const [field, label] of NARRATIVES) {
    if ((c[field] ?? '').length > MAX_NARRATIVE)
      out.push(refuse('TOO_LONG', `${label}不超过 ${MAX_NARRATIVE} 个字`, field));
  }
  if ((c.serves ?? '').length > MAX_NARRATIVE)
    out.push(refuse('TOO_LONG', `服务对象说明不超过 ${MAX_NARRATIVE} 个字`, 'serves'));
  if ((c.commitmentSigner ?? '').length > 50)
    out.push(refuse('TOO_LONG', '承诺书签署人不超过 50 个字', 'commitmentSigner'));
  if (c.commitmentSignedOn && c.commitmentSignedOn > today) {
    out.push(refuse('SIGNED_IN_FUTURE', `承诺书签署日期（${c.commitmentSignedOn}）不能晚于今天`, 'commitmentSignedOn'));
  }
  if (c.kind !== 'SOCIAL_EVALUATION_ORGANIZATION' && c.servedParties.length) {
    out.push(refuse('PARTIES_ONLY_FOR_SOCIAL', '只有社会评价组织填写服务对象', 'servedParties'));
  }
  const codes = new Set<string>();
  c.servedParties.forEach((p, i) => {
    if (!p.name.trim() || p.name.length > 100)
      out.push(refuse('INVALID_NAME', '服务对象名称为 1 至 100 个字', `servedParties.${i}.name`));
    if (codes.has(p.creditCode))
      out.push(refuse('DUPLICATE_PARTY', `服务对象 ${p.creditCode} 重复列出`, `servedParties.${i}.creditCode`));
    codes.add(p.creditCode);
  });
  if (c.servedParties.length > 500) out.push(refuse('TOO_MANY_ROWS', '服务对象不超过 500 个', 'servedParties'));
  if (c.attachments.length > 50) out.push(refuse('TOO_MANY_ROWS', '附件不超过 50 份', 'attachments'));
  c.attachments.forEach((a, i) => {
    if (!a.title.trim() || a.title.length > 200)
      out.push(refuse('INVALID_TITLE', '附件名称为 1 至 200 个字', `attachments.${i}.title`));
    if (!a.reference.trim() || a.reference.length > 500) {
      out.push(refuse('INVALID_REFERENCE', '附件索引为 1 至 500 个字符', `attachments.${i}.reference`));
    }
  });
  return out;
}

/** What a filing must hold to be submitted: the whole form, signed. */
export function submissionRefusals(c: FilingContent): Refusal[] {
  const out: Refusal[] = [];
  for (const [field, label] of NARRATIVES) {
    if (!(c[field] ?? '').trim()) out.push(refuse('SECTION_MISSING', `提交前须填写“${label}”`, field));
  }
  if (!c.commitmentSigner?.trim() || !c.commitmentSignedOn) {
    out.push(refuse('COMMITMENT_UNSIGNED', '提交前须签署申请单位承诺（签署人和日期）', 'commitmentSigner'));
  }
  if (c.scopeRows === 0) out.push(refuse('SCOPE_EMPTY', '备案范围至少填写一个职业（工种）', 'scope'));
  if (c.kind === 'SOCIAL_EVALUATION_ORGANIZATION' && c.servedParties.length === 0) {
    out.push(
      refuse('PARTIES_REQUIRED', '社会评价组织须列明所服务的产业链上下游企业、中小企业或合作院校', 'servedParties'),
    );
  }
  return out;
}
