import { type Refusal, refuse } from '@hub/platform';

/**
 * A case from an inspection names a campaign of that kind whose draw picked the institution:
 * `campaign` is the named campaign (null when none has the id), `drawn` whether its draw picked it.
 */
export function drawnRefusal(campaign: { kind: string } | null, drawn: boolean, source: string): Refusal | null {
  if (!campaign) return refuse('NOT_FOUND', '没有该抽查活动', 'campaignId');
  if (campaign.kind !== source) {
    return refuse('CAMPAIGN_KIND_MISMATCH', `该抽查活动类别为 ${campaign.kind}，不是 ${source}`, 'source');
  }
  if (!drawn) return refuse('NOT_DRAWN', '该机构不在本次抽查抽取的名单中', 'enterpriseId');
  return null;
}
