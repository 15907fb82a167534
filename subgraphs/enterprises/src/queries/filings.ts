import { type Db, enterprises, filings, keysetPage } from '@hub/db';
import type { Reach } from '@hub/platform';
import { eq, inArray, type SQL, sql } from 'drizzle-orm';

export interface FilingsFilter {
  status?: (typeof filings.$inferSelect)['status'] | null;
  prefecture?: string | null;
}

/** Conditions on filings for a caller's reach and the filter (an enterprise its own, a 市州 authority its 市州). */
export function filingsWhere(db: Db, reach: Reach, f: FilingsFilter): (SQL | undefined)[] {
  const where: (SQL | undefined)[] = [];
  // No reach (a legal-person token before its enterprise is registered): no filing.
  if (reach.kind === 'none') where.push(sql`false`);
  if (reach.kind === 'enterprise') where.push(eq(filings.enterpriseId, reach.enterpriseId));
  const prefectures = [reach.kind === 'prefecture' ? reach.prefecture : null, f.prefecture ?? null].filter(
    (p): p is string => !!p,
  );
  for (const p of prefectures) {
    where.push(
      inArray(
        filings.enterpriseId,
        db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.prefectureCode, p)),
      ),
    );
  }
  if (f.status) where.push(eq(filings.status, f.status));
  return where;
}

/** One page of filings in id order, after `afterKey`. */
export function filingsPage(db: Db, reach: Reach, f: FilingsFilter, afterKey: string | undefined, limit: number) {
  return keysetPage(db, filings, filings.id, { where: filingsWhere(db, reach, f), afterKey, limit });
}
