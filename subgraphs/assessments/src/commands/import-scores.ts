import { scores } from '@hub/db';
import { sql } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { stop } from '../change.ts';
import {
  assessorOf,
  type RowProblem,
  repeatedRows,
  rowNumbers,
  rowProblems,
  SCORE_FIELDS,
  type ScoreRow,
  scoreRowProblems,
} from '../rules/import.ts';
import { scoreEntryProblems } from '../rules/scoring.ts';
import type { ScorePart } from '../rules/types.ts';
import { chunks, type ImportResult, planScoring, runImport } from './import.ts';
import { ownPlan } from './own-plan.ts';

/**
 * 批量评分 (评分导入): recordScores for every row at once, all or none. The plan as recordScores
 * wants it (the caller's, not reviewed yet, from its evaluation date); each row's candidate found
 * by resident ID among the plan's candidates (not withdrawn), its 考评员 among the plan's staff by
 * name or id, and scoreEntryProblems applied (a part the method scores, an assessor of the plan,
 * 0–100). The same assessor's same part for the same candidate twice in the file is named; a
 * score already recorded is replaced, as recordScores replaces it.
 */
export function importScores(
  ctx: Context,
  input: { planId: string | number; rows: readonly (ScoreRow & { row?: number | null })[]; dryRun?: boolean | null },
): Promise<ImportResult> {
  return runImport(ctx, input, async (tx) => {
    const plan = await ownPlan(tx, ctx, String(input.planId));
    if (plan.status !== 'REPORTED') {
      stop('SCORES_AFTER_REVIEW', '评价工作委员会已审核评价结果，成绩不能再更改', 'planId');
    }
    const today = ctx.clock.today();
    if (today < plan.evaluationDate) {
      stop('SCORES_BEFORE_EVALUATION', `成绩自评价日期（${plan.evaluationDate}）起录入`, 'planId');
    }
    const { staff, candidateOfRow } = await planScoring(tx, plan.id);
    const scorers = new Set(staff.filter((s) => s.role !== 'QUALITY_SUPERVISOR').map((s) => s.assessorId));
    const numbers = rowNumbers(input.rows);
    const problems: RowProblem[] = [];
    const entries: { i: number; candidateId: string; assessorId: string; part: ScorePart; score: number }[] = [];
    input.rows.forEach((s, i) => {
      const row = numbers[i] as number;
      const own = scoreRowProblems(s);
      problems.push(...rowProblems(row, own));
      const candidateId = candidateOfRow(row, s, !own.some((p) => p.field === 'residentId'), problems);
      let assessorId: string | undefined;
      if (s.assessorName?.trim()) {
        const found = assessorOf(s.assessorName, staff);
        if ('problem' in found) problems.push(...rowProblems(row, [found.problem]));
        else assessorId = found.assessorId;
      }
      if (s.part && s.score != null) {
        const entry = {
          part: s.part as ScorePart,
          score: s.score,
          assessorOnPlan: !assessorId || scorers.has(assessorId),
        };
        problems.push(...rowProblems(row, scoreEntryProblems(plan.method, plan.level, entry), SCORE_FIELDS));
      }
      if (candidateId && assessorId && s.part && s.score != null) {
        entries.push({ i, candidateId, assessorId, part: s.part as ScorePart, score: s.score });
      }
    });
    const repeated = repeatedRows(
      entries.map((e) => ({ row: numbers[e.i] as number, key: `${e.candidateId}|${e.assessorId}|${e.part}` })),
    );
    for (const [row, first] of repeated) {
      problems.push({
        row,
        field: 'part',
        code: 'SCORE_DUPLICATE_IN_FILE',
        message: `与第 ${first} 行重复（同一参评人员、同一考评员、同一评分项目）`,
      });
    }

    return {
      problems,
      write: async () => {
        for (const part of chunks(entries)) {
          await tx
            .insert(scores)
            .values(
              part.map((e) => ({
                candidateId: e.candidateId,
                assessorId: e.assessorId,
                part: e.part,
                score: e.score,
                recordedOn: today,
              })),
            )
            // Re-entering a part by the same assessor replaces it, as recordScores does.
            .onConflictDoUpdate({
              target: [scores.candidateId, scores.assessorId, scores.part],
              set: { score: sql`excluded.score`, recordedOn: today },
            });
        }
        return [];
      },
    };
  });
}
