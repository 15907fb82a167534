import { builder } from '../builder.ts';
import { SkillLevel } from './enums.ts';

/** 竞赛方案 inputs and enums: the plan's report takes the rule, recordContestPlacing the award (contest.ts). */

export const ContestBasis = builder.enumType('ContestBasis', {
  description: 'How a 竞赛方案 decides the level: by 名次 or by 奖项.',
  values: {
    RANK: { description: '按名次: the first N earn a level' },
    AWARD: { description: '按奖项: an award earns a level' },
  } as const,
});

export const ContestAward = builder.enumType('ContestAward', {
  description: '竞赛奖项.',
  values: {
    FIRST: { description: '一等奖' },
    SECOND: { description: '二等奖' },
    THIRD: { description: '三等奖' },
    EXCELLENCE: { description: '优秀奖' },
    NONE: { description: '未获奖 (a placing only; no tier names it)' },
  } as const,
});

const ContestTierInput = builder.inputType('ContestTierInput', {
  description: 'One tier of a 竞赛方案’s rule: ranks up to a number, or an award, and the level it earns.',
  fields: (t) => ({
    upToRank: t.int({ required: false, description: '名次上限 (by rank): ranks 1 to this, after the previous tier' }),
    award: t.field({ type: ContestAward, required: false, description: '奖项 (by award)' }),
    level: t.field({ type: SkillLevel, required: true, description: '对应等级' }),
  }),
});

export const ContestRuleInput = builder.inputType('ContestRuleInput', {
  description:
    '竞赛方案’s rule from placing to level, recorded on a 竞赛/技术比武 plan: tiers by rank (increasing, levels not rising as the rank falls) or by award (each once); one tier earns the plan’s level.',
  fields: (t) => ({
    scheme: t.string({ required: true, description: '竞赛方案名称或文号' }),
    basis: t.field({ type: ContestBasis, required: true, description: '按名次或按奖项' }),
    tiers: t.field({ type: [ContestTierInput], required: true, description: '各档 (1–10)' }),
  }),
});
