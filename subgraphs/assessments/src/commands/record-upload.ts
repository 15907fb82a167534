import { certificates, uploadBatches } from '@hub/db';
import type { Refusal } from '@hub/platform';
import { inArray } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { actingInstitution, change, stop, stopIf } from '../change.ts';
import { problem } from '../rules/types.ts';
import { recordCertificateEvents } from './feed.ts';

/** 证书数据上报: these certificates of the institution went to the national query system today, as one batch. */
export function recordUpload(ctx: Context, input: { numbers: readonly string[]; batchReference: string }) {
  return change(ctx, async (tx) => {
    const institutionId = actingInstitution(ctx);
    const numbers = [...new Set(input.numbers.map((n) => n.trim().toUpperCase()))];
    if (!numbers.length) stop('UPLOAD_EMPTY', '上报批次至少包含一本证书', 'numbers');
    if (!input.batchReference.trim()) stop('UPLOAD_REFERENCE_MISSING', '请填写上报批次号', 'batchReference');
    const rows = await tx.select().from(certificates).where(inArray(certificates.number, numbers)).for('update');
    const problems: Refusal[] = [];
    for (const n of numbers) {
      const c = rows.find((r) => r.number === n);
      if (!c || c.enterpriseId !== institutionId) {
        problems.push(problem('CERTIFICATE_NOT_FOUND', `${n}不是本机构的证书`, 'numbers'));
      } else if (c.nationalCorrectionSince) {
        // A revoked certificate whose national record needs correcting: this batch uploads the revocation.
      } else if (c.uploadedOn) {
        problems.push(problem('ALREADY_UPLOADED', `${n}已于${c.uploadedOn}上报`, 'numbers'));
      } else if (c.status === 'REVOKED') {
        problems.push(problem('CERTIFICATE_REVOKED', `${n}已撤销`, 'numbers'));
      }
    }
    stopIf(problems);
    const now = ctx.clock.today();
    const [batch] = await tx
      .insert(uploadBatches)
      .values({ institutionId, uploadedOn: now, reference: input.batchReference.trim(), count: numbers.length })
      .returning();
    if (!batch) throw new Error('insert returned no row');
    const uploaded = await tx
      .update(certificates)
      .set({ uploadedOn: now, uploadBatchId: batch.id, nationalCorrectionSince: null })
      .where(inArray(certificates.number, numbers))
      .returning();
    // Uploading a revocation corrects the national record (更正); anything else is a first upload.
    const correcting = new Set(rows.filter((r) => r.nationalCorrectionSince).map((r) => r.number));
    await recordCertificateEvents(
      tx,
      ctx.clock,
      numbers.flatMap((n) => {
        const certificate = uploaded.find((c) => c.number === n);
        if (!certificate) return [];
        return [
          {
            type: correcting.has(n) ? ('CERTIFICATE_CORRECTED' as const) : ('CERTIFICATE_UPLOADED' as const),
            certificate,
          },
        ];
      }),
    );
    return { batch };
  });
}
