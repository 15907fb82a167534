import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { enterprises } from '../schema/enterprise.ts';

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

/** Ids of the enterprises in one 市州. */
export async function enterpriseIdsInPrefecture(db: Db, prefectureCode: string): Promise<string[]> {
  const rows = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(eq(enterprises.prefectureCode, prefectureCode));
  return rows.map((r) => r.id);
}
