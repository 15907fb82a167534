import { access, type Refusal } from '@hub/platform';
import { builder } from '../builder.ts';
import { addCandidate } from '../commands/add-candidate.ts';
import { raiseObjection, resolveObjection } from '../commands/objections.ts';
import { recordScores } from '../commands/record-scores.ts';
import { reportEvaluationPlan } from '../commands/report-evaluation-plan.ts';
import { reviewResults } from '../commands/review-results.ts';
import { startPublicity } from '../commands/start-publicity.ts';
import { submitResults } from '../commands/submit-results.ts';
import type { CandidateRow, ObjectionRow, PlanRow } from '../loaders.ts';
import { CandidateApplicationInput } from './application.ts';
import { ContestRuleInput } from './contest-input.ts';
import { EvaluationMethod, ExceptionalGround, InstitutionKind, ScorePart, SkillLevel } from './enums.ts';
import { PlanModuleInput } from './module-input.ts';
import { payloadType } from './payload.ts';
import { Candidate, EvaluationPlan, Objection } from './plan-refs.ts';

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
    evaluationDate: t.field({
      type: 'Date',
      required: true,
      description: '评价日期; for a 过程化/模块化考核 the first day of its period (the report deadline counts to it)',
    }),
    periodEndsOn: t.field({
      type: 'Date',
      required: false,
      description:
        '考核周期的最后一天: required for a 过程化/模块化考核 (PLAN_PERIOD_MISSING), at most a year after evaluationDate; refused for a method held on one day (PLAN_PERIOD_NOT_FOR_METHOD)',
    }),
    modules: t.field({
      type: [PlanModuleInput],
      required: false,
      description:
        '考核模块 of a 过程化/模块化考核 (2–20, in order): when left out, those of the 工作方案’s standard for the method; with neither, refused (PLAN_MODULES_MISSING)',
    }),
    contestRule: t.field({
      type: ContestRuleInput,
      required: false,
      description:
        '竞赛方案’s rule from rank or award to level: required for 竞赛选拔 and 技术比武 (PLAN_CONTEST_RULE_MISSING), refused for other methods; the review derives results from the placings recorded under it',
    }),
    site: t.string({ required: true, description: '评价地点' }),
    assessorIds: t.idList({ required: true, description: '考评员 and 高级考评员' }),
    supervisorIds: t.idList({ required: true, description: '内部质量督导员' }),
    retentionYears: t.int({ required: false, description: '档案保存年限 after submission (default 5)' }),
    qualification: t.field({
      type: InstitutionKind,
      required: false,
      description:
        '资格类别 the plan runs under: decides whom it may evaluate, its certificates’ Y/S prefix and which scope it must be in. May be left out when the institution holds one qualification; required when it holds both (QUALIFICATION_REQUIRED); one it does not hold is refused (QUALIFICATION_NOT_HELD).',
    }),
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
    application: t.field({
      type: CandidateApplicationInput,
      required: false,
      description: '申报信息, checked against the 工作方案’s 申报条件',
    }),
    overrideReason: t.string({
      required: false,
      description:
        '破例参评: admits a worker who does not meet the 工作方案’s 申报条件, with this reason (at least 10 characters), recorded on the candidate and in the plan’s archive',
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

export const CandidatePayload = payloadType<{ candidate?: CandidateRow; errors: Refusal[] }>(
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
export const PlanChangePayload = planPayload('PlanChangePayload', 'The plan after the change, or why it was refused.');

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
      '报备评价计划: no later than the 5th working day before the evaluation, under a qualification the institution holds and inside that qualification’s confirmed scope (超范围认定 is refused), under a published announcement, with the assessors the method needs.',
    authScopes: access('Mutation.reportEvaluationPlan'),
    args: { input: t.arg({ type: ReportEvaluationPlanInput, required: true, description: 'The plan' }) },
    resolve: (_r, { input }, ctx) => reportEvaluationPlan(ctx, input),
  }),

  addCandidate: t.field({
    type: CandidatePayload,
    description:
      '录入参评人员 (by the plan’s report deadline): the institution’s own worker, or a served party’s for a plan run as a 社会评价组织; 劳务派遣 after one year; 直接认定二级/一级 with the level below or recorded 破格 grounds.',
    authScopes: access('Mutation.addCandidate'),
    args: { input: t.arg({ type: AddCandidateInput, required: true, description: 'The candidate' }) },
    resolve: (_r, { input }, ctx) => addCandidate(ctx, input),
  }),

  recordScores: t.field({
    type: CandidatePayload,
    description:
      '评分: assessors of the plan score the parts its method uses, on or after the evaluation date and before review.',
    authScopes: access('Mutation.recordScores'),
    args: { input: t.arg({ type: RecordScoresInput, required: true, description: 'The scores' }) },
    resolve: (_r, { input }, ctx) => recordScores(ctx, input),
  }),

  reviewResults: t.field({
    type: PlanChangePayload,
    description:
      '评价工作委员会审核, signed off by the committee members present — the 主任 and more than half of those serving today (the enterprise itself; a partner HR system prepares results but never signs them off): every candidate fully scored, what was examined on record, a direct recognition’s passes backed by evidence; sets totals and pass/fail (each required part ≥ 60). The signatures go into the plan’s archive.',
    authScopes: access('Mutation.reviewResults'),
    args: {
      planId: t.arg.id({ required: true, description: 'The plan' }),
      note: t.arg.string({ required: false, description: '审核意见' }),
      signatories: t.arg.idList({
        required: true,
        description: '签署委员: the committee members present who sign the results off (CommitteeMember ids)',
      }),
    },
    resolve: (_r, args, ctx) => reviewResults(ctx, args),
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
    resolve: (_r, args, ctx) => startPublicity(ctx, args),
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
    resolve: (_r, args, ctx) => raiseObjection(ctx, args),
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
    resolve: (_r, args, ctx) => resolveObjection(ctx, args),
  }),

  submitResults: t.field({
    type: PlanChangePayload,
    description:
      '提交评价结果 to the centre: after publicity ends, with no open objection. Lateness against the 20-working-day deadline is recorded and visible to the centre.',
    authScopes: access('Mutation.submitResults'),
    args: { planId: t.arg.id({ required: true, description: 'The plan' }) },
    resolve: (_r, args, ctx) => submitResults(ctx, args),
  }),
}));
