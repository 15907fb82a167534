import {
  announcementOpenings,
  announcements,
  candidates,
  certificates,
  contestPlacings,
  evaluationPlans,
  moduleScores,
  planChanges,
  scores,
} from '@hub/db';
import { eq, sql } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { calendarBetween } from '../calendar.ts';
import { change, stopIf } from '../change.ts';
import { isSuspended, scopeKinds } from '../facts.ts';
import type { CandidateRow, PlanRow } from '../loaders.ts';
import { schemeOfPlan } from '../queries/work-scheme.ts';
import { cancellationProblems, historyText, rescheduleProblems, withdrawalProblems } from '../rules/changes.ts';
import { addDays, daysBetween, isoDate } from '../rules/dates.ts';
import { announcementProblems, scopeProblems } from '../rules/plan.ts';
import { plansWithinAnnouncementPeriod } from '../rules/work-scheme.ts';
import { planReportDeadline } from '../rules/working-days.ts';
import { recordCandidateEvent, recordPlanEvents } from './feed.ts';
import { candidateById, ownPlan } from './own-plan.ts';

/** Who made a change, as the histories keep it: role and user of the caller. */
export const changedBy = (ctx: Context) => `${ctx.caller.role}:${ctx.caller.sub ?? 'unknown'}`;

const countOf = async (q: PromiseLike<{ n: number }[]>) => (await q)[0]?.n ?? 0;

/**
 * 改期: a reported plan moves to a new evaluation date, reported again 5 working days ahead of it,
 * still under its announcement's period and inside the confirmed scope; the history keeps both dates.
 * A 过程化/模块化考核 period moves whole: the new date is its first day, its length kept.
 */
export function reschedulePlan(
  ctx: Context,
  input: { planId: string | number; evaluationDate: string | Date; reason: string },
) {
  return change(ctx, async (tx) => {
    // load
    const plan = await ownPlan(tx, ctx, String(input.planId));
    const today = ctx.clock.today();
    const newDate = isoDate(input.evaluationDate);
    const scored =
      (await countOf(
        tx
          .select({ n: sql<number>`count(*)::int` })
          .from(scores)
          .innerJoin(candidates, eq(candidates.id, scores.candidateId))
          .where(eq(candidates.planId, plan.id)),
      )) > 0 ||
      (await countOf(
        tx
          .select({ n: sql<number>`count(*)::int` })
          .from(moduleScores)
          .innerJoin(candidates, eq(candidates.id, moduleScores.candidateId))
          .where(eq(candidates.planId, plan.id)),
      )) > 0 ||
      (await countOf(
        tx
          .select({ n: sql<number>`count(*)::int` })
          .from(contestPlacings)
          .innerJoin(candidates, eq(candidates.id, contestPlacings.candidateId))
          .where(eq(candidates.planId, plan.id)),
      )) > 0;
    const [a] = plan.announcementId
      ? await tx.select().from(announcements).where(eq(announcements.id, plan.announcementId))
      : [];
    const openings = a
      ? await tx.select().from(announcementOpenings).where(eq(announcementOpenings.announcementId, a.id))
      : [];
    const facts = {
      institutionId: plan.enterpriseId,
      qualification: plan.qualification,
      occupationCode: plan.occupationCode,
      workTypeCode: plan.workTypeCode,
      level: plan.level,
      evaluationDate: newDate,
    };
    const covering = await scopeKinds(tx, { ...facts, enterpriseId: plan.enterpriseId, onDate: newDate });

    // rules
    const timing = rescheduleProblems(
      { status: plan.status, evaluationDate: plan.evaluationDate, scored },
      {
        newDate,
        reason: input.reason,
        today,
        calendar: await calendarBetween(tx, [today, newDate].sort()[0] as string, newDate),
      },
    );
    stopIf(timing);
    const withinPeriod = plansWithinAnnouncementPeriod(await schemeOfPlan(tx, plan));
    stopIf([
      ...(a ? announcementProblems({ ...a, openings }, facts, today, withinPeriod) : []),
      // A suspended institution (资质暂停) is told so, not that its plan fell out of scope.
      ...scopeProblems(covering, facts, await isSuspended(tx, plan.enterpriseId, today)),
    ]);

    // write
    const deadline = planReportDeadline(await calendarBetween(tx, newDate, newDate), newDate);
    const [updated] = await tx
      .update(evaluationPlans)
      .set({
        evaluationDate: newDate,
        periodEndsOn: plan.periodEndsOn ? addDays(newDate, daysBetween(plan.evaluationDate, plan.periodEndsOn)) : null,
        reportDeadline: deadline.date,
      })
      .where(eq(evaluationPlans.id, plan.id))
      .returning();
    await tx.insert(planChanges).values({
      planId: plan.id,
      kind: 'RESCHEDULED',
      changedOn: today,
      changedBy: changedBy(ctx),
      reason: historyText(input.reason),
      previousDate: plan.evaluationDate,
      newDate,
    });
    await recordPlanEvents(tx, ctx.clock, 'PLAN_RESCHEDULED', updated as PlanRow);
    return { plan: updated as PlanRow };
  });
}

/** 取消: a plan is cancelled with its reason, before its results go to the centre and before any certificate. */
export function cancelPlan(ctx: Context, input: { planId: string | number; reason: string }) {
  return change(ctx, async (tx) => {
    const plan = await ownPlan(tx, ctx, String(input.planId));
    const certificatesIssued = await countOf(
      tx.select({ n: sql<number>`count(*)::int` }).from(certificates).where(eq(certificates.planId, plan.id)),
    );
    stopIf(cancellationProblems({ status: plan.status, certificatesIssued }, input.reason));
    const today = ctx.clock.today();
    const [updated] = await tx
      .update(evaluationPlans)
      .set({ status: 'CANCELLED', cancelledOn: today, cancellationReason: historyText(input.reason) })
      .where(eq(evaluationPlans.id, plan.id))
      .returning();
    await tx.insert(planChanges).values({
      planId: plan.id,
      kind: 'CANCELLED',
      changedOn: today,
      changedBy: changedBy(ctx),
      reason: historyText(input.reason),
    });
    await recordPlanEvents(tx, ctx.clock, 'PLAN_CANCELLED', updated as PlanRow);
    return { plan: updated as PlanRow };
  });
}

/** 参评人员退出: before the review, with the reason; the candidacy stays on record, no longer evaluated. */
export function withdrawCandidate(ctx: Context, input: { candidateId: string | number; reason: string }) {
  return change(ctx, async (tx) => {
    const candidate = await candidateById(tx, String(input.candidateId), { lock: true });
    const plan = await ownPlan(tx, ctx, candidate.planId);
    stopIf(withdrawalProblems({ status: plan.status }, candidate, input.reason));
    const today = ctx.clock.today();
    const [updated] = await tx
      .update(candidates)
      .set({ withdrawnOn: today, withdrawalReason: historyText(input.reason) })
      .where(eq(candidates.id, candidate.id))
      .returning();
    await tx.insert(planChanges).values({
      planId: plan.id,
      kind: 'CANDIDATE_WITHDRAWN',
      changedOn: today,
      changedBy: changedBy(ctx),
      reason: historyText(input.reason),
      candidateId: candidate.id,
    });
    await recordCandidateEvent(tx, ctx.clock, 'CANDIDATE_WITHDRAWN', updated as CandidateRow, plan);
    return { candidate: updated as CandidateRow };
  });
}
