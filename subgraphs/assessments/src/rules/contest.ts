import { LEVEL_NAMES, METHOD_NAMES, type Method, problem, type Refusal } from './types.ts';

/**
 * 竞赛选拔 and 技术比武 decided by the competition (工作指引 五(五)「采用企业内部竞赛方式评价的，按照竞赛方案
 * 实施」): the plan records, when reported, its 竞赛方案's rule from placing to level — by rank
 * (名次: the first N earn a level) or by award (奖项) — and the review derives each candidate's
 * result from the rank or award the competition gave. A tier earns a level; a candidate passes the
 * plan when their tier earns its level or a higher one (a lower number). A competition that earns
 * several levels is reported as one plan per level, each candidate in the plan of the level put
 * forward for.
 */

export const CONTEST_METHODS: readonly Method[] = ['COMPETITION', 'TECHNICAL_CONTEST'];
export const isContest = (method: Method) => CONTEST_METHODS.includes(method);

export type ContestBasis = 'RANK' | 'AWARD';
export type ContestAward = 'FIRST' | 'SECOND' | 'THIRD' | 'EXCELLENCE' | 'NONE';

export const AWARD_NAMES: Record<ContestAward, string> = {
  FIRST: '一等奖',
  SECOND: '二等奖',
  THIRD: '三等奖',
  EXCELLENCE: '优秀奖',
  NONE: '未获奖',
};

export interface ContestTier {
  upToRank?: number | null;
  award?: ContestAward | null;
  level: number;
}

export interface ContestRule {
  /** 竞赛方案名称或文号. */
  scheme: string;
  basis: ContestBasis;
  tiers: readonly ContestTier[];
}

export const MAX_TIERS = 10;
export const MAX_RANK = 10_000;
const within = (n: number, from: number, to: number) => Number.isInteger(n) && n >= from && n <= to;

/**
 * The rule as the plan states it: required on a 竞赛/技术比武 plan, refused on any other; the 方案
 * named; 1 to 10 tiers, each earning a level 1–5; by rank, tiers of increasing ranks (1–10,000)
 * whose levels do not rise as the rank falls; by award, each award once (not 未获奖); one tier
 * earning the plan's own level.
 */
export function contestRuleProblems(method: Method, level: number, rule: ContestRule | null | undefined): Refusal[] {
  if (!isContest(method)) {
    return rule
      ? [problem('PLAN_CONTEST_RULE_NOT_FOR_METHOD', `${METHOD_NAMES[method]}不按竞赛方案确定结果`, 'contestRule')]
      : [];
  }
  if (!rule) {
    return [
      problem(
        'PLAN_CONTEST_RULE_MISSING',
        `${METHOD_NAMES[method]}按竞赛方案实施：须写明竞赛方案及其名次（或奖项）与等级的对应规则`,
        'contestRule',
      ),
    ];
  }
  const out: Refusal[] = [];
  const bad = (code: string, message: string) => out.push(problem(code, message, 'contestRule'));
  if (!rule.scheme.trim()) bad('PLAN_CONTEST_SCHEME_MISSING', '须写明竞赛方案的名称或文号');
  if (!rule.tiers.length || rule.tiers.length > MAX_TIERS) {
    bad('PLAN_CONTEST_TIERS', `竞赛方案的对应规则须有1至${MAX_TIERS}档`);
  }
  if (rule.tiers.some((t) => !within(t.level, 1, 5))) bad('PLAN_CONTEST_TIERS', '每档对应的等级须为一级至五级');
  if (rule.basis === 'RANK') {
    if (rule.tiers.some((t) => t.upToRank == null || !within(t.upToRank, 1, MAX_RANK) || t.award != null)) {
      bad('PLAN_CONTEST_TIERS', `按名次确定的每档写明名次上限（1至${MAX_RANK}），不写奖项`);
    } else {
      const ordered = rule.tiers.every((t, i) => {
        const prev = rule.tiers[i - 1];
        return !prev || ((prev.upToRank as number) < (t.upToRank as number) && prev.level <= t.level);
      });
      if (!ordered) {
        bad('PLAN_CONTEST_TIERS_ORDER', '各档按名次从前到后排列，名次靠后的一档对应的等级不高于前一档');
      }
    }
  } else {
    const awards = rule.tiers.map((t) => t.award);
    if (rule.tiers.some((t) => t.award == null || t.award === 'NONE' || t.upToRank != null)) {
      bad('PLAN_CONTEST_TIERS', '按奖项确定的每档写明奖项（一等奖、二等奖、三等奖、优秀奖），不写名次');
    } else if (new Set(awards).size < awards.length) {
      bad('PLAN_CONTEST_TIERS', '每个奖项只对应一档');
    }
  }
  if (!rule.tiers.some((t) => t.level === level)) {
    bad(
      'PLAN_CONTEST_LEVEL_NOT_IN_RULE',
      `竞赛方案的对应规则中没有${LEVEL_NAMES[level]}：本计划只认定${LEVEL_NAMES[level]}`,
    );
  }
  return out;
}

/** A placing as recorded: a rank for a rule by rank, an award (未获奖 included) for a rule by award. */
export function placingProblems(
  rule: ContestRule | null,
  placing: { rank?: number | null; award?: ContestAward | null },
): Refusal[] {
  if (!rule) {
    return [problem('PLAN_HAS_NO_CONTEST_RULE', '该评价计划未记录竞赛方案的对应规则，按评分录入成绩', 'candidateId')];
  }
  if (rule.basis === 'RANK') {
    return placing.rank != null && within(placing.rank, 1, MAX_RANK) && placing.award == null
      ? []
      : [problem('CONTEST_PLACING_RANK', `竞赛方案按名次确定结果：须录入名次（1至${MAX_RANK}），不录奖项`, 'rank')];
  }
  return placing.award != null && placing.rank == null
    ? []
    : [problem('CONTEST_PLACING_AWARD', '竞赛方案按奖项确定结果：须录入所获奖项（未获奖录 NONE），不录名次', 'award')];
}

/** The level a placing earns under the rule (null: none). */
export function earnedLevel(
  rule: ContestRule,
  placing: { rank?: number | null; award?: string | null },
): number | null {
  const tier =
    rule.basis === 'RANK'
      ? rule.tiers.find((t) => placing.rank != null && placing.rank <= (t.upToRank ?? 0))
      : rule.tiers.find((t) => placing.award != null && t.award === placing.award);
  return tier?.level ?? null;
}

/** Passed when the placing earns the plan's level or a higher one; failed otherwise. */
export function contestResult(
  rule: ContestRule,
  planLevel: number,
  placing: { rank?: number | null; award?: string | null },
): 'PASSED' | 'FAILED' {
  const earned = earnedLevel(rule, placing);
  return earned != null && earned <= planLevel ? 'PASSED' : 'FAILED';
}

/** 评价工作委员会审核 of a competition plan: every candidate's placing recorded first. */
export function contestReviewProblems(candidates: readonly { name: string; placed: boolean }[]): Refusal[] {
  return candidates
    .filter((c) => !c.placed)
    .map((c) => problem('REVIEW_MISSING_PLACING', `${c.name}尚无竞赛名次或奖项`, 'planId'));
}
