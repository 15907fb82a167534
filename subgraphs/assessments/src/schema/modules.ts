import { access, hubError } from '@hub/platform';
import { builder } from '../builder.ts';
import { recordModuleScores } from '../commands/record-module-scores.ts';
import type { ModuleScoreRow, PlanModuleRow } from '../loaders.ts';
import { assessModules, periodDays } from '../rules/modules.ts';
import { standardOf } from '../rules/plan-standard.ts';
import { assessorOfPlan } from './candidate.ts';
import { Assessor } from './people.ts';
import { CandidatePayload } from './plan-mutations.ts';
import { Candidate, EvaluationPlan } from './plan-refs.ts';

export { PlanModuleInput } from './module-input.ts';

/**
 * 过程化考核 and 模块化考核 (rules/modules.ts): a plan's 考核周期 and 考核模块, the module scores
 * entered as the modules are held, and each candidate's module results.
 */

const Period = builder.objectRef<{ startsOn: string; endsOn: string }>('AssessmentPeriod').implement({
  description: '考核周期 of a 过程化/模块化考核: its first day (the 评价日期) to its last.',
  fields: (t) => ({
    startsOn: t.field({ type: 'Date', description: '第一天 (评价日期)', resolve: (p) => p.startsOn }),
    endsOn: t.field({ type: 'Date', description: '最后一天', resolve: (p) => p.endsOn }),
    days: t.int({ description: 'Natural days, both ends counted.', resolve: (p) => periodDays(p.startsOn, p.endsOn) }),
  }),
});

export const PlanModule = builder.objectRef<PlanModuleRow>('PlanModule').implement({
  description: '考核模块 of a 过程化/模块化考核 plan: its weight in the combined result and its own 合格线.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The hub’s id for this module (recordModuleScores takes it).' }),
    position: t.exposeInt('position', { description: '顺序, from 1' }),
    name: t.exposeString('name', { description: '模块名称' }),
    weight: t.exposeInt('weight', { description: '权重 (relative to the plan’s other modules)' }),
    passMark: t.exposeInt('passMark', { description: '模块合格线' }),
  }),
});

const ModuleScore = builder.objectRef<ModuleScoreRow>('ModuleScore').implement({
  description: 'One assessor’s score of one module for one candidate (模块评分).',
  fields: (t) => ({
    module: t.field({
      type: PlanModule,
      description: '考核模块',
      resolve: async (s, _a, ctx) => {
        const candidate = await ctx.loaders.candidateById.load(s.candidateId);
        const modules = candidate ? await ctx.loaders.modulesByPlan.load(candidate.planId) : [];
        const m = modules.find((x) => x.id === s.moduleId);
        if (!m) throw hubError('NOT_FOUND', 'module missing');
        return m;
      },
    }),
    assessor: t.field({
      type: Assessor,
      description: '考评员',
      resolve: async (s, _a, ctx) => {
        const candidate = await ctx.loaders.candidateById.load(s.candidateId);
        if (!candidate) throw hubError('NOT_FOUND', 'candidate missing');
        return assessorOfPlan(ctx, s.assessorId, candidate.planId);
      },
    }),
    score: t.exposeFloat('score', { description: '分数 (0–100)' }),
    assessedOn: t.field({ type: 'Date', description: '考核日期', resolve: (s) => s.assessedOn }),
    recordedOn: t.field({ type: 'Date', description: '录入日期', resolve: (s) => s.recordedOn }),
  }),
});

const ModuleResult = builder.objectRef<{ module: PlanModuleRow; score: number | null }>('ModuleResult').implement({
  description: 'A module’s result for one candidate: the mean of its assessors’ scores so far.',
  fields: (t) => ({
    module: t.field({ type: PlanModule, description: '考核模块', resolve: (r) => r.module }),
    score: t.exposeFloat('score', { nullable: true, description: '平均分; null until scored' }),
    passed: t.boolean({
      nullable: true,
      description: 'Whether it reaches the module’s 合格线; null until scored',
      resolve: (r) => (r.score == null ? null : r.score >= r.module.passMark),
    }),
  }),
});

builder.objectFields(EvaluationPlan, (t) => ({
  period: t.field({
    type: Period,
    nullable: true,
    description: '考核周期 of a 过程化/模块化考核; null for an evaluation held on one day',
    resolve: (p) => (p.periodEndsOn ? { startsOn: p.evaluationDate, endsOn: p.periodEndsOn } : null),
  }),
  modules: t.field({
    type: [PlanModule],
    description: '考核模块 of a 过程化/模块化考核, in order; empty for the other methods',
    resolve: (p, _a, ctx) => ctx.loaders.modulesByPlan.load(p.id),
  }),
}));

builder.objectFields(Candidate, (t) => ({
  moduleScores: t.field({
    type: [ModuleScore],
    description: '模块评分记录 of a 过程化/模块化考核 candidate, by the day assessed',
    resolve: (c, _a, ctx) => ctx.loaders.moduleScoresByCandidate.load(c.id),
  }),
  moduleResults: t.field({
    type: [ModuleResult],
    description: 'Each module’s mean score so far (过程化/模块化考核); the total and result follow the review',
    resolve: async (c, _a, ctx) => {
      const plan = await ctx.loaders.planById.load(c.planId);
      if (!plan) return [];
      const [modules, marks] = await Promise.all([
        ctx.loaders.modulesByPlan.load(plan.id),
        ctx.loaders.moduleScoresByCandidate.load(c.id),
      ]);
      const a = assessModules(modules, marks, standardOf(plan).passMark);
      return modules.map((module) => ({ module, score: a.modules[module.name] ?? null }));
    },
  }),
}));

const ModuleScoreInput = builder.inputType('ModuleScoreInput', {
  description: 'One assessor’s score of the module.',
  fields: (t) => ({
    assessorId: t.id({ required: true, description: '考评员 of the plan' }),
    score: t.float({ required: true, description: '分数 (0–100)' }),
  }),
});

const RecordModuleScoresInput = builder.inputType('RecordModuleScoresInput', {
  description: 'Scores of one module for one candidate, entered as the module is held.',
  fields: (t) => ({
    candidateId: t.id({ required: true, description: 'The candidate' }),
    moduleId: t.id({ required: true, description: 'The module (EvaluationPlan.modules)' }),
    assessedOn: t.field({
      type: 'Date',
      required: false,
      description: '考核日期: within the plan’s period, not after today (default today)',
    }),
    scores: t.field({ type: [ModuleScoreInput], required: true, description: 'The scores' }),
  }),
});

builder.mutationFields((t) => ({
  recordModuleScores: t.field({
    type: CandidatePayload,
    description:
      '模块评分 (过程化/模块化考核): the plan’s assessors score one module of a candidate as it is held — assessed within the plan’s period and not after today — until the committee review; the same assessor scoring again replaces the score.',
    authScopes: access('Mutation.recordModuleScores'),
    args: { input: t.arg({ type: RecordModuleScoresInput, required: true, description: 'The module scores' }) },
    resolve: (_r, { input }, ctx) => recordModuleScores(ctx, input),
  }),
}));
