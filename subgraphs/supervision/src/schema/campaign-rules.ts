import { campaignInstitutions, campaigns, isUuid } from '@hub/db';
import { type Refusal, refuse } from '@hub/platform';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../change.ts';

/** A case from an inspection names a campaign of that kind whose draw picked the institution. */
export async function drawnIn(
  tx: Tx,
  campaignId: string,
  enterpriseId: string,
  source: string,
): Promise<Refusal | null> {
  const [c] = isUuid(campaignId) ? await tx.select().from(campaigns).where(eq(campaigns.id, campaignId)) : [];
  if (!c) return refuse('NOT_FOUND', 'no campaign has that id', 'campaignId');
  if (c.kind !== source) {
    return refuse('CAMPAIGN_KIND_MISMATCH', `the campaign is a ${c.kind}, not a ${source}`, 'source');
  }
  const [drawn] = await tx
    .select()
    .from(campaignInstitutions)
    .where(and(eq(campaignInstitutions.campaignId, campaignId), eq(campaignInstitutions.enterpriseId, enterpriseId)));
  if (!drawn) return refuse('NOT_DRAWN', 'the campaign’s draw did not pick this institution', 'enterpriseId');
  return null;
}
