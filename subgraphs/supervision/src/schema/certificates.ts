import type { CertificateForReview } from '@hub/db';
import { access, forwardConnection } from '@hub/platform';
import { builder } from '../builder.ts';
import { orderCertificateRevocation } from '../commands/order-certificate-revocation.ts';
import type { CertificateOrderRow } from '../loaders.ts';
import { certificatesForReview } from '../queries/certificates-for-review.ts';
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
        (after, limit) => certificatesForReview(ctx.db, c.enterpriseId, after, limit),
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
      orderCertificateRevocation(ctx, {
        id: String(args.caseId),
        expectedVersion: args.expectedVersion ?? null,
        numbers: args.numbers,
        reason: args.reason,
      }),
  }),
}));
