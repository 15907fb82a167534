import { type Db, occupations, workTypes } from '@hub/db';
import DataLoader from 'dataloader';
import { asc, inArray } from 'drizzle-orm';

export type OccupationRow = typeof occupations.$inferSelect;
export type WorkTypeRow = typeof workTypes.$inferSelect;

/** Groups rows by a key, in the order of the keys asked for. */
function groupLoader<R>(fetch: (keys: string[]) => Promise<R[]>, keyOf: (row: R) => string | null) {
  return new DataLoader<string, R[]>(async (keys) => {
    const rows = await fetch([...new Set(keys)]);
    const groups = new Map<string, R[]>();
    for (const r of rows) {
      const k = keyOf(r);
      if (k != null) groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/** Request-scoped loaders: every batch of keys becomes one SQL statement. */
export function createLoaders(db: Db) {
  return {
    occupationByCode: new DataLoader<string, OccupationRow | null>(async (codes) => {
      const rows = await db
        .select()
        .from(occupations)
        .where(inArray(occupations.code, [...new Set(codes)]));
      const byCode = new Map(rows.map((r) => [r.code, r]));
      return codes.map((c) => byCode.get(c) ?? null);
    }),
    childrenOf: groupLoader(
      (codes) =>
        db.select().from(occupations).where(inArray(occupations.parentCode, codes)).orderBy(asc(occupations.code)),
      (r) => r.parentCode,
    ),
    workTypesOf: groupLoader(
      (codes) =>
        db.select().from(workTypes).where(inArray(workTypes.occupationCode, codes)).orderBy(asc(workTypes.code)),
      (r) => r.occupationCode,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
