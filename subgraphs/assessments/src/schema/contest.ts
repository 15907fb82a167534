import type { StoredContestRule } from '@hub/db';
import { access } from '@hub/platform';
import { builder } from '../builder.ts';
import { recordContestPlacing } from '../commands/record-contest-placing.ts';
import type { ContestPlacingRow } from '../loaders.ts';
import { type ContestAward as Award, type ContestRule, earnedLevel } from '../rules/contest.ts';
import { ContestAward, ContestBasis } from './contest-input.ts';
import { SkillLevel } from './enums.ts';
import { CandidatePayload } from './plan-mutations.ts';
import { Candidate, EvaluationPlan } from './plan-refs.ts';

/** 竞赛选拔 and 技术比武 under a 竞赛方案 (rules/contest.ts): the plan's rule, the candidates' placings. */

type Level = 1 | 2 | 3 | 4 | 5;

const ContestTier = builder.objectRef<StoredContestRule['tiers'][number]>('ContestTier').implement({
  description: 'One tier of the 竞赛方案’s rule.',
  fields: (t) => ({
    upToRank: t.exposeInt('upToRank', { nullable: true, description: '名次上限 (by rank)' }),
    award: t.field({
      type: ContestAward,
      nullable: true,
      description: '奖项 (by award)',
      resolve: (x) => x.award as Award | null,
    }),
    level: t.field({ type: SkillLevel, description: '对应等级', resolve: (x) => x.level as Level }),
  }),
});

const ContestRuleRef = builder.objectRef<StoredContestRule>('ContestRule').implement({
  description: '竞赛方案’s rule from placing to level, recorded when the plan was reported.',
  fields: (t) => ({
    scheme: t.exposeString('scheme', { description: '竞赛方案名称或文号' }),
    basis: t.field({ type: ContestBasis, description: '按名次或按奖项', resolve: (r) => r.basis }),
    tiers: t.field({ type: [ContestTier], description: '各档', resolve: (r) => r.tiers }),
  }),
});

const ContestPlacing = builder.objectRef<ContestPlacingRow & { earned: number | null }>('ContestPlacing').implement({
  description: '竞赛名次或奖项 of a candidate, and the level it earns under the plan’s rule.',
  fields: (t) => ({
    rank: t.exposeInt('rank', { nullable: true, description: '名次 (by rank)' }),
    award: t.field({ type: ContestAward, nullable: true, description: '奖项 (by award)', resolve: (p) => p.award }),
    earnedLevel: t.field({
      type: SkillLevel,
      nullable: true,
      description: 'The level the placing earns under the 竞赛方案 (null: none)',
      resolve: (p) => p.earned as Level | null,
    }),
    recordedOn: t.field({ type: 'Date', description: '录入日期', resolve: (p) => p.recordedOn }),
  }),
});

builder.objectFields(EvaluationPlan, (t) => ({
  contestRule: t.field({
    type: ContestRuleRef,
    nullable: true,
    description:
      '竞赛方案’s rule of a 竞赛/技术比武 plan; null for other methods (and plans reported before it was kept)',
    resolve: (p) => p.contestRule ?? null,
  }),
}));

builder.objectFields(Candidate, (t) => ({
  contestPlacing: t.field({
    type: ContestPlacing,
    nullable: true,
    description: '竞赛名次或奖项, in a 竞赛/技术比武 plan with a 竞赛方案 rule',
    resolve: async (c, _a, ctx) => {
      const [placing, plan] = await Promise.all([
        ctx.loaders.placingByCandidate.load(c.id),
        ctx.loaders.planById.load(c.planId),
      ]);
      const rule = plan?.contestRule as ContestRule | null | undefined;
      return placing ? { ...placing, earned: rule ? earnedLevel(rule, placing) : null } : null;
    },
  }),
}));

builder.mutationFields((t) => ({
  recordContestPlacing: t.field({
    type: CandidatePayload,
    description:
      '竞赛名次或奖项: the rank (by rank) or award (by award, NONE for 未获奖) a candidate of a 竞赛/技术比武 plan won, from the evaluation date until the review; the review derives the result from it under the plan’s 竞赛方案 rule (PLAN_HAS_NO_CONTEST_RULE, CONTEST_PLACING_RANK, CONTEST_PLACING_AWARD).',
    authScopes: access('Mutation.recordContestPlacing'),
    args: {
      candidateId: t.arg.id({ required: true, description: 'The candidate' }),
      rank: t.arg.int({ required: false, description: '名次, from 1' }),
      award: t.arg({ type: ContestAward, required: false, description: '奖项' }),
    },
    resolve: (_r, args, ctx) => recordContestPlacing(ctx, args),
  }),
}));
