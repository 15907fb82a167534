import { complaints, institutionByCreditCode, refuseAll } from '@hub/db';
import type { Refusal } from '@hub/platform';
import type { Context } from '../builder.ts';
import { change, stop } from '../change.ts';
import { handlingDueOn, intakeRefusals } from '../rules/complaint.ts';
import { newCheckCode, nextReceiptNumber } from './complaint-steps.ts';

export interface ComplaintArgs {
  institutionCreditCode: string;
  content: string;
  complainantName?: string | null;
  complainantContact?: string | null;
}

/** 投诉回执: the 受理编号, the 查询码 (shown this once) and the dates the complainant may count on. */
export interface Receipt {
  reference: string;
  checkCode: string;
  receivedOn: string;
  handlingDueOn: string;
}

/** 职工投诉 intake, open to anyone: kept with a receipt number, a check code and a handling deadline. */
export function submitComplaint(
  ctx: Context,
  input: ComplaintArgs,
): Promise<{ receipt?: Receipt | null; errors: Refusal[] }> {
  return change(ctx, async (tx) => {
    const intake = {
      content: input.content,
      complainantName: input.complainantName?.trim() || null,
      complainantContact: input.complainantContact?.trim() || null,
    };
    const refusals = intakeRefusals(intake);
    if (refusals.length) refuseAll(refusals);
    const institution = await institutionByCreditCode(tx, input.institutionCreditCode);
    if (!institution || institution.qualification === 'NONE') {
      stop(
        'NOT_AN_INSTITUTION',
        'no evaluation institution has that 统一社会信用代码 (the catalog lists them)',
        'institutionCreditCode',
      );
    }
    const receivedOn = ctx.clock.today();
    const reference = await nextReceiptNumber(tx, receivedOn);
    const check = newCheckCode(reference);
    const dueOn = handlingDueOn(receivedOn, ctx.complaintHandlingDays);
    await tx.insert(complaints).values({
      kind: 'WORKER_COMPLAINT',
      enterpriseId: institution.enterpriseId,
      prefectureCode: institution.prefectureCode,
      content: intake.content.trim(),
      complainantName: intake.complainantName,
      complainantContact: intake.complainantContact,
      receivedOn,
      receiptNumber: reference,
      checkCodeHash: check.hash,
      handlingDueOn: dueOn,
    });
    return { receipt: { reference, checkCode: check.code, receivedOn, handlingDueOn: dueOn } };
  });
}
