import { campaigns } from '@hub/db';
import { eq } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { change, stop } from '../change.ts';
import { type CampaignOutcome, lockCampaign } from './campaign-steps.ts';

/** 一公开: publishes a drawn campaign. */
export function publishInspectionCampaign(ctx: Context, id: string): CampaignOutcome {
  return change(ctx, async (tx) => {
    const c = await lockCampaign(tx, ctx.caller, id);
    if (c.status !== 'DRAWN') {
      stop('CAMPAIGN_WRONG_STATE', `only a drawn campaign is published; this one is ${c.status}`, 'id');
    }
    const [updated] = await tx
      .update(campaigns)
      .set({ status: 'PUBLISHED', publishedAt: ctx.clock.now() })
      .where(eq(campaigns.id, c.id))
      .returning();
    return { campaign: updated };
  });
}
