import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { inspectors, postRevocationDecisions, supervisorDispatches } from '../schema/supervision.ts';

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

/** The centre's decision on a plan's certificates after its institution's qualification was revoked. */
export interface CertificateIssuingDecision {
  planId: string;
  /** The supervision case that revoked the qualification. */
  caseId: string;
  /** AUTHORISE: its candidates who passed may still get certificates; REFUSE: they may not. */
  decision: 'AUTHORISE' | 'REFUSE';
  reason: string;
  decidedOn: string;
}

/**
 * 取消备案资质之后的证书 (issue #24 point 13), for the assessments domain: the decisions on these
 * plans, by plan id. A plan of a revoked institution without one has no decision yet — its
 * certificates wait; only AUTHORISE lets them be issued.
 */
export async function certificateDecisionsAfterRevocation(
  db: Db,
  planIds: readonly string[],
): Promise<Map<string, CertificateIssuingDecision>> {
  if (!planIds.length) return new Map();
  const rows = await db
    .select()
    .from(postRevocationDecisions)
    .where(inArray(postRevocationDecisions.planId, [...planIds]));
  return new Map(
    rows.map((r) => [
      r.planId,
      { planId: r.planId, caseId: r.caseId, decision: r.decision, reason: r.reason, decidedOn: r.decidedOn },
    ]),
  );
}
