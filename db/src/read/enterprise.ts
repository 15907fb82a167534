import { eq, inArray, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../client.ts';
import { textByKey, textOfKey } from '../prepared.ts';
import { enterprises } from '../schema/enterprise.ts';
import { filingInForce } from './scope.ts';

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
  /**
   * 6-digit code assigned on 备案确认; null before any confirmation. Which qualification a
   * certificate is issued under (Y or S) is its plan's, not the institution's: an enterprise may
   * hold both (`filingsInForce`).
   */
  institutionCode: string | null;
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
  return new Map(rows.map((r) => [r.enterpriseId, r]));
}

/**
 * Does this 社会评价组织 serve the party with this 统一社会信用代码 under its 社会评价组织 filing in
 * force on `onDate` (`filingInForce`: an amendment restates whom it serves)? Its candidates may be
 * workers of the parties it serves.
 */
export async function isServedBy(
  db: Db,
  q: { organizationId: string; partyCreditCode: string; onDate: string },
): Promise<boolean> {
  const result = await db.execute(sql`
    select 1 as served
    from enterprise.filing_served_parties p
    join enterprise.filings f on f.id = p.filing_id
    where f.enterprise_id = ${q.organizationId}
      and f.kind = 'SOCIAL_EVALUATION_ORGANIZATION'
      and ${filingInForce('f', q.onDate)}
      and p.credit_code = ${q.partyCreditCode}
    limit 1
  `);
  return rowsOf(result).length > 0;
}
