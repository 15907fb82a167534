import { complaints } from '@hub/db';
import { eq } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { actorOf, change, stopIf } from '../change.ts';
import type { ComplaintRow } from '../loaders.ts';
import { isHandled, type TriageDecision, triage } from '../rules/complaint.ts';
import { isRefusal } from '../rules/workflow.ts';
import { type ComplaintOutcome, lockComplaint } from './complaint-steps.ts';

export interface TriageArgs {
  id: string;
  decision: TriageDecision;
  note?: string | null;
  suspectedViolations?: ComplaintRow['suspectedViolations'] | null;
}

/** 受理 or 不予受理 (with reasons) a received complaint or media report; a dismissal handles it. */
export function triageComplaint(ctx: Context, args: TriageArgs): ComplaintOutcome {
  return change(ctx, async (tx) => {
    const c = await lockComplaint(tx, ctx.caller, args.id);
    const decision = triage(c.status, args.decision, args.note);
    if (isRefusal(decision)) stopIf(decision);
    const to = (decision as { to: ComplaintRow['status'] }).to;
    const [row] = await tx
      .update(complaints)
      .set({
        status: to,
        triageNote: args.note?.trim() || null,
        suspectedViolations: args.suspectedViolations ?? [],
        triagedBy: actorOf(ctx.caller),
        triagedAt: ctx.clock.now(),
        handledOn: isHandled(to) ? ctx.clock.today() : null,
      })
      .where(eq(complaints.id, c.id))
      .returning();
    return { complaint: row };
  });
}
