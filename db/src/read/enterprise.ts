import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { textByKey, textOfKey } from '../prepared.ts';
import { enterprises, filingServedParties, filings } from '../schema/enterprise.ts';

/**
 * Read-only facts of the enterprises domain that other domains may rely on.
 * Other subgraphs call these; they never touch enterprise tables themselves.
 */

/** 市州 of each enterprise, for 属地管理 checks in other domains. */
export async function enterprisePrefectures(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({ id: enterprises.id, prefectureCode: enterprises.prefectureCode })
    .from(enterprises)
    .where(inArray(enterprises.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.prefectureCode]));
}

/** 企业名称 of one enterprise (a certificate's issuer on the public 证书查询), by a prepared statement. */
export const enterpriseName = textByKey('enterprise_name', enterprises, enterprises.id, enterprises.name);

/** 企业名称 of the enterprise another domain's column names, selected in that domain's own statement (textOfKey). */
export const enterpriseNameOf = textOfKey(enterprises, enterprises.id, enterprises.name);

/** Ids of the enterprises in one 市州. */
export async function enterpriseIdsInPrefecture(db: Db, prefectureCode: string): Promise<string[]> {
  const rows = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(eq(enterprises.prefectureCode, prefectureCode));
  return rows.map((r) => r.id);
}

export interface InstitutionFacts {
  enterpriseId: string;
  name: string;
  creditCode: string;
  prefectureCode: string;
  /** 6-digit code assigned on 备案确认; null before any confirmation. */
  institutionCode: string | null;
  /** Kind of the latest confirmed filing: decides Y (企业) or S (社会评价组织) in certificate numbers. */
  kind: 'ENTERPRISE_SELF_EVALUATION' | 'SOCIAL_EVALUATION_ORGANIZATION' | null;
}

/** What other domains need to know about an evaluation institution, for many at once. */
export async function institutionFacts(db: Db, ids: readonly string[]): Promise<Map<string, InstitutionFacts>> {
  if (!ids.length) return new Map();
  const rows = await db
    .select({
      enterpriseId: enterprises.id,
      name: enterprises.name,
      creditCode: enterprises.creditCode,
      prefectureCode: enterprises.prefectureCode,
      institutionCode: enterprises.institutionCode,
    })
    .from(enterprises)
    .where(inArray(enterprises.id, [...ids]));
  const kinds = await db
    .selectDistinctOn([filings.enterpriseId], { enterpriseId: filings.enterpriseId, kind: filings.kind })
    .from(filings)
    .where(and(inArray(filings.enterpriseId, [...ids]), isNotNull(filings.confirmedAt)))
    .orderBy(filings.enterpriseId, desc(filings.confirmedAt));
  const kindOf = new Map(kinds.map((k) => [k.enterpriseId, k.kind]));
  return new Map(rows.map((r) => [r.enterpriseId, { ...r, kind: kindOf.get(r.enterpriseId) ?? null }]));
}

/**
 * Does this 社会评价组织 serve the party with this 统一社会信用代码 under a
 * confirmed filing? (Its candidates may be workers of the parties it serves.)
 */
export async function isServedBy(db: Db, q: { organizationId: string; partyCreditCode: string }): Promise<boolean> {
  const rows = await db
    .select({ id: filingServedParties.id })
    .from(filingServedParties)
    .innerJoin(filings, eq(filings.id, filingServedParties.filingId))
    .where(
      and(
        eq(filings.enterpriseId, q.organizationId),
        eq(filings.kind, 'SOCIAL_EVALUATION_ORGANIZATION'),
        isNotNull(filings.confirmedAt),
        eq(filingServedParties.creditCode, q.partyCreditCode),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
