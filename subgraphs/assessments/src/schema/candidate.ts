import { hubError, partOf } from '@hub/platform';
import { builder, type Context } from '../builder.ts';
import { planOwner } from '../facts.ts';
import type { ScoreRow } from '../loaders.ts';
import { assess } from '../rules/scoring.ts';
import type { ScorePart as ScorePartValue } from '../rules/types.ts';
import { CandidateResult, ExceptionalGround, ObjectionStatus, ScorePart, StaffRoleRef } from './enums.ts';
import { Assessor, Worker } from './people.ts';
import { Candidate, EvaluationPlan, Objection } from './plan-refs.ts';
import { objects } from './reach.ts';

/** A plan's assessor, as part of the plan: whoever may read the plan sees who was on it. */
export async function assessorOfPlan(ctx: Context, assessorId: string, planId: string) {
  const [a, owner] = await Promise.all([ctx.loaders.assessorById.load(assessorId), planOwner(ctx, planId)]);
  if (!a) throw hubError('NOT_FOUND', 'assessor missing');
  return owner ? partOf(a, owner) : a;
}

export const StaffMember = builder
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

Objection.implement({
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
