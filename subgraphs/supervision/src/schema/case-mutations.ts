import { access, type Operation, type Refusal } from '@hub/platform';
import { builder, type Context, UserError } from '../builder.ts';
import type { CaseOutcome, CaseTarget } from '../commands/case-steps.ts';
import { closeCase } from '../commands/close-case.ts';
import { escalateCase } from '../commands/escalate-case.ts';
import { openCase } from '../commands/open-case.ts';
import { orderRectification } from '../commands/order-rectification.ts';
import { recordFinding } from '../commands/record-finding.ts';
import { recordRectification } from '../commands/record-rectification.ts';
import { revokeQualification } from '../commands/revoke-qualification.ts';
import { startInvestigation } from '../commands/start-investigation.ts';
import { transferCase } from '../commands/transfer-case.ts';
import type { CaseRow } from '../loaders.ts';
import { SupervisionCase } from './case.ts';
import { InspectionKind, ViolationType } from './enums.ts';

export const CasePayload = builder
  .objectRef<{ supervisionCase?: CaseRow | null; errors: Refusal[] }>('SupervisionCasePayload')
  .implement({
    description: 'The case after the change, or why it was refused (then nothing changed).',
    fields: (t) => ({
      supervisionCase: t.field({
        type: SupervisionCase,
        nullable: true,
        description: 'The case as it now stands.',
        resolve: (p) => p.supervisionCase ?? null,
      }),
      errors: t.field({
        type: [UserError],
        description: 'Refusals; empty when the change was made.',
        resolve: (p) => p.errors,
      }),
    }),
  });

const FindingInput = builder.inputType('CaseFindingInput', {
  description: 'A finding of the investigation (调查核实) with its evidence.',
  fields: (t) => ({
    violationType: t.field({ type: ViolationType, required: true, description: '违规类型' }),
    description: t.string({ required: true, description: '查实的问题' }),
    evidence: t.stringList({
      required: true,
      description: '证据: references (document ids, URLs, archive or certificate numbers), at least one',
    }),
  }),
});

const OpenCaseInput = builder.inputType('OpenCaseInput', {
  description: '立案 after an inspection (随机抽查, 定期检查 or 专项督查).',
  fields: (t) => ({
    enterpriseId: t.id({ required: true, description: 'The institution concerned.' }),
    source: t.field({ type: InspectionKind, required: true, description: '案件来源: the kind of inspection' }),
    campaignId: t.id({
      required: false,
      description: 'The campaign whose draw picked the institution (required for 随机抽查).',
    }),
    violationTypes: t.field({ type: [ViolationType], required: true, description: '涉嫌的违规类型' }),
    summary: t.string({ required: true, description: '案情摘要' }),
  }),
});

/** One mutation per case action: the case id and the version seen, then the action's own arguments. */
function caseMutation<A extends Record<string, unknown>>(
  operation: Operation,
  description: string,
  extraArgs: (t: any) => A,
  run: (ctx: Context, args: any) => CaseOutcome,
) {
  return (t: any) =>
    t.field({
      type: CasePayload,
      description,
      authScopes: access(operation),
      args: {
        id: t.arg.id({ required: true, description: 'Case id.' }),
        expectedVersion: t.arg.int({
          required: false,
          description: 'The version you saw; refused if the case moved on since.',
        }),
        ...extraArgs(t),
      },
      resolve: (_root: unknown, args: CaseTarget, ctx: Context) => run(ctx, { ...args, id: String(args.id) }),
    });
}

builder.mutationFields((t) => ({
  openCase: t.field({
    type: CasePayload,
    description:
      '立案 after an inspection: the institution’s own 市州 authorities or the province. Cases from complaints and risk signals open through openCaseFromComplaint and openCaseFromSignal.',
    authScopes: access('Mutation.openCase'),
    args: { input: t.arg({ type: OpenCaseInput, required: true, description: 'The case.' }) },
    resolve: (_root, { input }, ctx) =>
      openCase(ctx, {
        ...input,
        enterpriseId: String(input.enterpriseId),
        campaignId: input.campaignId == null ? null : String(input.campaignId),
      }),
  }),
  startInvestigation: caseMutation(
    'Mutation.startInvestigation',
    '开始调查核实: OPEN → INVESTIGATING.',
    (t) => ({ note: t.arg.string({ required: false, description: '说明' }) }),
    startInvestigation,
  )(t),
  recordFinding: caseMutation(
    'Mutation.recordFinding',
    'Records a finding with its evidence; its violation type joins the case’s. An OPEN case starts investigating.',
    (t) => ({ input: t.arg({ type: FindingInput, required: true, description: 'The finding.' }) }),
    recordFinding,
  )(t),
  orderRectification: caseMutation(
    'Mutation.orderRectification',
    '责令限期整改: INVESTIGATING → RECTIFICATION_ORDERED with what to rectify and by when; the enterprise is notified.',
    (t) => ({
      requirements: t.arg.string({ required: true, description: '整改要求' }),
      dueOn: t.arg({ type: 'Date', required: true, description: '整改期限 (after today, within a year)' }),
    }),
    orderRectification,
  )(t),
  recordRectification: caseMutation(
    'Mutation.recordRectification',
    '整改到位: the authority verified the rectification on or before the deadline (RECTIFICATION_ORDERED → RECTIFIED).',
    (t) => ({ report: t.arg.string({ required: true, description: '整改情况, as verified' }) }),
    recordRectification,
  )(t),
  escalateCase: caseMutation(
    'Mutation.escalateCase',
    '升级处理, with its reason: after the rectification deadline passed unrectified; at once for a serious case with findings (问题严重的); and under a rectification order at any time on findings recorded since the order. The enterprise is notified.',
    (t) => ({ reason: t.arg.string({ required: true, description: '升级理由' }) }),
    escalateCase,
  )(t),
  revokeQualification: caseMutation(
    'Mutation.revokeQualification',
    '取消备案资质 on an escalated case: the enterprises domain revokes the filing in the same transaction, so the institution leaves the catalog at once; its certificates are listed for review (certificatesToReview).',
    (t) => ({ reason: t.arg.string({ required: true, description: '取消资质的理由和依据' }) }),
    revokeQualification,
  )(t),
  closeCase: caseMutation(
    'Mutation.closeCase',
    '结案 with its conclusion: an unfounded case (OPEN, INVESTIGATING), a rectified one, or an escalated one decided without revocation.',
    (t) => ({ conclusion: t.arg.string({ required: true, description: '结案意见' }) }),
    closeCase,
  )(t),
  transferCase: caseMutation(
    'Mutation.transferCase',
    '移交纪检监察或司法机关 (相关人员或单位涉嫌违纪违法): names the receiving body; possible from any open state and after revocation.',
    (t) => ({
      receivingBody: t.arg.string({ required: true, description: '接收机关' }),
      reason: t.arg.string({ required: true, description: '移交理由 (涉嫌违纪违法的情形)' }),
    }),
    transferCase,
  )(t),
}));
