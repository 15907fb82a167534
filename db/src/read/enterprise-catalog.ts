import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { enterprises } from '../schema/enterprise.ts';

/**
 * The enterprises domain's catalog (全省技能人才自主评价机构目录) as other domains may read it:
 * institutions listed as CONFIRMED or SUSPENDED; a revoked institution is not in it.
 */
export interface CatalogInstitution {
  enterpriseId: string;
  prefectureCode: string;
  qualification: 'CONFIRMED' | 'SUSPENDED';
}

/** Institutions in the catalog, of one 市州 or all, in id order (the order draws start from). */
export async function catalogInstitutions(
  db: Db,
  q: { prefecture?: string | null } = {},
): Promise<CatalogInstitution[]> {
  const rows = await db
    .select({
      enterpriseId: enterprises.id,
      prefectureCode: enterprises.prefectureCode,
      qualification: enterprises.qualification,
    })
    .from(enterprises)
    .where(
      and(
        inArray(enterprises.qualification, ['CONFIRMED', 'SUSPENDED']),
        q.prefecture ? eq(enterprises.prefectureCode, q.prefecture) : undefined,
      ),
    )
    .orderBy(asc(enterprises.id));
  return rows as CatalogInstitution[];
}

export interface InstitutionStanding {
  enterpriseId: string;
  name: string;
  prefectureCode: string;
  qualification: 'NONE' | 'CONFIRMED' | 'SUSPENDED' | 'REVOKED' | 'CANCELLED';
}

/** An enterprise by its 统一社会信用代码 with its catalog standing (complaints name institutions that way). */
export async function institutionByCreditCode(db: Db, creditCode: string): Promise<InstitutionStanding | null> {
  const [row] = await db
    .select({
      enterpriseId: enterprises.id,
      name: enterprises.name,
      prefectureCode: enterprises.prefectureCode,
      qualification: enterprises.qualification,
    })
    .from(enterprises)
    .where(eq(enterprises.creditCode, creditCode.toUpperCase()));
  return row ?? null;
}

/** Catalog standing of many enterprises at once. */
export async function institutionStandings(db: Db, ids: readonly string[]): Promise<Map<string, InstitutionStanding>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({
      enterpriseId: enterprises.id,
      name: enterprises.name,
      prefectureCode: enterprises.prefectureCode,
      qualification: enterprises.qualification,
    })
    .from(enterprises)
    .where(inArray(enterprises.id, [...ids]));
  return new Map(rows.map((r) => [r.enterpriseId, r]));
}
