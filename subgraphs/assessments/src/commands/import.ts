import { assessors, candidates, planStaff, residentIdLookup, workers } from '@hub/db';
import type { Refusal } from '@hub/platform';
import { eq } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { change, refuseAll, stopIf, type Tx } from '../change.ts';
import {
  importRefusal,
  importSizeProblems,
  nameMismatch,
  normalisedResidentId,
  type RowProblem,
  rowProblems,
} from '../rules/import.ts';

/** What a bulk import answers: rows written (all or none), rows checked, and every problem by row. */
export interface ImportResult {
  imported: number;
  checked: number;
  dryRun: boolean;
  problems: RowProblem[];
  errors: Refusal[];
}

/** What an import's check found: the problems of its rows, and how to write them when there are none. */
export interface Checked {
  problems: RowProblem[];
  /** Writes every row; returns problems found only on writing (a concurrent import of the same person). */
  write: () => Promise<RowProblem[]>;
}

/** Writes are sent this many rows at a time (one statement each; parameters stay well under 65,535). */
export const WRITE_CHUNK = 1000;

export function chunks<T>(items: readonly T[], size = WRITE_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * A bulk import in one transaction: every row is checked first (`check`, reading in bulk), and
 * only when none has a problem are they all written; otherwise nothing is, and the answer names
 * each problem by row (`errors` then holds IMPORT_REFUSED). A dry run checks and writes nothing.
 * A refusal of the import as a whole (the plan, the caller) comes in `errors` with no problems.
 */
export async function runImport(
  ctx: Context,
  input: { rows: readonly unknown[]; dryRun?: boolean | null },
  check: (tx: Tx) => Promise<Checked>,
): Promise<ImportResult> {
  const dryRun = input.dryRun ?? false;
  const checked = input.rows.length;
  let problems: RowProblem[] = [];
  const out = await change(ctx, async (tx) => {
    stopIf(importSizeProblems(checked));
    const found = await check(tx);
    problems = found.problems.sort((a, b) => a.row - b.row);
    if (problems.length) refuseAll([importRefusal(problems)]);
    if (dryRun) return { imported: 0 };
    const late = await found.write();
    if (late.length) {
      problems = late.sort((a, b) => a.row - b.row);
      refuseAll([importRefusal(problems)]);
    }
    return { imported: checked };
  });
  return {
    imported: out.imported ?? 0,
    checked,
    dryRun,
    problems: out.errors.length ? problems : [],
    errors: out.errors,
  };
}

/** A keyed hash as map key (the imports match rows to people by it). */
export const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

/**
 * What a score import reads of its plan: its candidates (found by a row's resident ID through the
 * keyed hash) and its staff (a row's 考评员 by name or id). Shared by importScores and
 * importModuleScores.
 */
export async function planScoring(tx: Tx, planId: string) {
  const onPlan = await tx
    .select({
      id: candidates.id,
      withdrawnOn: candidates.withdrawnOn,
      hmac: workers.residentIdHmac,
      name: workers.name,
    })
    .from(candidates)
    .innerJoin(workers, eq(workers.id, candidates.workerId))
    .where(eq(candidates.planId, planId));
  const byHash = new Map(onPlan.map((c) => [hex(c.hmac), c]));
  const staff = await tx
    .select({ assessorId: planStaff.assessorId, role: planStaff.role, name: assessors.name })
    .from(planStaff)
    .innerJoin(assessors, eq(assessors.id, planStaff.assessorId))
    .where(eq(planStaff.planId, planId));

  /**
   * The candidate a score row names by resident ID (its own problems already found: `idChecked`
   * false skips the lookup), or undefined with the row's problem added: not on the plan, withdrawn,
   * or the name not matching.
   */
  function candidateOfRow(
    row: number,
    s: { residentId?: string | null; name?: string | null },
    idChecked: boolean,
    problems: RowProblem[],
  ): string | undefined {
    if (!idChecked) return undefined;
    const id = normalisedResidentId(s.residentId ?? '') as string;
    const c = residentIdLookup(id)
      .map((h) => byHash.get(hex(h)))
      .find(Boolean);
    if (!c) {
      problems.push({
        row,
        field: 'residentId',
        code: 'CANDIDATE_NOT_FOUND',
        message: '本计划没有此公民身份号码的参评人员',
      });
      return undefined;
    }
    if (c.withdrawnOn) {
      const message = `该参评人员已于 ${c.withdrawnOn} 退出，不再评分`;
      problems.push({ row, field: 'residentId', code: 'CANDIDATE_WITHDRAWN', message });
      return undefined;
    }
    const mismatch = nameMismatch(s.name ?? '', c.name);
    if (mismatch) problems.push(...rowProblems(row, [mismatch]));
    return c.id;
  }

  return { staff, candidateOfRow };
}
