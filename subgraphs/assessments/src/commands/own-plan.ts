import { candidates, evaluationPlans, isUuid, objections } from '@hub/db';
import { eq } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { actingInstitution, stop, type Tx } from '../change.ts';
import type { CandidateRow, ObjectionRow, PlanRow } from '../loaders.ts';

/**
 * The caller's own plan, locked for the change unless `lock` is false; refused as unknown
 * otherwise (another institution's plan is not told apart from none).
 */
export async function ownPlan(tx: Tx, ctx: Context, planId: string, lock = true): Promise<PlanRow> {
  const institutionId = actingInstitution(ctx);
  const query = tx.select().from(evaluationPlans).where(eq(evaluationPlans.id, planId));
  const [plan] = isUuid(planId) ? await (lock ? query.for('update') : query) : [];
  if (!plan || plan.enterpriseId !== institutionId) stop('PLAN_NOT_FOUND', '本机构没有该评价计划', 'planId');
  return plan;
}

/** 计划状态 in a clerk's words, for the refusals. */
const STATUS_WORDS: Record<PlanRow['status'], string> = {
  REPORTED: '已报备',
  REVIEWED: '已审核',
  PUBLICISED: '已公示',
  SUBMITTED: '已报送',
  CANCELLED: '已取消',
};

export function expectStatus(plan: PlanRow, wanted: PlanRow['status'], doing: string) {
  if (plan.status !== wanted) {
    stop(
      'PLAN_WRONG_STATE',
      `${doing}须在评价计划为${STATUS_WORDS[wanted]}时进行；该计划现为${STATUS_WORDS[plan.status]}`,
      'planId',
    );
  }
}

/** A candidacy by id (locked when asked), or a refusal naming `field`. */
export async function candidateById(tx: Tx, id: string, opts: { lock?: boolean; field?: string } = {}) {
  const query = tx.select().from(candidates).where(eq(candidates.id, id));
  const [candidate] = isUuid(id) ? await (opts.lock ? query.for('update') : query) : [];
  if (!candidate) stop('CANDIDATE_NOT_FOUND', '没有该参评人员', opts.field ?? 'candidateId');
  return candidate as CandidateRow;
}

export async function objectionById(tx: Tx, id: string): Promise<ObjectionRow> {
  const [o] = isUuid(id) ? await tx.select().from(objections).where(eq(objections.id, id)) : [];
  if (!o) stop('OBJECTION_NOT_FOUND', '没有该异议', 'objectionId');
  return o;
}
