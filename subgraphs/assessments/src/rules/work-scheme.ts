import {
  type ApplicationCondition,
  type ConditionStatement,
  conditionStatementProblems,
} from './application-conditions.ts';
import { MAX_SCHEME_ASSESSORS, MIN_SCHEME_ASSESSORS, ruleDefaults } from './defaults.ts';
import { type MethodStandard, type SchemeStandardFacts, standardStatementProblems } from './plan-standard.ts';
import { METHOD_NAMES, type Method, problem, type Refusal } from './types.ts';

/** The parts of an institution's 工作方案 the rules read (what a version leaves out: the defaults). */
export interface WorkSchemeFacts extends SchemeStandardFacts {
  version: number;
  assessorCounts: Readonly<Partial<Record<Method, number>>>;
  conditions?: readonly ApplicationCondition[];
  /** 高级考评员 from this level up; 0: none; null/undefined: the default. */
  seniorAssessorFromLevel?: number | null;
  /** Plans within their announcement's year or quarter; null/undefined: the default. */
  plansWithinAnnouncementPeriod?: boolean | null;
}

/** How many 考评员 a plan of this method needs, and where the number comes from. */
export function requiredAssessors(method: Method, scheme: WorkSchemeFacts | null): { count: number; source: string } {
  const stated = scheme?.assessorCounts[method];
  return stated != null && scheme
    ? { count: stated, source: `工作方案第${scheme.version}版` }
    : { count: ruleDefaults.assessors[method], source: '默认值' };
}

/**
 * Whether a plan of this level needs a 高级考评员 on its panel, and where the rule comes from: the
 * 方案's level (0: none), else the default (二级/一级).
 */
export function seniorAssessorRule(
  level: number,
  scheme: WorkSchemeFacts | null,
): { required: boolean; source: string } {
  const stated = scheme?.seniorAssessorFromLevel;
  return stated != null && scheme
    ? { required: stated > 0 && level <= stated, source: `工作方案第${scheme.version}版` }
    : { required: level <= ruleDefaults.seniorAssessorFromLevel, source: '默认值' };
}

/** Whether a plan must fall in its announcement's year (or quarter): the 方案's word, else the default. */
export const plansWithinAnnouncementPeriod = (scheme: WorkSchemeFacts | null): boolean =>
  scheme?.plansWithinAnnouncementPeriod ?? ruleDefaults.plansWithinAnnouncementPeriod;

/** A 工作方案 as adopted: its title and whatever it states (each part optional). */
export interface WorkSchemeStatement {
  title: string;
  assessorCounts?: readonly { method: Method; assessors: number }[] | null;
  conditions?: readonly ConditionStatement[] | null;
  methods?: readonly MethodStandard[] | null;
  committeeMinMembers?: number | null;
  reviewDefencePanelMin?: number | null;
  seniorAssessorFromLevel?: number | null;
  plansWithinAnnouncementPeriod?: boolean | null;
}

/**
 * A 工作方案 as adopted: a title; per method a team of 2 to 15 考评员, each method once; the level
 * from which a 高级考评员 sits on the panel (1–5, or 0 for none); 申报条件
 * (application-conditions.ts) and 成绩构成 (plan-standard.ts) as they check them.
 */
export function workSchemeProblems(input: WorkSchemeStatement): Refusal[] {
  const out: Refusal[] = [];
  if (!input.title.trim()) out.push(problem('WORK_SCHEME_TITLE_MISSING', '工作方案须有标题', 'title'));
  const seen = new Set<Method>();
  for (const c of input.assessorCounts ?? []) {
    if (seen.has(c.method)) {
      out.push(problem('WORK_SCHEME_DUPLICATE_METHOD', `${METHOD_NAMES[c.method]}重复列出`, 'assessorCounts'));
    }
    seen.add(c.method);
    if (!Number.isInteger(c.assessors) || c.assessors < MIN_SCHEME_ASSESSORS || c.assessors > MAX_SCHEME_ASSESSORS) {
      out.push(
        problem(
          'WORK_SCHEME_ASSESSORS',
          `${METHOD_NAMES[c.method]}的考评员人数须为${MIN_SCHEME_ASSESSORS}至${MAX_SCHEME_ASSESSORS}名（考评小组）`,
          'assessorCounts',
        ),
      );
    }
  }
  const senior = input.seniorAssessorFromLevel;
  if (senior != null && !(Number.isInteger(senior) && senior >= 0 && senior <= 5)) {
    out.push(
      problem(
        'WORK_SCHEME_SENIOR_ASSESSOR_LEVEL',
        '须有高级考评员的起始等级为1（一级）至5（五级），0表示不要求',
        'seniorAssessorFromLevel',
      ),
    );
  }
  return [
    ...out,
    ...conditionStatementProblems(input.conditions ?? []),
    ...standardStatementProblems({
      methodStandards: input.methods ?? [],
      committeeMinMembers: input.committeeMinMembers ?? null,
      reviewDefencePanelMin: input.reviewDefencePanelMin ?? null,
    }),
  ];
}
