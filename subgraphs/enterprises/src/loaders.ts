import { type Db, enterprises, filings } from '@hub/db';
import DataLoader from 'dataloader';
import { desc, inArray } from 'drizzle-orm';

export type EnterpriseRow = typeof enterprises.$inferSelect;
export type FilingRow = typeof filings.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Loads rows for many keys in one statement and hands them back in key order. */
function keyedLoader<K extends string, R>(
  fetch: (keys: K[]) => Promise<R[]>,
  keyOf: (row: R) => K,
  valid: (k: K) => boolean = () => true,
) {
  return new DataLoader<K, R | null>(async (keys) => {
    const wanted = [...new Set(keys.filter(valid))];
    const rows = wanted.length ? await fetch(wanted) : [];
    const byKey = new Map(rows.map((r) => [keyOf(r), r]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/** Request-scoped loaders: every batch of keys becomes one SQL statement. */
export function createLoaders(db: Db) {
  return {
    enterpriseById: keyedLoader<string, EnterpriseRow>(
      (ids) => db.select().from(enterprises).where(inArray(enterprises.id, ids)),
      (r) => r.id,
      (id) => UUID.test(id),
    ),
    enterpriseByCreditCode: keyedLoader<string, EnterpriseRow>(
      (codes) => db.select().from(enterprises).where(inArray(enterprises.creditCode, codes)),
      (r) => r.creditCode,
    ),
    /** The most recent filing of each enterprise (its current 备案 status). */
    latestFiling: keyedLoader<string, FilingRow>(
      (ids) =>
        db
          .selectDistinctOn([filings.enterpriseId])
          .from(filings)
          .where(inArray(filings.enterpriseId, ids))
          .orderBy(filings.enterpriseId, desc(filings.createdAt), desc(filings.id)),
      (r) => r.enterpriseId,
    ),
    filingsByEnterprise: new DataLoader<string, FilingRow[]>(async (ids) => {
      const rows = await db
        .select()
        .from(filings)
        .where(inArray(filings.enterpriseId, [...ids]))
        .orderBy(desc(filings.createdAt));
      return ids.map((id) => rows.filter((r) => r.enterpriseId === id));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
