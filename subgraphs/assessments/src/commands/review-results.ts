import {
  candidateEvidence,
  candidates,
  contestPlacings,
  evaluationPlans,
  examinedMaterials,
  moduleScores,
  planModules,
  resultSignOffs,
  reviewDefenceRecords,
  scores,
  workers,
} from '@hub/db';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { change, stop, stopIf } from '../change.ts';
import type { CandidateRow, PlanRow } from '../loaders.ts';
import { servingOn, signOffProblems } from '../rules/committee.ts';
import { type ContestRule, contestResult, contestReviewProblems } from '../rules/contest.ts';
import { directRecognitionResult, directRecognitionReviewProblems } from '../rules/direct-evidence.ts';
import { reviewExaminedProblems } from '../rules/examined.ts';
import { assessModules, moduleReviewProblems, scoresModules } from '../rules/modules.ts';
import { standardOf } from '../rules/plan-standard.ts';
import { assess, reviewProblems } from '../rules/scoring.ts';
import { committeeOf } from './committee.ts';
import { recordPlanEvents } from './feed.ts';
import { expectStatus, ownPlan } from './own-plan.ts';

/**
 * 评价工作委员会审核: every candidate fully scored, what was examined and a direct recognition's
 * evidence on record; signed off by the committee members present (the chair and more than half of
 * those serving today), whose signatures are kept with the plan. Sets totals and pass/fail.
 */
export function reviewResults(
  ctx: Context,
  input: { planId: string | number; note?: string | null; signatories: readonly (string | number)[] },
) {
  return change(ctx, async (tx) => {
    const plan = await ownPlan(tx, ctx, String(input.planId));
    expectStatus(plan, 'REPORTED', '评价工作委员会审核');
    const now = ctx.clock.today();
    if (now < plan.evaluationDate) stop('REVIEW_BEFORE_EVALUATION', `评价日期为${plan.evaluationDate}，评价后方可审核`);
    const rows = await tx
      .select({ candidate: candidates, name: workers.name })
      .from(candidates)
      .innerJoin(workers, eq(workers.id, candidates.workerId))
      .where(and(eq(candidates.planId, plan.id), isNull(candidates.withdrawnOn)));
    const allScores = rows.length
      ? await tx
          .select()
          .from(scores)
          .where(
            inArray(
              scores.candidateId,
              rows.map((r) => r.candidate.id),
            ),
          )
      : [];
    const ids = rows.map((r) => r.candidate.id);
    const direct = plan.method === 'DIRECT_RECOGNITION' && ids.length > 0;
    const [evidence, defences] = direct
      ? await Promise.all([
          tx
            .select({ candidateId: candidateEvidence.candidateId, kind: candidateEvidence.kind })
            .from(candidateEvidence)
            .where(inArray(candidateEvidence.candidateId, ids)),
          tx
            .select({ candidateId: reviewDefenceRecords.candidateId, result: reviewDefenceRecords.result })
            .from(reviewDefenceRecords)
            .where(inArray(reviewDefenceRecords.candidateId, ids)),
        ])
      : [[], []];
    // 过程化/模块化考核: the plan's modules and every module score of its candidates.
    const modular = scoresModules(plan.method) && ids.length > 0;
    const [modules, moduleMarks] = modular
      ? await Promise.all([
          tx.select().from(planModules).where(eq(planModules.planId, plan.id)),
          tx.select().from(moduleScores).where(inArray(moduleScores.candidateId, ids)),
        ])
      : [[], []];
    // 竞赛/技术比武 under a 竞赛方案 rule: the result follows the rank or award, not the scores.
    const rule = plan.contestRule as ContestRule | null;
    const placings =
      rule && ids.length
        ? await tx.select().from(contestPlacings).where(inArray(contestPlacings.candidateId, ids))
        : [];
    // The pass marks, weights and committee minimum fixed when the plan was reported (工作方案).
    const standard = standardOf(plan);
    const assessed = rows.map((r) => {
      if (rule) {
        const placing = placings.find((p) => p.candidateId === r.candidate.id);
        const result = placing ? contestResult(rule, plan.level, placing) : null;
        const a = { total: null, result, missing: [] };
        return { ...r, a, moduleMissing: [] as string[], unplaced: !placing, backing: null };
      }
      if (modular) {
        const m = assessModules(
          modules,
          moduleMarks.filter((s) => s.candidateId === r.candidate.id),
          standard.passMark,
        );
        return { ...r, a: { ...m, missing: [] }, moduleMissing: m.missing, unplaced: false, backing: null };
      }
      const a = assess(
        plan.method,
        plan.level,
        allScores.filter((s) => s.candidateId === r.candidate.id),
        standard,
      );
      const backing = {
        name: r.name,
        scored: a.result,
        evidence: evidence.filter((e) => e.candidateId === r.candidate.id).map((e) => e.kind),
        defence: defences.find((d) => d.candidateId === r.candidate.id)?.result ?? null,
      };
      // 直接认定: a failed 现场评审或答辩 fails the candidate whatever the scores.
      return {
        ...r,
        a: direct ? { ...a, result: directRecognitionResult(backing) } : a,
        moduleMissing: [] as string[],
        unplaced: false,
        backing,
      };
    });
    const serving = servingOn(await committeeOf(tx, plan.enterpriseId), now);
    const signatories = [...new Set(input.signatories.map(String))];
    const examined = await tx
      .select({ part: examinedMaterials.part })
      .from(examinedMaterials)
      .where(eq(examinedMaterials.planId, plan.id));
    stopIf([
      ...reviewProblems(
        plan.method,
        plan.level,
        assessed.map((x) => ({ name: x.name, missing: x.a.missing })),
      ),
      ...moduleReviewProblems(assessed.map((x) => ({ name: x.name, missing: x.moduleMissing }))),
      ...contestReviewProblems(assessed.map((x) => ({ name: x.name, placed: !x.unplaced }))),
      ...reviewExaminedProblems(plan.method, plan.level, examined),
      ...directRecognitionReviewProblems(
        plan.method,
        plan.level,
        assessed.flatMap((x) => (x.backing ? [x.backing] : [])),
      ),
      ...signOffProblems(serving, signatories, standard.committeeMinMembers),
    ]);
    const decided: CandidateRow[] = [];
    for (const x of assessed) {
      const [c] = await tx
        .update(candidates)
        .set({ total: x.a.total, result: x.a.result })
        .where(eq(candidates.id, x.candidate.id))
        .returning();
      if (c) decided.push(c);
    }
    await tx
      .insert(resultSignOffs)
      .values(
        signatories.map((memberId) => ({ planId: plan.id, memberId, signedOn: now, membersServing: serving.length })),
      );
    const [updated] = await tx
      .update(evaluationPlans)
      .set({ status: 'REVIEWED', reviewedOn: now, reviewNote: input.note?.trim() || null })
      .where(eq(evaluationPlans.id, plan.id))
      .returning();
    await recordPlanEvents(tx, ctx.clock, 'PLAN_RESULTS_REVIEWED', updated as PlanRow, {
      type: 'CANDIDATE_RESULT_DETERMINED',
      candidates: decided,
    });
    return { plan: updated as PlanRow };
  });
}
