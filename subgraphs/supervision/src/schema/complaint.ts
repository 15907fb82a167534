import { access, forwardConnection, type Refusal, reachesOwner } from '@hub/platform';
import { builder, Prefecture, UserError } from '../builder.ts';
import { openCaseFromComplaint } from '../commands/open-case-from-complaint.ts';
import { recordMediaReport } from '../commands/record-media-report.ts';
import { type Receipt, submitComplaint } from '../commands/submit-complaint.ts';
import { triageComplaint } from '../commands/triage-complaint.ts';
import type { ComplaintRow } from '../loaders.ts';
import { complaintByReceipt, complaintsPage } from '../queries/complaints.ts';
import { handlesComplaint, isSupervisor } from '../rules/access.ts';
import { isOverdue } from '../rules/complaint.ts';
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
    id: t.exposeID('id', { description: 'Complaint id.' }),
    receiptNumber: t.exposeString('receiptNumber', {
      nullable: true,
      description: '受理编号 (TS + yyyymmdd + sequence), as on the complainant’s receipt',
    }),
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
    handlingDueOn: t.field({
      type: 'Date',
      nullable: true,
      description: '办理期限: the day by which it is to be dismissed with reasons or taken up as a case',
      resolve: (c) => c.handlingDueOn,
    }),
    handledOn: t.field({
      type: 'Date',
      nullable: true,
      description: '办结日期: the day it was dismissed or a case was opened on it',
      resolve: (c) => c.handledOn,
    }),
    overdue: t.boolean({
      description: '逾期: still open (received or accepted, no case yet) after its handling day',
      resolve: (c, _a, ctx) => isOverdue(c, ctx.clock.today()),
    }),
    suspectedViolations: t.field({
      type: [ViolationType],
      description: '初步判断涉嫌的违规类型',
      resolve: (c) => c.suspectedViolations,
    }),
    triageNote: t.exposeString('triageNote', { nullable: true, description: '受理意见' }),
  }),
});

const ComplaintReceipt = builder.objectRef<Receipt>('ComplaintReceipt').implement({
  description:
    '投诉回执: what the complainant keeps — the 受理编号 and the 查询码 that together show the complaint’s progress (complaintStatus), nothing of its content.',
  fields: (t) => ({
    reference: t.exposeString('reference', { description: '受理编号 (TS + yyyymmdd + sequence), to read out' }),
    checkCode: t.exposeString('checkCode', {
      description: '查询码: shown this once (the hub keeps only a hash); with the 受理编号 it shows the progress',
    }),
    receivedOn: t.field({ type: 'Date', description: '收到日期', resolve: (r) => r.receivedOn }),
    handlingDueOn: t.field({ type: 'Date', description: '办理期限', resolve: (r) => r.handlingDueOn }),
  }),
});

const ComplaintProgress = builder.objectRef<ComplaintRow>('ComplaintProgress').implement({
  description:
    '投诉进度: what the holder of a receipt may know of their complaint — where it stands and by when — and nothing personal or about the institution.',
  fields: (t) => ({
    receiptNumber: t.string({ description: '受理编号', resolve: (c) => c.receiptNumber ?? '' }),
    status: t.field({ type: ComplaintStatus, description: '处理状态', resolve: (c) => c.status }),
    receivedOn: t.field({ type: 'Date', description: '收到日期', resolve: (c) => c.receivedOn }),
    handlingDueOn: t.field({
      type: 'Date',
      nullable: true,
      description: '办理期限',
      resolve: (c) => c.handlingDueOn,
    }),
    handledOn: t.field({ type: 'Date', nullable: true, description: '办结日期', resolve: (c) => c.handledOn }),
    overdue: t.boolean({
      description: '逾期: still open after its handling day',
      resolve: (c, _a, ctx) => isOverdue(c, ctx.clock.today()),
    }),
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
  .objectRef<{ receipt?: Receipt | null; errors: Refusal[] }>('ComplaintReceiptPayload')
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
      '职工投诉 intake, open to anyone (no sign-in needed): names the institution by its 统一社会信用代码; returns a receipt only — the 受理编号, the 查询码 (shown this once) and the 办理期限.',
    authScopes: access('Mutation.submitComplaint'),
    args: { input: t.arg({ type: ComplaintInput, required: true, description: 'The complaint.' }) },
    resolve: (_root, { input }, ctx) => submitComplaint(ctx, input),
  }),
  recordMediaReport: t.field({
    type: ComplaintPayload,
    description: '媒体反映: an authority over the institution records a media report for triage.',
    authScopes: access('Mutation.recordMediaReport'),
    args: { input: t.arg({ type: MediaReportInput, required: true, description: 'The report.' }) },
    resolve: (_root, { input }, ctx) => recordMediaReport(ctx, { ...input, enterpriseId: String(input.enterpriseId) }),
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
    resolve: (_root, args, ctx) => triageComplaint(ctx, { ...args, id: String(args.id) }),
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
    resolve: (_root, args, ctx) => openCaseFromComplaint(ctx, { ...args, complaintId: String(args.complaintId) }),
  }),
}));

builder.queryFields((t) => ({
  complaints: t.connection({
    type: Complaint,
    description:
      '职工投诉 and 媒体反映 in the caller’s jurisdiction (属地管理), by id; `overdue: true` is the centres’ 逾期 view.',
    authScopes: access('Query.complaints'),
    args: {
      prefecture: t.arg.string({ required: false, description: 'Only this 市州.' }),
      status: t.arg({ type: ComplaintStatus, required: false, description: 'Only complaints in this state.' }),
      overdue: t.arg.boolean({
        required: false,
        description: '逾期 view: true — only those still open after their handling day; false — only the others',
      }),
    },
    resolve: (_root, args, ctx) => {
      const filter = {
        prefecture: prefectureFilter(ctx.caller, args.prefecture),
        status: args.status ?? null,
        overdue: args.overdue ?? null,
        today: ctx.clock.today(),
      };
      return forwardConnection(
        args,
        (c: ComplaintRow) => c.id,
        (afterKey, limit) => complaintsPage(ctx.db, filter, afterKey, limit),
      );
    },
  }),
  complaintStatus: t.field({
    type: ComplaintProgress,
    nullable: true,
    description:
      '投诉进度查询, open to anyone: the progress of one complaint by its 受理编号 and the 查询码 given at intake; null when either is wrong (which one is not said). Budgeted like the other public lookups.',
    authScopes: access('Query.complaintStatus'),
    args: {
      receiptNumber: t.arg.string({ required: true, description: '受理编号, e.g. TS202612070001' }),
      checkCode: t.arg.string({ required: true, description: '查询码, as on the receipt' }),
    },
    resolve: (_root, args, ctx) => complaintByReceipt(ctx.db, args.receiptNumber, args.checkCode),
  }),
}));
