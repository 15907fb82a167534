import { candidates, isUuid, objections } from '@hub/db';
import { eq } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { change, stop, stopIf } from '../change.ts';
import type { ObjectionRow } from '../loaders.ts';
import { objectionWindowProblems } from '../rules/publicity.ts';
import { recordCandidateResultEvents } from './feed.ts';
import { objectionById, ownPlan } from './own-plan.ts';

export interface RaiseObjectionInput {
  planId: string | number;
  candidateId?: string | number | null;
  raisedBy: string;
  content: string;
}

/** 异议: recorded during publicity, against one candidate of the plan or the plan as a whole. */
export function raiseObjection(ctx: Context, input: RaiseObjectionInput) {
  return change(ctx, async (tx) => {
    const plan = await ownPlan(tx, ctx, String(input.planId));
    const now = ctx.clock.today();
    stopIf(objectionWindowProblems({ startsOn: plan.publicityStartsOn, endsOn: plan.publicityEndsOn }, now));
    const candidateId = input.candidateId ? String(input.candidateId) : null;
    if (candidateId) {
      const [c] = isUuid(candidateId) ? await tx.select().from(candidates).where(eq(candidates.id, candidateId)) : [];
      if (!c || c.planId !== plan.id) stop('CANDIDATE_NOT_FOUND', '本计划没有该参评人员', 'candidateId');
    }
    if (!input.content.trim() || !input.raisedBy.trim()) {
      stop('OBJECTION_INCOMPLETE', '异议须写明异议人和异议内容', 'content');
    }
    const [objection] = await tx
      .insert(objections)
      .values({
        planId: plan.id,
        candidateId,
        raisedOn: now,
        raisedBy: input.raisedBy.trim(),
        content: input.content.trim(),
      })
      .returning();
    return { objection: objection as ObjectionRow };
  });
}

/** 评价工作委员会处理异议: upheld withholds the result(s) concerned; dismissed lets them stand. */
export function resolveObjection(
  ctx: Context,
  input: { objectionId: string | number; outcome: 'UPHELD' | 'DISMISSED'; resolution: string },
) {
  return change(ctx, async (tx) => {
    const o = await objectionById(tx, String(input.objectionId));
    const plan = await ownPlan(tx, ctx, o.planId);
    if (o.status !== 'OPEN') stop('OBJECTION_ALREADY_RESOLVED', '评价工作委员会已处理该异议');
    if (!input.resolution.trim()) stop('OBJECTION_RESOLUTION_MISSING', '处理决定须写明理由', 'resolution');
    if (input.outcome === 'UPHELD') {
      const withheld = await tx
        .update(candidates)
        .set({ result: 'WITHHELD' })
        .where(o.candidateId ? eq(candidates.id, o.candidateId) : eq(candidates.planId, plan.id))
        .returning();
      await recordCandidateResultEvents(tx, ctx.clock, 'CANDIDATE_RESULT_CORRECTED', plan, withheld);
    }
    const [updated] = await tx
      .update(objections)
      .set({ status: input.outcome, resolution: input.resolution.trim(), resolvedOn: ctx.clock.today() })
      .where(eq(objections.id, o.id))
      .returning();
    return { objection: updated as ObjectionRow };
  });
}
