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
      out.push(refuse('TOO_LONG', `${label} has at most ${MAX_NARRATIVE} characters`, field));
  }
  if ((c.serves ?? '').length > MAX_NARRATIVE)
    out.push(refuse('TOO_LONG', `serves has at most ${MAX_NARRATIVE} characters`, 'serves'));
  if ((c.commitmentSigner ?? '').length > 50)
    out.push(refuse('TOO_LONG', '承诺 signer has at most 50 characters', 'commitmentSigner'));
  if (c.commitmentSignedOn && c.commitmentSignedOn > today) {
    out.push(
      refuse(
        'SIGNED_IN_FUTURE',
        `承诺 cannot be signed on a future day (${c.commitmentSignedOn})`,
        'commitmentSignedOn',
      ),
    );
  }
  if (c.kind !== 'SOCIAL_EVALUATION_ORGANIZATION' && c.servedParties.length) {
    out.push(refuse('PARTIES_ONLY_FOR_SOCIAL', 'only a 社会评价组织 lists partners it serves', 'servedParties'));
  }
  const codes = new Set<string>();
  c.servedParties.forEach((p, i) => {
    if (!p.name.trim() || p.name.length > 100)
      out.push(refuse('INVALID_NAME', 'a partner needs a name of 1–100 characters', `servedParties.${i}.name`));
    if (codes.has(p.creditCode))
      out.push(refuse('DUPLICATE_PARTY', `partner ${p.creditCode} is listed twice`, `servedParties.${i}.creditCode`));
    codes.add(p.creditCode);
  });
  if (c.servedParties.length > 500) out.push(refuse('TOO_MANY_ROWS', 'at most 500 partners', 'servedParties'));
  if (c.attachments.length > 50) out.push(refuse('TOO_MANY_ROWS', 'at most 50 attachments', 'attachments'));
  c.attachments.forEach((a, i) => {
    if (!a.title.trim() || a.title.length > 200)
      out.push(refuse('INVALID_TITLE', 'an attachment needs a title of 1–200 characters', `attachments.${i}.title`));
    if (!a.reference.trim() || a.reference.length > 500) {
      out.push(
        refuse(
          'INVALID_REFERENCE',
          'an attachment needs a reference of 1–500 characters',
          `attachments.${i}.reference`,
        ),
      );
    }
  });
  return out;
}

/** What a filing must hold to be submitted: the whole form, signed. */
export function submissionRefusals(c: FilingContent): Refusal[] {
  const out: Refusal[] = [];
  for (const [field, label] of NARRATIVES) {
    if (!(c[field] ?? '').trim())
      out.push(refuse('SECTION_MISSING', `${label} must be filled in before submission`, field));
  }
  if (!c.commitmentSigner?.trim() || !c.commitmentSignedOn) {
    out.push(
      refuse(
        'COMMITMENT_UNSIGNED',
        '申请单位承诺 must be signed (signer and date) before submission',
        'commitmentSigner',
      ),
    );
  }
  if (c.scopeRows === 0)
    out.push(refuse('SCOPE_EMPTY', 'name at least one occupation (or work type) to evaluate', 'scope'));
  if (c.kind === 'SOCIAL_EVALUATION_ORGANIZATION' && c.servedParties.length === 0) {
    out.push(
      refuse(
        'PARTIES_REQUIRED',
        'a 社会评价组织 names the supply-chain enterprises, SMEs or partner schools it serves',
        'servedParties',
      ),
    );
  }
  return out;
}
