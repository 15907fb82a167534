/**
 * Demo supervision (督导): every suspended or revoked institution has the case behind it; a case in
 * each state whose next step can be taken today (an OPEN case to investigate, one INVESTIGATING, a
 * rectification ordered and not yet due, one RECTIFIED to close, one ESCALATED awaiting the decision,
 * and CLOSED and TRANSFERRED ones); a few more confirmed institutions (~6% of enterprises in all)
 * have 1–2 cases. Each case past OPEN has its findings with evidence and every step in its history.
 * Cases from a complaint or media report come from a complaint (CONVERTED); other complaints are
 * RECEIVED, ACCEPTED (a case may be opened today) or DISMISSED. Plus the pool: city inspectors and
 * external quality supervisors in every 市州, and province inspectors. Every date is relative to
 * "today". No case is a 随机抽查 or a risk signal's: those name a campaign's draw or a signal.
 */

import type {
  caseEvents,
  caseFindings,
  cases,
  complaints,
  inspectors,
  supervisorDispatches,
} from '../schema/supervision.ts';
import { complaint, numberComplaints } from './complaints.ts';
import type { EnterpriseFacts } from './enterprises.ts';
import type { ViolationType as FilingViolation } from './filing-timeline.ts';
import { PLACES, personName } from './names.ts';
import { addDays, addWorkdays, maxDate, minDate, officeTime, type Rng } from './random.ts';

export type CaseRow = typeof cases.$inferInsert;
export type FindingRow = typeof caseFindings.$inferInsert;
export type EventRow = typeof caseEvents.$inferInsert;
export type InspectorRow = typeof inspectors.$inferInsert;
export type ComplaintRow = typeof complaints.$inferInsert;
type Source = CaseRow['source'];
type CaseStatus = NonNullable<CaseRow['status']>;
export type ViolationType = NonNullable<CaseRow['violationTypes']>[number];

/** The names for the violations the enterprises seed names in its opinions. */
const FROM_FILING: Record<FilingViolation, ViolationType> = {
  LOWERED_STANDARDS: 'LOWERED_STANDARDS',
  DELEGATED_AUTHORITY: 'DELEGATED_AUTHORITY',
  OUT_OF_SCOPE: 'OUT_OF_SCOPE',
  BROKEN_COMMITMENT: 'BROKEN_COMMITMENT',
  DISHONESTY: 'DISHONESTY',
  UNFAIR_COMPETITION: 'UNFAIR_COMPETITION',
  DISORDERLY_MANAGEMENT: 'MISMANAGEMENT',
  IRREGULAR_CERTIFICATES: 'IRREGULAR_CERTIFICATES',
};

const VIOLATION_LABELS: Record<ViolationType, string> = {
  LOWERED_STANDARDS: '降低评价标准',
  DELEGATED_AUTHORITY: '将认定权限授权或委托给其他机构',
  TRANSFERRED_AUTHORITY: '将认定权限转让给其他机构',
  OUT_OF_SCOPE: '超范围认定',
  BROKEN_COMMITMENT: '不履行承诺',
  DISHONESTY: '违规失信',
  UNFAIR_COMPETITION: '恶性竞争',
  MISMANAGEMENT: '管理失序',
  IRREGULAR_CERTIFICATES: '违规发证',
};

const SOURCES: readonly (readonly [Source, number])[] = [
  ['COMPLAINT', 30],
  ['SPECIAL_INSPECTION', 25],
  ['PERIODIC_INSPECTION', 30],
  ['MEDIA_REPORT', 15],
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
  TRANSFERRED_AUTHORITY: ['将认定资质有偿转让给其他机构使用', '由其他机构以本机构名义独立开展认定'],
  OUT_OF_SCOPE: ['对未备案职业开展等级认定', '认定等级超出备案范围'],
  BROKEN_COMMITMENT: ['未按承诺落实技能等级与薪酬待遇挂钩', '未按承诺配备内部质量督导员'],
  DISHONESTY: ['上报的评价结果与现场记录不一致', '伪造考评记录和签到材料'],
  UNFAIR_COMPETITION: ['以低价承诺包过方式招揽社会人员参评', '面向非本企业职工收费组织认定'],
  MISMANAGEMENT: ['评价档案缺失、考评记录不完整', '考评员未按规定回避'],
  IRREGULAR_CERTIFICATES: ['向未参加考核人员发放证书', '证书信息未按规定上传全国联网查询系统'],
};

const VIOLATIONS = Object.keys(VIOLATION_LABELS) as ViolationType[];

function summary(rng: Rng, e: EnterpriseFacts, source: Source, types: readonly ViolationType[]): string {
  const findings = types.map((t) => rng.pick(FINDINGS[t])).join('，');
  const occ = rng.pick(e.scopes).occupationName;
  return `${SOURCE_TEXT[source]}发现，${e.name}在${occ}等职业技能等级认定工作中${findings}，涉嫌${types.map((t) => VIOLATION_LABELS[t]).join('、')}。`;
}

interface Step {
  to: CaseStatus;
  on: string;
  action: string;
  note: string | null;
}

const REQUIREMENTS = [
  '限30日内完成整改：补齐评价档案，重新组织考评员回避培训，并书面报送整改报告。',
  '立即停止超范围认定，对已发证书逐一自查，整改期满前报送自查报告。',
  '完善内部质量督导制度，配齐内部质量督导员，整改期满前报送整改材料。',
];

const RECEIVING_BODIES = ['市纪委监委派驻纪检监察组', '市公安局经济犯罪侦查支队', '市市场监督管理局'];

/** A case in `status` with the dated steps that led there, findings and evidence. */
function caseWithHistory(
  rng: Rng,
  e: EnterpriseFacts,
  openedOn: string,
  status: CaseStatus,
  types: ViolationType[],
  endOn: string | null,
  today: string,
): { row: CaseRow; findings: FindingRow[]; events: EventRow[] } {
  const source = rng.weightedPairs(SOURCES);
  const id = rng.uuid();
  const actor = `seed:inspector-${e.place.code}`;
  const last = endOn ?? today;
  const within = (days: number) => minDate(addDays(openedOn, days), last);
  const steps: Step[] = [{ to: 'OPEN', on: openedOn, action: 'OPEN_CASE', note: null }];
  const row: CaseRow = {
    id,
    enterpriseId: e.id,
    prefectureCode: e.place.code,
    source,
    violationTypes: types,
    status,
    summary: summary(rng, e, source, types),
    openedOn,
    closedOn: null,
    createdAt: officeTime(rng, openedOn),
  };
  if (status !== 'OPEN')
    steps.push({ to: 'INVESTIGATING', on: within(rng.int(1, 5)), action: 'START_INVESTIGATION', note: null });
  // ESCALATED: half after a rectification deadline passed unrectified, half as serious from the start.
  const overdue = status === 'ESCALATED' && rng.chance(0.5);
  const rectifying =
    status === 'RECTIFICATION_ORDERED' || status === 'RECTIFIED' || overdue || (status === 'CLOSED' && rng.chance(0.6));
  if (rectifying) {
    const orderedOn = within(rng.int(6, 15));
    row.rectificationRequirements = rng.pick(REQUIREMENTS);
    row.rectificationDueOn = addDays(orderedOn, overdue ? rng.int(30, 40) : rng.int(30, 90));
    row.notifiedOn = orderedOn;
    steps.push({
      to: 'RECTIFICATION_ORDERED',
      on: orderedOn,
      action: 'ORDER_RECTIFICATION',
      note: row.rectificationRequirements,
    });
    if (status === 'CLOSED' || status === 'RECTIFIED') {
      const rectifiedOn = minDate(addDays(orderedOn, rng.int(10, 29)), last);
      row.rectifiedOn = rectifiedOn;
      row.rectificationReport = '已按要求完成整改并报送整改报告，经现场复核属实。';
      steps.push({ to: 'RECTIFIED', on: rectifiedOn, action: 'RECORD_RECTIFICATION', note: row.rectificationReport });
    }
  }
  if (status === 'ESCALATED') {
    const after = row.rectificationDueOn ? addDays(row.rectificationDueOn, 1) : within(rng.int(8, 20));
    row.escalatedOn = minDate(maxDate(after, steps.at(-1)?.on ?? openedOn), today);
    row.escalationReason = overdue
      ? '整改期限届满仍未整改到位，提请升级处理。'
      : '经调查核实，问题严重，提请取消备案资质。';
    row.notifiedOn = row.escalatedOn;
    steps.push({ to: 'ESCALATED', on: row.escalatedOn, action: 'ESCALATE', note: row.escalationReason });
  }
  if (status === 'QUALIFICATION_REVOKED' && endOn) {
    row.escalatedOn = maxDate(steps.at(-1)?.on ?? openedOn, addDays(endOn, -rng.int(1, 5)));
    row.escalationReason = '经调查核实，问题严重，提请取消备案资质。';
    row.notifiedOn = row.escalatedOn;
    row.revokedOn = endOn;
    row.closedOn = endOn;
    steps.push({ to: 'ESCALATED', on: row.escalatedOn, action: 'ESCALATE', note: row.escalationReason });
    steps.push({
      to: 'QUALIFICATION_REVOKED',
      on: endOn,
      action: 'REVOKE_QUALIFICATION',
      note: '取消备案资质，退出评价机构目录。',
    });
  }
  if (status === 'CLOSED' && endOn) {
    row.closedOn = maxDate(endOn, steps.at(-1)?.on ?? endOn);
    row.conclusion = rectifying ? '整改到位，予以结案。' : '经调查核实，反映问题不成立，予以结案。';
    steps.push({ to: 'CLOSED', on: row.closedOn, action: 'CLOSE', note: row.conclusion });
  }
  if (status === 'TRANSFERRED' && endOn) {
    row.transferredTo = rng.pick(RECEIVING_BODIES);
    row.transferredOn = endOn;
    row.closedOn = endOn;
    steps.push({ to: 'TRANSFERRED', on: endOn, action: 'TRANSFER', note: `移交${row.transferredTo}` });
  }
  row.version = steps.length;

  const findings: FindingRow[] =
    status === 'OPEN'
      ? []
      : types.map((t, k) => ({
          id: rng.uuid(),
          caseId: id,
          violationType: t,
          description: rng.pick(FINDINGS[t]),
          evidence: [`archive://${e.place.code}/${openedOn.slice(0, 4)}/${id.slice(0, 8)}-${k + 1}`],
          recordedBy: actor,
          recordedRole: 'inspector',
          recordedAt: officeTime(rng, steps[1]?.on ?? openedOn),
        }));
  const events: EventRow[] = steps.map((s, k) => ({
    caseId: id,
    action: s.action,
    fromStatus: k === 0 ? null : (steps[k - 1]?.to ?? null),
    toStatus: s.to,
    note: s.note,
    actor,
    actorRole: 'inspector',
    at: new Date(officeTime(rng, s.on).getTime() + k * 60_000),
  }));
  return { row, findings, events };
}

export interface SupervisionData {
  cases: CaseRow[];
  findings: FindingRow[];
  events: EventRow[];
  complaints: ComplaintRow[];
}

export function generateCases(rng: Rng, facts: readonly EnterpriseFacts[], today: string): SupervisionData {
  const out: SupervisionData = { cases: [], findings: [], events: [], complaints: [] };
  const add = (c: ReturnType<typeof caseWithHistory>) => {
    // A complaint or media report behind the case: received, accepted, then converted into it.
    if (c.row.source === 'COMPLAINT' || c.row.source === 'MEDIA_REPORT') {
      const e = facts.find((f) => f.id === c.row.enterpriseId) as EnterpriseFacts;
      const triagedOn = addDays(c.row.openedOn, -rng.int(0, 2));
      const receivedOn = addDays(triagedOn, -rng.int(1, 10));
      const from = complaint(
        rng,
        e,
        receivedOn,
        'CONVERTED',
        c.row.violationTypes ?? [],
        c.row.source === 'MEDIA_REPORT',
        triagedOn,
      );
      c.row.complaintId = from.id as string;
      out.complaints.push(from);
    }
    out.cases.push(c.row);
    out.findings.push(...c.findings);
    out.events.push(...c.events);
  };
  const ago = (days: number) => addDays(today, -days);
  const sanctioned = facts.filter((e) => e.suspendedOn || e.revokedOn);
  const confirmed = facts.filter((e) => e.status === 'CONFIRMED' && e.confirmedOn && !e.story);
  const extra = Math.max(1, Math.round(facts.length * 0.06) - sanctioned.length);
  const types = () => rng.sample(VIOLATIONS, rng.chance(0.7) ? 1 : 2);

  // The case behind each suspension or revocation.
  for (const e of sanctioned) {
    const actionOn = (e.suspendedOn ?? e.revokedOn) as string;
    const openedOn = maxDate(ago(668), addDays(actionOn, -rng.int(10, 40)));
    const found: ViolationType[] = [e.violation ? FROM_FILING[e.violation] : 'MISMANAGEMENT'];
    if (rng.chance(0.4)) found.push(rng.pick(VIOLATIONS.filter((t) => !found.includes(t))));
    add(
      e.revokedOn
        ? caseWithHistory(rng, e, openedOn, 'QUALIFICATION_REVOKED', found, e.revokedOn, today)
        : caseWithHistory(rng, e, openedOn, 'RECTIFICATION_ORDERED', found, null, today),
    );
  }

  // One case in each state at its own institution, opened so that its next step can be taken today.
  const story: readonly (readonly [CaseStatus, number, number | null])[] = [
    ['OPEN', 2, null],
    ['INVESTIGATING', 20, null],
    ['RECTIFICATION_ORDERED', 30, null],
    ['RECTIFIED', 60, null],
    ['ESCALATED', 90, null],
    ['CLOSED', 150, 70],
    ['TRANSFERRED', 200, 90],
  ];
  const storyInstitutions = rng.sample(confirmed, story.length);
  story.forEach(([status, opened, lasted], k) => {
    const e = storyInstitutions[k % storyInstitutions.length] as EnterpriseFacts;
    const openedOn = maxDate(ago(opened), addDays(e.confirmedOn as string, 30));
    const endOn = lasted === null ? null : minDate(addDays(openedOn, lasted), today);
    add(caseWithHistory(rng, e, openedOn, status, types(), endOn, today));
  });

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
      const openedOn = minDate(rng.date(maxDate(ago(668), addDays(e.confirmedOn as string, 30)), ago(2)), today);
      let status = rng.weightedPairs(statuses);
      let endOn: string | null = null;
      if (status === 'CLOSED' || status === 'TRANSFERRED') {
        endOn = addDays(openedOn, rng.int(40, 120));
        if (endOn > today) {
          status = 'INVESTIGATING';
          endOn = null;
        }
      }
      add(caseWithHistory(rng, e, openedOn, status, types(), endOn, today));
    }
  }

  // Complaints not (yet) a case: two received today or lately, two accepted awaiting a case, two dismissed.
  const standalone: readonly (readonly [NonNullable<ComplaintRow['status']>, number, number | null])[] = [
    ['RECEIVED', 0, null],
    ['RECEIVED', 3, null],
    ['ACCEPTED', 9, 4],
    ['ACCEPTED', 6, 1],
    ['DISMISSED', 40, 33],
    ['DISMISSED', 120, 110],
  ];
  const targets = rng.sample(confirmed, standalone.length);
  standalone.forEach(([status, received, triaged], k) => {
    const e = targets[k % targets.length] as EnterpriseFacts;
    const receivedOn = ago(received);
    out.complaints.push(
      complaint(rng, e, receivedOn, status, types(), k % 3 === 2, triaged === null ? null : ago(triaged)),
    );
  });
  numberComplaints(out.complaints);
  return out;
}

const QUALIFICATIONS = [
  '人力资源社会保障部门职业技能鉴定督导员证',
  '高级考评员资格',
  '省职业技能鉴定中心质量督导培训合格',
];

/**
 * The pool: 3 city inspectors and 2 external quality supervisors in every 市州, and 4 province
 * inspectors; some have worked at a demo enterprise (a conflict the draw must respect).
 */
export function generatePool(rng: Rng, facts: readonly EnterpriseFacts[], today: string): InspectorRow[] {
  const out: InspectorRow[] = [];
  const formerOf = (prefecture: string | null) => {
    const local = facts.filter((e) => prefecture === null || e.place.code === prefecture);
    return local.length && rng.chance(0.4) ? [rng.pick(local).id] : [];
  };
  const member = (kind: InspectorRow['kind'], prefecture: string | null): InspectorRow => {
    const local = facts.filter((e) => e.place.code === prefecture && e.institutionCode);
    const employed = kind === 'EXTERNAL_SUPERVISOR' && local.length > 0 && rng.chance(0.5);
    return {
      id: rng.uuid(),
      kind,
      name: personName(rng),
      level: prefecture ? 'CITY' : 'PROVINCE',
      prefectureCode: prefecture,
      employerId: employed ? rng.pick(local).id : null,
      formerEmployerIds: formerOf(prefecture),
      qualifications: [rng.pick(QUALIFICATIONS)],
      occupationCodes: kind === 'EXTERNAL_SUPERVISOR' ? [rng.pick(['4', '5', '6'])] : [],
      active: true,
      createdBy: 'seed',
      createdAt: officeTime(rng, addDays(today, -699)),
    };
  };
  for (const place of PLACES) {
    for (let k = 0; k < 3; k++) out.push(member('INSPECTOR', place.code));
    for (let k = 0; k < 2; k++) out.push(member('EXTERNAL_SUPERVISOR', place.code));
  }
  for (let k = 0; k < 4; k++) out.push(member('INSPECTOR', null));
  return out;
}

export type DispatchRow = typeof supervisorDispatches.$inferInsert;

const SUPERVISION_FINDINGS = [
  '考评过程规范，考评员按规定回避，未发现问题。',
  '现场评分记录完整，考核时间符合标准，未发现问题。',
  '个别考评记录签字不全，已当场要求补正。',
];

/**
 * External quality supervisors dispatched to most demo plans at 二级/一级 (the hub's policy asks for
 * one there), the working day after the plan was reported (if that day has come): a supervisor of
 * the plan's 市州, never one its enterprise employs or employed, qualified for the occupation; the
 * findings recorded after the evaluation. About one plan in twelve is left without, so the demo
 * shows the MISSING_EXTERNAL_SUPERVISION signal once its certificates are out.
 */
export function generateDispatches(
  rng: Rng,
  plans: readonly {
    id?: string;
    enterpriseId: string;
    prefectureCode: string;
    occupationCode: string;
    level: number;
    reportedOn: string;
    evaluationDate: string;
  }[],
  pool: readonly InspectorRow[],
  today: string,
): DispatchRow[] {
  const out: DispatchRow[] = [];
  for (const p of plans) {
    if (p.level > 2 || !p.id || rng.chance(1 / 12)) continue;
    const eligible = pool.filter(
      (s) =>
        s.kind === 'EXTERNAL_SUPERVISOR' &&
        (s.prefectureCode === null || s.prefectureCode === p.prefectureCode) &&
        s.employerId !== p.enterpriseId &&
        !(s.formerEmployerIds ?? []).includes(p.enterpriseId) &&
        ((s.occupationCodes ?? []).length === 0 ||
          (s.occupationCodes ?? []).some((c) => p.occupationCode === c || p.occupationCode.startsWith(`${c}-`))),
    );
    if (!eligible.length) continue;
    const supervisor = rng.pick(eligible);
    const dispatchedOn = addWorkdays(p.reportedOn, 1);
    if (dispatchedOn > today) continue;
    const done = p.evaluationDate < today;
    const dispatchedAt = officeTime(rng, dispatchedOn);
    const findingsOn = minDate(addWorkdays(p.evaluationDate, rng.int(0, 2)), today);
    out.push({
      id: rng.uuid(),
      planId: p.id,
      enterpriseId: p.enterpriseId,
      prefectureCode: p.prefectureCode,
      supervisorId: supervisor.id as string,
      seed: `seed-${p.id.slice(0, 8)}`,
      dispatchedBy: `seed:city-center-${p.prefectureCode}`,
      dispatchedAt,
      outcome: done ? (rng.chance(0.9) ? 'NO_ISSUES' : 'ISSUES_FOUND') : null,
      findings: done ? rng.pick(SUPERVISION_FINDINGS) : null,
      evidence: done ? [`archive://督导记录/${p.id.slice(0, 8)}`] : [],
      findingsRecordedAt: done ? officeTime(rng, findingsOn) : null,
    });
  }
  return out;
}
