import { campaignInstitutions, campaigns, isUuid } from '@hub/db';
import { and, eq } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { change, institutionInReach, stop, stopIf, type Tx } from '../change.ts';
import type { CaseRow } from '../loaders.ts';
import { drawnRefusal } from '../rules/campaign.ts';
import { type CaseOutcome, insertCase, type ViolationValue } from './case-steps.ts';

export interface OpenCaseArgs {
  enterpriseId: string;
  source: CaseRow['source'];
  campaignId?: string | null;
  violationTypes: readonly ViolationValue[];
  summary: string;
}

/** The named campaign and whether its draw picked the institution. */
async function loadDraw(tx: Tx, campaignId: string, enterpriseId: string) {
  const [campaign] = isUuid(campaignId) ? await tx.select().from(campaigns).where(eq(campaigns.id, campaignId)) : [];
  if (!campaign) return { campaign: null, drawn: false };
  const [drawn] = await tx
    .select()
    .from(campaignInstitutions)
    .where(and(eq(campaignInstitutions.campaignId, campaignId), eq(campaignInstitutions.enterpriseId, enterpriseId)));
  return { campaign, drawn: drawn != null };
}

/** 立案 after an inspection, by the institution's own 市州 authorities or the province. */
export function openCase(ctx: Context, input: OpenCaseArgs): CaseOutcome {
  return change(ctx, async (tx) => {
    const prefecture = await institutionInReach(tx, ctx.caller, input.enterpriseId);
    if (!input.violationTypes.length) {
      stop('CASE_NEEDS_VIOLATION', 'name at least one suspected violation', 'violationTypes');
    }
    const campaignId = input.campaignId ?? null;
    if (input.source === 'RANDOM_INSPECTION' && !campaignId) {
      stop('CAMPAIGN_REQUIRED', 'a 随机抽查 case names the campaign whose draw picked the institution', 'campaignId');
    }
    if (campaignId) {
      const { campaign, drawn } = await loadDraw(tx, campaignId, input.enterpriseId);
      stopIf(drawnRefusal(campaign, drawn, input.source));
    }
    return {
      supervisionCase: await insertCase(tx, ctx, {
        enterpriseId: input.enterpriseId,
        prefectureCode: prefecture,
        source: input.source,
        violationTypes: input.violationTypes,
        summary: input.summary,
        campaignId,
      }),
    };
  });
}
