import { candidates, evaluationPlans, scores, workers } from '@hub/db';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { change, stop, stopIf } from '../change.ts';
import type { PlanRow } from '../loaders.ts';
import { assess, reviewProblems } from '../rules/scoring.ts';
import { expectStatus, ownPlan } from './own-plan.ts';

/** 评价工作委员会审核: every candidate fully scored; sets totals and pass/fail. */
export function reviewResults(ctx: Context, input: { planId: string | number; note?: string | null }) {
  return change(ctx, async (tx) => {
    const plan = await ownPlan(tx, ctx, String(input.planId));
    expectStatus(plan, 'REPORTED', 'the committee review');
    const now = ctx.clock.today();
    if (now < plan.evaluationDate) stop('REVIEW_BEFORE_EVALUATION', `the evaluation is on ${plan.evaluationDate}`);
    const rows = await tx
      .select({ candidate: candidates, name: workers.name })
      .from(candidates)
      .innerJoin(workers, eq(workers.id, candidates.workerId))
      .where(and(eq(candidates.planId, plan.id), isNull(candidates.withdrawnOn)));
    const allScores = rows.length
      ? await tx
          .select()
          .from(scores)
          .where(
            inArray(
              scores.candidateId,
              rows.map((r) => r.candidate.id),
            ),
          )
      : [];
    const assessed = rows.map((r) => ({
      ...r,
      a: assess(
        plan.method,
        plan.level,
        allScores.filter((s) => s.candidateId === r.candidate.id),
      ),
    }));
    stopIf(
      reviewProblems(
        plan.method,
        plan.level,
        assessed.map((x) => ({ name: x.name, missing: x.a.missing })),
      ),
    );
    for (const x of assessed) {
      await tx
        .update(candidates)
        .set({ total: x.a.total, result: x.a.result })
        .where(eq(candidates.id, x.candidate.id));
    }
    const [updated] = await tx
      .update(evaluationPlans)
      .set({ status: 'REVIEWED', reviewedOn: now, reviewNote: input.note?.trim() || null })
      .where(eq(evaluationPlans.id, plan.id))
      .returning();
    return { plan: updated as PlanRow };
  });
}
