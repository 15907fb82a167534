import { complaints } from '@hub/db';
import { eq } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { change, stop } from '../change.ts';
import { type CaseOutcome, insertCase, type ViolationValue } from './case-steps.ts';
import { lockComplaint } from './complaint-steps.ts';

export interface CaseFromComplaintArgs {
  complaintId: string;
  violationTypes?: readonly ViolationValue[] | null;
  summary: string;
}

/** 立案 on an accepted complaint or media report: one case per complaint, which is then handled. */
export function openCaseFromComplaint(ctx: Context, args: CaseFromComplaintArgs): CaseOutcome {
  return change(ctx, async (tx) => {
    const c = await lockComplaint(tx, ctx.caller, args.complaintId);
    if (c.status !== 'ACCEPTED') {
      stop('COMPLAINT_NOT_ACCEPTED', `a case opens on an accepted complaint; this one is ${c.status}`, 'complaintId');
    }
    const types = args.violationTypes?.length ? args.violationTypes : c.suspectedViolations;
    if (!types.length) stop('CASE_NEEDS_VIOLATION', 'name at least one suspected violation', 'violationTypes');
    const opened = await insertCase(tx, ctx, {
      enterpriseId: c.enterpriseId,
      prefectureCode: c.prefectureCode,
      source: c.kind === 'MEDIA_REPORT' ? 'MEDIA_REPORT' : 'COMPLAINT',
      violationTypes: types,
      summary: args.summary,
      complaintId: c.id,
    });
    await tx
      .update(complaints)
      .set({ status: 'CONVERTED', handledOn: ctx.clock.today() })
      .where(eq(complaints.id, c.id));
    return { supervisionCase: opened };
  });
}
