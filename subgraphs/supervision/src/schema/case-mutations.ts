import { applyQualificationDecision, caseEvents, caseFindings, cases, isUuid } from '@hub/db';
import { access, type Operation, type Refusal } from '@hub/platform';
import { eq, sql } from 'drizzle-orm';
import { builder, type Context, UserError } from '../builder.ts';
import { actorOf, change, institutionInReach, stop, stopIf, type Tx } from '../change.ts';
import type { CaseRow } from '../loaders.ts';
import { actRefusal } from '../rules/access.ts';
import { type CaseAction, decide, isRefusal, type CaseStatus as Status } from '../rules/workflow.ts';
import { drawnIn } from './campaign-rules.ts';
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

type ViolationValue = CaseRow['violationTypes'][number];

/** Opens a case (立案) with its first history step; the caller checked who may. */
export async function insertCase(
  tx: Tx,
  ctx: Context,
  c: {
    enterpriseId: string;
    prefectureCode: string;
    source: CaseRow['source'];
    violationTypes: readonly ViolationValue[];
    summary: string;
    campaignId?: string | null;
    complaintId?: string | null;
    signalKey?: string | null;
  },
): Promise<CaseRow> {
  if (!c.summary.trim()) stop('CASE_NEEDS_SUMMARY', 'give the case a summary (案情摘要)', 'summary');
  const [row] = await tx
    .insert(cases)
    .values({
      enterpriseId: c.enterpriseId,
      prefectureCode: c.prefectureCode,
      source: c.source,
      violationTypes: [...new Set(c.violationTypes)],
      summary: c.summary.trim(),
      openedOn: ctx.clock.today(),
      campaignId: c.campaignId ?? null,
      complaintId: c.complaintId ?? null,
      signalKey: c.signalKey ?? null,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  await tx.insert(caseEvents).values({
    caseId: row.id,
    action: 'OPEN_CASE',
    fromStatus: null,
    toStatus: 'OPEN',
    note: `立案（${c.source}）`,
    actor: actorOf(ctx.caller),
    actorRole: ctx.caller.role,
    at: ctx.clock.now(),
  });
  return row;
}

/** Locks a case for the rest of the transaction, checks the caller acts within its 市州 and saw this version. */
export async function lockCase(tx: Tx, ctx: Context, id: string, expectedVersion?: number | null): Promise<CaseRow> {
  const [c] = isUuid(id) ? await tx.select().from(cases).where(eq(cases.id, id)).for('update') : [];
  if (!c) stop('NOT_FOUND', 'no case has that id', 'id');
  stopIf(actRefusal(ctx.caller, c.prefectureCode));
  if (expectedVersion != null && expectedVersion !== c.version) {
    stop(
      'CASE_CHANGED',
      `the case changed since you loaded it (version ${expectedVersion}, now ${c.version}); reload and decide again`,
      'expectedVersion',
    );
  }
  return c;
}

async function findingCount(tx: Tx, caseId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(caseFindings)
    .where(eq(caseFindings.caseId, caseId));
  return row?.n ?? 0;
}

/** Decides an action on a locked case, writes the new state and the history step. */
export async function applyAction(
  tx: Tx,
  ctx: Context,
  c: CaseRow,
  action: CaseAction,
  set: (to: Status, day: string) => Partial<typeof cases.$inferInsert> = () => ({}),
  note: string | null = null,
): Promise<CaseRow> {
  const day = ctx.clock.today();
  const decision = decide(
    { status: c.status, rectificationDueOn: c.rectificationDueOn, findings: await findingCount(tx, c.id) },
    action,
    day,
  );
  if (isRefusal(decision)) stopIf(decision);
  const to = (decision as { to: Status }).to;
  const [updated] = await tx
    .update(cases)
    .set({ ...set(to, day), status: to, version: sql`${cases.version} + 1` })
    .where(eq(cases.id, c.id))
    .returning();
  await tx.insert(caseEvents).values({
    caseId: c.id,
    action: action.kind,
    fromStatus: c.status,
    toStatus: to,
    note,
    actor: actorOf(ctx.caller),
    actorRole: ctx.caller.role,
    at: ctx.clock.now(),
  });
  return updated as CaseRow;
}

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

/** One mutation per case action: lock, check 属地 and version, decide, write, record. */
function caseMutation<A extends Record<string, unknown>>(
  operation: Operation,
  description: string,
  extraArgs: (t: any) => A,
  run: (tx: Tx, ctx: Context, c: CaseRow, args: any) => Promise<CaseRow>,
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
      resolve: (_root: unknown, args: any, ctx: Context) =>
        change(ctx, async (tx) => {
          const c = await lockCase(tx, ctx, String(args.id), args.expectedVersion);
          return { supervisionCase: await run(tx, ctx, c, args) };
        }),
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
      change(ctx, async (tx) => {
        const enterpriseId = String(input.enterpriseId);
        const prefecture = await institutionInReach(tx, ctx.caller, enterpriseId);
        if (!input.violationTypes.length) {
          stop('CASE_NEEDS_VIOLATION', 'name at least one suspected violation', 'violationTypes');
        }
        const campaignId = input.campaignId == null ? null : String(input.campaignId);
        if (input.source === 'RANDOM_INSPECTION' && !campaignId) {
          stop(
            'CAMPAIGN_REQUIRED',
            'a 随机抽查 case names the campaign whose draw picked the institution',
            'campaignId',
          );
        }
        if (campaignId) stopIf(await drawnIn(tx, campaignId, enterpriseId, input.source));
        return {
          supervisionCase: await insertCase(tx, ctx, {
            enterpriseId,
            prefectureCode: prefecture,
            source: input.source,
            violationTypes: input.violationTypes,
            summary: input.summary,
            campaignId,
          }),
        };
      }),
  }),
  startInvestigation: caseMutation(
    'Mutation.startInvestigation',
    '开始调查核实: OPEN → INVESTIGATING.',
    (t) => ({ note: t.arg.string({ required: false, description: '说明' }) }),
    (tx, ctx, c, args) => applyAction(tx, ctx, c, { kind: 'START_INVESTIGATION' }, () => ({}), args.note ?? null),
  )(t),
  recordFinding: caseMutation(
    'Mutation.recordFinding',
    'Records a finding with its evidence; its violation type joins the case’s. An OPEN case starts investigating.',
    (t) => ({ input: t.arg({ type: FindingInput, required: true, description: 'The finding.' }) }),
    async (tx, ctx, c, { input }) => {
      const evidence = (input.evidence as string[]).map((e) => e.trim()).filter(Boolean);
      const updated = await applyAction(
        tx,
        ctx,
        c,
        { kind: 'RECORD_FINDING', description: input.description, evidence },
        () => ({ violationTypes: [...new Set([...c.violationTypes, input.violationType as ViolationValue])] }),
        input.description.trim(),
      );
      await tx.insert(caseFindings).values({
        caseId: c.id,
        violationType: input.violationType,
        description: input.description.trim(),
        evidence,
        recordedBy: actorOf(ctx.caller),
        recordedRole: ctx.caller.role,
      });
      return updated;
    },
  )(t),
  orderRectification: caseMutation(
    'Mutation.orderRectification',
    '责令限期整改: INVESTIGATING → RECTIFICATION_ORDERED with what to rectify and by when; the enterprise is notified.',
    (t) => ({
      requirements: t.arg.string({ required: true, description: '整改要求' }),
      dueOn: t.arg({ type: 'Date', required: true, description: '整改期限 (after today, within a year)' }),
    }),
    (tx, ctx, c, args) => {
      const dueOn = typeof args.dueOn === 'string' ? args.dueOn : (args.dueOn as Date).toISOString().slice(0, 10);
      return applyAction(
        tx,
        ctx,
        c,
        { kind: 'ORDER_RECTIFICATION', requirements: args.requirements, dueOn },
        (_to, day) => ({
          rectificationRequirements: args.requirements.trim(),
          rectificationDueOn: dueOn,
          notifiedOn: c.notifiedOn ?? day,
        }),
        `${args.requirements.trim()}（期限 ${dueOn}）`,
      );
    },
  )(t),
  recordRectification: caseMutation(
    'Mutation.recordRectification',
    '整改到位: the authority verified the rectification on or before the deadline (RECTIFICATION_ORDERED → RECTIFIED).',
    (t) => ({ report: t.arg.string({ required: true, description: '整改情况, as verified' }) }),
    (tx, ctx, c, args) =>
      applyAction(
        tx,
        ctx,
        c,
        { kind: 'RECORD_RECTIFICATION', report: args.report },
        (_to, day) => ({ rectificationReport: args.report.trim(), rectifiedOn: day }),
        args.report.trim(),
      ),
  )(t),
  escalateCase: caseMutation(
    'Mutation.escalateCase',
    '升级处理: after the rectification deadline passed unrectified, or at once for a serious case with findings (问题严重的). The enterprise is notified.',
    (t) => ({ reason: t.arg.string({ required: true, description: '升级理由' }) }),
    (tx, ctx, c, args) =>
      applyAction(
        tx,
        ctx,
        c,
        { kind: 'ESCALATE', reason: args.reason },
        (_to, day) => ({ escalatedOn: day, escalationReason: args.reason.trim(), notifiedOn: c.notifiedOn ?? day }),
        args.reason.trim(),
      ),
  )(t),
  revokeQualification: caseMutation(
    'Mutation.revokeQualification',
    '取消备案资质 on an escalated case: the enterprises domain revokes the filing in the same transaction, so the institution leaves the catalog at once; its certificates are listed for review (certificatesToReview).',
    (t) => ({ reason: t.arg.string({ required: true, description: '取消资质的理由和依据' }) }),
    async (tx, ctx, c, args) => {
      const updated = await applyAction(
        tx,
        ctx,
        c,
        { kind: 'REVOKE_QUALIFICATION', reason: args.reason },
        (_to, day) => ({ revokedOn: day, closedOn: day, notifiedOn: c.notifiedOn ?? day }),
        args.reason.trim(),
      );
      const outcome = await applyQualificationDecision(tx, {
        enterpriseId: c.enterpriseId,
        action: 'REVOKE',
        reference: `case:${c.id}`,
        reason: args.reason.trim(),
        actor: actorOf(ctx.caller),
        actorRole: ctx.caller.role,
        at: ctx.clock.now(),
      });
      if (!outcome.ok) stop(outcome.code, `取消备案资质 refused by the enterprises domain: ${outcome.message}`);
      return updated;
    },
  )(t),
  closeCase: caseMutation(
    'Mutation.closeCase',
    '结案 with its conclusion: an unfounded case (OPEN, INVESTIGATING), a rectified one, or an escalated one decided without revocation.',
    (t) => ({ conclusion: t.arg.string({ required: true, description: '结案意见' }) }),
    (tx, ctx, c, args) =>
      applyAction(
        tx,
        ctx,
        c,
        { kind: 'CLOSE', conclusion: args.conclusion },
        (_to, day) => ({ conclusion: args.conclusion.trim(), closedOn: c.closedOn ?? day }),
        args.conclusion.trim(),
      ),
  )(t),
  transferCase: caseMutation(
    'Mutation.transferCase',
    '移交纪检监察或司法机关 (相关人员或单位涉嫌违纪违法): names the receiving body; possible from any open state and after revocation.',
    (t) => ({
      receivingBody: t.arg.string({ required: true, description: '接收机关' }),
      reason: t.arg.string({ required: true, description: '移交理由 (涉嫌违纪违法的情形)' }),
    }),
    (tx, ctx, c, args) =>
      applyAction(
        tx,
        ctx,
        c,
        { kind: 'TRANSFER', receivingBody: args.receivingBody, reason: args.reason },
        (_to, day) => ({ transferredTo: args.receivingBody.trim(), transferredOn: day, closedOn: c.closedOn ?? day }),
        `移交${args.receivingBody.trim()}：${args.reason.trim()}`,
      ),
  )(t),
}));
