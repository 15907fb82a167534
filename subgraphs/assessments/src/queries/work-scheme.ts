import { type Db, workSchemes } from '@hub/db';
import { and, desc, eq, lte } from 'drizzle-orm';
import type { Tx } from '../change.ts';
import type { Method } from '../rules/types.ts';
import type { WorkSchemeFacts } from '../rules/work-scheme.ts';

export type WorkSchemeRow = typeof workSchemes.$inferSelect;

/** The 工作方案 in force on a day: the latest version adopted by then, or null when there is none. */
export async function schemeInForce(
  tx: Tx | Db,
  institutionId: string,
  onDay: string,
): Promise<WorkSchemeFacts | null> {
  const [row] = await tx
    .select()
    .from(workSchemes)
    .where(and(eq(workSchemes.institutionId, institutionId), lte(workSchemes.adoptedOn, onDay)))
    .orderBy(desc(workSchemes.version))
    .limit(1);
  return row ? { version: row.version, assessorCounts: row.assessorCounts as Partial<Record<Method, number>> } : null;
}

/** Every version of an institution's 工作方案, newest first. */
export function schemeVersions(db: Db, institutionId: string): Promise<WorkSchemeRow[]> {
  return db
    .select()
    .from(workSchemes)
    .where(eq(workSchemes.institutionId, institutionId))
    .orderBy(desc(workSchemes.version));
}
