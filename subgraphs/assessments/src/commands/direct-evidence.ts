import { candidateEvidence, candidates, planStaff, reviewDefenceRecords } from '@hub/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { change, stopIf } from '../change.ts';
import { isoDate } from '../rules/dates.ts';
import {
  type DefenceForm,
  type DefenceResult,
  type EvidenceKind,
  evidenceProblems,
  reviewDefenceProblems,
} from '../rules/direct-evidence.ts';
import { standardOf } from '../rules/plan-standard.ts';
import { candidateById, ownPlan } from './own-plan.ts';

const recordedBy = (ctx: Context) => `${ctx.caller.role}:${ctx.caller.sub ?? 'unknown'}`;

export interface RecordEvidenceInput {
  candidateId: string | number;
  evidence: readonly { kind: EvidenceKind; title: string; attachment: string }[];
}

/**
 * 佐证材料 of a directly recognised candidate: the ability and 业绩 evidence as a whole list (references
 * to attachments), replacing the last list, until the committee review.
 */
export function recordCandidateEvidence(ctx: Context, input: RecordEvidenceInput) {
  return change(ctx, async (tx) => {
    const candidate = await candidateById(tx, String(input.candidateId), { lock: true });
    const plan = await ownPlan(tx, ctx, candidate.planId);
    stopIf(evidenceProblems(plan, candidate, input.evidence));
    await tx.delete(candidateEvidence).where(eq(candidateEvidence.candidateId, candidate.id));
    if (input.evidence.length) {
      const today = ctx.clock.today();
      await tx.insert(candidateEvidence).values(
        input.evidence.map((e) => ({
          candidateId: candidate.id,
          kind: e.kind,
          title: e.title.trim(),
          attachment: e.attachment.trim(),
          recordedOn: today,
          recordedBy: recordedBy(ctx),
        })),
      );
    }
    return { candidate };
  });
}

export interface RecordReviewDefenceInput {
  candidateId: string | number;
  form: DefenceForm;
  heldOn: string | Date;
  panelIds: readonly (string | number)[];
  result: DefenceResult;
  note?: string | null;
}

/**
 * 现场评审或答辩记录 of a 直接认定二级/一级 candidate: the day, the panel of the plan's assessors and
 * the result; recorded again before the committee review it replaces the last.
 */
export function recordReviewDefence(ctx: Context, input: RecordReviewDefenceInput) {
  return change(ctx, async (tx) => {
    const candidate = await candidateById(tx, String(input.candidateId), { lock: true });
    const plan = await ownPlan(tx, ctx, candidate.planId);
    const staff = await tx
      .select({ id: planStaff.assessorId })
      .from(planStaff)
      .where(and(eq(planStaff.planId, plan.id), inArray(planStaff.role, ['ASSESSOR', 'SENIOR_ASSESSOR'])));
    const heldOn = isoDate(input.heldOn);
    const panel = [...new Set(input.panelIds.map(String))];
    stopIf(
      reviewDefenceProblems(
        plan,
        candidate,
        { heldOn, panel },
        {
          today: ctx.clock.today(),
          planAssessorIds: staff.map((s) => s.id),
          panelMin: standardOf(plan).reviewDefencePanelMin,
        },
      ),
    );
    const values = {
      candidateId: candidate.id,
      form: input.form,
      heldOn,
      panel,
      result: input.result,
      note: input.note?.trim() || null,
      recordedOn: ctx.clock.today(),
      recordedBy: recordedBy(ctx),
    };
    await tx
      .insert(reviewDefenceRecords)
      .values(values)
      .onConflictDoUpdate({ target: reviewDefenceRecords.candidateId, set: values });
    const [updated] = await tx.select().from(candidates).where(eq(candidates.id, candidate.id));
    return { candidate: updated ?? candidate };
  });
}
