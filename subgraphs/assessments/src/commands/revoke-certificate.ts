import { certificates } from '@hub/db';
import { canReach } from '@hub/platform';
import { eq } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { change, stop, stopIf } from '../change.ts';
import type { CertificateRow } from '../loaders.ts';
import { revocationProblems } from '../rules/certificate.ts';
import { recordCertificateEvents } from './feed.ts';

/** 撤销违规证书: by the issuing institution or an authority over its 市州, with the reason and who revoked. */
export function revokeCertificate(ctx: Context, input: { number: string; reason: string }) {
  return change(ctx, async (tx) => {
    const number = input.number.trim().toUpperCase();
    const [c] = await tx.select().from(certificates).where(eq(certificates.number, number)).for('update');
    if (!c || !canReach(ctx.caller, { enterpriseId: c.enterpriseId, prefectureCode: c.prefectureCode })) {
      stop('CERTIFICATE_NOT_FOUND', '没有您可处理的该编号证书', 'number');
    }
    stopIf(revocationProblems(c, input.reason));
    const [updated] = await tx
      .update(certificates)
      .set({
        status: 'REVOKED',
        revokedOn: ctx.clock.today(),
        revocationReason: input.reason.trim(),
        revokedBy: `${ctx.caller.role}:${ctx.caller.sub ?? 'unknown'}`,
        // The national query system still shows it valid: 待更正 until the revocation is uploaded.
        ...(c.uploadedOn ? { nationalCorrectionSince: ctx.clock.today() } : {}),
      })
      .where(eq(certificates.number, number))
      .returning();
    await recordCertificateEvents(tx, ctx.clock, [
      { type: 'CERTIFICATE_REVOKED', certificate: updated as CertificateRow },
    ]);
    return { certificate: updated as CertificateRow };
  });
}
