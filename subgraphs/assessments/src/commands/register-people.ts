import { assessors, residentIdLookup, sealWorkerResidentId, workerCredentials, workers } from '@hub/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { actingInstitution, change, refuseAll, stop, stopIf } from '../change.ts';
import { institutionOf } from '../facts.ts';
import type { AssessorRow } from '../loaders.ts';
import { isoDate } from '../rules/dates.ts';
import type { StaffRole } from '../rules/types.ts';
import { WORKER_ALREADY_RECORDED, workerEntryProblems } from '../rules/workers.ts';

export interface RegisterWorkerInput {
  name: string;
  residentId: string;
  employedSince: string | Date;
  dispatched?: boolean | null;
  employerCreditCode?: string | null;
  employerName?: string | null;
  declaredCredentials?:
    | readonly {
        kind: 'SKILL_LEVEL_CERTIFICATE' | 'QUALIFICATION_CERTIFICATE';
        occupationCode: string;
        level: number;
        number: string;
        issuer: string;
        issuedOn: string | Date;
      }[]
    | null;
}

/** 职工: a person the institution may put forward (its own, or a served party's for a 社会评价组织), once. */
export function registerWorker(ctx: Context, input: RegisterWorkerInput) {
  return change(ctx, async (tx) => {
    const institutionId = actingInstitution(ctx);
    const inst = await institutionOf(tx, institutionId);
    stopIf(workerEntryProblems(input));
    const [existing] = await tx
      .select({ id: workers.id })
      .from(workers)
      .where(
        and(
          eq(workers.institutionId, institutionId),
          inArray(workers.residentIdHmac, residentIdLookup(input.residentId)),
        ),
      );
    if (existing) refuseAll([WORKER_ALREADY_RECORDED]);
    const [worker] = await tx
      .insert(workers)
      .values({
        institutionId,
        employerCreditCode: input.employerCreditCode ?? inst.creditCode,
        employerName: input.employerName?.trim() || inst.name,
        name: input.name.trim(),
        ...sealWorkerResidentId(input.residentId),
        employedSince: isoDate(input.employedSince),
        dispatched: input.dispatched ?? false,
      })
      // Two registrations of one person racing past the check above: the second waits, then finds the first.
      .onConflictDoNothing({ target: [workers.institutionId, workers.residentIdHmac] })
      .returning();
    if (!worker) refuseAll([WORKER_ALREADY_RECORDED]);
    const creds = input.declaredCredentials ?? [];
    if (creds.length) {
      await tx.insert(workerCredentials).values(
        creds.map((c) => ({
          workerId: worker.id,
          kind: c.kind,
          occupationCode: c.occupationCode,
          level: c.level,
          number: c.number.trim(),
          issuer: c.issuer.trim(),
          issuedOn: isoDate(c.issuedOn),
        })),
      );
    }
    return { worker };
  });
}

/** A 考评员, 高级考评员 or 内部质量督导员 joins the institution's team. */
export function registerAssessor(
  ctx: Context,
  input: { name: string; role: StaffRole; occupationCode?: string | null },
) {
  return change(ctx, async (tx) => {
    const institutionId = actingInstitution(ctx);
    if (!input.name.trim()) stop('ASSESSOR_NAME_MISSING', '考评员须有姓名', 'name');
    const [assessor] = await tx
      .insert(assessors)
      .values({
        institutionId,
        name: input.name.trim(),
        role: input.role,
        occupationCode: input.occupationCode ?? null,
      })
      .returning();
    return { assessor: assessor as AssessorRow };
  });
}
