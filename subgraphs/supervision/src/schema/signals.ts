import { isUuid } from '@hub/db';
import { access, forwardConnection, reachesOwner, reachOf } from '@hub/platform';
import DataLoader from 'dataloader';
import { builder, type Context, Prefecture } from '../builder.ts';
import { openCaseFromSignal } from '../commands/open-case-from-signal.ts';
import { casesForSignals, computeSignals } from '../queries/signals.ts';
import { SUPERVISION_READERS } from '../rules/access.ts';
import type { Signal } from '../rules/signals.ts';
import { EnterpriseRef, prefectureFilter, SupervisionCase } from './case.ts';
import { CasePayload } from './case-mutations.ts';
import { ViolationType } from './enums.ts';
import { objects } from './reach.ts';

const RiskSignalKind = builder.enumType('RiskSignalKind', {
  description: '风险信号类型',
  values: {
    OUT_OF_SCOPE_CERTIFICATES: {
      description: '超范围发证: certificates outside the confirmed scope on their issue day',
    },
    HIGH_LEVEL_SHARE: { description: '技师、高级技师占比远高于同职业其他机构' },
    LATE_RESULT_SUBMISSION: { description: '评价结果逾期提交 (公示结束后20个工作日)' },
    SHORT_PUBLICITY: { description: '公示期少于5个自然日' },
    MISSING_EXTERNAL_SUPERVISION: { description: '应派外部质量督导员而无派遣记录即发证' },
    OVERDUE_NATIONAL_UPLOAD: { description: '证书发证后逾期未上报全国证书查询系统 (HUB_NATIONAL_UPLOAD_DAYS)' },
  } as const,
});

const RiskSignal = builder.objectRef<Signal>('RiskSignal').implement({
  description: '风险信号: an anomaly the hub computed from the records, with its explanation in numbers.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key: pass it to openCaseFromSignal.' }),
    kind: t.field({ type: RiskSignalKind, description: '类型', resolve: (s) => s.kind }),
    enterprise: t.field({
      type: EnterpriseRef,
      description: 'The institution.',
      resolve: (s) => ({ id: s.enterpriseId }),
    }),
    prefecture: t.field({ type: Prefecture, description: '属地', resolve: (s) => ({ code: s.prefectureCode }) }),
    planId: t.exposeID('planId', { nullable: true, description: 'The evaluation plan concerned, when one is.' }),
    occupationCode: t.exposeString('occupationCode', { nullable: true, description: '职业（工种）编码' }),
    level: t.exposeInt('level', { nullable: true, description: '等级 1 (一级) … 5 (五级)' }),
    certificates: t.exposeInt('certificates', { nullable: true, description: 'Certificates concerned.' }),
    share: t.exposeFloat('share', { nullable: true, description: '技师+高级技师 share of the institution (0–1).' }),
    peerMedian: t.exposeFloat('peerMedian', { nullable: true, description: 'Median share of its peers (0–1).' }),
    threshold: t.exposeFloat('threshold', { nullable: true, description: 'Share above which the hub warns (0–1).' }),
    peers: t.exposeInt('peers', { nullable: true, description: 'Peers in the same occupation compared.' }),
    deadline: t.exposeString('deadline', { nullable: true, description: '期限 (YYYY-MM-DD)' }),
    submittedOn: t.exposeString('submittedOn', { nullable: true, description: '实际提交日期' }),
    daysLate: t.exposeInt('daysLate', { nullable: true, description: '逾期天数' }),
    publicityDays: t.exposeInt('publicityDays', { nullable: true, description: '公示天数 (natural days)' }),
    suggestedViolation: t.field({
      type: ViolationType,
      description: 'The violation a case on it would name.',
      resolve: (s) => s.suggestedViolation,
    }),
    explanation: t.exposeString('explanation', { description: '说明: why the hub raised it, in numbers.' }),
    openedCase: t.field({
      type: SupervisionCase,
      nullable: true,
      description: 'The case opened on this signal, if any.',
      resolve: async (s, _a, ctx) => (await casesForSignals(ctx.db, [s.key])).get(s.key) ?? null,
    }),
  }),
});

/** A signal: the supervision readers over the 市州 of the records it is about (not the enterprise's today). */
objects.rule(RiskSignal, {
  owner: (s) => ({ enterpriseId: s.enterpriseId, prefectureCode: s.prefectureCode }),
  sees: (caller, owner) =>
    (SUPERVISION_READERS as readonly string[]).includes(caller.role) && owner != null && reachesOwner(caller, owner),
});

/** Signals of many enterprises in one computation per request. */
const perRequest = new WeakMap<object, DataLoader<string, Signal[]>>();
function signalLoader(ctx: Pick<Context, 'db' | 'loaders' | 'clock' | 'nationalUploadDays'>) {
  let loader = perRequest.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader<string, Signal[]>(async (ids) => {
      const valid = ids.filter((id) => isUuid(id));
      const all = valid.length
        ? await computeSignals(ctx.db, {
            enterpriseIds: valid,
            asOf: ctx.clock.today(),
            nationalUploadDays: ctx.nationalUploadDays,
          })
        : [];
      return ids.map((id) => all.filter((s) => s.enterpriseId === id));
    });
    perRequest.set(ctx.loaders, loader);
  }
  return loader;
}

builder.objectField(EnterpriseRef, 'riskSignals', (t) =>
  t.field({
    type: [RiskSignal],
    nullable: true,
    description: '风险信号 of this institution (authorities over its 市州 only), by key.',
    authScopes: { roles: [...SUPERVISION_READERS] },
    resolve: async (e, _a, ctx) => {
      const reach = reachOf(ctx.caller);
      const signals = await signalLoader(ctx).load(e.id);
      return reach.kind === 'prefecture' ? signals.filter((s) => s.prefectureCode === reach.prefecture) : signals;
    },
  }),
);

builder.queryFields((t) => ({
  riskSignals: t.connection({
    type: RiskSignal,
    description: '风险信号 in the caller’s jurisdiction (属地管理), computed now, by key.',
    authScopes: access('Query.riskSignals'),
    args: {
      prefecture: t.arg.string({ required: false, description: 'Only this 市州.' }),
      kind: t.arg({ type: RiskSignalKind, required: false, description: 'Only signals of this kind.' }),
    },
    resolve: async (_root, args, ctx) => {
      const prefecture = prefectureFilter(ctx.caller, args.prefecture);
      // Each signal by the 市州 of its records, before paging: an institution that moved keeps its old signals there.
      const all = (
        await computeSignals(ctx.db, {
          prefecture,
          asOf: ctx.clock.today(),
          nationalUploadDays: ctx.nationalUploadDays,
        })
      ).filter((s) => (!args.kind || s.kind === args.kind) && (!prefecture || s.prefectureCode === prefecture));
      return forwardConnection(
        args,
        (s: Signal) => s.key,
        async (after, limit) => all.filter((s) => !after || s.key > after).slice(0, limit),
      );
    },
  }),
}));

builder.mutationFields((t) => ({
  openCaseFromSignal: t.field({
    type: CasePayload,
    description:
      '一键立案 on a risk signal that still holds (source RISK_SIGNAL): the explanation becomes the summary; one case per signal.',
    authScopes: access('Mutation.openCaseFromSignal'),
    args: { key: t.arg.string({ required: true, description: 'The signal’s key.' }) },
    resolve: (_root, args, ctx) => openCaseFromSignal(ctx, args.key),
  }),
}));
