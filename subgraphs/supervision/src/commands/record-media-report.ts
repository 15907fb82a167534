import { complaints } from '@hub/db';
import type { Context } from '../builder.ts';
import { change, dateString, institutionInReach, stop } from '../change.ts';
import { handlingDueOn } from '../rules/complaint.ts';
import type { ComplaintOutcome } from './complaint-steps.ts';
import { nextReceiptNumber } from './complaint-steps.ts';

export interface MediaReportArgs {
  enterpriseId: string;
  mediaOutlet: string;
  mediaReference: string;
  publishedOn: Date | string;
  content: string;
}

/** 媒体反映: an authority over the institution records a media report for triage. */
export function recordMediaReport(ctx: Context, input: MediaReportArgs): ComplaintOutcome {
  return change(ctx, async (tx) => {
    const prefecture = await institutionInReach(tx, ctx.caller, input.enterpriseId);
    if (input.content.trim().length < 10) stop('COMPLAINT_TOO_SHORT', 'describe what was reported', 'content');
    if (!input.mediaOutlet.trim() || !input.mediaReference.trim()) {
      stop('MEDIA_SOURCE_REQUIRED', 'name the outlet and where it was reported', 'mediaOutlet');
    }
    const receivedOn = ctx.clock.today();
    const [row] = await tx
      .insert(complaints)
      .values({
        kind: 'MEDIA_REPORT',
        enterpriseId: input.enterpriseId,
        prefectureCode: prefecture,
        content: input.content.trim(),
        mediaOutlet: input.mediaOutlet.trim(),
        mediaReference: input.mediaReference.trim(),
        publishedOn: dateString(input.publishedOn),
        receivedOn,
        receiptNumber: await nextReceiptNumber(tx, receivedOn),
        handlingDueOn: handlingDueOn(receivedOn, ctx.complaintHandlingDays),
      })
      .returning();
    return { complaint: row };
  });
}
