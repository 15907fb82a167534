import { MAX_SCHEME_ASSESSORS, MIN_SCHEME_ASSESSORS, ruleDefaults } from './defaults.ts';
import { METHOD_NAMES, type Method, problem, type Refusal } from './types.ts';

/** The parts of an institution's 工作方案 the rules read. */
export interface WorkSchemeFacts {
  version: number;
  assessorCounts: Readonly<Partial<Record<Method, number>>>;
}

/** How many 考评员 a plan of this method needs, and where the number comes from. */
export function requiredAssessors(method: Method, scheme: WorkSchemeFacts | null): { count: number; source: string } {
  const stated = scheme?.assessorCounts[method];
  return stated != null && scheme
    ? { count: stated, source: `工作方案第${scheme.version}版` }
    : { count: ruleDefaults.assessors[method], source: '默认值' };
}

/** A 工作方案 as adopted: a title, and per method a team of 2 to 15 考评员, each method once. */
export function workSchemeProblems(input: {
  title: string;
  assessorCounts: readonly { method: Method; assessors: number }[];
}): Refusal[] {
  const out: Refusal[] = [];
  if (!input.title.trim()) out.push(problem('WORK_SCHEME_TITLE_MISSING', '工作方案须有标题', 'title'));
  const seen = new Set<Method>();
  for (const c of input.assessorCounts) {
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
  return out;
}
