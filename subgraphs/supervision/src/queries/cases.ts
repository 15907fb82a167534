import { cases, type Db, keysetPage } from '@hub/db';
import { eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { CaseRow } from '../loaders.ts';

export interface CaseFilter {
  /** Only this 市州 (already checked against the caller's reach). */
  prefecture: string | null;
  status: CaseRow['status'] | null;
  source: CaseRow['source'] | null;
  /** Only cases the enterprise has (true) or has not (false) been told of. */
  notified: boolean | null;
}

/** One page of cases by id. */
export function casesPage(db: Db, f: CaseFilter, afterKey: string | undefined, limit: number) {
  const where: (SQL | undefined)[] = [];
  if (f.prefecture) where.push(eq(cases.prefectureCode, f.prefecture));
  if (f.status) where.push(eq(cases.status, f.status));
  if (f.source) where.push(eq(cases.source, f.source));
  if (f.notified === true) where.push(isNotNull(cases.notifiedOn));
  if (f.notified === false) where.push(isNull(cases.notifiedOn));
  return keysetPage(db, cases, cases.id, { where, afterKey, limit });
}
