import { archiveLedger, candidates, scores } from '@hub/db';
import { eq, inArray } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { change, stopIf } from '../change.ts';
import { destructionProblems, retainedUntil } from '../rules/archive.ts';
import { ownPlan } from './own-plan.ts';

/** 档案销毁: a plan's score sheets, only after its retention period, with a 台账 entry. */
export function destroyPlanRecords(ctx: Context, input: { planId: string | number; entry: string }) {
  return change(ctx, async (tx) => {
    const plan = await ownPlan(tx, ctx, String(input.planId));
    const done = await tx.select().from(archiveLedger).where(eq(archiveLedger.planId, plan.id));
    const now = ctx.clock.today();
    stopIf(
      destructionProblems({
        resultsSubmittedOn: plan.resultsSubmittedOn,
        retentionYears: plan.retentionYears,
        alreadyDestroyed: done.length > 0,
        entry: input.entry,
        today: now,
      }),
    );
    const ids = (await tx.select({ id: candidates.id }).from(candidates).where(eq(candidates.planId, plan.id))).map(
      (c) => c.id,
    );
    if (ids.length) await tx.delete(scores).where(inArray(scores.candidateId, ids));
    await tx.insert(archiveLedger).values({
      planId: plan.id,
      retainedUntil: retainedUntil(plan.resultsSubmittedOn, plan.retentionYears) as string,
      destroyedOn: now,
      entry: input.entry.trim(),
      recordedBy: `${ctx.caller.role}:${ctx.caller.sub ?? 'unknown'}`,
    });
    return { plan };
  });
}
