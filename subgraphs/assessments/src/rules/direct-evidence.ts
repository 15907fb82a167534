import { ruleDefaults } from './defaults.ts';
import { LEVEL_NAMES, type Method, problem, type Refusal } from './types.ts';

/**
 * 直接认定的依据 (四(二) of the notice): 「直接认定五级、四级、三级…一般以企业员工职业能力评分和业绩评定的
 * 方式进行」; 「直接认定二级、一级…应在员工职业能力和业绩评定的基础上，组织现场评审或答辩，确定直接认定
 * 结果」. Each candidate of a direct recognition has its ability and 业绩 evidence on record (references
 * to the attachments the institution keeps), and a 二级/一级 candidate the record of the on-site review
 * or defence: when, which panel, what result.
 *
 * Where the rule bites: the committee review, when it would record a pass. A candidate whose scores
 * pass is recorded PASSED only with both kinds of evidence and, at 二级/一级, a review or defence
 * record that says PASSED; otherwise the review is refused, naming the candidate. A review or defence
 * recorded as failed fails the candidate whatever the scores. A candidate who fails on the scores
 * needs neither (the defence comes after the ability and 业绩 assessment).
 */

export type EvidenceKind = 'ABILITY' | 'PERFORMANCE';
export type DefenceForm = 'ON_SITE_REVIEW' | 'DEFENCE';
export type DefenceResult = 'PASSED' | 'FAILED';
type Status = 'REPORTED' | 'REVIEWED' | 'PUBLICISED' | 'SUBMITTED' | 'CANCELLED';

/** Evidence items per candidate at most (a list, not an archive upload). */
export const MAX_EVIDENCE = 20;

/** Panel members at least by default: a panel, not one person (a 工作方案 may ask for more). */
export const MIN_DEFENCE_PANEL = ruleDefaults.reviewDefencePanelMin;

const EVIDENCE_NAMES: Record<EvidenceKind, string> = { ABILITY: '职业能力', PERFORMANCE: '工作业绩' };

/** 现场评审或答辩 is part of a 直接认定 at 二级 and 一级. */
export const needsReviewDefence = (method: Method, level: number) => method === 'DIRECT_RECOGNITION' && level <= 2;

/** A change to a candidacy's record before the committee review: plan open, candidate standing. */
function openProblems(
  plan: { status: Status },
  candidate: { withdrawnOn: string | null },
  code: string,
  what: string,
): Refusal[] {
  if (plan.status === 'CANCELLED') return [problem('PLAN_CANCELLED', '评价计划已取消', 'candidateId')];
  if (plan.status !== 'REPORTED') {
    return [problem(code, `评价工作委员会已审核评价结果，${what}不能再更改`, 'candidateId')];
  }
  if (candidate.withdrawnOn) {
    return [problem('CANDIDATE_WITHDRAWN', `该参评人员已于 ${candidate.withdrawnOn} 退出`, 'candidateId')];
  }
  return [];
}

/** 佐证材料: a direct recognition's candidate, before the review; each item with its kind, a title and the attachment. */
export function evidenceProblems(
  plan: { method: Method; status: Status },
  candidate: { withdrawnOn: string | null },
  items: readonly { kind: EvidenceKind; title: string; attachment: string }[],
): Refusal[] {
  if (plan.method !== 'DIRECT_RECOGNITION') {
    return [problem('EVIDENCE_NOT_DIRECT_RECOGNITION', '能力和业绩佐证材料用于直接认定计划', 'candidateId')];
  }
  const open = openProblems(plan, candidate, 'EVIDENCE_AFTER_REVIEW', '佐证材料');
  if (open.length) return open;
  const out: Refusal[] = [];
  if (items.length > MAX_EVIDENCE) {
    out.push(problem('EVIDENCE_TOO_MANY', `每名参评人员至多登记${MAX_EVIDENCE}项佐证材料`, 'evidence'));
  }
  items.forEach((item, i) => {
    if (!item.title.trim()) {
      out.push(problem('EVIDENCE_TITLE_MISSING', `第${i + 1}项佐证材料须有名称`, `evidence.${i}.title`));
    }
    if (!item.attachment.trim()) {
      out.push(
        problem(
          'EVIDENCE_ATTACHMENT_MISSING',
          `第${i + 1}项佐证材料须注明附件（编号、文件名或存放位置）`,
          `evidence.${i}.attachment`,
        ),
      );
    }
  });
  return out;
}

/** 现场评审或答辩记录: a 直接认定二级/一级 candidate, held from the evaluation day to today, before a panel of the plan's assessors. */
export function reviewDefenceProblems(
  plan: { method: Method; level: number; status: Status; evaluationDate: string },
  candidate: { withdrawnOn: string | null },
  record: { heldOn: string; panel: readonly string[] },
  facts: { today: string; planAssessorIds: readonly string[]; panelMin?: number },
): Refusal[] {
  if (!needsReviewDefence(plan.method, plan.level)) {
    return [
      problem(
        'REVIEW_DEFENCE_NOT_FOR_PLAN',
        '现场评审或答辩记录用于直接认定二级（技师）、一级（高级技师）',
        'candidateId',
      ),
    ];
  }
  const open = openProblems(plan, candidate, 'REVIEW_DEFENCE_AFTER_REVIEW', '现场评审或答辩记录');
  if (open.length) return open;
  const out: Refusal[] = [];
  if (record.heldOn < plan.evaluationDate) {
    out.push(
      problem('REVIEW_DEFENCE_BEFORE_EVALUATION', `现场评审或答辩不早于评价日期 ${plan.evaluationDate}`, 'heldOn'),
    );
  } else if (record.heldOn > facts.today) {
    out.push(problem('REVIEW_DEFENCE_IN_FUTURE', `${record.heldOn} 尚未到来：只登记已举行的现场评审或答辩`, 'heldOn'));
  }
  const panel = [...new Set(record.panel)];
  const panelMin = facts.panelMin ?? MIN_DEFENCE_PANEL;
  if (panel.length < panelMin) {
    out.push(problem('REVIEW_DEFENCE_PANEL_TOO_SMALL', `评审或答辩小组至少由${panelMin}名考评人员组成`, 'panelIds'));
  }
  if (panel.some((id) => !facts.planAssessorIds.includes(id))) {
    out.push(
      problem('REVIEW_DEFENCE_PANEL_NOT_ON_PLAN', '评审或答辩小组成员须为本计划的考评员或高级考评员', 'panelIds'),
    );
  }
  return out;
}

export interface DirectCandidate {
  name: string;
  /** The result the scores give (null: not fully scored, refused elsewhere). */
  scored: 'PASSED' | 'FAILED' | null;
  evidence: readonly EvidenceKind[];
  defence: DefenceResult | null;
}

/** The result to record: the scores' result, failed by a failed review or defence. */
export function directRecognitionResult(c: Pick<DirectCandidate, 'scored' | 'defence'>): 'PASSED' | 'FAILED' | null {
  if (c.scored === null) return null;
  return c.defence === 'FAILED' ? 'FAILED' : c.scored;
}

/** 评价工作委员会审核 of a direct recognition: every pass backed by its evidence and, at 二级/一级, its review or defence record. */
export function directRecognitionReviewProblems(
  method: Method,
  level: number,
  candidates: readonly DirectCandidate[],
): Refusal[] {
  if (method !== 'DIRECT_RECOGNITION') return [];
  const out: Refusal[] = [];
  for (const c of candidates) {
    if (directRecognitionResult(c) !== 'PASSED') continue;
    const missing = (['ABILITY', 'PERFORMANCE'] as const).filter((k) => !c.evidence.includes(k));
    if (missing.length) {
      out.push(
        problem(
          'DIRECT_RECOGNITION_EVIDENCE_MISSING',
          `直接认定合格须有${missing.map((k) => EVIDENCE_NAMES[k]).join('和')}佐证材料：${c.name}尚未登记`,
          'planId',
        ),
      );
    }
    if (needsReviewDefence(method, level) && c.defence === null) {
      out.push(
        problem(
          'DIRECT_RECOGNITION_REVIEW_DEFENCE_RECORD_MISSING',
          `直接认定${LEVEL_NAMES[level]}合格须有现场评审或答辩记录（日期、评审小组、结论）：${c.name}尚未登记`,
          'planId',
        ),
      );
    }
  }
  return out;
}
