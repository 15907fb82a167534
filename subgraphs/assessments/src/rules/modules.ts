import { scoresModules } from '@hub/vocabulary';
import { dayNumber } from './dates.ts';
import { ruleDefaults } from './defaults.ts';
import { METHOD_NAMES, type Method, problem, type Refusal } from './types.ts';

/**
 * 过程化考核 and 模块化考核 (通知 一(四)「企业根据自身条件和需求采取过程化考核、模块化考核…」): a plan
 * runs over a period — its first day is the 评价日期 the 5-working-day report counts to — in
 * several modules declared when it is reported, each scored as it happens within the period, and
 * combined by the 工作方案's rule: the weighted mean of the modules (each module's score the mean of
 * its assessors), every module at least its own 合格线 and the total at least the method's.
 */

export { scoresModules };

/** A period is at most a year long; a plan declares 2 to 20 modules, each named in at most 50 characters. */
export const MAX_PERIOD_DAYS = 366;
export const MODULE_COUNT = { from: 2, to: 20 } as const;
export const MODULE_NAME_MAX = 50;
const MARK = { from: 1, to: 100 } as const;

/** A module as a plan or a 工作方案 states it (weight and 合格线 may be left to the defaults). */
export interface ModuleStatement {
  name: string;
  weight?: number | null;
  passMark?: number | null;
}

/** A module as the plan keeps it. */
export interface PlanModule {
  name: string;
  weight: number;
  passMark: number;
}

/** Days of a period, both ends counted. */
export const periodDays = (startsOn: string, endsOn: string) => dayNumber(endsOn) - dayNumber(startsOn) + 1;

/**
 * 考核周期: a 过程化/模块化考核 plan names its last day (its first is the 评价日期), on or after the
 * first, at most a year on; a plan of another method is held on one day and takes none.
 */
export function periodProblems(method: Method, startsOn: string, endsOn: string | null): Refusal[] {
  if (!scoresModules(method)) {
    return endsOn == null || endsOn === startsOn
      ? []
      : [
          problem(
            'PLAN_PERIOD_NOT_FOR_METHOD',
            `${METHOD_NAMES[method]}在评价日期当天实施，不设考核周期；过程化考核和模块化考核才按周期实施`,
            'periodEndsOn',
          ),
        ];
  }
  if (endsOn == null) {
    return [
      problem(
        'PLAN_PERIOD_MISSING',
        `${METHOD_NAMES[method]}按考核周期实施：须写明周期的最后一天（评价日期为第一天）`,
        'periodEndsOn',
      ),
    ];
  }
  if (endsOn < startsOn) {
    return [problem('PLAN_PERIOD_ORDER', `考核周期的最后一天 ${endsOn} 早于第一天 ${startsOn}`, 'periodEndsOn')];
  }
  if (periodDays(startsOn, endsOn) > MAX_PERIOD_DAYS) {
    return [problem('PLAN_PERIOD_TOO_LONG', `考核周期至多${MAX_PERIOD_DAYS}天`, 'periodEndsOn')];
  }
  return [];
}

const within = (n: number, r: { from: number; to: number }) => Number.isInteger(n) && n >= r.from && n <= r.to;

/**
 * Modules as stated (on a plan or in a 工作方案): 2 to 20, each named once (not blank, at most 50
 * characters), weights whole numbers 1–100 on every module or on none (equal weights), 合格线 whole
 * numbers 1–100. `field` names the input the refusals point at.
 */
export function moduleStatementProblems(
  modules: readonly ModuleStatement[],
  field = 'modules',
  prefix: 'PLAN_MODULE' | 'WORK_SCHEME_MODULE' = 'PLAN_MODULE',
): Refusal[] {
  const out: Refusal[] = [];
  const bad = (code: string, message: string) => out.push(problem(`${prefix}_${code}`, message, field));
  if (modules.length < MODULE_COUNT.from || modules.length > MODULE_COUNT.to) {
    bad('COUNT', `考核模块须为${MODULE_COUNT.from}至${MODULE_COUNT.to}个，现为${modules.length}个`);
  }
  const names = new Set<string>();
  for (const m of modules) {
    const name = m.name.trim();
    if (!name) bad('NAME', '考核模块须有名称');
    else if (name.length > MODULE_NAME_MAX) bad('NAME', `考核模块名称至多${MODULE_NAME_MAX}个字`);
    if (names.has(name)) bad('DUPLICATE', `考核模块「${name}」重复列出`);
    names.add(name);
    if (m.weight != null && !within(m.weight, MARK)) {
      bad('WEIGHT', `考核模块「${name}」的权重须为${MARK.from}至${MARK.to}的整数`);
    }
    if (m.passMark != null && !within(m.passMark, MARK)) {
      bad('PASS_MARK', `考核模块「${name}」的合格线须为${MARK.from}至${MARK.to}的整数`);
    }
  }
  const weighted = modules.filter((m) => m.weight != null).length;
  if (weighted && weighted < modules.length) {
    bad('WEIGHTS_INCOMPLETE', '考核模块的权重须对全部模块列明，或都不列明（各模块等权）');
  }
  return out;
}

/**
 * The modules a plan runs: those it states, else those of the 工作方案's standard for its method;
 * weights and 合格线 left out take the defaults (equal weights, 60). A plan of another method
 * declares none.
 */
export function resolvePlanModules(
  method: Method,
  stated: readonly ModuleStatement[] | null | undefined,
  fromScheme: readonly ModuleStatement[] | null | undefined,
): { modules: PlanModule[]; problems: Refusal[] } {
  if (!scoresModules(method)) {
    return {
      modules: [],
      problems: stated?.length
        ? [problem('PLAN_MODULES_NOT_FOR_METHOD', `${METHOD_NAMES[method]}不分考核模块`, 'modules')]
        : [],
    };
  }
  const source = stated?.length ? stated : fromScheme?.length ? fromScheme : null;
  if (!source) {
    return {
      modules: [],
      problems: [
        problem(
          'PLAN_MODULES_MISSING',
          `${METHOD_NAMES[method]}须列明考核模块（名称、权重、合格线），或由工作方案规定`,
          'modules',
        ),
      ],
    };
  }
  const problems = moduleStatementProblems(source);
  const modules = source.map((m) => ({
    name: m.name.trim(),
    weight: m.weight ?? ruleDefaults.partWeight,
    passMark: m.passMark ?? ruleDefaults.passMark,
  }));
  return { modules, problems };
}

/**
 * A module score: for a module of the candidate's plan, by a 考评员 of the plan, 0–100, assessed
 * within the plan's period and not after today (scores are entered as the modules happen).
 */
export function moduleScoreProblems(
  plan: { evaluationDate: string; periodEndsOn: string | null },
  entry: { moduleOnPlan: boolean; assessorOnPlan: boolean; score: number; assessedOn: string; today: string },
): Refusal[] {
  const out: Refusal[] = [];
  if (!entry.moduleOnPlan)
    out.push(problem('MODULE_NOT_ON_PLAN', '该考核模块不属于参评人员所在的评价计划', 'moduleId'));
  if (!entry.assessorOnPlan) {
    out.push(problem('SCORE_ASSESSOR_NOT_ON_PLAN', '只有评价计划的考评员可以评分', 'assessorId'));
  }
  if (!(entry.score >= 0 && entry.score <= 100)) out.push(problem('SCORE_OUT_OF_RANGE', '分数须在0至100之间', 'score'));
  const last = plan.periodEndsOn ?? plan.evaluationDate;
  if (entry.assessedOn > entry.today) {
    out.push(
      problem(
        'MODULE_SCORE_IN_FUTURE',
        `考核日期 ${entry.assessedOn} 晚于今天（${entry.today}）；评分随考核进行录入`,
        'assessedOn',
      ),
    );
  } else if (entry.assessedOn < plan.evaluationDate || entry.assessedOn > last) {
    out.push(
      problem(
        'MODULE_SCORE_OUTSIDE_PERIOD',
        `考核日期 ${entry.assessedOn} 不在考核周期（${plan.evaluationDate} 至 ${last}）内`,
        'assessedOn',
      ),
    );
  }
  return out;
}

export interface ModuleAssessment {
  /** Mean of the assessors' scores per module, by module name. */
  modules: Record<string, number>;
  /** Modules nobody scored yet, in plan order. */
  missing: string[];
  /** Weighted mean of the modules, when none is missing. */
  total: number | null;
  result: 'PASSED' | 'FAILED' | null;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * 综合成绩: each module the mean of its assessors' scores; the total their weighted mean; passed when
 * every module reaches its own 合格线 and the total the overall one.
 */
export function assessModules(
  modules: readonly (PlanModule & { id: string })[],
  scores: readonly { moduleId: string; score: number }[],
  passMark: number = ruleDefaults.passMark,
): ModuleAssessment {
  const means: Record<string, number> = {};
  const missing: string[] = [];
  for (const m of modules) {
    const own = scores.filter((s) => s.moduleId === m.id);
    if (own.length) means[m.name] = round2(own.reduce((s, x) => s + x.score, 0) / own.length);
    else missing.push(m.name);
  }
  if (missing.length || !modules.length) return { modules: means, missing, total: null, result: null };
  const weights = modules.reduce((s, m) => s + m.weight, 0);
  const total = round2(modules.reduce((s, m) => s + m.weight * (means[m.name] as number), 0) / weights);
  const passed = modules.every((m) => (means[m.name] as number) >= m.passMark) && total >= passMark;
  return { modules: means, missing, total, result: passed ? 'PASSED' : 'FAILED' };
}

/** 评价工作委员会审核 of a module plan: every candidate scored in every module first. */
export function moduleReviewProblems(candidates: readonly { name: string; missing: readonly string[] }[]): Refusal[] {
  return candidates
    .filter((c) => c.missing.length)
    .map((c) =>
      problem('REVIEW_MISSING_MODULE_SCORES', `${c.name}尚无考核模块「${c.missing.join('」「')}」的评分`, 'planId'),
    );
}
