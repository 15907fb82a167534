import { complaints, institutionByCreditCode, isUuid, keysetPage, refuseAll } from '@hub/db';
import { access, type Claims, forwardConnection, type Refusal, reachesOwner } from '@hub/platform';
import { eq, type SQL } from 'drizzle-orm';
import { builder, Prefecture, UserError } from '../builder.ts';
import { actorOf, change, dateString, institutionInReach, stop, stopIf, type Tx } from '../change.ts';
import { insertCase } from '../commands/case-steps.ts';
import type { ComplaintRow } from '../loaders.ts';
import { actRefusal, handlesComplaint, isSupervisor } from '../rules/access.ts';
import { intakeRefusals, triage } from '../rules/complaint.ts';
import { isRefusal } from '../rules/workflow.ts';
import { EnterpriseRef, prefectureFilter, SupervisionCase } from './case.ts';
import { CasePayload } from './case-mutations.ts';
import { ViolationType } from './enums.ts';
import { objects } from './reach.ts';

const ComplaintKind = builder.enumType('ComplaintKind', {
  description: '问题来源',
  values: {
    WORKER_COMPLAINT: { description: '职工投诉' },
    MEDIA_REPORT: { description: '媒体反映' },
  } as const,
});

const ComplaintStatus = builder.enumType('ComplaintStatus', {
  description: '投诉处理状态',
  values: {
    RECEIVED: { description: '已收到, awaiting triage' },
    ACCEPTED: { description: '已受理, to be investigated' },
    DISMISSED: { description: '不予受理, with reasons' },
    CONVERTED: { description: '已立案: a case was opened' },
  } as const,
});

const TriageDecision = builder.enumType('TriageDecision', {
  description: '受理决定',
  values: {
    ACCEPT: { description: '受理' },
    DISMISS: { description: '不予受理' },
  } as const,
});

const Complaint = builder.objectRef<ComplaintRow>('Complaint').implement({
  description:
    '职工投诉 or 媒体反映 about an evaluation institution. Who complained is shown to the handling authority only.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Complaint id (the receipt reference).' }),
    kind: t.field({ type: ComplaintKind, description: '来源', resolve: (c) => c.kind }),
    enterprise: t.field({ type: EnterpriseRef, description: '被投诉机构', resolve: (c) => ({ id: c.enterpriseId }) }),
    prefecture: t.field({ type: Prefecture, description: '属地', resolve: (c) => ({ code: c.prefectureCode }) }),
    content: t.exposeString('content', { description: '反映的问题' }),
    complainantName: t.string({
      nullable: true,
      description: '投诉人姓名: the handling authority only; null for anyone else and when anonymous',
      resolve: (c, _a, ctx) => (handlesComplaint(ctx.caller, c.prefectureCode) ? c.complainantName : null),
    }),
    complainantContact: t.string({
      nullable: true,
      description: '投诉人联系方式: the handling authority only',
      resolve: (c, _a, ctx) => (handlesComplaint(ctx.caller, c.prefectureCode) ? c.complainantContact : null),
    }),
    mediaOutlet: t.exposeString('mediaOutlet', { nullable: true, description: '媒体名称' }),
    mediaReference: t.exposeString('mediaReference', { nullable: true, description: '报道出处 (URL or issue)' }),
    publishedOn: t.field({ type: 'Date', nullable: true, description: '报道日期', resolve: (c) => c.publishedOn }),
    receivedOn: t.field({ type: 'Date', description: '收到日期', resolve: (c) => c.receivedOn }),
    status: t.field({ type: ComplaintStatus, description: '处理状态', resolve: (c) => c.status }),
    suspectedViolations: t.field({
      type: [ViolationType],
      description: '初步判断涉嫌的违规类型',
      resolve: (c) => c.suspectedViolations,
    }),
    triageNote: t.exposeString('triageNote', { nullable: true, description: '受理意见' }),
  }),
});

const ComplaintReceipt = builder.objectRef<{ reference: string; receivedOn: string }>('ComplaintReceipt').implement({
  description: '投诉回执: what the complainant keeps. Nothing of the complaint is readable with it.',
  fields: (t) => ({
    reference: t.exposeString('reference', { description: '受理编号' }),
    receivedOn: t.field({ type: 'Date', description: '收到日期', resolve: (r) => r.receivedOn }),
  }),
});

const ComplaintInput = builder.inputType('ComplaintInput', {
  description:
    '职工投诉: anyone may complain about an evaluation institution; name and contact are optional and private.',
  fields: (t) => ({
    institutionCreditCode: t.field({
      type: 'CreditCode',
      required: true,
      description: '被投诉机构的统一社会信用代码 (as the catalog shows it)',
    }),
    content: t.string({ required: true, description: '反映的问题 (10–5000 characters)' }),
    complainantName: t.string({
      required: false,
      description: '投诉人姓名 (optional; seen by the handling authority only)',
    }),
    complainantContact: t.string({
      required: false,
      description: '联系方式: mobile, landline or e-mail (optional; seen by the handling authority only)',
    }),
  }),
});

const MediaReportInput = builder.inputType('MediaReportInput', {
  description: '媒体反映, recorded by an authority.',
  fields: (t) => ({
    enterpriseId: t.id({ required: true, description: 'The institution the report concerns.' }),
    mediaOutlet: t.string({ required: true, description: '媒体名称' }),
    mediaReference: t.string({ required: true, description: '报道出处 (URL or issue)' }),
    publishedOn: t.field({ type: 'Date', required: true, description: '报道日期' }),
    content: t.string({ required: true, description: '反映的问题' }),
  }),
});

const ReceiptPayload = builder
  .objectRef<{ receipt?: { reference: string; receivedOn: string } | null; errors: Refusal[] }>(
    'ComplaintReceiptPayload',
  )
  .implement({
    description: 'The receipt, or why the complaint could not be taken (then nothing was kept).',
    fields: (t) => ({
      receipt: t.field({
        type: ComplaintReceipt,
        nullable: true,
        description: 'The receipt.',
        resolve: (p) => p.receipt ?? null,
      }),
      errors: t.field({ type: [UserError], description: 'Refusals; empty when taken.', resolve: (p) => p.errors }),
    }),
  });

const ComplaintPayload = builder
  .objectRef<{ complaint?: ComplaintRow | null; errors: Refusal[] }>('ComplaintPayload')
  .implement({
    description: 'The complaint after the change, or why it was refused (then nothing changed).',
    fields: (t) => ({
      complaint: t.field({
        type: Complaint,
        nullable: true,
        description: 'The complaint.',
        resolve: (p) => p.complaint ?? null,
      }),
      errors: t.field({ type: [UserError], description: 'Refusals; empty when done.', resolve: (p) => p.errors }),
    }),
  });

/**
 * A complaint: the supervising authorities over its 市州, the ministry and admins — never the
 * enterprise complained about. Who complained is the handling authority's only (its fields);
 * their reads are audited.
 */
objects.rule(Complaint, {
  owner: (c) => ({ enterpriseId: c.enterpriseId, prefectureCode: c.prefectureCode }),
  sees: (caller, owner) =>
    caller.role !== 'enterprise' && caller.role !== 'hr_partner' && owner != null && reachesOwner(caller, owner),
  personal: { complainantName: 'name' },
  subject: (c) => `complaint:${c.id}`,
});

async function lockComplaint(tx: Tx, caller: Claims, id: string) {
  const [c] = isUuid(id) ? await tx.select().from(complaints).where(eq(complaints.id, id)).for('update') : [];
  if (!c) stop('NOT_FOUND', 'no complaint has that id', 'id');
  stopIf(actRefusal(caller, c.prefectureCode, 'this complaint'));
  return c;
}

builder.objectField(SupervisionCase, 'complaint', (t) =>
  t.field({
    type: Complaint,
    nullable: true,
    description: 'The complaint or media report the case came from (authorities only).',
    resolve: async (c, _a, ctx) => {
      if (
        !c.complaintId ||
        (!isSupervisor(ctx.caller) && ctx.caller.role !== 'ministry' && ctx.caller.role !== 'admin')
      )
        return null;
      return ctx.loaders.complaintById.load(c.complaintId);
    },
  }),
);

builder.mutationFields((t) => ({
  submitComplaint: t.field({
    type: ReceiptPayload,
    description:
      '职工投诉 intake, open to anyone (no sign-in needed): names the institution by its 统一社会信用代码; returns a receipt only.',
    authScopes: access('Mutation.submitComplaint'),
    args: { input: t.arg({ type: ComplaintInput, required: true, description: 'The complaint.' }) },
    resolve: (_root, { input }, ctx) =>
      change(ctx, async (tx) => {
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
        const [row] = await tx
          .insert(complaints)
          .values({
            kind: 'WORKER_COMPLAINT',
            enterpriseId: institution.enterpriseId,
            prefectureCode: institution.prefectureCode,
            content: intake.content.trim(),
            complainantName: intake.complainantName,
            complainantContact: intake.complainantContact,
            receivedOn: ctx.clock.today(),
          })
          .returning({ id: complaints.id, receivedOn: complaints.receivedOn });
        return { receipt: { reference: row?.id as string, receivedOn: row?.receivedOn as string } };
      }),
  }),
  recordMediaReport: t.field({
    type: ComplaintPayload,
    description: '媒体反映: an authority over the institution records a media report for triage.',
    authScopes: access('Mutation.recordMediaReport'),
    args: { input: t.arg({ type: MediaReportInput, required: true, description: 'The report.' }) },
    resolve: (_root, { input }, ctx) =>
      change(ctx, async (tx) => {
        const enterpriseId = String(input.enterpriseId);
        const prefecture = await institutionInReach(tx, ctx.caller, enterpriseId);
        if (input.content.trim().length < 10) stop('COMPLAINT_TOO_SHORT', 'describe what was reported', 'content');
        if (!input.mediaOutlet.trim() || !input.mediaReference.trim()) {
          stop('MEDIA_SOURCE_REQUIRED', 'name the outlet and where it was reported', 'mediaOutlet');
        }
        const [row] = await tx
          .insert(complaints)
          .values({
            kind: 'MEDIA_REPORT',
            enterpriseId,
            prefectureCode: prefecture,
            content: input.content.trim(),
            mediaOutlet: input.mediaOutlet.trim(),
            mediaReference: input.mediaReference.trim(),
            publishedOn: dateString(input.publishedOn),
            receivedOn: ctx.clock.today(),
          })
          .returning();
        return { complaint: row };
      }),
  }),
  triageComplaint: t.field({
    type: ComplaintPayload,
    description:
      '受理 or 不予受理 (with reasons) a received complaint or media report: its 市州 authorities or the province.',
    authScopes: access('Mutation.triageComplaint'),
    args: {
      id: t.arg.id({ required: true, description: 'Complaint id.' }),
      decision: t.arg({ type: TriageDecision, required: true, description: '受理决定' }),
      note: t.arg.string({ required: false, description: '受理意见 (required to dismiss)' }),
      suspectedViolations: t.arg({
        type: [ViolationType],
        required: false,
        description: '初步判断涉嫌的违规类型',
      }),
    },
    resolve: (_root, args, ctx) =>
      change(ctx, async (tx) => {
        const c = await lockComplaint(tx, ctx.caller, String(args.id));
        const decision = triage(c.status, args.decision, args.note);
        if (isRefusal(decision)) stopIf(decision);
        const [row] = await tx
          .update(complaints)
          .set({
            status: (decision as { to: ComplaintRow['status'] }).to,
            triageNote: args.note?.trim() || null,
            suspectedViolations: args.suspectedViolations ?? [],
            triagedBy: actorOf(ctx.caller),
            triagedAt: ctx.clock.now(),
          })
          .where(eq(complaints.id, c.id))
          .returning();
        return { complaint: row };
      }),
  }),
  openCaseFromComplaint: t.field({
    type: CasePayload,
    description:
      '立案 on an accepted complaint or media report (source COMPLAINT or MEDIA_REPORT): one case per complaint.',
    authScopes: access('Mutation.openCaseFromComplaint'),
    args: {
      complaintId: t.arg.id({ required: true, description: 'The accepted complaint.' }),
      violationTypes: t.arg({
        type: [ViolationType],
        required: false,
        description: '涉嫌的违规类型 (default: those noted at triage)',
      }),
      summary: t.arg.string({ required: true, description: '案情摘要 (never the complainant’s identity)' }),
    },
    resolve: (_root, args, ctx) =>
      change(ctx, async (tx) => {
        const c = await lockComplaint(tx, ctx.caller, String(args.complaintId));
        if (c.status !== 'ACCEPTED') {
          stop(
            'COMPLAINT_NOT_ACCEPTED',
            `a case opens on an accepted complaint; this one is ${c.status}`,
            'complaintId',
          );
        }
        const types = args.violationTypes?.length ? args.violationTypes : c.suspectedViolations;
        if (!types.length) stop('CASE_NEEDS_VIOLATION', 'name at least one suspected violation', 'violationTypes');
        const opened = await insertCase(tx, ctx, {
          enterpriseId: c.enterpriseId,
          prefectureCode: c.prefectureCode,
          source: c.kind === 'MEDIA_REPORT' ? 'MEDIA_REPORT' : 'COMPLAINT',
          violationTypes: types,
          summary: args.summary,
          complaintId: c.id,
        });
        await tx.update(complaints).set({ status: 'CONVERTED' }).where(eq(complaints.id, c.id));
        return { supervisionCase: opened };
      }),
  }),
}));

builder.queryFields((t) => ({
  complaints: t.connection({
    type: Complaint,
    description: '职工投诉 and 媒体反映 in the caller’s jurisdiction (属地管理), by id.',
    authScopes: access('Query.complaints'),
    args: {
      prefecture: t.arg.string({ required: false, description: 'Only this 市州.' }),
      status: t.arg({ type: ComplaintStatus, required: false, description: 'Only complaints in this state.' }),
    },
    resolve: (_root, args, ctx) => {
      const prefecture = prefectureFilter(ctx.caller, args.prefecture);
      const where: (SQL | undefined)[] = [];
      if (prefecture) where.push(eq(complaints.prefectureCode, prefecture));
      if (args.status) where.push(eq(complaints.status, args.status));
      return forwardConnection(
        args,
        (c: ComplaintRow) => c.id,
        (afterKey, limit) => keysetPage(ctx.db, complaints, complaints.id, { where, afterKey, limit }),
      );
    },
  }),
}));
