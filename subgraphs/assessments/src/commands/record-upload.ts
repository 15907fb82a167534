import { certificates, uploadBatches } from '@hub/db';
import type { Refusal } from '@hub/platform';
import { inArray } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { actingInstitution, change, stop, stopIf } from '../change.ts';
import { problem } from '../rules/types.ts';

/** 证书数据上报: these certificates of the institution went to the national query system today, as one batch. */
export function recordUpload(ctx: Context, input: { numbers: readonly string[]; batchReference: string }) {
  return change(ctx, async (tx) => {
    const institutionId = actingInstitution(ctx);
    const numbers = [...new Set(input.numbers.map((n) => n.trim().toUpperCase()))];
    if (!numbers.length) stop('UPLOAD_EMPTY', 'a batch has at least one certificate', 'numbers');
    if (!input.batchReference.trim()) stop('UPLOAD_REFERENCE_MISSING', 'give the batch reference', 'batchReference');
    const rows = await tx.select().from(certificates).where(inArray(certificates.number, numbers)).for('update');
    const problems: Refusal[] = [];
    for (const n of numbers) {
      const c = rows.find((r) => r.number === n);
      if (!c || c.enterpriseId !== institutionId) {
        problems.push(problem('CERTIFICATE_NOT_FOUND', `${n} is not a certificate of this institution`, 'numbers'));
      } else if (c.nationalCorrectionSince) {
        // A revoked certificate whose national record needs correcting: this batch uploads the revocation.
      } else if (c.uploadedOn) {
        problems.push(problem('ALREADY_UPLOADED', `${n} was uploaded on ${c.uploadedOn}`, 'numbers'));
      } else if (c.status === 'REVOKED') {
        problems.push(problem('CERTIFICATE_REVOKED', `${n} is revoked`, 'numbers'));
      }
    }
    stopIf(problems);
    const now = ctx.clock.today();
    const [batch] = await tx
      .insert(uploadBatches)
      .values({ institutionId, uploadedOn: now, reference: input.batchReference.trim(), count: numbers.length })
      .returning();
    if (!batch) throw new Error('insert returned no row');
    await tx
      .update(certificates)
      .set({ uploadedOn: now, uploadBatchId: batch.id, nationalCorrectionSince: null })
      .where(inArray(certificates.number, numbers));
    return { batch };
  });
}
