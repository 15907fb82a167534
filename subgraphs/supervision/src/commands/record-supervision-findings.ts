import { isUuid, supervisorDispatches } from '@hub/db';
import { eq } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { change, stop, stopIf } from '../change.ts';
import type { DispatchRow } from '../loaders.ts';
import { actRefusal } from '../rules/access.ts';
import type { DispatchOutcome } from './dispatch-steps.ts';

export interface FindingsArgs {
  dispatchId: string;
  outcome: NonNullable<DispatchRow['outcome']>;
  findings: string;
  evidence?: readonly string[] | null;
}

/** 督导意见 of a dispatched external supervisor, recorded by an authority over the plan. */
export function recordSupervisionFindings(ctx: Context, args: FindingsArgs): DispatchOutcome {
  return change(ctx, async (tx) => {
    const id = args.dispatchId;
    const [d] = isUuid(id)
      ? await tx.select().from(supervisorDispatches).where(eq(supervisorDispatches.id, id)).for('update')
      : [];
    if (!d) stop('NOT_FOUND', 'no dispatch has that id', 'dispatchId');
    stopIf(actRefusal(ctx.caller, d.prefectureCode, 'this plan'));
    if (d.outcome) stop('FINDINGS_RECORDED', 'the findings of this dispatch are recorded already', 'dispatchId');
    if (!args.findings.trim()) stop('FINDINGS_REQUIRED', 'say what the supervisor found', 'findings');
    const [updated] = await tx
      .update(supervisorDispatches)
      .set({
        outcome: args.outcome,
        findings: args.findings.trim(),
        evidence: (args.evidence ?? []).map((e) => e.trim()).filter(Boolean),
        findingsRecordedAt: ctx.clock.now(),
      })
      .where(eq(supervisorDispatches.id, id))
      .returning();
    return { dispatches: updated ? [updated] : [] };
  });
}
