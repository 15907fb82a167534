import { type Refusal, refuse } from '@hub/platform';

/**
 * 取消备案资质之后的证书 (issue #24 point 13): the candidates of a plan evaluated while the
 * institution was still in scope need not lose their certificates to the revocation. The centre
 * decides, plan by plan, whether they may still be issued (AUTHORISE) or not (REFUSE), with its
 * reasons; the assessments domain reads the decision before issuing for a revoked institution.
 */
export type CertificateDecision = 'AUTHORISE' | 'REFUSE';

export interface AfterRevocationFacts {
  /** The case and its institution; `revokedOn` is null unless it revoked the qualification. */
  caseEnterpriseId: string;
  revokedOn: string | null;
  /** The plan, as the assessments domain has it; null when no plan has the id. */
  plan: { enterpriseId: string; evaluationDate: string; status: string } | null;
  /** Whether the plan already has a decision (one per plan). */
  decided: boolean;
  reason: string;
}

/** Plans that never took place have no candidates who passed. */
const NOT_EVALUATED = ['CANCELLED'];

/** Why the decision cannot be recorded, or null when it can. */
export function afterRevocationRefusal(f: AfterRevocationFacts): Refusal | null {
  if (f.revokedOn == null) {
    return refuse(
      'QUALIFICATION_NOT_REVOKED',
      'this case did not revoke the institution’s qualification: its certificates need no decision',
      'caseId',
    );
  }
  if (!f.plan || f.plan.enterpriseId !== f.caseEnterpriseId) {
    return refuse('PLAN_NOT_OF_INSTITUTION', 'no plan of the case’s institution has that id', 'planId');
  }
  if (f.plan.evaluationDate > f.revokedOn || NOT_EVALUATED.includes(f.plan.status)) {
    return refuse(
      'PLAN_NOT_BEFORE_REVOCATION',
      `the plan was not evaluated while the institution was in scope (evaluation ${f.plan.evaluationDate}, revoked ${f.revokedOn})`,
      'planId',
    );
  }
  if (!f.reason.trim()) {
    return refuse('DECISION_NEEDS_REASON', 'give the reasons for authorising or refusing the certificates', 'reason');
  }
  if (f.decided) {
    return refuse('PLAN_ALREADY_DECIDED', 'the certificates of this plan were decided already', 'planId');
  }
  return null;
}
