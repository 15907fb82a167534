import { campaigns, type Db, keysetPage } from '@hub/db';
import { type Claims, reachOf } from '@hub/platform';
import { eq, or, type SQL } from 'drizzle-orm';
import type { CampaignRow } from '../loaders.ts';

export interface CampaignFilter {
  /** Only this 市州 (already checked against the caller's reach). */
  prefecture?: string | null;
  status?: CampaignRow['status'] | null;
  /** Whether the caller is an authority (sees unpublished campaigns of its reach). */
  authority: boolean;
}

/**
 * One page of campaigns by id: published ones for everyone; an authority also its reach's
 * unpublished ones (a city authority its own 市州's, the province all).
 */
export function campaignsPage(db: Db, caller: Claims, f: CampaignFilter, afterKey: string | undefined, limit: number) {
  const where: (SQL | undefined)[] = [];
  if (f.prefecture != null) where.push(eq(campaigns.prefectureCode, f.prefecture));
  if (f.status) where.push(eq(campaigns.status, f.status));
  const reach = reachOf(caller);
  if (!f.authority) where.push(eq(campaigns.status, 'PUBLISHED'));
  else if (reach.kind === 'prefecture') {
    where.push(or(eq(campaigns.status, 'PUBLISHED'), eq(campaigns.prefectureCode, reach.prefecture)));
  }
  return keysetPage(db, campaigns, campaigns.id, { where, afterKey, limit });
}
