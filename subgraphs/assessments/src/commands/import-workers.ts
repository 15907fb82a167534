import { residentIdLookup, sealWorkerResidentId, workers } from '@hub/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { actingInstitution } from '../change.ts';
import { institutionOf } from '../facts.ts';
import {
  calendarDay,
  normalisedResidentId,
  type RowProblem,
  repeatedRows,
  rowNumbers,
  rowProblems,
  typed,
  type WorkerRow,
  workerRowProblems,
} from '../rules/import.ts';
import { WORKER_ALREADY_RECORDED } from '../rules/workers.ts';
import { chunks, hex, type ImportResult, runImport } from './import.ts';

/**
 * 批量登记职工 (职工名单导入): registerWorker for every row at once, all or none. Each row is
 * checked by registerWorker's rules; a person twice in the file, or already recorded by the
 * institution, is named on the row (WORKER_DUPLICATE_IN_FILE, WORKER_ALREADY_RECORDED).
 */
export function importWorkers(
  ctx: Context,
  input: { rows: readonly (WorkerRow & { row?: number | null })[]; dryRun?: boolean | null },
): Promise<ImportResult> {
  return runImport(ctx, input, async (tx) => {
    const institutionId = actingInstitution(ctx);
    const inst = await institutionOf(tx, institutionId);
    const today = ctx.clock.today();
    const numbers = rowNumbers(input.rows);
    const problems: RowProblem[] = [];
    const ids: (string | null)[] = [];
    input.rows.forEach((w, i) => {
      const own = workerRowProblems(w, today);
      problems.push(...rowProblems(numbers[i] as number, own));
      ids.push(own.some((p) => p.field === 'residentId') ? null : normalisedResidentId(w.residentId));
    });
    const repeated = repeatedRows(ids.map((key, i) => ({ row: numbers[i] as number, key })));
    for (const [row, first] of repeated) {
      problems.push({
        row,
        field: 'residentId',
        code: 'WORKER_DUPLICATE_IN_FILE',
        message: `与第 ${first} 行是同一人（公民身份号码相同）`,
      });
    }
    // Already recorded: one look-up per thousand rows, by every lookup hash of each ID.
    const byHash = new Map<string, number>();
    ids.forEach((id, i) => {
      if (id && !repeated.has(numbers[i] as number)) {
        for (const h of residentIdLookup(id)) byHash.set(hex(h), i);
      }
    });
    for (const part of chunks([...byHash.keys()])) {
      const found = await tx
        .select({ hmac: workers.residentIdHmac })
        .from(workers)
        .where(
          and(
            eq(workers.institutionId, institutionId),
            inArray(
              workers.residentIdHmac,
              part.map((h) => Buffer.from(h, 'hex')),
            ),
          ),
        );
      for (const f of found) {
        const i = byHash.get(hex(f.hmac));
        if (i !== undefined) problems.push(...rowProblems(numbers[i] as number, [WORKER_ALREADY_RECORDED]));
      }
    }
    return {
      problems,
      write: async () => {
        const values = input.rows.map((w) => {
          const creditCode = typed(w.employerCreditCode)?.toUpperCase();
          return {
            institutionId,
            employerCreditCode: creditCode ?? inst.creditCode,
            employerName: creditCode ? (typed(w.employerName) as string) : inst.name,
            name: typed(w.name) as string,
            ...sealWorkerResidentId(normalisedResidentId(w.residentId) as string),
            employedSince: calendarDay(w.employedSince) as string,
            dispatched: w.dispatched ?? false,
          };
        });
        const written = new Set<string>();
        for (const part of chunks(values)) {
          const rows = await tx
            .insert(workers)
            .values(part)
            // A concurrent registration of the same person: found here, and the whole import refused.
            .onConflictDoNothing({ target: [workers.institutionId, workers.residentIdHmac] })
            .returning({ hmac: workers.residentIdHmac });
          for (const r of rows) written.add(hex(r.hmac));
        }
        return values.flatMap((v, i) =>
          written.has(hex(v.residentIdHmac)) ? [] : rowProblems(numbers[i] as number, [WORKER_ALREADY_RECORDED]),
        );
      },
    };
  });
}
