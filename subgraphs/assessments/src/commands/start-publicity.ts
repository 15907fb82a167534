import { evaluationPlans } from '@hub/db';
import { eq } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { calendarBetween } from '../calendar.ts';
import { change, stopIf } from '../change.ts';
import type { PlanRow } from '../loaders.ts';
import { isoDate } from '../rules/dates.ts';
import { publicityProblems } from '../rules/publicity.ts';
import { problem } from '../rules/types.ts';
import { resultSubmissionDeadline } from '../rules/working-days.ts';
import { recordPlanEvents } from './feed.ts';
import { expectStatus, ownPlan } from './own-plan.ts';

/** 公示: at least 5 natural days from no earlier than the review and today; sets the result deadline. */
export function startPublicity(
  ctx: Context,
  input: { planId: string | number; startsOn: string | Date; endsOn: string | Date },
) {
  return change(ctx, async (tx) => {
    const plan = await ownPlan(tx, ctx, String(input.planId));
    expectStatus(plan, 'REVIEWED', '公示');
    const startsOn = isoDate(input.startsOn);
    const endsOn = isoDate(input.endsOn);
    const today = ctx.clock.today();
    const problems = publicityProblems({ startsOn, endsOn, reviewedOn: plan.reviewedOn });
    if (startsOn < today) {
      problems.push(problem('PUBLICITY_BACKDATED', `公示自今日（${today}）起发布，不得倒签至${startsOn}`, 'startsOn'));
    }
    stopIf(problems);
    const deadline = resultSubmissionDeadline(await calendarBetween(tx, endsOn, endsOn), endsOn);
    const [updated] = await tx
      .update(evaluationPlans)
      .set({
        status: 'PUBLICISED',
        publicityStartsOn: startsOn,
        publicityEndsOn: endsOn,
        resultDeadline: deadline.date,
        resultDeadlineConfirmed: deadline.calendarConfirmed,
      })
      .where(eq(evaluationPlans.id, plan.id))
      .returning();
    await recordPlanEvents(tx, ctx.clock, 'PLAN_PUBLICITY_STARTED', updated as PlanRow);
    return { plan: updated as PlanRow };
  });
}
