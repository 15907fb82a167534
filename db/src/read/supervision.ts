import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { inspectors, supervisorDispatches } from '../schema/supervision.ts';

/**
 * Read-only facts of the supervision domain for other domains: which external quality
 * supervisors (外部质量督导员) were dispatched to which evaluation plans, and what they found,
 * so the assessments domain can show them on the plan.
 */
export interface PlanSupervision {
  dispatchId: string;
  planId: string;
  supervisorName: string;
  dispatchedAt: Date;
  outcome: 'NO_ISSUES' | 'ISSUES_FOUND' | null;
  findings: string | null;
  evidence: string[];
}

export async function externalSupervisionOfPlans(
  db: Db,
  planIds: readonly string[],
): Promise<Map<string, PlanSupervision[]>> {
  const out = new Map<string, PlanSupervision[]>();
  if (!planIds.length) return out;
  const rows = await db
    .select({ d: supervisorDispatches, name: inspectors.name })
    .from(supervisorDispatches)
    .innerJoin(inspectors, eq(inspectors.id, supervisorDispatches.supervisorId))
    .where(inArray(supervisorDispatches.planId, [...planIds]));
  for (const { d, name } of rows) {
    const list = out.get(d.planId) ?? [];
    list.push({
      dispatchId: d.id,
      planId: d.planId,
      supervisorName: name,
      dispatchedAt: d.dispatchedAt,
      outcome: d.outcome,
      findings: d.findings,
      evidence: d.evidence,
    });
    out.set(d.planId, list);
  }
  return out;
}
