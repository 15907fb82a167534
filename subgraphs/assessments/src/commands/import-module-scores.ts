import { moduleScores, planModules } from '@hub/db';
import { eq, sql } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { stop } from '../change.ts';
import {
  assessorOf,
  calendarDay,
  type RowProblem,
  repeatedRows,
  rowNumbers,
  rowProblems,
  typed,
} from '../rules/import.ts';
import { type ModuleScoreRow, moduleOf, moduleScoreRowProblems } from '../rules/module-import.ts';
import { moduleScoreProblems, scoresModules } from '../rules/modules.ts';
import { METHOD_NAMES } from '../rules/types.ts';
import { chunks, type ImportResult, planScoring, runImport } from './import.ts';
import { ownPlan } from './own-plan.ts';

/**
 * 模块评分导入: recordModuleScores for every row at once, all or none. The plan as recordModuleScores
 * wants it (the caller's 过程化/模块化考核, not reviewed yet); each row's candidate by resident ID
 * among the plan's candidates (not withdrawn), its 考评员 among the plan's staff by name or id, its
 * module by name, and moduleScoreProblems applied (within the period, not after today, 0–100). The
 * same assessor's same module for the same candidate twice in the file is named; a score already
 * recorded is replaced.
 */
export function importModuleScores(
  ctx: Context,
  input: {
    planId: string | number;
    rows: readonly (ModuleScoreRow & { row?: number | null })[];
    dryRun?: boolean | null;
  },
): Promise<ImportResult> {
  return runImport(ctx, input, async (tx) => {
    const plan = await ownPlan(tx, ctx, String(input.planId));
    if (!scoresModules(plan.method)) {
      stop(
        'PLAN_HAS_NO_MODULES',
        `${METHOD_NAMES[plan.method]}不分考核模块，按评分项目导入成绩（importScores）`,
        'planId',
      );
    }
    if (plan.status !== 'REPORTED') {
      stop('SCORES_AFTER_REVIEW', '评价工作委员会已审核评价结果，成绩不能再更改', 'planId');
    }
    const today = ctx.clock.today();
    const { staff, candidateOfRow } = await planScoring(tx, plan.id);
    const scorers = staff.filter((s) => s.role !== 'QUALITY_SUPERVISOR');
    const modules = await tx.select().from(planModules).where(eq(planModules.planId, plan.id));
    const numbers = rowNumbers(input.rows);
    const problems: RowProblem[] = [];
    type Entry = { i: number; candidateId: string; assessorId: string; moduleId: string; score: number; on: string };
    const entries: Entry[] = [];
    input.rows.forEach((s, i) => {
      const row = numbers[i] as number;
      const own = moduleScoreRowProblems(s);
      problems.push(...rowProblems(row, own));
      const candidateId = candidateOfRow(row, s, !own.some((p) => p.field === 'residentId'), problems);
      let assessorId: string | undefined;
      if (typed(s.assessorName)) {
        const found = assessorOf(s.assessorName as string, scorers);
        if ('problem' in found) problems.push(...rowProblems(row, [found.problem]));
        else assessorId = found.assessorId;
      }
      const module = typed(s.module) ? moduleOf(s.module as string, modules) : null;
      if (typed(s.module) && !module) {
        const message = `「${(s.module as string).trim().slice(0, 20)}」不是本计划的考核模块`;
        problems.push({ row, field: 'module', code: 'MODULE_NOT_ON_PLAN', message });
      }
      const on = typed(s.assessedOn) ? calendarDay(s.assessedOn) : today;
      if (s.score != null && on) {
        const entry = { moduleOnPlan: true, assessorOnPlan: true, score: s.score, assessedOn: on, today };
        problems.push(...rowProblems(row, moduleScoreProblems(plan, entry)));
      }
      if (candidateId && assessorId && module && s.score != null && on) {
        entries.push({ i, candidateId, assessorId, moduleId: module.id, score: s.score, on });
      }
    });
    const repeated = repeatedRows(
      entries.map((e) => ({ row: numbers[e.i] as number, key: `${e.candidateId}|${e.assessorId}|${e.moduleId}` })),
    );
    for (const [row, first] of repeated) {
      const message = `与第 ${first} 行重复（同一参评人员、同一考评员、同一考核模块）`;
      problems.push({ row, field: 'module', code: 'SCORE_DUPLICATE_IN_FILE', message });
    }

    return {
      problems,
      write: async () => {
        for (const part of chunks(entries)) {
          await tx
            .insert(moduleScores)
            .values(
              part.map((e) => ({
                candidateId: e.candidateId,
                moduleId: e.moduleId,
                assessorId: e.assessorId,
                score: e.score,
                assessedOn: e.on,
                recordedOn: today,
              })),
            )
            .onConflictDoUpdate({
              target: [moduleScores.candidateId, moduleScores.moduleId, moduleScores.assessorId],
              set: { score: sql`excluded.score`, assessedOn: sql`excluded.assessed_on`, recordedOn: today },
            });
        }
        return [];
      },
    };
  });
}
