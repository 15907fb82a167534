import { calendarDay, residentIdRefusal, typed } from './import.ts';
import { problem, type Refusal } from './types.ts';

/**
 * 模块评分导入: a sheet of module scores of a 过程化/模块化考核 plan, one row per candidate, assessor
 * and module — the rows recordModuleScores would take one by one (modules.ts decides each score).
 */
export interface ModuleScoreRow {
  residentId?: string | null;
  name?: string | null;
  /** The plan's 考评员 by name (or by id when two share the name). */
  assessorName?: string | null;
  /** The module by its name on the plan. */
  module?: string | null;
  score?: number | null;
  /** 考核日期 as typed (2027-06-25, 2027/6/25, 2027年6月25日); today when left empty. */
  assessedOn?: string | null;
}

/** A module score row on its own: a resident ID, an assessor, a module, a score, a real day if any. */
export function moduleScoreRowProblems(s: ModuleScoreRow): Refusal[] {
  const out: Refusal[] = [];
  const rid = residentIdRefusal(s.residentId);
  if (rid) out.push(rid);
  if (!typed(s.assessorName)) {
    out.push(problem('ASSESSOR_MISSING', '考评员未填写（本计划考评员的姓名或 id）', 'assessorName'));
  }
  if (!typed(s.module)) out.push(problem('MODULE_MISSING', '考核模块未填写（本计划考核模块的名称）', 'module'));
  if (s.score == null) out.push(problem('SCORE_MISSING', '分数未填写', 'score'));
  if (typed(s.assessedOn) && !calendarDay(s.assessedOn)) {
    out.push(problem('MODULE_SCORE_DATE', '考核日期不是有效日期（如 2027-06-25）', 'assessedOn'));
  }
  return out;
}

/** A module of the plan as a row names it: by its name, spaces ignored. */
export function moduleOf<M extends { id: string; name: string }>(given: string, modules: readonly M[]): M | null {
  const text = given.replace(/\s+/g, '');
  return modules.find((m) => m.name.replace(/\s+/g, '') === text) ?? null;
}
