import { maskResidentIdShapes } from '@hub/platform';
import { reportTimingProblems } from './plan.ts';
import { problem, type Refusal } from './types.ts';
import type { OfficialCalendar } from './working-days.ts';

/**
 * 报备后变更: what may change on a plan once it is reported. Each change states its reason, which
 * the centre reads in the plan's history.
 */

export type Status = 'REPORTED' | 'REVIEWED' | 'PUBLICISED' | 'SUBMITTED' | 'CANCELLED';

/** Every change states its reason, in at least 4 characters. */
export const reasonProblems = (reason: string): Refusal[] =>
  reason.trim().length < 4 ? [problem('CHANGE_REASON_MISSING', '变更须说明理由（至少4个字）', 'reason')] : [];

/**
 * A reason as the history keeps it: trimmed, and any run of digits shaped like a 公民身份号码 masked
 * (430*************12) — a history is read by many and never rewritten, so no resident ID goes in.
 */
export const historyText = (text: string): string => maskResidentIdShapes(text.trim());

/**
 * 改期: a plan not yet reviewed and not yet scored moves to a new date, which is reported like a new
 * plan — 提前5个工作日 counted to the new date from today.
 */
export function rescheduleProblems(
  plan: { status: Status; evaluationDate: string; scored: boolean },
  change: { newDate: string; reason: string; today: string; calendar: OfficialCalendar },
): Refusal[] {
  if (plan.status === 'CANCELLED') return [problem('PLAN_CANCELLED', '评价计划已取消，不能改期', 'planId')];
  if (plan.status !== 'REPORTED') {
    return [problem('PLAN_RESCHEDULE_AFTER_RESULTS', '评价工作委员会已审核评价结果，评价计划不能再改期', 'planId')];
  }
  const out: Refusal[] = [];
  if (plan.scored) {
    out.push(problem('PLAN_RESCHEDULE_AFTER_SCORING', '已录入评分的评价计划不能改期', 'planId'));
  }
  if (change.newDate === plan.evaluationDate) {
    out.push(problem('PLAN_RESCHEDULE_SAME_DATE', `评价日期已是 ${plan.evaluationDate}`, 'evaluationDate'));
  } else {
    out.push(...reportTimingProblems(change.calendar, change.newDate, change.today));
  }
  return [...out, ...reasonProblems(change.reason)];
}

/** 取消: any plan whose results have not gone to the centre and that has no certificate issued. */
export function cancellationProblems(plan: { status: Status; certificatesIssued: number }, reason: string): Refusal[] {
  if (plan.status === 'CANCELLED') return [problem('PLAN_ALREADY_CANCELLED', '评价计划已取消', 'planId')];
  if (plan.certificatesIssued > 0) {
    return [
      problem(
        'PLAN_CANCEL_AFTER_CERTIFICATES',
        `该计划已颁发证书 ${plan.certificatesIssued} 本，不能取消；违规证书按撤销程序处理`,
        'planId',
      ),
    ];
  }
  if (plan.status === 'SUBMITTED') {
    return [problem('PLAN_CANCEL_AFTER_SUBMISSION', '评价结果已提交鉴定中心，评价计划不能取消', 'planId')];
  }
  return reasonProblems(reason);
}

/** 参评人员退出: before the committee reviews the results, once, with the reason. */
export function withdrawalProblems(
  plan: { status: Status },
  candidate: { withdrawnOn: string | null },
  reason: string,
): Refusal[] {
  if (candidate.withdrawnOn) {
    return [problem('CANDIDATE_ALREADY_WITHDRAWN', `该参评人员已于 ${candidate.withdrawnOn} 退出`, 'candidateId')];
  }
  if (plan.status === 'CANCELLED') return [problem('PLAN_CANCELLED', '评价计划已取消', 'candidateId')];
  if (plan.status !== 'REPORTED') {
    return [problem('CANDIDATE_WITHDRAW_AFTER_REVIEW', '评价结果已审核，参评人员不能再退出', 'candidateId')];
  }
  return reasonProblems(reason);
}
