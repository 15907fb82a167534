import {
  announcementOpenings,
  announcements,
  assessors,
  evaluationPlans,
  isUuid,
  planModules,
  planStaff,
  skillMarks,
} from '@hub/db';
import { eq, inArray } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { calendarBetween } from '../calendar.ts';
import { actingInstitution, change, stop, stopIf } from '../change.ts';
import { asDb, institutionOf, isSuspended, qualificationsHeld, scopeKinds } from '../facts.ts';
import { schemeInForce } from '../queries/work-scheme.ts';
import { type ContestRule, contestRuleProblems } from '../rules/contest.ts';
import { isoDate } from '../rules/dates.ts';
import { type ModuleStatement, periodProblems, resolvePlanModules } from '../rules/modules.ts';
import {
  announcementProblems,
  planDetailProblems,
  reportTimingProblems,
  resolvePlanStaff,
  scopeProblems,
  staffingProblems,
} from '../rules/plan.ts';
import { planStandard } from '../rules/plan-standard.ts';
import { planQualification } from '../rules/qualification.ts';
import { skillOccupationProblems } from '../rules/skill.ts';
import type { InstitutionKind, Method } from '../rules/types.ts';
import { plansWithinAnnouncementPeriod, requiredAssessors, seniorAssessorRule } from '../rules/work-scheme.ts';
import { planReportDeadline } from '../rules/working-days.ts';

export interface ReportPlanInput {
  announcementId: string | number;
  occupationCode: string;
  workTypeCode?: string | null;
  level: number;
  method: Method;
  evaluationDate: string | Date;
  /** 过程化/模块化考核: the period's last day (evaluationDate is its first). */
  periodEndsOn?: string | Date | null;
  /** 过程化/模块化考核: the modules (else those of the 工作方案's standard for the method). */
  modules?: readonly ModuleStatement[] | null;
  /** 竞赛/技术比武: the 竞赛方案's rule from rank or award to level. */
  contestRule?: ContestRule | null;
  site: string;
  assessorIds: readonly (string | number)[];
  supervisorIds: readonly (string | number)[];
  retentionYears?: number | null;
  /** 资格类别 the plan runs under; may be left out when the institution holds only one. */
  qualification?: InstitutionKind | null;
}

/**
 * 报备评价计划: under a published announcement that opens it, no later than the 5th working day
 * before the evaluation (for a 过程化/模块化考核, before the first day of its period), under a
 * qualification the institution holds and inside that qualification's confirmed scope, with the team
 * the method needs and, over a period, the modules it is assessed in.
 */
export function reportEvaluationPlan(ctx: Context, input: ReportPlanInput) {
  return change(ctx, async (tx) => {
    // load
    const institutionId = actingInstitution(ctx);
    const inst = await institutionOf(tx, institutionId);
    const now = ctx.clock.today();
    const evaluationDate = isoDate(input.evaluationDate);
    const periodEndsOn = input.periodEndsOn ? isoDate(input.periodEndsOn) : null;
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
    if (!a) stop('ANNOUNCEMENT_NOT_FOUND', '本机构没有该评价公告', 'announcementId');
    const openings = await tx.select().from(announcementOpenings).where(eq(announcementOpenings.announcementId, a.id));
    const assessorIds = input.assessorIds.map(String);
    const supervisorIds = input.supervisorIds.map(String);
    const ids = [...new Set([...assessorIds, ...supervisorIds])].filter(isUuid);
    const team = ids.length ? await tx.select().from(assessors).where(inArray(assessors.id, ids)) : [];
    const held = await qualificationsHeld(tx, institutionId, now);
    const covering = await scopeKinds(tx, {
      enterpriseId: institutionId,
      occupationCode: plan.occupationCode,
      workTypeCode: plan.workTypeCode,
      level: plan.level,
      onDate: evaluationDate,
    });
    const suspended = await isSuspended(tx, institutionId, now);
    const retentionYears = input.retentionYears ?? 5;
    const scheme = await schemeInForce(tx, institutionId, now);
    const skillCode = plan.workTypeCode ?? plan.occupationCode;
    const isSkill = (await skillMarks(asDb(tx), [skillCode])).get(skillCode)?.isSkill;

    // rules
    const { qualification, problems: qualificationProblems } = planQualification(held, input.qualification);
    const { staff, problems: staffProblems } = resolvePlanStaff(institutionId, assessorIds, supervisorIds, team);
    const schemeModules = scheme?.methodStandards?.find((m) => m.method === input.method)?.modules;
    const { modules, problems: moduleProblems } = resolvePlanModules(input.method, input.modules, schemeModules);
    stopIf([
      ...qualificationProblems,
      ...announcementProblems({ ...a, openings }, plan, now, plansWithinAnnouncementPeriod(scheme)),
      ...reportTimingProblems(await calendarBetween(tx, now, evaluationDate), evaluationDate, now),
      ...skillOccupationProblems(isSkill, skillCode, plan.workTypeCode ? 'workTypeCode' : 'occupationCode'),
      // A plan whose qualification was refused above is not also called out of scope.
      ...(qualificationProblems.length ? [] : scopeProblems(covering, { ...plan, qualification }, suspended)),
      ...staffProblems,
      ...staffingProblems(
        input.method,
        input.level,
        staff,
        requiredAssessors(input.method, scheme),
        seniorAssessorRule(input.level, scheme),
      ),
      ...planDetailProblems(input.site, retentionYears),
      ...periodProblems(input.method, evaluationDate, periodEndsOn),
      ...moduleProblems,
      ...contestRuleProblems(input.method, input.level, input.contestRule),
    ]);

    // write (the scope check passed, so the plan has a qualification)
    if (!qualification) throw new Error('a plan in scope has a qualification');
    const deadline = planReportDeadline(await calendarBetween(tx, evaluationDate, evaluationDate), evaluationDate);
    const [row] = await tx
      .insert(evaluationPlans)
      .values({
        enterpriseId: institutionId,
        prefectureCode: inst.prefectureCode,
        announcementId: a.id,
        qualification,
        occupationCode: plan.occupationCode,
        workTypeCode: plan.workTypeCode,
        level: plan.level,
        method: input.method,
        evaluationDate,
        periodEndsOn: modules.length ? periodEndsOn : null,
        reportedOn: now,
        reportDeadline: deadline.date,
        site: input.site.trim(),
        retentionYears,
        standard: planStandard(input.method, input.level, scheme),
        contestRule: input.contestRule
          ? {
              scheme: input.contestRule.scheme.trim(),
              basis: input.contestRule.basis,
              tiers: input.contestRule.tiers.map((t) => ({
                upToRank: t.upToRank ?? null,
                award: t.award ?? null,
                level: t.level,
              })),
            }
          : null,
      })
      .returning();
    if (!row) throw new Error('insert returned no row');
    await tx.insert(planStaff).values(staff.map((s) => ({ planId: row.id, ...s })));
    if (modules.length) {
      await tx.insert(planModules).values(modules.map((m, i) => ({ planId: row.id, position: i + 1, ...m })));
    }
    return { plan: row };
  });
}
