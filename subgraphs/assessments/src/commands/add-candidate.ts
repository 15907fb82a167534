import { candidates, decryptResidentId, isUuid, workers } from '@hub/db';
import { and, eq } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { change, stop, stopIf } from '../change.ts';
import { heldCertificates, institutionOf, serves } from '../facts.ts';
import type { CandidateRow } from '../loaders.ts';
import { schemeOfPlan } from '../queries/work-scheme.ts';
import {
  applicationProblems,
  type CandidateApplication,
  declaredApplication,
  NO_APPLICATION,
  schemeConditionEntry,
} from '../rules/application-conditions.ts';
import { eligibilityProblems } from '../rules/eligibility.ts';
import { candidateEntryProblems } from '../rules/plan.ts';
import type { ExceptionalGround } from '../rules/types.ts';
import { employmentEndedProblems } from '../rules/worker-record.ts';
import { expectStatus, ownPlan } from './own-plan.ts';

export interface AddCandidateInput {
  planId: string | number;
  workerId: string | number;
  exceptional?: { ground: ExceptionalGround; detail: string } | null;
  /** 申报信息: what the candidate declares (years in the trade, training hours, 文化程度). */
  application?: Partial<CandidateApplication> | null;
  /** Admits a candidate who does not meet the 工作方案's 申报条件, recorded with what was unmet. */
  overrideReason?: string | null;
}

/**
 * 录入参评人员: by the plan's report deadline, a worker the institution may evaluate under the plan's
 * qualification (its own, or a served party's for a 社会评价组织 plan), who is eligible and meets the
 * 申报条件 of the 工作方案 the plan was reported under — or, not meeting them, is admitted with a
 * recorded reason.
 */
export function addCandidate(ctx: Context, input: AddCandidateInput) {
  return change(ctx, async (tx) => {
    const plan = await ownPlan(tx, ctx, String(input.planId));
    expectStatus(plan, 'REPORTED', '添加参评人员');
    stopIf(candidateEntryProblems(plan.reportDeadline, plan.evaluationDate, ctx.clock.today()));
    const workerId = String(input.workerId);
    const [worker] = isUuid(workerId) ? await tx.select().from(workers).where(eq(workers.id, workerId)) : [];
    if (!worker || worker.institutionId !== plan.enterpriseId) {
      stop('WORKER_NOT_FOUND', '本机构没有该职工', 'workerId');
    }
    const [dup] = await tx
      .select({ id: candidates.id })
      .from(candidates)
      .where(and(eq(candidates.planId, plan.id), eq(candidates.workerId, worker.id)));
    if (dup) stop('CANDIDATE_ALREADY_ON_PLAN', '该职工已是本计划的参评人员', 'workerId');
    stopIf(employmentEndedProblems(worker, plan.evaluationDate));
    stopIf(applicationProblems(input.application));
    const inst = await institutionOf(tx, plan.enterpriseId);
    const exceptional = input.exceptional
      ? { ground: input.exceptional.ground, detail: input.exceptional.detail }
      : null;
    const held = await heldCertificates(tx, {
      residentId: decryptResidentId(worker.residentIdEnc),
      workerId: worker.id,
      occupationCode: plan.occupationCode,
    });
    const application = declaredApplication(input.application);
    const conditions = schemeConditionEntry(
      await schemeOfPlan(tx, plan),
      plan,
      {
        evaluationDate: plan.evaluationDate,
        employedSince: worker.employedSince,
        held,
        application: application ?? NO_APPLICATION,
      },
      input.overrideReason,
    );
    stopIf([
      ...eligibilityProblems({
        institution: { creditCode: inst.creditCode },
        worker,
        // Served parties count only for a plan run as a 社会评价组织 (its filing in force that day).
        employerServed:
          plan.qualification === 'SOCIAL_EVALUATION_ORGANIZATION' &&
          worker.employerCreditCode !== inst.creditCode &&
          (await serves(tx, plan.enterpriseId, worker.employerCreditCode, plan.evaluationDate)),
        plan: {
          qualification: plan.qualification,
          method: plan.method,
          level: plan.level,
          evaluationDate: plan.evaluationDate,
        },
        heldLevels: [...new Set(held.map((h) => h.level))].sort(),
        exceptional,
      }),
      ...conditions.problems,
    ]);
    const [candidate] = await tx
      .insert(candidates)
      .values({
        planId: plan.id,
        workerId: worker.id,
        exceptionalGround: exceptional?.ground ?? null,
        exceptionalDetail: exceptional?.detail.trim() ?? null,
        application,
        conditionOverride: conditions.override && {
          ...conditions.override,
          recordedOn: ctx.clock.today(),
          recordedBy: `${ctx.caller.role}:${ctx.caller.sub ?? 'unknown'}`,
        },
      })
      .returning();
    return { candidate: candidate as CandidateRow };
  });
}
