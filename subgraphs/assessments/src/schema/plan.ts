import {
  announcementOpenings,
  announcements,
  assessors,
  candidates,
  decryptResidentId,
  evaluationPlans,
  keysetPage,
  objections,
  planStaff,
  scores,
  workers,
} from '@hub/db';
import { access, forwardConnection, hubError, partOf, type Refusal, reachOf } from '@hub/platform';
import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { builder, type Context, Prefecture } from '../builder.ts';
import { calendarBetween } from '../calendar.ts';
import { actingInstitution, change, stop, stopIf, type Tx } from '../change.ts';
import {
  heldLevels,
  inScope,
  institutionOf,
  mayReadInstitution,
  planOwner,
  recordsPrefectureFor,
  serves,
} from '../facts.ts';
import type { CandidateRow, ObjectionRow, PlanRow, ScoreRow } from '../loaders.ts';
import { retainedUntil } from '../rules/archive.ts';
import { isoDate } from '../rules/dates.ts';
import { eligibilityProblems } from '../rules/eligibility.ts';
import { announcementProblems, candidateEntryProblems, reportTimingProblems, staffingProblems } from '../rules/plan.ts';
import { daysLate, objectionWindowProblems, publicityProblems, submissionProblems } from '../rules/publicity.ts';
import { assess, reviewProblems, scoreEntryProblems } from '../rules/scoring.ts';
import { LEVEL_NAMES, type Method, type ScorePart as ScorePartValue } from '../rules/types.ts';
import { planReportDeadline, resultSubmissionDeadline } from '../rules/working-days.ts';
import { Announcement } from './announcement.ts';
import { Deadline } from './calendar.ts';
import {
  CandidateResult,
  EvaluationMethod,
  ExceptionalGround,
  ObjectionStatus,
  PlanStatus,
  ScorePart,
  SkillLevel,
  StaffRoleRef,
} from './enums.ts';
import { payloadType } from './payload.ts';
import { Assessor, Worker } from './people.ts';
import { objects } from './reach.ts';
import { EnterpriseRef, OccupationRef } from './refs.ts';

// ---- reading ----

export const EvaluationPlan = builder.objectRef<PlanRow>('EvaluationPlan');
export const Candidate = builder.objectRef<CandidateRow>('Candidate');

const mayReadPlan = (ctx: Context, p: PlanRow) => mayReadInstitution(ctx, p.enterpriseId, p.prefectureCode);

/** A plan's assessor, as part of the plan: whoever may read the plan sees who was on it. */
async function assessorOfPlan(ctx: Context, assessorId: string, planId: string) {
  const [a, owner] = await Promise.all([ctx.loaders.assessorById.load(assessorId), planOwner(ctx, planId)]);
  if (!a) throw hubError('NOT_FOUND', 'assessor missing');
  return owner ? partOf(a, owner) : a;
}

const StaffMember = builder
  .objectRef<{ planId: string; assessorId: string; role: string }>('PlanStaffMember')
  .implement({
    description: 'A person assigned to a plan: 考评员, 高级考评员 or 内部质量督导员.',
    fields: (t) => ({
      assessor: t.field({
        type: Assessor,
        description: 'The person.',
        resolve: (s, _a, ctx) => assessorOfPlan(ctx, s.assessorId, s.planId),
      }),
      role: t.field({
        type: StaffRoleRef,
        description: 'Their role on this plan.',
        resolve: (s) => s.role as 'ASSESSOR' | 'SENIOR_ASSESSOR' | 'QUALITY_SUPERVISOR',
      }),
    }),
  });

const Score = builder.objectRef<ScoreRow>('Score').implement({
  description: 'One assessor’s score for one part (评分).',
  fields: (t) => ({
    assessor: t.field({
      type: Assessor,
      description: '考评员',
      resolve: async (s, _a, ctx) => {
        const candidate = await ctx.loaders.candidateById.load(s.candidateId);
        if (!candidate) throw hubError('NOT_FOUND', 'candidate missing');
        return assessorOfPlan(ctx, s.assessorId, candidate.planId);
      },
    }),
    part: t.field({ type: ScorePart, description: '评分项目', resolve: (s) => s.part }),
    score: t.exposeFloat('score', { description: '分数 (0–100)' }),
    recordedOn: t.field({ type: 'Date', description: '录入日期', resolve: (s) => s.recordedOn }),
  }),
});

const PartScore = builder.objectRef<{ part: ScorePartValue; score: number }>('PartScore').implement({
  description: 'A part’s score: the mean of its assessors’ scores.',
  fields: (t) => ({
    part: t.field({ type: ScorePart, description: '评分项目', resolve: (p) => p.part }),
    score: t.exposeFloat('score', { description: '平均分' }),
  }),
});

const ExceptionalPromotion = builder
  .objectRef<{ ground: 'MAJOR_PROBLEM_SOLVED' | 'PROVINCIAL_AWARD' | 'OUTSTANDING_MENTORING'; detail: string }>(
    'ExceptionalPromotion',
  )
  .implement({
    description: '破格晋升, recorded with its grounds.',
    fields: (t) => ({
      ground: t.field({ type: ExceptionalGround, description: '破格条件', resolve: (e) => e.ground }),
      detail: t.exposeString('detail', { description: '具体事实 (problem solved, award, apprentices)' }),
    }),
  });

Candidate.implement({
  description: '参评人员: a worker put forward in an evaluation plan, with scores and result.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The hub’s id for this candidacy.' }),
    worker: t.field({
      type: Worker,
      description: 'The worker.',
      // Part of the candidacy: the authorities over the plan's 市州 see its candidates, also after a move.
      resolve: async (c, _a, ctx) => {
        const [w, owner] = await Promise.all([ctx.loaders.workerById.load(c.workerId), planOwner(ctx, c.planId)]);
        if (!w) throw hubError('NOT_FOUND', 'worker missing');
        return owner ? partOf(w, owner) : w;
      },
    }),
    plan: t.field({
      type: EvaluationPlan,
      description: 'The plan.',
      resolve: async (c, _a, ctx) => {
        const p = await ctx.loaders.planById.load(c.planId);
        if (!p) throw hubError('NOT_FOUND', 'plan missing');
        return p;
      },
    }),
    exceptionalPromotion: t.field({
      type: ExceptionalPromotion,
      nullable: true,
      description: '破格晋升 grounds, when recorded.',
      resolve: (c) => (c.exceptionalGround ? { ground: c.exceptionalGround, detail: c.exceptionalDetail ?? '' } : null),
    }),
    scores: t.field({
      type: [Score],
      description: 'Every assessor’s scores (评分记录).',
      resolve: (c, _a, ctx) => ctx.loaders.scoresByCandidate.load(c.id),
    }),
    partScores: t.field({
      type: [PartScore],
      description: 'Each required part’s mean score so far.',
      resolve: async (c, _a, ctx) => {
        const plan = await ctx.loaders.planById.load(c.planId);
        if (!plan) return [];
        const a = assess(plan.method, plan.level, await ctx.loaders.scoresByCandidate.load(c.id));
        return Object.entries(a.parts).map(([part, score]) => ({
          part: part as ScorePartValue,
          score: score as number,
        }));
      },
    }),
    total: t.exposeFloat('total', { nullable: true, description: '总成绩, set by the committee review' }),
    result: t.field({
      type: CandidateResult,
      nullable: true,
      description: '评价结果, set by the committee review',
      resolve: (c) => c.result,
    }),
  }),
});

/** A candidacy is part of its plan: the plan's institution and the authorities over the plan's 市州. */
objects.rule(Candidate, { owner: (c, ctx) => planOwner(ctx, c.planId) });

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

export const Objection = builder.objectRef<ObjectionRow>('Objection').implement({
  description: '异议 against publicised results, handled by 评价工作委员会.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The hub’s id for this objection.' }),
    candidate: t.field({
      type: Candidate,
      nullable: true,
      description: 'The candidate concerned; null for the plan as a whole.',
      resolve: (o, _a, ctx) => (o.candidateId ? ctx.loaders.candidateById.load(o.candidateId) : null),
    }),
    raisedOn: t.field({ type: 'Date', description: '提出日期', resolve: (o) => o.raisedOn }),
    raisedBy: t.exposeString('raisedBy', { description: '异议人' }),
    content: t.exposeString('content', { description: '异议内容' }),
    status: t.field({ type: ObjectionStatus, description: '处理状态', resolve: (o) => o.status }),
    resolution: t.exposeString('resolution', { nullable: true, description: '处理意见' }),
    resolvedOn: t.field({ type: 'Date', nullable: true, description: '处理日期', resolve: (o) => o.resolvedOn }),
  }),
});

/** An objection is part of its plan; who raised it is personal (reads audited). */
objects.rule(Objection, {
  owner: (o, ctx) => planOwner(ctx, o.planId),
  personal: { raisedBy: 'name' },
  subject: (o) => `objection:${o.id}`,
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

const Archive = builder.objectRef<PlanRow>('PlanArchive').implement({
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
    candidates: t.connection({
      type: Candidate,
      description: '参评人员',
      resolve: (p, args, ctx) =>
        forwardConnection(
          args,
          (c: CandidateRow) => c.id,
          (after, limit) => ctx.loaders.candidatePage(after, limit).load(p.id),
        ),
    }),
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
        'Days past the result deadline: for a submitted plan, how late it came (0 = on time); for one not yet submitted, how overdue it is today; null before publicity.',
      resolve: (p, _a, ctx) =>
        p.resultDeadline ? daysLate(p.resultsSubmittedOn ?? ctx.clock.today(), p.resultDeadline) : null,
    }),
    archive: t.field({ type: Archive, description: '档案', resolve: (p) => p }),
  }),
});

/** A plan is its institution's record in the 市州 it was reported in (属地 stays with the record after a move). */
objects.rule(EvaluationPlan, {
  owner: (p) => ({ enterpriseId: p.enterpriseId, prefectureCode: p.prefectureCode }),
});

// ---- changing ----

/** The caller's own plan, locked for the change; refused as unknown otherwise. */
async function ownPlan(tx: Tx, ctx: Context, planId: string): Promise<PlanRow> {
  const institutionId = actingInstitution(ctx);
  const [plan] = /^[0-9a-f-]{36}$/i.test(planId)
    ? await tx.select().from(evaluationPlans).where(eq(evaluationPlans.id, planId)).for('update')
    : [];
  if (!plan || plan.enterpriseId !== institutionId)
    stop('PLAN_NOT_FOUND', 'this institution has no plan with that id', 'planId');
  return plan;
}

function expectStatus(plan: PlanRow, wanted: PlanRow['status'], doing: string) {
  if (plan.status !== wanted) {
    stop('PLAN_WRONG_STATE', `${doing} needs a plan that is ${wanted}; this one is ${plan.status}`, 'planId');
  }
}

const planPayload = (name: string, description: string) =>
  payloadType<{ plan?: PlanRow; errors: Refusal[] }>(name, description, (t) => ({
    plan: t.field({ type: EvaluationPlan, nullable: true, description: 'The plan.', resolve: (p) => p.plan ?? null }),
  }));

const ReportEvaluationPlanInput = builder.inputType('ReportEvaluationPlanInput', {
  description: '评价计划报备: the plan, its 考评人员 and 内部质量督导员 (参评人员 follow with addCandidate).',
  fields: (t) => ({
    announcementId: t.id({ required: true, description: '评价公告 the plan comes under' }),
    occupationCode: t.field({ type: 'OccupationCode', required: true, description: '职业编码' }),
    workTypeCode: t.field({ type: 'OccupationCode', required: false, description: '工种编码' }),
    level: t.field({ type: SkillLevel, required: true, description: '等级' }),
    method: t.field({ type: EvaluationMethod, required: true, description: '评价方式' }),
    evaluationDate: t.field({ type: 'Date', required: true, description: '评价日期' }),
    site: t.string({ required: true, description: '评价地点' }),
    assessorIds: t.idList({ required: true, description: '考评员 and 高级考评员' }),
    supervisorIds: t.idList({ required: true, description: '内部质量督导员' }),
    retentionYears: t.int({ required: false, description: '档案保存年限 after submission (default 5)' }),
  }),
});

const ExceptionalPromotionInput = builder.inputType('ExceptionalPromotionInput', {
  description: '破格晋升 grounds.',
  fields: (t) => ({
    ground: t.field({ type: ExceptionalGround, required: true, description: '破格条件' }),
    detail: t.string({ required: true, description: '具体事实' }),
  }),
});

const AddCandidateInput = builder.inputType('AddCandidateInput', {
  description: 'A worker put forward in a plan.',
  fields: (t) => ({
    planId: t.id({ required: true, description: 'The plan' }),
    workerId: t.id({ required: true, description: 'The worker' }),
    exceptional: t.field({
      type: ExceptionalPromotionInput,
      required: false,
      description: '破格晋升 grounds, when the level below is skipped',
    }),
  }),
});

const ScoreInput = builder.inputType('ScoreInput', {
  description: 'One assessor’s score for one part.',
  fields: (t) => ({
    assessorId: t.id({ required: true, description: '考评员' }),
    part: t.field({ type: ScorePart, required: true, description: '评分项目' }),
    score: t.float({ required: true, description: '分数 (0–100)' }),
  }),
});

const RecordScoresInput = builder.inputType('RecordScoresInput', {
  description: 'Scores of one candidate (re-entering a part by the same assessor replaces it).',
  fields: (t) => ({
    candidateId: t.id({ required: true, description: 'The candidate' }),
    scores: t.field({ type: [ScoreInput], required: true, description: 'The scores' }),
  }),
});

const CandidatePayload = payloadType<{ candidate?: CandidateRow; errors: Refusal[] }>(
  'CandidatePayload',
  'The candidate, or why the change was refused.',
  (t) => ({
    candidate: t.field({
      type: Candidate,
      nullable: true,
      description: 'The candidate.',
      resolve: (p) => p.candidate ?? null,
    }),
  }),
);

const ObjectionPayload = payloadType<{ objection?: ObjectionRow; errors: Refusal[] }>(
  'ObjectionPayload',
  'The objection, or why the change was refused.',
  (t) => ({
    objection: t.field({
      type: Objection,
      nullable: true,
      description: 'The objection.',
      resolve: (p) => p.objection ?? null,
    }),
  }),
);

const ReportEvaluationPlanPayload = planPayload('ReportEvaluationPlanPayload', 'The plan as reported, or why not.');
const PlanChangePayload = planPayload('PlanChangePayload', 'The plan after the change, or why it was refused.');

const ObjectionOutcome = builder.enumType('ObjectionOutcome', {
  description: '评价工作委员会的处理结论.',
  values: {
    UPHELD: { description: '异议成立: the candidate’s result (or every result, for the whole plan) is withheld' },
    DISMISSED: { description: '异议不成立: the results stand' },
  } as const,
});

builder.mutationFields((t) => ({
  reportEvaluationPlan: t.field({
    type: ReportEvaluationPlanPayload,
    description:
      '报备评价计划: no later than the 5th working day before the evaluation, inside the confirmed scope (超范围认定 is refused), under a published announcement, with the assessors the method needs.',
    authScopes: access('Mutation.reportEvaluationPlan'),
    args: { input: t.arg({ type: ReportEvaluationPlanInput, required: true, description: 'The plan' }) },
    resolve: (_r, { input }, ctx) =>
      change(ctx, async (tx) => {
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
        const problems: Refusal[] = [];
        const announcementId = String(input.announcementId);
        const [a] = /^[0-9a-f-]{36}$/i.test(announcementId)
          ? await tx.select().from(announcements).where(eq(announcements.id, announcementId))
          : [];
        if (!a) stop('ANNOUNCEMENT_NOT_FOUND', 'no announcement of this institution has that id', 'announcementId');
        const openings = await tx
          .select()
          .from(announcementOpenings)
          .where(eq(announcementOpenings.announcementId, a.id));
        problems.push(...announcementProblems({ ...a, openings }, plan, now));
        problems.push(...reportTimingProblems(await calendarBetween(tx, now, evaluationDate), evaluationDate, now));
        if (
          !(await inScope(tx, {
            enterpriseId: institutionId,
            occupationCode: plan.occupationCode,
            workTypeCode: plan.workTypeCode,
            level: plan.level,
            onDate: evaluationDate,
          }))
        ) {
          problems.push({
            code: 'PLAN_OUT_OF_SCOPE',
            message: `超范围认定: ${plan.occupationCode}${plan.workTypeCode ? ` (${plan.workTypeCode})` : ''} at ${LEVEL_NAMES[plan.level]} is not in the institution’s confirmed scope on ${evaluationDate}`,
            field: 'occupationCode',
          });
        }
        const ids = [...new Set([...input.assessorIds, ...input.supervisorIds].map(String))].filter((id) =>
          /^[0-9a-f-]{36}$/i.test(id),
        );
        const people = ids.length ? await tx.select().from(assessors).where(inArray(assessors.id, ids)) : [];
        const own = new Map(people.filter((p) => p.institutionId === institutionId).map((p) => [p.id, p]));
        const staff: { assessorId: string; role: 'ASSESSOR' | 'SENIOR_ASSESSOR' | 'QUALITY_SUPERVISOR' }[] = [];
        for (const id of input.assessorIds.map(String)) {
          const p = own.get(id);
          if (!p || p.role === 'QUALITY_SUPERVISOR') {
            problems.push({
              code: 'PLAN_STAFF_UNKNOWN',
              message: `${id} is not a 考评员 of this institution`,
              field: 'assessorIds',
            });
          } else if (!staff.some((s) => s.assessorId === id)) staff.push({ assessorId: id, role: p.role });
        }
        for (const id of input.supervisorIds.map(String)) {
          const p = own.get(id);
          if (p?.role !== 'QUALITY_SUPERVISOR') {
            problems.push({
              code: 'PLAN_STAFF_UNKNOWN',
              message: `${id} is not a 内部质量督导员 of this institution`,
              field: 'supervisorIds',
            });
          } else if (!staff.some((s) => s.assessorId === id)) staff.push({ assessorId: id, role: p.role });
        }
        problems.push(...staffingProblems(input.method, input.level, staff));
        if (!input.site.trim())
          problems.push({ code: 'PLAN_SITE_MISSING', message: 'a plan names its site', field: 'site' });
        const retentionYears = input.retentionYears ?? 5;
        if (retentionYears < 1 || retentionYears > 100) {
          problems.push({
            code: 'PLAN_RETENTION',
            message: 'records are kept 1 to 100 years',
            field: 'retentionYears',
          });
        }
        stopIf(problems);
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
      }),
  }),

  addCandidate: t.field({
    type: CandidatePayload,
    description:
      '录入参评人员 (by the plan’s report deadline): the institution’s own worker (or a served party’s, for a 社会评价组织); 劳务派遣 after one year; 直接认定二级/一级 with the level below or recorded 破格 grounds.',
    authScopes: access('Mutation.addCandidate'),
    args: { input: t.arg({ type: AddCandidateInput, required: true, description: 'The candidate' }) },
    resolve: (_r, { input }, ctx) =>
      change(ctx, async (tx) => {
        const plan = await ownPlan(tx, ctx, String(input.planId));
        expectStatus(plan, 'REPORTED', 'adding a candidate');
        stopIf(candidateEntryProblems(plan.reportDeadline, plan.evaluationDate, ctx.clock.today()));
        const workerId = String(input.workerId);
        const [worker] = /^[0-9a-f-]{36}$/i.test(workerId)
          ? await tx.select().from(workers).where(eq(workers.id, workerId))
          : [];
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
      }),
  }),

  recordScores: t.field({
    type: CandidatePayload,
    description:
      '评分: assessors of the plan score the parts its method uses, on or after the evaluation date and before review.',
    authScopes: access('Mutation.recordScores'),
    args: { input: t.arg({ type: RecordScoresInput, required: true, description: 'The scores' }) },
    resolve: (_r, { input }, ctx) =>
      change(ctx, async (tx) => {
        const candidateId = String(input.candidateId);
        const [candidate] = /^[0-9a-f-]{36}$/i.test(candidateId)
          ? await tx.select().from(candidates).where(eq(candidates.id, candidateId))
          : [];
        if (!candidate) stop('CANDIDATE_NOT_FOUND', 'no candidate has that id', 'candidateId');
        const plan = await ownPlan(tx, ctx, candidate.planId);
        if (plan.status !== 'REPORTED') {
          stop('SCORES_AFTER_REVIEW', 'the committee has reviewed this plan; its scores are final', 'candidateId');
        }
        const now = ctx.clock.today();
        if (now < plan.evaluationDate) {
          stop('SCORES_BEFORE_EVALUATION', `scores are recorded from the evaluation date (${plan.evaluationDate}) on`);
        }
        const staff = await tx.select().from(planStaff).where(eq(planStaff.planId, plan.id));
        const scorers = new Set(staff.filter((s) => s.role !== 'QUALITY_SUPERVISOR').map((s) => s.assessorId));
        const problems: Refusal[] = [];
        for (const s of input.scores) {
          problems.push(
            ...scoreEntryProblems(plan.method, plan.level, {
              part: s.part,
              score: s.score,
              assessorOnPlan: scorers.has(String(s.assessorId)),
            }),
          );
        }
        stopIf(problems);
        for (const s of input.scores) {
          await tx
            .insert(scores)
            .values({ candidateId, assessorId: String(s.assessorId), part: s.part, score: s.score, recordedOn: now })
            .onConflictDoUpdate({
              target: [scores.candidateId, scores.assessorId, scores.part],
              set: { score: s.score, recordedOn: now },
            });
        }
        return { candidate };
      }),
  }),

  reviewResults: t.field({
    type: PlanChangePayload,
    description:
      '评价工作委员会审核: every candidate fully scored; sets totals and pass/fail (each required part ≥ 60).',
    authScopes: access('Mutation.reviewResults'),
    args: {
      planId: t.arg.id({ required: true, description: 'The plan' }),
      note: t.arg.string({ required: false, description: '审核意见' }),
    },
    resolve: (_r, args, ctx) =>
      change(ctx, async (tx) => {
        const plan = await ownPlan(tx, ctx, String(args.planId));
        expectStatus(plan, 'REPORTED', 'the committee review');
        const now = ctx.clock.today();
        if (now < plan.evaluationDate) stop('REVIEW_BEFORE_EVALUATION', `the evaluation is on ${plan.evaluationDate}`);
        const rows = await tx
          .select({ candidate: candidates, name: workers.name })
          .from(candidates)
          .innerJoin(workers, eq(workers.id, candidates.workerId))
          .where(eq(candidates.planId, plan.id));
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
        const assessed = rows.map((r) => ({
          ...r,
          a: assess(
            plan.method as Method,
            plan.level,
            allScores.filter((s) => s.candidateId === r.candidate.id),
          ),
        }));
        stopIf(
          reviewProblems(
            plan.method,
            plan.level,
            assessed.map((x) => ({ name: x.name, missing: x.a.missing })),
          ),
        );
        for (const x of assessed) {
          await tx
            .update(candidates)
            .set({ total: x.a.total, result: x.a.result })
            .where(eq(candidates.id, x.candidate.id));
        }
        const [updated] = await tx
          .update(evaluationPlans)
          .set({ status: 'REVIEWED', reviewedOn: now, reviewNote: args.note?.trim() || null })
          .where(eq(evaluationPlans.id, plan.id))
          .returning();
        return { plan: updated as PlanRow };
      }),
  }),

  startPublicity: t.field({
    type: PlanChangePayload,
    description:
      '公示: at least 5 natural days, starting no earlier than the review and today; sets the result deadline.',
    authScopes: access('Mutation.startPublicity'),
    args: {
      planId: t.arg.id({ required: true, description: 'The plan' }),
      startsOn: t.arg({ type: 'Date', required: true, description: '公示开始' }),
      endsOn: t.arg({ type: 'Date', required: true, description: '公示结束 (inclusive)' }),
    },
    resolve: (_r, args, ctx) =>
      change(ctx, async (tx) => {
        const plan = await ownPlan(tx, ctx, String(args.planId));
        expectStatus(plan, 'REVIEWED', 'publicity');
        const startsOn = isoDate(args.startsOn);
        const endsOn = isoDate(args.endsOn);
        const problems = publicityProblems({ startsOn, endsOn, reviewedOn: plan.reviewedOn });
        if (startsOn < ctx.clock.today()) {
          problems.push({
            code: 'PUBLICITY_BACKDATED',
            message: `publicity is announced from today (${ctx.clock.today()}) on, not backdated to ${startsOn}`,
            field: 'startsOn',
          });
        }
        stopIf(problems);
        const deadline = resultSubmissionDeadline(await calendarBetween(tx, endsOn, endsOn), endsOn);
        const [updated] = await tx
          .update(evaluationPlans)
          .set({
            status: 'PUBLICISED',
            publicityStartsOn: startsOn,
            publicityEndsOn: endsOn,
            resultDeadline: deadline.date,
            resultDeadlineConfirmed: deadline.calendarConfirmed,
          })
          .where(eq(evaluationPlans.id, plan.id))
          .returning();
        return { plan: updated as PlanRow };
      }),
  }),

  raiseObjection: t.field({
    type: ObjectionPayload,
    description: '异议: recorded during publicity, against one candidate or the plan as a whole.',
    authScopes: access('Mutation.raiseObjection'),
    args: {
      planId: t.arg.id({ required: true, description: 'The plan' }),
      candidateId: t.arg.id({ required: false, description: 'The candidate concerned; omit for the whole plan' }),
      raisedBy: t.arg.string({ required: true, description: '异议人' }),
      content: t.arg.string({ required: true, description: '异议内容' }),
    },
    resolve: (_r, args, ctx) =>
      change(ctx, async (tx) => {
        const plan = await ownPlan(tx, ctx, String(args.planId));
        const now = ctx.clock.today();
        stopIf(objectionWindowProblems({ startsOn: plan.publicityStartsOn, endsOn: plan.publicityEndsOn }, now));
        const candidateId = args.candidateId ? String(args.candidateId) : null;
        if (candidateId) {
          const [c] = /^[0-9a-f-]{36}$/i.test(candidateId)
            ? await tx.select().from(candidates).where(eq(candidates.id, candidateId))
            : [];
          if (!c || c.planId !== plan.id)
            stop('CANDIDATE_NOT_FOUND', 'no candidate of this plan has that id', 'candidateId');
        }
        if (!args.content.trim() || !args.raisedBy.trim()) {
          stop('OBJECTION_INCOMPLETE', 'an objection says who raises it and what it is', 'content');
        }
        const [objection] = await tx
          .insert(objections)
          .values({
            planId: plan.id,
            candidateId,
            raisedOn: now,
            raisedBy: args.raisedBy.trim(),
            content: args.content.trim(),
          })
          .returning();
        return { objection: objection as ObjectionRow };
      }),
  }),

  resolveObjection: t.field({
    type: ObjectionPayload,
    description: '评价工作委员会处理异议: upheld withholds the result(s) concerned; dismissed lets them stand.',
    authScopes: access('Mutation.resolveObjection'),
    args: {
      objectionId: t.arg.id({ required: true, description: 'The objection' }),
      outcome: t.arg({ type: ObjectionOutcome, required: true, description: '处理结论' }),
      resolution: t.arg.string({ required: true, description: '处理意见' }),
    },
    resolve: (_r, args, ctx) =>
      change(ctx, async (tx) => {
        const id = String(args.objectionId);
        const [o] = /^[0-9a-f-]{36}$/i.test(id) ? await tx.select().from(objections).where(eq(objections.id, id)) : [];
        if (!o) stop('OBJECTION_NOT_FOUND', 'no objection has that id', 'objectionId');
        const plan = await ownPlan(tx, ctx, o.planId);
        if (o.status !== 'OPEN') stop('OBJECTION_ALREADY_RESOLVED', 'the committee has decided this objection');
        if (!args.resolution.trim())
          stop('OBJECTION_RESOLUTION_MISSING', 'the decision states its reasons', 'resolution');
        if (args.outcome === 'UPHELD') {
          await tx
            .update(candidates)
            .set({ result: 'WITHHELD' })
            .where(o.candidateId ? eq(candidates.id, o.candidateId) : eq(candidates.planId, plan.id));
        }
        const [updated] = await tx
          .update(objections)
          .set({ status: args.outcome, resolution: args.resolution.trim(), resolvedOn: ctx.clock.today() })
          .where(eq(objections.id, o.id))
          .returning();
        return { objection: updated as ObjectionRow };
      }),
  }),

  submitResults: t.field({
    type: PlanChangePayload,
    description:
      '提交评价结果 to the centre: after publicity ends, with no open objection. Lateness against the 20-working-day deadline is recorded and visible to the centre.',
    authScopes: access('Mutation.submitResults'),
    args: { planId: t.arg.id({ required: true, description: 'The plan' }) },
    resolve: (_r, args, ctx) =>
      change(ctx, async (tx) => {
        const plan = await ownPlan(tx, ctx, String(args.planId));
        expectStatus(plan, 'PUBLICISED', 'submitting results');
        const open = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(objections)
          .where(and(eq(objections.planId, plan.id), eq(objections.status, 'OPEN')));
        stopIf(submissionProblems({ endsOn: plan.publicityEndsOn }, open[0]?.n ?? 0, ctx.clock.today()));
        const [updated] = await tx
          .update(evaluationPlans)
          .set({ status: 'SUBMITTED', resultsSubmittedOn: ctx.clock.today() })
          .where(eq(evaluationPlans.id, plan.id))
          .returning();
        return { plan: updated as PlanRow };
      }),
  }),
}));

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
  evaluationPlans: t.connection({
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
    resolve: (_r, args, ctx) => {
      const reach = reachOf(ctx.caller);
      const where: (SQL | undefined)[] = [];
      if (reach.kind === 'none') throw hubError('FORBIDDEN', `role ${ctx.caller.role} may not list plans`);
      if (reach.kind === 'enterprise') where.push(eq(evaluationPlans.enterpriseId, reach.enterpriseId));
      if (reach.kind === 'prefecture') where.push(eq(evaluationPlans.prefectureCode, reach.prefecture));
      if (args.status) where.push(eq(evaluationPlans.status, args.status));
      if (args.overdueOn) {
        const day = isoDate(args.overdueOn);
        where.push(
          sql`${evaluationPlans.resultDeadline} < ${day}`,
          or(
            isNull(evaluationPlans.resultsSubmittedOn),
            sql`${evaluationPlans.resultsSubmittedOn} > ${evaluationPlans.resultDeadline}`,
          ),
        );
      }
      return forwardConnection(
        args,
        (p: PlanRow) => p.id,
        (after, limit) => keysetPage(ctx.db, evaluationPlans, evaluationPlans.id, { where, afterKey: after, limit }),
      );
    },
  }),
}));

builder.objectFields(EnterpriseRef, (t) => ({
  evaluationPlans: t.connection({
    type: EvaluationPlan,
    description:
      '评价计划 this institution reported: for the institution and the province all; for a city authority those reported in its 市州.',
    authScopes: (e, _a, ctx) => recordsPrefectureFor(ctx, e.id) !== null,
    resolve: (e, args, ctx) =>
      forwardConnection(
        args,
        (p: PlanRow) => p.id,
        (after, limit) =>
          ctx.loaders
            .planPage(recordsPrefectureFor(ctx, e.id) ?? undefined)(after, limit)
            .load(e.id),
      ),
  }),
}));
