import { type Db, inspectors, keysetPage } from '@hub/db';
import { eq, isNull, or, type SQL } from 'drizzle-orm';
import type { InspectorRow } from '../loaders.ts';

export interface InspectorFilter {
  kind: InspectorRow['kind'] | null;
  /** Only this 市州's members and the province's (already checked against the caller's reach). */
  prefecture: string | null;
}

/** One page of the pool by id. */
export function inspectorsPage(db: Db, f: InspectorFilter, afterKey: string | undefined, limit: number) {
  const where: (SQL | undefined)[] = [];
  if (f.kind) where.push(eq(inspectors.kind, f.kind));
  if (f.prefecture) where.push(or(eq(inspectors.prefectureCode, f.prefecture), isNull(inspectors.prefectureCode)));
  return keysetPage(db, inspectors, inspectors.id, { where, afterKey, limit });
}
