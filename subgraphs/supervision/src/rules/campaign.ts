import { type Refusal, refuse } from '@hub/platform';

/**
 * A case from an inspection names a campaign of that kind whose draw picked the institution:
 * `campaign` is the named campaign (null when none has the id), `drawn` whether its draw picked it.
 */
export function drawnRefusal(campaign: { kind: string } | null, drawn: boolean, source: string): Refusal | null {
  if (!campaign) return refuse('NOT_FOUND', 'no campaign has that id', 'campaignId');
  if (campaign.kind !== source) {
    return refuse('CAMPAIGN_KIND_MISMATCH', `the campaign is a ${campaign.kind}, not a ${source}`, 'source');
  }
  if (!drawn) return refuse('NOT_DRAWN', 'the campaign’s draw did not pick this institution', 'enterpriseId');
  return null;
}
