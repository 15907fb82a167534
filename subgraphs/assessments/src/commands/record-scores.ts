import { planStaff, scores } from '@hub/db';
import type { Refusal } from '@hub/platform';
import { eq } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { change, stop, stopIf } from '../change.ts';
import { scoreEntryProblems } from '../rules/scoring.ts';
import type { ScorePart } from '../rules/types.ts';
import { candidateById, ownPlan } from './own-plan.ts';

export interface RecordScoresInput {
  candidateId: string | number;
  scores: readonly { assessorId: string | number; part: ScorePart; score: number }[];
}

/** 评分: assessors of the plan score the parts its method uses, from the evaluation date until review. */
export function recordScores(ctx: Context, input: RecordScoresInput) {
  return change(ctx, async (tx) => {
    const candidateId = String(input.candidateId);
    const candidate = await candidateById(tx, candidateId);
    const plan = await ownPlan(tx, ctx, candidate.planId);
    if (candidate.withdrawnOn) {
      stop('CANDIDATE_WITHDRAWN', `该参评人员已于 ${candidate.withdrawnOn} 退出，不再评分`, 'candidateId');
    }
    if (plan.status !== 'REPORTED') {
      stop('SCORES_AFTER_REVIEW', '评价工作委员会已审核评价结果，成绩不能再更改', 'candidateId');
    }
    const now = ctx.clock.today();
    if (now < plan.evaluationDate) {
      stop('SCORES_BEFORE_EVALUATION', `成绩自评价日期（${plan.evaluationDate}）起录入`);
    }
    const staff = await tx.select().from(planStaff).where(eq(planStaff.planId, plan.id));
    const scorers = new Set(staff.filter((s) => s.role !== 'QUALITY_SUPERVISOR').map((s) => s.assessorId));
    const problems: Refusal[] = [];
    for (const s of input.scores) {
      problems.push(
        ...scoreEntryProblems(plan.method, plan.level, {
          part: s.part,
          score: s.score,
          assessorOnPlan: scorers.has(String(s.assessorId)),
        }),
      );
    }
    stopIf(problems);
    for (const s of input.scores) {
      await tx
        .insert(scores)
        .values({ candidateId, assessorId: String(s.assessorId), part: s.part, score: s.score, recordedOn: now })
        .onConflictDoUpdate({
          target: [scores.candidateId, scores.assessorId, scores.part],
          set: { score: s.score, recordedOn: now },
        });
    }
    return { candidate };
  });
}
