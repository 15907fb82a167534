import { assessors, isUuid, planChanges, planStaff } from '@hub/db';
import { and, eq } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { change, stopIf } from '../change.ts';
import type { PlanRow } from '../loaders.ts';
import { schemeOfPlan } from '../queries/work-scheme.ts';
import { historyText } from '../rules/changes.ts';
import { staffReplacement } from '../rules/replacement.ts';
import { requiredAssessors, seniorAssessorRule } from '../rules/work-scheme.ts';
import { ownPlan } from './own-plan.ts';
import { changedBy } from './plan-changes.ts';

export interface ReplaceStaffInput {
  planId: string | number;
  replacedId: string | number;
  replacementId: string | number;
  reason: string;
}

/**
 * 更换考评员或内部质量督导员: before the committee review, one person of the plan's team gives way to
 * another of the institution's team, under the rules the plan was reported under; the plan's history
 * keeps who left, who came and why. Scores the leaver already recorded stay theirs and count.
 */
export function replacePlanStaff(ctx: Context, input: ReplaceStaffInput) {
  return change(ctx, async (tx) => {
    // load
    const plan = await ownPlan(tx, ctx, String(input.planId));
    const replacedId = String(input.replacedId);
    const replacementId = String(input.replacementId);
    const staff = await tx
      .select({ assessorId: planStaff.assessorId, role: planStaff.role })
      .from(planStaff)
      .where(eq(planStaff.planId, plan.id));
    const team = isUuid(replacementId) ? await tx.select().from(assessors).where(eq(assessors.id, replacementId)) : [];
    const scheme = await schemeOfPlan(tx, plan);

    // rules
    const { next, problems } = staffReplacement({
      plan: { status: plan.status, method: plan.method, level: plan.level, institutionId: plan.enterpriseId },
      staff,
      replacedId,
      replacementId,
      team,
      required: requiredAssessors(plan.method, scheme),
      senior: seniorAssessorRule(plan.level, scheme),
      reason: input.reason,
    });
    stopIf(problems);
    if (!next) throw new Error('a replacement without problems names its newcomer');

    // write
    await tx.delete(planStaff).where(and(eq(planStaff.planId, plan.id), eq(planStaff.assessorId, replacedId)));
    await tx.insert(planStaff).values({ planId: plan.id, ...next });
    await tx.insert(planChanges).values({
      planId: plan.id,
      kind: 'STAFF_REPLACED',
      changedOn: ctx.clock.today(),
      changedBy: changedBy(ctx),
      reason: historyText(input.reason),
      replacedStaffId: replacedId,
      replacementStaffId: next.assessorId,
    });
    return { plan: plan as PlanRow };
  });
}
