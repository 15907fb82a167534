import { describe, expect, it } from 'vitest';
import {
  type ContestRule,
  contestResult,
  contestReviewProblems,
  contestRuleProblems,
  earnedLevel,
  placingProblems,
} from '../src/rules/contest.ts';

/** 竞赛选拔 and 技术比武 under a 竞赛方案 (#25 point 3): the rule on the plan, placings, results. */

const codes = (r: { code: string }[]) => r.map((p) => p.code).sort();
const byRank: ContestRule = {
  scheme: '2027年数控车工技能竞赛方案',
  basis: 'RANK',
  tiers: [
    { upToRank: 3, level: 2 },
    { upToRank: 10, level: 3 },
  ],
};
const byAward: ContestRule = {
  scheme: '湘某〔2027〕5号',
  basis: 'AWARD',
  tiers: [
    { award: 'FIRST', level: 2 },
    { award: 'SECOND', level: 3 },
    { award: 'THIRD', level: 3 },
  ],
};

describe('the 竞赛方案 rule recorded on the plan', () => {
  it('takes a rule by rank or by award that earns the plan’s level', () => {
    expect(contestRuleProblems('COMPETITION', 3, byRank)).toEqual([]);
    expect(contestRuleProblems('TECHNICAL_CONTEST', 2, byAward)).toEqual([]);
  });

  it('requires a rule on competitions and refuses one on other methods', () => {
    expect(codes(contestRuleProblems('COMPETITION', 3, null))).toEqual(['PLAN_CONTEST_RULE_MISSING']);
    expect(codes(contestRuleProblems('SKILL_OPERATION', 3, byRank))).toEqual(['PLAN_CONTEST_RULE_NOT_FOR_METHOD']);
    expect(contestRuleProblems('SKILL_OPERATION', 3, null)).toEqual([]);
  });

  it('refuses a rule without its 方案, without the plan’s level, or with tiers out of order', () => {
    expect(codes(contestRuleProblems('COMPETITION', 4, { ...byRank, scheme: ' ' }))).toEqual([
      'PLAN_CONTEST_LEVEL_NOT_IN_RULE',
      'PLAN_CONTEST_SCHEME_MISSING',
    ]);
    const worseFirst = {
      ...byRank,
      tiers: [
        { upToRank: 3, level: 3 },
        { upToRank: 10, level: 2 },
      ],
    };
    expect(codes(contestRuleProblems('COMPETITION', 3, worseFirst))).toEqual(['PLAN_CONTEST_TIERS_ORDER']);
    const ranksBack = {
      ...byRank,
      tiers: [
        { upToRank: 10, level: 2 },
        { upToRank: 3, level: 3 },
      ],
    };
    expect(codes(contestRuleProblems('COMPETITION', 3, ranksBack))).toEqual(['PLAN_CONTEST_TIERS_ORDER']);
  });

  it('refuses tiers that mix ranks and awards, repeat an award, or name 未获奖 or no tier at all', () => {
    const mixed = { ...byRank, tiers: [{ upToRank: 3, award: 'FIRST' as const, level: 3 }] };
    expect(codes(contestRuleProblems('COMPETITION', 3, mixed))).toEqual(['PLAN_CONTEST_TIERS']);
    const twice = {
      ...byAward,
      tiers: [
        { award: 'FIRST' as const, level: 3 },
        { award: 'FIRST' as const, level: 3 },
      ],
    };
    expect(codes(contestRuleProblems('COMPETITION', 3, twice))).toEqual(['PLAN_CONTEST_TIERS']);
    const none = { ...byAward, tiers: [{ award: 'NONE' as const, level: 3 }] };
    expect(codes(contestRuleProblems('COMPETITION', 3, none))).toEqual(['PLAN_CONTEST_TIERS']);
    expect(codes(contestRuleProblems('COMPETITION', 3, { ...byRank, tiers: [] }))).toEqual([
      'PLAN_CONTEST_LEVEL_NOT_IN_RULE',
      'PLAN_CONTEST_TIERS',
    ]);
  });
});

describe('placings and the result they decide', () => {
  it('takes a rank under a rule by rank and an award (未获奖 included) under a rule by award', () => {
    expect(placingProblems(byRank, { rank: 4 })).toEqual([]);
    expect(codes(placingProblems(byRank, { award: 'FIRST' }))).toEqual(['CONTEST_PLACING_RANK']);
    expect(codes(placingProblems(byRank, { rank: 0 }))).toEqual(['CONTEST_PLACING_RANK']);
    expect(placingProblems(byAward, { award: 'NONE' })).toEqual([]);
    expect(codes(placingProblems(byAward, { rank: 1 }))).toEqual(['CONTEST_PLACING_AWARD']);
    expect(codes(placingProblems(null, { rank: 1 }))).toEqual(['PLAN_HAS_NO_CONTEST_RULE']);
  });

  it('earns the first tier the placing falls in; passes at the plan’s level or below what it earned', () => {
    expect(earnedLevel(byRank, { rank: 2 })).toBe(2);
    expect(earnedLevel(byRank, { rank: 3 })).toBe(2);
    expect(earnedLevel(byRank, { rank: 4 })).toBe(3);
    expect(earnedLevel(byRank, { rank: 11 })).toBeNull();
    expect(contestResult(byRank, 3, { rank: 2 })).toBe('PASSED'); // earned 二级: passes a 三级 plan
    expect(contestResult(byRank, 2, { rank: 4 })).toBe('FAILED'); // earned 三级 only
    expect(contestResult(byRank, 3, { rank: 11 })).toBe('FAILED');
    expect(contestResult(byAward, 3, { award: 'THIRD' })).toBe('PASSED');
    expect(contestResult(byAward, 3, { award: 'EXCELLENCE' })).toBe('FAILED');
    expect(contestResult(byAward, 3, { award: 'NONE' })).toBe('FAILED');
  });

  it('holds the review until every candidate is placed', () => {
    expect(
      codes(
        contestReviewProblems([
          { name: '甲', placed: true },
          { name: '乙', placed: false },
        ]),
      ),
    ).toEqual(['REVIEW_MISSING_PLACING']);
  });
});
