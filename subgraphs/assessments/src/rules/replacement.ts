import { reasonProblems, type Status } from './changes.ts';
import { resolvePlanStaff, staffingProblems, type TeamMember } from './plan.ts';
import { type Method, problem, type Refusal, type StaffRole } from './types.ts';

/** A person on a plan's team: 考评员, 高级考评员 or 内部质量督导员. */
export interface PlanStaffFacts {
  assessorId: string;
  role: StaffRole;
}

export interface StaffReplacement {
  plan: { status: Status; method: Method; level: number; institutionId: string };
  /** The plan's team today. */
  staff: readonly PlanStaffFacts[];
  replacedId: string;
  replacementId: string;
  /** The institution's team as looked up for the replacement (the replacement's row, when there is one). */
  team: readonly TeamMember[];
  /** The 考评员 the plan needs, as at its report (工作方案 in force that day, or the default). */
  required: { count: number; source: string };
  /** Whether the plan's level needs a 高级考评员, by the same 工作方案 (default: 二级/一级). */
  senior?: { required: boolean; source: string };
  reason: string;
}

const onReplacement = (r: Refusal): Refusal => ({ ...r, field: 'replacementId' });

/**
 * 更换考评员或内部质量督导员: until the committee reviews the results, one person of a reported
 * plan's team is replaced by another, with the reason. The newcomer passes the report's own rules —
 * a 考评员 of the institution's team takes an assessor's place and a 内部质量督导员 a supervisor's
 * (resolvePlanStaff), and the team after the change still has what the plan needs: its 考评员, a
 * 高级考评员 for 二级/一级, a supervisor (staffingProblems, against the numbers that applied when it
 * was reported). Returns the newcomer's place on the plan, or why not.
 */
export function staffReplacement(r: StaffReplacement): { next: PlanStaffFacts | null; problems: Refusal[] } {
  if (r.plan.status === 'CANCELLED') {
    return { next: null, problems: [problem('PLAN_CANCELLED', '评价计划已取消，不能更换考评人员', 'planId')] };
  }
  if (r.plan.status !== 'REPORTED') {
    return {
      next: null,
      problems: [problem('STAFF_REPLACE_AFTER_REVIEW', '评价工作委员会已审核评价结果，考评人员不能再更换', 'planId')],
    };
  }
  const leaving = r.staff.find((s) => s.assessorId === r.replacedId);
  if (!leaving) {
    return {
      next: null,
      problems: [
        problem('STAFF_NOT_ON_PLAN', '被更换的人员不在该评价计划的考评人员中', 'replacedId'),
        ...reasonProblems(r.reason),
      ],
    };
  }
  if (r.staff.some((s) => s.assessorId === r.replacementId)) {
    return {
      next: null,
      problems: [
        problem('STAFF_ALREADY_ON_PLAN', '替换人员已在该评价计划的考评人员中', 'replacementId'),
        ...reasonProblems(r.reason),
      ],
    };
  }
  const supervisor = leaving.role === 'QUALITY_SUPERVISOR';
  const resolved = resolvePlanStaff(
    r.plan.institutionId,
    supervisor ? [] : [r.replacementId],
    supervisor ? [r.replacementId] : [],
    r.team,
  );
  const next = resolved.staff[0] ?? null;
  const after = next ? [...r.staff.filter((s) => s !== leaving), next] : [];
  const problems = [
    ...resolved.problems.map(onReplacement),
    ...(next ? staffingProblems(r.plan.method, r.plan.level, after, r.required, r.senior).map(onReplacement) : []),
    ...reasonProblems(r.reason),
  ];
  return { next: problems.length ? null : next, problems };
}
