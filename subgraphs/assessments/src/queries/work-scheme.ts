import { candidates, type Db, workSchemes } from '@hub/db';
import { and, asc, desc, eq, isNotNull, lte } from 'drizzle-orm';
import type { Tx } from '../change.ts';
import type { ApplicationCondition } from '../rules/application-conditions.ts';
import type { MethodStandard } from '../rules/plan-standard.ts';
import type { Method } from '../rules/types.ts';
import type { WorkSchemeFacts } from '../rules/work-scheme.ts';

export type WorkSchemeRow = typeof workSchemes.$inferSelect;

/** What the rules read of a stored version. */
export function schemeFacts(row: WorkSchemeRow): WorkSchemeFacts {
  return {
    version: row.version,
    assessorCounts: row.assessorCounts as Partial<Record<Method, number>>,
    conditions: row.conditions as ApplicationCondition[],
    methodStandards: row.methodStandards as MethodStandard[],
    committeeMinMembers: row.committeeMinMembers,
    reviewDefencePanelMin: row.reviewDefencePanelMin,
    seniorAssessorFromLevel: row.seniorAssessorFromLevel,
    plansWithinAnnouncementPeriod: row.plansWithinAnnouncementPeriod,
  };
}

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
  return row ? schemeFacts(row) : null;
}

/**
 * The 工作方案 a plan was reported under: the version its standard names (null: it was reported with
 * none in force); for a plan reported before standards were kept, the version in force on its report day.
 */
export async function schemeOfPlan(
  tx: Tx | Db,
  plan: { enterpriseId: string; reportedOn: string; standard: { schemeVersion: number | null } | null },
): Promise<WorkSchemeFacts | null> {
  if (!plan.standard) return schemeInForce(tx, plan.enterpriseId, plan.reportedOn);
  const version = plan.standard.schemeVersion;
  if (version == null) return null;
  const [row] = await tx
    .select()
    .from(workSchemes)
    .where(and(eq(workSchemes.institutionId, plan.enterpriseId), eq(workSchemes.version, version)));
  return row ? schemeFacts(row) : null;
}

/** Every version of an institution's 工作方案, newest first. */
export function schemeVersions(db: Db, institutionId: string): Promise<WorkSchemeRow[]> {
  return db
    .select()
    .from(workSchemes)
    .where(eq(workSchemes.institutionId, institutionId))
    .orderBy(desc(workSchemes.version));
}

/** 破例参评: a plan's candidates admitted over unmet 申报条件, in the order they were added. */
export function conditionOverridesOf(db: Db, planId: string) {
  return db
    .select()
    .from(candidates)
    .where(and(eq(candidates.planId, planId), isNotNull(candidates.conditionOverride)))
    .orderBy(asc(candidates.createdAt), asc(candidates.id));
}
