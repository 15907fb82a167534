import { access } from '@hub/platform';
import { builder, type Context } from '../builder.ts';
import { decideCertificatesAfterRevocation } from '../commands/decide-certificates-after-revocation.ts';
import type { DecisionRow } from '../loaders.ts';
import { SupervisionCase } from './case.ts';
import { CasePayload } from './case-mutations.ts';

const CertificateDecision = builder.enumType('CertificateDecision', {
  description: '取消备案资质之后的证书: whether the candidates who passed may still get their certificates.',
  values: {
    AUTHORISE: { description: '仍予发证: the certificates may be issued' },
    REFUSE: { description: '不予发证: they may not' },
  } as const,
});

const CertificateIssuingDecision = builder.objectRef<DecisionRow>('CertificateIssuingDecision').implement({
  description:
    '取消备案资质之后的证书 of one plan: the centre’s decision, with reasons, on the candidates who passed while the institution was in scope. The assessments domain issues their certificates only if authorised.',
  fields: (t) => ({
    planId: t.exposeID('planId', { description: 'The evaluation plan (assessments domain).' }),
    decision: t.field({ type: CertificateDecision, description: '决定', resolve: (d) => d.decision }),
    reason: t.exposeString('reason', { description: '理由' }),
    decidedOn: t.field({ type: 'Date', description: '决定日期', resolve: (d) => d.decidedOn }),
    decidedRole: t.exposeString('decidedRole', { description: 'Role of who decided (the case history names them).' }),
  }),
});

builder.objectField(SupervisionCase, 'certificateDecisions', (t) =>
  t.field({
    type: [CertificateIssuingDecision],
    description: '取消备案资质之后的证书: the decisions on the institution’s plans evaluated before the revocation.',
    resolve: (c, _a, ctx: Context) => ctx.loaders.decisionsByCase.load(c.id),
  }),
);

builder.mutationFields((t) => ({
  decideCertificatesAfterRevocation: t.field({
    type: CasePayload,
    description:
      '取消备案资质之后的证书: for one plan of the revoked institution evaluated on or before the revocation day, the centre authorises issuing the certificates of the candidates who passed, or refuses, with reasons — once per plan, recorded in the case history.',
    authScopes: access('Mutation.decideCertificatesAfterRevocation'),
    args: {
      caseId: t.arg.id({ required: true, description: 'The case that revoked the qualification.' }),
      planId: t.arg.id({ required: true, description: 'A plan of the institution.' }),
      decision: t.arg({ type: CertificateDecision, required: true, description: '决定' }),
      reason: t.arg.string({ required: true, description: '理由' }),
      expectedVersion: t.arg.int({ required: false, description: 'The case version you saw.' }),
    },
    resolve: (_root, args, ctx) =>
      decideCertificatesAfterRevocation(ctx, {
        id: String(args.caseId),
        expectedVersion: args.expectedVersion ?? null,
        planId: String(args.planId),
        decision: args.decision,
        reason: args.reason,
      }),
  }),
}));
