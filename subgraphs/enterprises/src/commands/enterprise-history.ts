import { filings, filingTransitions, type Tx } from '@hub/db';
import { chinaDate } from '@hub/vocabulary';
import { and, desc, eq, inArray } from 'drizzle-orm';

/** The day (China time) of the enterprise's latest 取消备案资质, or null if it was never revoked. */
export async function revokedOn(tx: Tx, enterpriseId: string): Promise<string | null> {
  const [last] = await tx
    .select({ at: filingTransitions.at })
    .from(filingTransitions)
    .innerJoin(filings, eq(filings.id, filingTransitions.filingId))
    .where(and(eq(filings.enterpriseId, enterpriseId), inArray(filingTransitions.toStatus, ['REVOKED'])))
    .orderBy(desc(filingTransitions.at))
    .limit(1);
  return last ? chinaDate(last.at) : null;
}
