import { isUuid, workerRecordChanges, workers } from '@hub/db';
import { eq } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { actingInstitution, change, stop, stopIf } from '../change.ts';
import type { WorkerRow } from '../loaders.ts';
import { historyText } from '../rules/changes.ts';
import { isoDate } from '../rules/dates.ts';
import { workerRecordUpdate } from '../rules/worker-record.ts';
import { changedBy } from './plan-changes.ts';

export interface UpdateWorkerRecordInput {
  workerId: string | number;
  reason: string;
  name?: string | null;
  employedSince?: string | Date | null;
  employmentEndedOn?: string | Date | null;
  dispatched?: boolean | null;
  employerCreditCode?: string | null;
  employerName?: string | null;
}

const dateOrAbsent = (d: string | Date | null | undefined) => (d == null ? d : isoDate(d));

/**
 * 职工信息变更: the institution corrects its record of a worker or records the end of the employment,
 * with the reason; each field changed goes into the record's history (before, after, who, when, why)
 * in the same transaction. Certificates already issued keep the name they were issued under.
 */
export function updateWorkerRecord(ctx: Context, input: UpdateWorkerRecordInput) {
  return change(ctx, async (tx) => {
    // load
    const institutionId = actingInstitution(ctx);
    const workerId = String(input.workerId);
    const [worker] = isUuid(workerId)
      ? await tx.select().from(workers).where(eq(workers.id, workerId)).for('update')
      : [];
    if (!worker || worker.institutionId !== institutionId) {
      stop('WORKER_NOT_FOUND', '本机构没有该职工记录', 'workerId');
    }

    // rules
    const { next, changes, problems } = workerRecordUpdate(worker, {
      reason: input.reason,
      name: input.name,
      employedSince: dateOrAbsent(input.employedSince),
      employmentEndedOn: dateOrAbsent(input.employmentEndedOn),
      dispatched: input.dispatched,
      employerCreditCode: input.employerCreditCode,
      employerName: input.employerName,
    });
    stopIf(problems);

    // write
    const [updated] = await tx.update(workers).set(next).where(eq(workers.id, worker.id)).returning();
    const today = ctx.clock.today();
    const by = changedBy(ctx);
    const reason = historyText(input.reason);
    await tx.insert(workerRecordChanges).values(
      changes.map((c) => ({
        workerId: worker.id,
        field: c.field,
        previousValue: c.previousValue && historyText(c.previousValue),
        newValue: c.newValue && historyText(c.newValue),
        changedOn: today,
        changedBy: by,
        reason,
      })),
    );
    return { worker: updated as WorkerRow };
  });
}
