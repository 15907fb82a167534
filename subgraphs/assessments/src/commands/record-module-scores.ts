import { isUuid, moduleScores, planModules, planStaff } from '@hub/db';
import { eq } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { change, stop, stopIf } from '../change.ts';
import { isoDate } from '../rules/dates.ts';
import { moduleScoreProblems, scoresModules } from '../rules/modules.ts';
import { METHOD_NAMES } from '../rules/types.ts';
import { candidateById, ownPlan } from './own-plan.ts';

export interface RecordModuleScoresInput {
  candidateId: string | number;
  moduleId: string | number;
  /** 考核日期: the day the module was assessed (today when left out). */
  assessedOn?: string | Date | null;
  scores: readonly { assessorId: string | number; score: number }[];
}

/**
 * 模块评分: the plan's assessors score one module of a 过程化/模块化考核 candidate as it is held —
 * assessed within the plan's period, not after today — until the committee review. The same
 * assessor scoring the same module again replaces the score.
 */
export function recordModuleScores(ctx: Context, input: RecordModuleScoresInput) {
  return change(ctx, async (tx) => {
    const candidateId = String(input.candidateId);
    const candidate = await candidateById(tx, candidateId);
    const plan = await ownPlan(tx, ctx, candidate.planId);
    if (!scoresModules(plan.method)) {
      stop(
        'PLAN_HAS_NO_MODULES',
        `${METHOD_NAMES[plan.method]}不分考核模块，按评分项目录入成绩（recordScores）`,
        'candidateId',
      );
    }
    if (candidate.withdrawnOn) {
      stop('CANDIDATE_WITHDRAWN', `该参评人员已于 ${candidate.withdrawnOn} 退出，不再评分`, 'candidateId');
    }
    if (plan.status === 'CANCELLED') stop('PLAN_CANCELLED', '评价计划已取消', 'candidateId');
    if (plan.status !== 'REPORTED') {
      stop('SCORES_AFTER_REVIEW', '评价工作委员会已审核评价结果，成绩不能再更改', 'candidateId');
    }
    const today = ctx.clock.today();
    const assessedOn = input.assessedOn ? isoDate(input.assessedOn) : today;
    const moduleId = String(input.moduleId);
    const modules = await tx.select().from(planModules).where(eq(planModules.planId, plan.id));
    const staff = await tx.select().from(planStaff).where(eq(planStaff.planId, plan.id));
    const scorers = new Set(staff.filter((s) => s.role !== 'QUALITY_SUPERVISOR').map((s) => s.assessorId));
    const moduleOnPlan = isUuid(moduleId) && modules.some((m) => m.id === moduleId);
    if (!input.scores.length) stop('MODULE_SCORES_EMPTY', '至少录入一名考评员的评分', 'scores');
    stopIf(
      input.scores.flatMap((s) =>
        moduleScoreProblems(plan, {
          moduleOnPlan,
          assessorOnPlan: scorers.has(String(s.assessorId)),
          score: s.score,
          assessedOn,
          today,
        }),
      ),
    );
    for (const s of input.scores) {
      await tx
        .insert(moduleScores)
        .values({
          candidateId,
          moduleId,
          assessorId: String(s.assessorId),
          score: s.score,
          assessedOn,
          recordedOn: today,
        })
        .onConflictDoUpdate({
          target: [moduleScores.candidateId, moduleScores.moduleId, moduleScores.assessorId],
          set: { score: s.score, assessedOn, recordedOn: today },
        });
    }
    return { candidate };
  });
}
