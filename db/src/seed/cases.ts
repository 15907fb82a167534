/**
 * Demo supervision cases (督导案件): every suspended or revoked institution has the case
 * behind it, and a few more confirmed institutions (~6% of enterprises in all) have 1–2 cases.
 */
import type { cases } from '../schema/supervision.ts';
import { type EnterpriseFacts, TODAY, VIOLATION_LABELS, type ViolationType } from './enterprises.ts';
import { addDays, maxDate, minDate, officeTime, type Rng } from './random.ts';

export type CaseRow = typeof cases.$inferInsert;
type Source = CaseRow['source'];
type CaseStatus = NonNullable<CaseRow['status']>;

const SOURCES: readonly (readonly [Source, number])[] = [
  ['RANDOM_INSPECTION', 25],
  ['COMPLAINT', 22],
  ['RISK_SIGNAL', 18],
  ['SPECIAL_INSPECTION', 14],
  ['PERIODIC_INSPECTION', 12],
  ['MEDIA_REPORT', 9],
];

const SOURCE_TEXT: Record<Source, string> = {
  RANDOM_INSPECTION: '“双随机、一公开”抽查中',
  PERIODIC_INSPECTION: '年度定期检查中',
  SPECIAL_INSPECTION: '职业技能等级认定专项督查中',
  COMPLAINT: '接职工来信投诉后核查',
  MEDIA_REPORT: '针对媒体反映的问题核查',
  RISK_SIGNAL: '根据系统风险预警信号核查',
};

const FINDINGS: Record<ViolationType, readonly string[]> = {
  LOWERED_STANDARDS: ['技能操作考核时间明显少于标准规定', '理论考试题目未从题库抽取，考核难度低于国家职业技能标准'],
  DELEGATED_AUTHORITY: ['将部分职业的认定工作委托给培训机构组织实施', '由合作单位代为组织考评并使用本机构名义发证'],
  OUT_OF_SCOPE: ['对未备案职业开展等级认定', '认定等级超出备案范围'],
  BROKEN_COMMITMENT: ['未按承诺落实技能等级与薪酬待遇挂钩', '未按承诺配备内部质量督导员'],
  DISHONESTY: ['上报的评价结果与现场记录不一致', '伪造考评记录和签到材料'],
  UNFAIR_COMPETITION: ['以低价承诺包过方式招揽社会人员参评', '面向非本企业职工收费组织认定'],
  DISORDERLY_MANAGEMENT: ['评价档案缺失、考评记录不完整', '考评员未按规定回避'],
  IRREGULAR_CERTIFICATES: ['向未参加考核人员发放证书', '证书信息未按规定上传全国联网查询系统'],
};

const VIOLATIONS = Object.keys(VIOLATION_LABELS) as ViolationType[];

function summary(rng: Rng, e: EnterpriseFacts, source: Source, types: readonly ViolationType[]): string {
  const findings = types.map((t) => rng.pick(FINDINGS[t])).join('，');
  const occ = rng.pick(e.scopes).occupationName;
  return `${SOURCE_TEXT[source]}发现，${e.name}在${occ}等职业技能等级认定工作中${findings}，涉嫌${types.map((t) => VIOLATION_LABELS[t]).join('、')}。`;
}

function caseRow(
  rng: Rng,
  e: EnterpriseFacts,
  openedOn: string,
  status: CaseStatus,
  types: ViolationType[],
  closedOn: string | null,
): CaseRow {
  const source = rng.weightedPairs(SOURCES);
  const rectificationDueOn =
    status === 'RECTIFICATION_ORDERED' || (status === 'CLOSED' && rng.chance(0.6))
      ? addDays(openedOn, rng.int(30, 90))
      : null;
  return {
    id: rng.uuid(),
    enterpriseId: e.id,
    prefectureCode: e.place.code,
    source,
    violationTypes: types,
    status,
    summary: summary(rng, e, source, types),
    openedOn,
    rectificationDueOn,
    closedOn,
    createdAt: officeTime(rng, openedOn),
  };
}

export function generateCases(rng: Rng, facts: readonly EnterpriseFacts[]): CaseRow[] {
  const out: CaseRow[] = [];
  const sanctioned = facts.filter((e) => e.suspendedOn || e.revokedOn);
  const confirmed = facts.filter((e) => e.status === 'CONFIRMED' && e.confirmedOn);
  const extra = Math.max(1, Math.round(facts.length * 0.06) - sanctioned.length);

  // The case behind each suspension or revocation.
  for (const e of sanctioned) {
    const actionOn = (e.suspendedOn ?? e.revokedOn) as string;
    const openedOn = maxDate('2025-01-02', addDays(actionOn, -rng.int(10, 40)));
    const types: ViolationType[] = [e.violation ?? 'DISORDERLY_MANAGEMENT'];
    if (rng.chance(0.4)) types.push(rng.pick(VIOLATIONS.filter((t) => !types.includes(t))));
    out.push(
      e.revokedOn
        ? caseRow(rng, e, openedOn, 'FILING_REVOKED', types, e.revokedOn)
        : caseRow(rng, e, openedOn, 'RECTIFICATION_ORDERED', types, null),
    );
  }

  // Other institutions under investigation, rectifying, cleared or referred on.
  const statuses: readonly (readonly [CaseStatus, number])[] = [
    ['OPEN', 20],
    ['INVESTIGATING', 25],
    ['RECTIFICATION_ORDERED', 20],
    ['CLOSED', 30],
    ['TRANSFERRED', 5],
  ];
  for (const e of rng.sample(confirmed, extra)) {
    const n = rng.chance(0.3) ? 2 : 1;
    for (let k = 0; k < n; k++) {
      const openedOn = rng.date(maxDate('2025-01-02', addDays(e.confirmedOn as string, 30)), '2026-10-30');
      let status = rng.weightedPairs(statuses);
      let closedOn: string | null = null;
      if (status === 'CLOSED' || status === 'TRANSFERRED') {
        closedOn = addDays(openedOn, rng.int(20, 120));
        if (closedOn > TODAY) {
          status = 'INVESTIGATING';
          closedOn = null;
        }
      }
      const types = rng.sample(VIOLATIONS, rng.chance(0.7) ? 1 : 2);
      out.push(caseRow(rng, e, minDate(openedOn, TODAY), status, types, closedOn));
    }
  }
  return out;
}
