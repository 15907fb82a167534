import { access, partOf } from '@hub/platform';
import { builder, type Context, Prefecture } from '../builder.ts';
import { mayReadInstitution, recordsPrefectureFor } from '../facts.ts';
import type { CandidateRow, PlanRow } from '../loaders.ts';
import { evaluationPlanPages } from '../queries/evaluation-plans.ts';
import { candidatePages, enterprisePlanPages } from '../queries/pages.ts';
import { retainedUntil } from '../rules/archive.ts';
import { daysLate } from '../rules/publicity.ts';
import { planReportDeadline } from '../rules/working-days.ts';
import { Announcement } from './announcement.ts';
import { Deadline } from './calendar.ts';
import { StaffMember } from './candidate.ts';
import { countedConnection, TOTAL_COUNT_DESCRIPTION, totalOf } from './connection.ts';
import { EvaluationMethod, InstitutionKind, PlanStatus, SkillLevel } from './enums.ts';
import { Candidate, EvaluationPlan, Objection } from './plan-refs.ts';
import { objects } from './reach.ts';
import { EnterpriseRef, OccupationRef } from './refs.ts';

export { Candidate, EvaluationPlan, Objection };

const mayReadPlan = (ctx: Context, p: PlanRow) => mayReadInstitution(ctx, p.enterpriseId, p.prefectureCode);

const Publicity = builder.objectRef<{ startsOn: string; endsOn: string }>('Publicity').implement({
  description: '公示: the publicity period of a plan’s results (at least 5 natural days).',
  fields: (t) => ({
    startsOn: t.field({ type: 'Date', description: '公示开始', resolve: (p) => p.startsOn }),
    endsOn: t.field({ type: 'Date', description: '公示结束', resolve: (p) => p.endsOn }),
    days: t.int({
      description: 'Natural days, both ends counted.',
      resolve: (p) => (Date.parse(p.endsOn) - Date.parse(p.startsOn)) / 86_400_000 + 1,
    }),
  }),
});

const LedgerEntry = builder
  .objectRef<{ retainedUntil: string; destroyedOn: string; entry: string; recordedBy: string }>('ArchiveLedgerEntry')
  .implement({
    description: '台账登记: a destruction of a plan’s process records.',
    fields: (t) => ({
      retainedUntil: t.field({ type: 'Date', description: '保存期至', resolve: (l) => l.retainedUntil }),
      destroyedOn: t.field({ type: 'Date', description: '销毁日期', resolve: (l) => l.destroyedOn }),
      entry: t.exposeString('entry', { description: '台账内容' }),
      recordedBy: t.exposeString('recordedBy', { description: '登记人' }),
    }),
  });

export const PlanArchive = builder.objectRef<PlanRow>('PlanArchive').implement({
  description: '档案: how long the plan’s process records are kept, and any destruction ledger.',
  fields: (t) => ({
    retentionYears: t.exposeInt('retentionYears', { description: '保存年限 after results are submitted' }),
    retainedUntil: t.field({
      type: 'Date',
      nullable: true,
      description: '保存期至; null until results are submitted',
      resolve: (p) => retainedUntil(p.resultsSubmittedOn, p.retentionYears),
    }),
    destructions: t.field({
      type: [LedgerEntry],
      description: '销毁台账',
      resolve: (p, _a, ctx) => ctx.loaders.ledgerByPlan.load(p.id),
    }),
  }),
});

EvaluationPlan.implement({
  description: '评价计划: one evaluation of one occupation and level, reported to the centre before it takes place.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The hub’s id for this plan.' }),
    institution: t.field({ type: EnterpriseRef, description: '评价机构', resolve: (p) => ({ id: p.enterpriseId }) }),
    prefecture: t.field({
      type: Prefecture,
      description: '市州 of the institution when the plan was reported (属地)',
      resolve: (p) => ({ code: p.prefectureCode }),
    }),
    announcement: t.field({
      type: Announcement,
      nullable: true,
      description: '评价公告 the plan comes under',
      resolve: async (p, _a, ctx) => {
        const a = p.announcementId ? await ctx.loaders.announcementById.load(p.announcementId) : null;
        return a && partOf(a, { enterpriseId: p.enterpriseId, prefectureCode: p.prefectureCode });
      },
    }),
    occupation: t.field({ type: OccupationRef, description: '职业', resolve: (p) => ({ code: p.occupationCode }) }),
    workTypeCode: t.field({
      type: 'OccupationCode',
      nullable: true,
      description: '工种编码',
      resolve: (p) => p.workTypeCode,
    }),
    level: t.field({ type: SkillLevel, description: '等级', resolve: (p) => p.level as 1 | 2 | 3 | 4 | 5 }),
    method: t.field({ type: EvaluationMethod, description: '评价方式', resolve: (p) => p.method }),
    qualification: t.field({
      type: InstitutionKind,
      description: '资格类别 the plan runs under: whom it may evaluate, the Y/S prefix of its certificates, its scope',
      resolve: (p) => p.qualification,
    }),
    evaluationDate: t.field({ type: 'Date', description: '评价日期', resolve: (p) => p.evaluationDate }),
    site: t.exposeString('site', { description: '评价地点' }),
    reportedOn: t.field({ type: 'Date', description: '报备日期', resolve: (p) => p.reportedOn }),
    reportDeadline: t.field({
      type: Deadline,
      description: '报备期限: the 5th working day before the evaluation',
      resolve: async (p, _a, ctx) =>
        planReportDeadline(await ctx.loaders.calendarNear.load(p.evaluationDate), p.evaluationDate),
    }),
    status: t.field({ type: PlanStatus, description: '状态', resolve: (p) => p.status }),
    staff: t.field({
      type: [StaffMember],
      description: '考评人员 and 内部质量督导员 assigned',
      resolve: (p, _a, ctx) => ctx.loaders.staffByPlan.load(p.id),
    }),
    candidates: t.connection(
      {
        type: Candidate,
        description: '参评人员',
        resolve: (p, args, ctx) => countedConnection(args, (c: CandidateRow) => c.id, candidatePages(ctx, p.id)),
      },
      { fields: (c) => ({ totalCount: c.int({ description: TOTAL_COUNT_DESCRIPTION, resolve: totalOf }) }) },
    ),
    reviewedOn: t.field({
      type: 'Date',
      nullable: true,
      description: '评价工作委员会审核日期',
      resolve: (p) => p.reviewedOn,
    }),
    reviewNote: t.exposeString('reviewNote', { nullable: true, description: '审核意见' }),
    publicity: t.field({
      type: Publicity,
      nullable: true,
      description: '公示期',
      resolve: (p) =>
        p.publicityStartsOn && p.publicityEndsOn ? { startsOn: p.publicityStartsOn, endsOn: p.publicityEndsOn } : null,
    }),
    objections: t.field({
      type: [Objection],
      description: '异议 raised during publicity',
      resolve: (p, _a, ctx) => ctx.loaders.objectionsByPlan.load(p.id),
    }),
    resultDeadline: t.field({
      type: Deadline,
      nullable: true,
      description: '评价结果提交期限: 20 working days after publicity ends',
      resolve: (p) =>
        p.resultDeadline ? { date: p.resultDeadline, calendarConfirmed: p.resultDeadlineConfirmed ?? false } : null,
    }),
    resultsSubmittedOn: t.field({
      type: 'Date',
      nullable: true,
      description: '评价结果提交鉴定中心日期',
      resolve: (p) => p.resultsSubmittedOn,
    }),
    daysLate: t.int({
      nullable: true,
      description:
        'Days past the result deadline: for a submitted plan, how late it came (0 = on time); for one not yet submitted, how overdue it is today; null before publicity and for a cancelled plan (it owes no results).',
      resolve: (p, _a, ctx) =>
        p.resultDeadline && p.status !== 'CANCELLED'
          ? daysLate(p.resultsSubmittedOn ?? ctx.clock.today(), p.resultDeadline)
          : null,
    }),
    archive: t.field({ type: PlanArchive, description: '档案', resolve: (p) => p }),
  }),
});

/** A plan is its institution's record in the 市州 it was reported in (属地 stays with the record after a move). */
objects.rule(EvaluationPlan, {
  owner: (p) => ({ enterpriseId: p.enterpriseId, prefectureCode: p.prefectureCode }),
});

builder.queryFields((t) => ({
  evaluationPlan: t.field({
    type: EvaluationPlan,
    nullable: true,
    description: 'One evaluation plan, for its institution and the authorities over its 市州.',
    authScopes: access('Query.evaluationPlan'),
    args: { id: t.arg.id({ required: true, description: 'Plan id' }) },
    resolve: async (_r, args, ctx) => {
      const p = await ctx.loaders.planById.load(String(args.id));
      return p && (await mayReadPlan(ctx, p)) ? p : null;
    },
  }),
  evaluationPlans: t.connection(
    {
      type: EvaluationPlan,
      description:
        'Evaluation plans the caller may see (an institution its own, a city centre its 市州, the province all), optionally only those overdue with results.',
      authScopes: access('Query.evaluationPlans'),
      args: {
        status: t.arg({ type: PlanStatus, required: false, description: 'Only plans in this state.' }),
        overdueOn: t.arg({
          type: 'Date',
          required: false,
          description: 'Only plans whose results were not submitted by their deadline, as of this day.',
        }),
      },
      resolve: (_r, args, ctx) => countedConnection(args, (p: PlanRow) => p.id, evaluationPlanPages(ctx, args)),
    },
    { fields: (c) => ({ totalCount: c.int({ description: TOTAL_COUNT_DESCRIPTION, resolve: totalOf }) }) },
  ),
}));

builder.objectFields(EnterpriseRef, (t) => ({
  evaluationPlans: t.connection(
    {
      type: EvaluationPlan,
      description:
        '评价计划 this institution reported: for the institution and the province all; for a city authority those reported in its 市州.',
      authScopes: (e, _a, ctx) => recordsPrefectureFor(ctx, e.id) !== null,
      resolve: (e, args, ctx) =>
        countedConnection(
          args,
          (p: PlanRow) => p.id,
          enterprisePlanPages(ctx, e.id, recordsPrefectureFor(ctx, e.id) ?? undefined),
        ),
    },
    { fields: (c) => ({ totalCount: c.int({ description: TOTAL_COUNT_DESCRIPTION, resolve: totalOf }) }) },
  ),
}));
