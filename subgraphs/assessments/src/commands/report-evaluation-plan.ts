import {
  announcementOpenings,
  announcements,
  assessors,
  evaluationPlans,
  isUuid,
  planStaff,
  skillMarks,
} from '@hub/db';
import { eq, inArray } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { calendarBetween } from '../calendar.ts';
import { actingInstitution, change, stop, stopIf } from '../change.ts';
import { asDb, inScope, institutionOf } from '../facts.ts';
import { schemeInForce } from '../queries/work-scheme.ts';
import { isoDate } from '../rules/dates.ts';
import {
  announcementProblems,
  planDetailProblems,
  reportTimingProblems,
  resolvePlanStaff,
  scopeProblems,
  staffingProblems,
} from '../rules/plan.ts';
import { skillOccupationProblems } from '../rules/skill.ts';
import type { Method } from '../rules/types.ts';
import { requiredAssessors } from '../rules/work-scheme.ts';
import { planReportDeadline } from '../rules/working-days.ts';

export interface ReportPlanInput {
  announcementId: string | number;
  occupationCode: string;
  workTypeCode?: string | null;
  level: number;
  method: Method;
  evaluationDate: string | Date;
  site: string;
  assessorIds: readonly (string | number)[];
  supervisorIds: readonly (string | number)[];
  retentionYears?: number | null;
}

/**
 * 报备评价计划: under a published announcement that opens it, no later than the 5th working day
 * before the evaluation, inside the confirmed scope, with the team the method needs.
 */
export function reportEvaluationPlan(ctx: Context, input: ReportPlanInput) {
  return change(ctx, async (tx) => {
    // load
    const institutionId = actingInstitution(ctx);
    const inst = await institutionOf(tx, institutionId);
    const now = ctx.clock.today();
    const evaluationDate = isoDate(input.evaluationDate);
    const plan = {
      institutionId,
      occupationCode: input.occupationCode,
      workTypeCode: input.workTypeCode ?? null,
      level: input.level,
      evaluationDate,
    };
    const announcementId = String(input.announcementId);
    const [a] = isUuid(announcementId)
      ? await tx.select().from(announcements).where(eq(announcements.id, announcementId))
      : [];
    if (!a) stop('ANNOUNCEMENT_NOT_FOUND', 'no announcement of this institution has that id', 'announcementId');
    const openings = await tx.select().from(announcementOpenings).where(eq(announcementOpenings.announcementId, a.id));
    const assessorIds = input.assessorIds.map(String);
    const supervisorIds = input.supervisorIds.map(String);
    const ids = [...new Set([...assessorIds, ...supervisorIds])].filter(isUuid);
    const team = ids.length ? await tx.select().from(assessors).where(inArray(assessors.id, ids)) : [];
    const scoped = await inScope(tx, {
      enterpriseId: institutionId,
      occupationCode: plan.occupationCode,
      workTypeCode: plan.workTypeCode,
      level: plan.level,
      onDate: evaluationDate,
    });
    const retentionYears = input.retentionYears ?? 5;
    const scheme = await schemeInForce(tx, institutionId, now);
    const skillCode = plan.workTypeCode ?? plan.occupationCode;
    const isSkill = (await skillMarks(asDb(tx), [skillCode])).get(skillCode)?.isSkill;

    // rules
    const { staff, problems: staffProblems } = resolvePlanStaff(institutionId, assessorIds, supervisorIds, team);
    stopIf([
      ...announcementProblems({ ...a, openings }, plan, now),
      ...reportTimingProblems(await calendarBetween(tx, now, evaluationDate), evaluationDate, now),
      ...skillOccupationProblems(isSkill, skillCode, plan.workTypeCode ? 'workTypeCode' : 'occupationCode'),
      ...scopeProblems(scoped, plan),
      ...staffProblems,
      ...staffingProblems(input.method, input.level, staff, requiredAssessors(input.method, scheme)),
      ...planDetailProblems(input.site, retentionYears),
    ]);

    // write
    const deadline = planReportDeadline(await calendarBetween(tx, evaluationDate, evaluationDate), evaluationDate);
    const [row] = await tx
      .insert(evaluationPlans)
      .values({
        enterpriseId: institutionId,
        prefectureCode: inst.prefectureCode,
        announcementId: a.id,
        occupationCode: plan.occupationCode,
        workTypeCode: plan.workTypeCode,
        level: plan.level,
        method: input.method,
        evaluationDate,
        reportedOn: now,
        reportDeadline: deadline.date,
        site: input.site.trim(),
        retentionYears,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await tx.insert(planStaff).values(staff.map((s) => ({ planId: row.id, ...s })));
    return { plan: row };
  });
}
