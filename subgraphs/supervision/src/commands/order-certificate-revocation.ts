import { randomUUID } from 'node:crypto';
import { certificateIssuers, certificateOrders } from '@hub/db';
import { inArray } from 'drizzle-orm';
import { actorOf, stop } from '../change.ts';
import { applyAction, caseCommand } from './case-steps.ts';

/**
 * 对违规发放的证书按规定处理: orders certificates of the case's institution revoked, one or a
 * batch, with the reason; each certificate once. The assessments domain carries it out.
 */
export const orderCertificateRevocation = caseCommand<{ numbers: readonly string[]; reason: string }>(
  async (tx, ctx, c, args) => {
    const numbers = [...new Set(args.numbers.map((n) => n.trim().toUpperCase()))];
    if (!numbers.length) stop('NO_CERTIFICATES', 'name at least one certificate', 'numbers');
    const issuers = await certificateIssuers(tx, numbers);
    const foreign = numbers.find((n) => issuers.get(n)?.enterpriseId !== c.enterpriseId);
    if (foreign)
      stop('NOT_THE_INSTITUTIONS_CERTIFICATE', `${foreign} is not a certificate of the case’s institution`, 'numbers');
    const revoked = numbers.find((n) => issuers.get(n)?.status === 'REVOKED');
    if (revoked) stop('CERTIFICATE_REVOKED', `${revoked} is revoked already`, 'numbers');
    const ordered = await tx
      .select({ n: certificateOrders.certificateNumber })
      .from(certificateOrders)
      .where(inArray(certificateOrders.certificateNumber, numbers));
    if (ordered.length) stop('ALREADY_ORDERED', `${ordered[0]?.n} was ordered revoked already`, 'numbers');
    const updated = await applyAction(
      tx,
      ctx,
      c,
      { kind: 'ORDER_CERTIFICATE_REVOCATION', reason: args.reason },
      () => ({}),
      `撤销证书 ${numbers.length} 张：${args.reason.trim()}`,
    );
    const batchId = randomUUID();
    await tx.insert(certificateOrders).values(
      numbers.map((n) => ({
        certificateNumber: n,
        caseId: c.id,
        batchId,
        reason: args.reason.trim(),
        orderedBy: actorOf(ctx.caller),
        orderedRole: ctx.caller.role,
      })),
    );
    return updated;
  },
);
