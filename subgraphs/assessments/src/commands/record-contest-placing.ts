import { contestPlacings } from '@hub/db';
import type { Context } from '../builder.ts';
import { change, stop, stopIf } from '../change.ts';
import { type ContestAward, type ContestRule, placingProblems } from '../rules/contest.ts';
import { candidateById, ownPlan } from './own-plan.ts';
import { changedBy } from './plan-changes.ts';

export interface RecordContestPlacingInput {
  candidateId: string | number;
  rank?: number | null;
  award?: ContestAward | null;
}

/**
 * 竞赛名次或奖项: the rank or award a candidate of a 竞赛/技术比武 plan won, from the evaluation date
 * until the review, as the plan's 竞赛方案 rule decides (by rank or by award); recorded again, it
 * replaces the last. The review derives the result from it.
 */
export function recordContestPlacing(ctx: Context, input: RecordContestPlacingInput) {
  return change(ctx, async (tx) => {
    const candidateId = String(input.candidateId);
    const candidate = await candidateById(tx, candidateId);
    const plan = await ownPlan(tx, ctx, candidate.planId);
    if (candidate.withdrawnOn) {
      stop('CANDIDATE_WITHDRAWN', `该参评人员已于 ${candidate.withdrawnOn} 退出`, 'candidateId');
    }
    if (plan.status === 'CANCELLED') stop('PLAN_CANCELLED', '评价计划已取消', 'candidateId');
    if (plan.status !== 'REPORTED') {
      stop('SCORES_AFTER_REVIEW', '评价工作委员会已审核评价结果，名次和奖项不能再更改', 'candidateId');
    }
    const today = ctx.clock.today();
    if (today < plan.evaluationDate) {
      stop('SCORES_BEFORE_EVALUATION', `名次和奖项自评价日期（${plan.evaluationDate}）起录入`, 'candidateId');
    }
    const placing = { rank: input.rank ?? null, award: input.award ?? null };
    stopIf(placingProblems(plan.contestRule as ContestRule | null, placing));
    const row = { ...placing, recordedOn: today, recordedBy: changedBy(ctx) };
    await tx
      .insert(contestPlacings)
      .values({ candidateId, ...row })
      .onConflictDoUpdate({ target: contestPlacings.candidateId, set: row });
    return { candidate };
  });
}
