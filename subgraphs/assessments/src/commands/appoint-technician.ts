import { appointments, decryptResidentId, isUuid, workers } from '@hub/db';
import { eq } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { actingInstitution, change, stop, stopIf } from '../change.ts';
import { heldLevels, institutionOf } from '../facts.ts';
import { appointmentProblems } from '../rules/appointment.ts';
import { isoDate } from '../rules/dates.ts';

export type AppointmentRow = typeof appointments.$inferSelect;

export interface AppointTechnicianInput {
  workerId: string | number;
  title: AppointmentRow['title'];
  occupationCode: string;
  termStartsOn: string | Date;
  termEndsOn: string | Date;
}

/** 评聘特级技师、首席技师: the enterprise's own worker holding 一级/高级技师 in the occupation, for a term. */
export function appointTechnician(ctx: Context, input: AppointTechnicianInput) {
  return change(ctx, async (tx) => {
    const institutionId = actingInstitution(ctx);
    const inst = await institutionOf(tx, institutionId);
    const id = String(input.workerId);
    const [w] = isUuid(id) ? await tx.select().from(workers).where(eq(workers.id, id)) : [];
    if (!w || w.institutionId !== institutionId) stop('WORKER_NOT_FOUND', '本企业没有该职工', 'workerId');
    const termStartsOn = isoDate(input.termStartsOn);
    const termEndsOn = isoDate(input.termEndsOn);
    stopIf(
      appointmentProblems({
        heldLevels: await heldLevels(tx, {
          residentId: decryptResidentId(w.residentIdEnc),
          workerId: w.id,
          occupationCode: input.occupationCode,
        }),
        termStartsOn,
        termEndsOn,
        ownWorker: w.employerCreditCode === inst.creditCode,
      }),
    );
    const [appointment] = await tx
      .insert(appointments)
      .values({
        institutionId,
        workerId: w.id,
        title: input.title,
        occupationCode: input.occupationCode,
        termStartsOn,
        termEndsOn,
        appointedOn: ctx.clock.today(),
      })
      .returning();
    return { appointment: appointment as AppointmentRow };
  });
}
