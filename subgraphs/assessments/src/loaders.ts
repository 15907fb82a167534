import { certificates, type Db, enterprisePrefectures, groupPageLoader } from '@hub/db';
import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';

export type CertificateRow = typeof certificates.$inferSelect;

/** Request-scoped loaders: every batch of keys becomes one SQL statement. */
export function createLoaders(db: Db) {
  return {
    certificateByNumber: new DataLoader<string, CertificateRow | null>(async (numbers) => {
      const wanted = [...new Set(numbers.filter((n) => n.length === 22))];
      const rows = wanted.length
        ? await db.select().from(certificates).where(inArray(certificates.number, wanted))
        : [];
      const byNumber = new Map(rows.map((r) => [r.number, r]));
      return numbers.map((n) => byNumber.get(n) ?? null);
    }),
    /** 市州 of the issuing enterprise, read through the enterprises domain's named function. */
    prefectureOf: new DataLoader<string, string | null>(async (ids) => {
      const map = await enterprisePrefectures(db, ids);
      return ids.map((id) => map.get(id) ?? null);
    }),
    /** One page of certificates per enterprise, all enterprises of a request in one statement. */
    certificatePage: groupPageLoader(db, certificates, {
      groupBy: certificates.enterpriseId,
      orderBy: certificates.number,
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
