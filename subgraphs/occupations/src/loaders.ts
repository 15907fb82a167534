import { type Db, enterprisePrefectures, groupPageLoader, jobRoleMappings, occupations, workTypes } from '@hub/db';
import DataLoader from 'dataloader';
import { asc, count, inArray } from 'drizzle-orm';

export type OccupationRow = typeof occupations.$inferSelect;
export type WorkTypeRow = typeof workTypes.$inferSelect;
export type JobRoleMappingRow = typeof jobRoleMappings.$inferSelect;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

/** One row per key, null where there is none. */
function byKeyLoader<R>(fetch: (keys: string[]) => Promise<R[]>, keyOf: (row: R) => string) {
  return new DataLoader<string, R | null>(async (keys) => {
    const rows = await fetch([...new Set(keys)]);
    const map = new Map(rows.map((r) => [keyOf(r), r]));
    return keys.map((k) => map.get(k) ?? null);
  });
}

/** Request-scoped loaders: every batch of keys becomes one SQL statement. */
export function createLoaders(db: Db) {
  return {
    occupationByCode: byKeyLoader(
      (codes) => db.select().from(occupations).where(inArray(occupations.code, codes)),
      (r) => r.code,
    ),
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
    workTypeByCode: byKeyLoader(
      (codes) => db.select().from(workTypes).where(inArray(workTypes.code, codes)),
      (r) => r.code,
    ),
    mappingById: byKeyLoader(
      (ids) => {
        const valid = ids.filter((id) => UUID.test(id));
        return valid.length
          ? db.select().from(jobRoleMappings).where(inArray(jobRoleMappings.id, valid))
          : Promise.resolve([]);
      },
      (r) => r.id,
    ),
    /** 市州 of an enterprise, read through the enterprises domain's named function (null: no such enterprise). */
    prefectureOf: new DataLoader<string, string | null>(async (ids) => {
      const map = await enterprisePrefectures(
        db,
        ids.filter((id) => UUID.test(id)),
      );
      return ids.map((id) => map.get(id) ?? null);
    }),
    /** How many job-role mappings each enterprise has, all enterprises of a request in one statement. */
    mappingCount: new DataLoader<string, number>(async (ids) => {
      const valid = [...new Set(ids.filter((id) => UUID.test(id)))];
      const rows = valid.length
        ? await db
            .select({ id: jobRoleMappings.enterpriseId, n: count() })
            .from(jobRoleMappings)
            .where(inArray(jobRoleMappings.enterpriseId, valid))
            .groupBy(jobRoleMappings.enterpriseId)
        : [];
      const by = new Map(rows.map((r) => [r.id, r.n]));
      return ids.map((id) => by.get(id) ?? 0);
    }),
    /** One page of job-role mappings per enterprise, all enterprises of a request in one statement. */
    mappingPage: groupPageLoader(
      db,
      jobRoleMappings,
      { groupBy: jobRoleMappings.enterpriseId, orderBy: jobRoleMappings.id },
      (id) => UUID.test(id),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
