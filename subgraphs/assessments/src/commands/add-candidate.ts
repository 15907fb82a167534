import { candidates, decryptResidentId, isUuid, workers } from '@hub/db';
import { and, eq } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { change, stop, stopIf } from '../change.ts';
import { heldLevels, institutionOf, serves } from '../facts.ts';
import type { CandidateRow } from '../loaders.ts';
import { eligibilityProblems } from '../rules/eligibility.ts';
import { candidateEntryProblems } from '../rules/plan.ts';
import type { ExceptionalGround } from '../rules/types.ts';
import { expectStatus, ownPlan } from './own-plan.ts';

export interface AddCandidateInput {
  planId: string | number;
  workerId: string | number;
  exceptional?: { ground: ExceptionalGround; detail: string } | null;
}

/** 录入参评人员: by the plan's report deadline, a worker the institution may evaluate and who is eligible. */
export function addCandidate(ctx: Context, input: AddCandidateInput) {
  return change(ctx, async (tx) => {
    const plan = await ownPlan(tx, ctx, String(input.planId));
    expectStatus(plan, 'REPORTED', 'adding a candidate');
    stopIf(candidateEntryProblems(plan.reportDeadline, plan.evaluationDate, ctx.clock.today()));
    const workerId = String(input.workerId);
    const [worker] = isUuid(workerId) ? await tx.select().from(workers).where(eq(workers.id, workerId)) : [];
    if (!worker || worker.institutionId !== plan.enterpriseId) {
      stop('WORKER_NOT_FOUND', 'this institution has no worker with that id', 'workerId');
    }
    const [dup] = await tx
      .select({ id: candidates.id })
      .from(candidates)
      .where(and(eq(candidates.planId, plan.id), eq(candidates.workerId, worker.id)));
    if (dup) stop('CANDIDATE_ALREADY_ON_PLAN', 'the worker is already a candidate of this plan', 'workerId');
    const inst = await institutionOf(tx, plan.enterpriseId);
    const exceptional = input.exceptional
      ? { ground: input.exceptional.ground, detail: input.exceptional.detail }
      : null;
    stopIf(
      eligibilityProblems({
        institution: { creditCode: inst.creditCode, kind: inst.kind ?? 'ENTERPRISE_SELF_EVALUATION' },
        worker,
        employerServed:
          worker.employerCreditCode !== inst.creditCode &&
          (await serves(tx, plan.enterpriseId, worker.employerCreditCode)),
        plan: { method: plan.method, level: plan.level, evaluationDate: plan.evaluationDate },
        heldLevels: await heldLevels(tx, {
          residentId: decryptResidentId(worker.residentIdEnc),
          workerId: worker.id,
          occupationCode: plan.occupationCode,
        }),
        exceptional,
      }),
    );
    const [candidate] = await tx
      .insert(candidates)
      .values({
        planId: plan.id,
        workerId: worker.id,
        exceptionalGround: exceptional?.ground ?? null,
        exceptionalDetail: exceptional?.detail.trim() ?? null,
      })
      .returning();
    return { candidate: candidate as CandidateRow };
  });
}
