import { campaigns, isUuid } from '@hub/db';
import type { Claims, Refusal } from '@hub/platform';
import { eq } from 'drizzle-orm';
import { stop, stopIf, type Tx } from '../change.ts';
import type { CampaignRow } from '../loaders.ts';
import { campaignScopeRefusal } from '../rules/access.ts';

/** What every campaign command answers: the campaign after the change, or why nothing changed. */
export type CampaignOutcome = Promise<{ campaign?: CampaignRow | null; errors: Refusal[] }>;

/** Locks a campaign for the rest of the transaction; the caller must act over its scope. */
export async function lockCampaign(tx: Tx, caller: Claims, id: string): Promise<CampaignRow> {
  const [c] = isUuid(id) ? await tx.select().from(campaigns).where(eq(campaigns.id, id)).for('update') : [];
  if (!c) stop('NOT_FOUND', 'no campaign has that id', 'id');
  stopIf(campaignScopeRefusal(caller, c.prefectureCode));
  return c;
}
