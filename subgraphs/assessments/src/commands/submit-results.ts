import { evaluationPlans, objections } from '@hub/db';
import { and, eq, sql } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { change, stopIf } from '../change.ts';
import type { PlanRow } from '../loaders.ts';
import { submissionProblems } from '../rules/publicity.ts';
import { recordPlanEvents } from './feed.ts';
import { expectStatus, ownPlan } from './own-plan.ts';

/** 提交评价结果 to the centre: after publicity ends, with no open objection; lateness is recorded. */
export function submitResults(ctx: Context, input: { planId: string | number }) {
  return change(ctx, async (tx) => {
    const plan = await ownPlan(tx, ctx, String(input.planId));
    expectStatus(plan, 'PUBLICISED', '报送评价结果');
    const open = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(objections)
      .where(and(eq(objections.planId, plan.id), eq(objections.status, 'OPEN')));
    stopIf(submissionProblems({ endsOn: plan.publicityEndsOn }, open[0]?.n ?? 0, ctx.clock.today()));
    const [updated] = await tx
      .update(evaluationPlans)
      .set({ status: 'SUBMITTED', resultsSubmittedOn: ctx.clock.today() })
      .where(eq(evaluationPlans.id, plan.id))
      .returning();
    await recordPlanEvents(tx, ctx.clock, 'PLAN_RESULTS_SUBMITTED', updated as PlanRow);
    return { plan: updated as PlanRow };
  });
}
