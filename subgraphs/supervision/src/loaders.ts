import { cases, type Db, groupPageLoader } from '@hub/db';
import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';

export type CaseRow = typeof cases.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Request-scoped loaders: every batch of keys becomes one SQL statement. */
export function createLoaders(db: Db) {
  return {
    caseById: new DataLoader<string, CaseRow | null>(async (ids) => {
      const wanted = [...new Set(ids.filter((id) => UUID.test(id)))];
      const rows = wanted.length ? await db.select().from(cases).where(inArray(cases.id, wanted)) : [];
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** One page of cases per enterprise, all enterprises of a request in one statement. */
    casePage: groupPageLoader(db, cases, { groupBy: cases.enterpriseId, orderBy: cases.id }, (id) => UUID.test(id)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
