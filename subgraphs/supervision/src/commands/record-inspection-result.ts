import { campaignInstitutions, campaigns, isUuid } from '@hub/db';
import { and, eq } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { actorOf, change, stop, stopIf } from '../change.ts';
import type { DrawnRow } from '../loaders.ts';
import { actRefusal } from '../rules/access.ts';
import type { CampaignOutcome } from './campaign-steps.ts';

export interface InspectionResultArgs {
  campaignId: string;
  enterpriseId: string;
  outcome: NonNullable<DrawnRow['outcome']>;
  summary: string;
}

/** 检查结果 for a drawn institution, by an authority over it. */
export function recordInspectionResult(ctx: Context, args: InspectionResultArgs): CampaignOutcome {
  return change(ctx, async (tx) => {
    const id = args.campaignId;
    const [c] = isUuid(id) ? await tx.select().from(campaigns).where(eq(campaigns.id, id)) : [];
    if (!c) stop('NOT_FOUND', 'no campaign has that id', 'campaignId');
    const enterpriseId = args.enterpriseId;
    const drawnHere = and(eq(campaignInstitutions.campaignId, id), eq(campaignInstitutions.enterpriseId, enterpriseId));
    const [d] = isUuid(enterpriseId) ? await tx.select().from(campaignInstitutions).where(drawnHere).for('update') : [];
    if (!d) stop('NOT_DRAWN', 'the campaign’s draw did not pick this institution', 'enterpriseId');
    stopIf(actRefusal(ctx.caller, d.prefectureCode, '该机构'));
    if (d.outcome) stop('RESULT_RECORDED', 'the result of this inspection is recorded already', 'enterpriseId');
    if (!args.summary.trim()) stop('SUMMARY_REQUIRED', 'describe the result', 'summary');
    await tx
      .update(campaignInstitutions)
      .set({
        outcome: args.outcome,
        resultSummary: args.summary.trim(),
        inspectedOn: ctx.clock.today(),
        recordedBy: actorOf(ctx.caller),
      })
      .where(drawnHere);
    return { campaign: c };
  });
}
