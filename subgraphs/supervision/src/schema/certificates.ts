import { randomUUID } from 'node:crypto';
import { type CertificateForReview, certificateIssuers, certificateOrders, institutionCertificates } from '@hub/db';
import { access, forwardConnection } from '@hub/platform';
import { inArray } from 'drizzle-orm';
import { builder } from '../builder.ts';
import { actorOf, change, stop } from '../change.ts';
import { applyAction, lockCase } from '../commands/case-steps.ts';
import type { CertificateOrderRow } from '../loaders.ts';
import { isSupervisor } from '../rules/access.ts';
import { SupervisionCase } from './case.ts';
import { CasePayload } from './case-mutations.ts';

/** 职业技能等级证书 (owned by the assessments subgraph), referenced by its number. */
const CertificateRef = builder.objectRef<{ number: string }>('Certificate');
CertificateRef.implement({
  description: '职业技能等级证书 (owned by the assessments subgraph): its status and holder come from there.',
  fields: (t) => ({ number: t.exposeString('number', { description: '证书编号 (22 characters)' }) }),
});
builder.asEntity(CertificateRef, {
  key: builder.selection<{ number: string }>('number'),
  resolveReference: (ref) => ref,
});

const CertificateOrder = builder.objectRef<CertificateOrderRow>('CertificateRevocationOrder').implement({
  description:
    '撤销证书的处理决定 of a case (对违规发放的证书按规定采取措施): carried out by the assessments domain, whose certificate status shows the result.',
  fields: (t) => ({
    certificate: t.field({
      type: CertificateRef,
      description: 'The certificate.',
      resolve: (o) => ({ number: o.certificateNumber }),
    }),
    batchId: t.exposeID('batchId', { description: 'Orders given together share a batch.' }),
    reason: t.exposeString('reason', { description: '撤销理由' }),
    orderedAt: t.field({ type: 'DateTime', description: '决定时间', resolve: (o) => o.orderedAt }),
  }),
});

const CaseCertificate = builder
  .objectRef<CertificateForReview & { order: CertificateOrderRow | null }>('CaseCertificate')
  .implement({
    description: '待复核证书: a certificate of the case’s institution, and whether the case ordered it revoked.',
    fields: (t) => ({
      certificate: t.field({
        type: CertificateRef,
        description: 'The certificate.',
        resolve: (c) => ({ number: c.number }),
      }),
      number: t.exposeString('number', { description: '证书编号' }),
      occupationCode: t.exposeString('occupationCode', { description: '职业编码' }),
      level: t.exposeInt('level', { description: '等级 1 (一级) … 5 (五级)' }),
      issuedOn: t.field({ type: 'Date', description: '发证日期', resolve: (c) => c.issuedOn }),
      valid: t.boolean({
        description: 'Still valid (not revoked) in the assessments domain.',
        resolve: (c) => c.status === 'VALID',
      }),
      revocationOrder: t.field({
        type: CertificateOrder,
        nullable: true,
        description: 'The case’s order to revoke it, if given.',
        resolve: (c) => c.order,
      }),
    }),
  });

builder.objectFields(SupervisionCase, (t) => ({
  certificatesToReview: t.connection({
    type: CaseCertificate,
    nullable: true,
    description:
      '待复核证书: every certificate the institution issued, by number, with the case’s revocation orders (authorities only; after 取消备案资质 the list to work through).',
    resolve: async (c, args, ctx) => {
      if (!isSupervisor(ctx.caller) && ctx.caller.role !== 'ministry' && ctx.caller.role !== 'admin') return null;
      return forwardConnection(
        args,
        (x: CertificateForReview) => x.number,
        async (after, limit) => {
          const page = await institutionCertificates(ctx.db, {
            enterpriseId: c.enterpriseId,
            afterNumber: after,
            limit,
          });
          const orders = page.length
            ? await ctx.db
                .select()
                .from(certificateOrders)
                .where(
                  inArray(
                    certificateOrders.certificateNumber,
                    page.map((p) => p.number),
                  ),
                )
            : [];
          return page.map((p) => ({ ...p, order: orders.find((o) => o.certificateNumber === p.number) ?? null }));
        },
      );
    },
  }),
  certificateRevocationOrders: t.field({
    type: [CertificateOrder],
    description: '撤销证书的处理决定 given in this case, by certificate number.',
    resolve: (c, _a, ctx) => ctx.loaders.ordersByCase.load(c.id),
  }),
}));

builder.mutationFields((t) => ({
  orderCertificateRevocation: t.field({
    type: CasePayload,
    description:
      '对违规发放的证书按规定处理: orders certificates of the case’s institution revoked, one or a batch, with the reason; each certificate once. The assessments domain’s revokeCertificate carries it out.',
    authScopes: access('Mutation.orderCertificateRevocation'),
    args: {
      caseId: t.arg.id({ required: true, description: 'Case id.' }),
      numbers: t.arg.stringList({ required: true, description: '证书编号, one or more' }),
      reason: t.arg.string({ required: true, description: '撤销理由' }),
      expectedVersion: t.arg.int({ required: false, description: 'The case version you saw.' }),
    },
    resolve: (_root, args, ctx) =>
      change(ctx, async (tx) => {
        const c = await lockCase(tx, ctx, String(args.caseId), args.expectedVersion);
        const numbers = [...new Set(args.numbers.map((n) => n.trim().toUpperCase()))];
        if (!numbers.length) stop('NO_CERTIFICATES', 'name at least one certificate', 'numbers');
        const issuers = await certificateIssuers(tx, numbers);
        const foreign = numbers.find((n) => issuers.get(n)?.enterpriseId !== c.enterpriseId);
        if (foreign)
          stop(
            'NOT_THE_INSTITUTIONS_CERTIFICATE',
            `${foreign} is not a certificate of the case’s institution`,
            'numbers',
          );
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
        return { supervisionCase: updated };
      }),
  }),
}));
