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
    return refuse('QUALIFICATION_NOT_REVOKED', '本案未取消该机构的备案资质，其证书无需作出发证决定', 'caseId');
  }
  if (!f.plan || f.plan.enterpriseId !== f.caseEnterpriseId) {
    return refuse('PLAN_NOT_OF_INSTITUTION', '本案所涉机构没有该评价计划', 'planId');
  }
  if (f.plan.evaluationDate > f.revokedOn || NOT_EVALUATED.includes(f.plan.status)) {
    return refuse(
      'PLAN_NOT_BEFORE_REVOCATION',
      `该计划不是在机构具备资质期间实施的评价（评价日期 ${f.plan.evaluationDate}，资质取消于 ${f.revokedOn}）`,
      'planId',
    );
  }
  if (!f.reason.trim()) {
    return refuse('DECISION_NEEDS_REASON', '准予或不予发证均须写明理由', 'reason');
  }
  if (f.decided) {
    return refuse('PLAN_ALREADY_DECIDED', '该计划的发证问题已作出决定，不能重复决定', 'planId');
  }
  return null;
}
