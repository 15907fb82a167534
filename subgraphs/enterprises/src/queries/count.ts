import { type Db, partnerCredentials } from '@hub/db';
import { and, count, eq, gt, isNull, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

/** How many rows of `table` meet `where`: a connection's totalCount, counted only when asked for. */
export async function countWhere(db: Db, table: PgTable, where: (SQL | undefined)[]): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(table)
    .where(and(...where));
  return row?.n ?? 0;
}

/** The partner credentials `partnerCredentialsPage` lists, counted. */
export function countPartnerCredentials(db: Db, q: { enterpriseId: string; includeRevoked: boolean; now: Date }) {
  return countWhere(db, partnerCredentials, [
    eq(partnerCredentials.enterpriseId, q.enterpriseId),
    q.includeRevoked ? undefined : isNull(partnerCredentials.revokedAt),
    q.includeRevoked ? undefined : gt(partnerCredentials.expiresAt, q.now),
  ]);
}
