import { isUuid } from '@hub/db';
import { access, forwardConnection, hubError, RECORD_READERS, reachOf } from '@hub/platform';
import { isPrefectureCode } from '@hub/vocabulary';
import { builder, Prefecture } from '../builder.ts';
import type { CaseRow, EventRow, FindingRow } from '../loaders.ts';
import { casesPage } from '../queries/cases.ts';
import { caseAccessMessage, isSupervisor, seesCase } from '../rules/access.ts';
import { CaseSource, CaseStatus, ViolationType } from './enums.ts';
import { objects } from './reach.ts';

export const EnterpriseRef = builder.objectRef<{ id: string }>('Enterprise');

export const CaseFinding = builder.objectRef<FindingRow>('CaseFinding').implement({
  description: '调查核实 finding: what was found, under which violation, and the evidence it rests on.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Finding id.' }),
    violationType: t.field({ type: ViolationType, description: '违规类型', resolve: (f) => f.violationType }),
    description: t.exposeString('description', { description: '查实的问题' }),
    evidence: t.exposeStringList('evidence', {
      description: '证据: references to documents, archive numbers, URLs or certificate numbers.',
    }),
    recordedAt: t.field({ type: 'DateTime', description: '记录时间', resolve: (f) => f.recordedAt }),
    recordedBy: t.string({
      nullable: true,
      description: 'Who recorded it (authorities only).',
      resolve: (f, _a, ctx) => (isSupervisor(ctx.caller) || ctx.caller.role === 'ministry' ? f.recordedBy : null),
    }),
  }),
});

export const CaseEvent = builder.objectRef<EventRow>('CaseEvent').implement({
  description: '案件流转记录: one step of a case.',
  fields: (t) => ({
    action: t.exposeString('action', {
      description: 'What was done: OPEN_CASE, START_INVESTIGATION, RECORD_FINDING, ORDER_RECTIFICATION, …',
    }),
    fromStatus: t.field({
      type: CaseStatus,
      nullable: true,
      description: '原状态',
      resolve: (e) => e.fromStatus,
    }),
    toStatus: t.field({ type: CaseStatus, description: '新状态', resolve: (e) => e.toStatus }),
    note: t.exposeString('note', { nullable: true, description: '意见或说明' }),
    actorRole: t.exposeString('actorRole', { description: 'Role of who acted.' }),
    actor: t.string({
      nullable: true,
      description: 'Who acted (authorities only).',
      resolve: (e, _a, ctx) => (isSupervisor(ctx.caller) || ctx.caller.role === 'ministry' ? e.actor : null),
    }),
    at: t.field({ type: 'DateTime', description: '时间', resolve: (e) => e.at }),
  }),
});

export const SupervisionCase = builder.objectRef<CaseRow>('SupervisionCase').implement({
  description: '督导案件: a supervision case against an evaluation institution.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Case id.' }),
    enterprise: t.field({
      type: EnterpriseRef,
      description: 'The institution concerned.',
      resolve: (c) => ({ id: c.enterpriseId }),
    }),
    prefecture: t.field({
      type: Prefecture,
      description: '属地: the 市州 whose authorities handle the case.',
      resolve: (c) => ({ code: c.prefectureCode }),
    }),
    source: t.field({ type: CaseSource, description: '案件来源', resolve: (c) => c.source }),
    violationTypes: t.field({ type: [ViolationType], description: '违规类型', resolve: (c) => c.violationTypes }),
    status: t.field({ type: CaseStatus, description: '状态', resolve: (c) => c.status }),
    version: t.exposeInt('version', { description: 'Bumped by every change; pass it back as expectedVersion.' }),
    summary: t.exposeString('summary', { description: '案情摘要' }),
    openedOn: t.field({ type: 'Date', description: '立案日期', resolve: (c) => c.openedOn }),
    notifiedOn: t.field({
      type: 'Date',
      nullable: true,
      description: '告知企业日期: from this day the enterprise sees the case.',
      resolve: (c) => c.notifiedOn,
    }),
    findings: t.field({
      type: [CaseFinding],
      description: '调查核实 findings with their evidence, in the order recorded.',
      resolve: (c, _a, ctx) => ctx.loaders.findingsByCase.load(c.id),
    }),
    rectificationRequirements: t.exposeString('rectificationRequirements', {
      nullable: true,
      description: '整改要求',
    }),
    rectificationDueOn: t.field({
      type: 'Date',
      nullable: true,
      description: '整改期限, when rectification was ordered',
      resolve: (c) => c.rectificationDueOn,
    }),
    rectificationReport: t.exposeString('rectificationReport', {
      nullable: true,
      description: '整改情况 as verified',
    }),
    rectifiedOn: t.field({ type: 'Date', nullable: true, description: '整改完成日期', resolve: (c) => c.rectifiedOn }),
    escalatedOn: t.field({ type: 'Date', nullable: true, description: '升级处理日期', resolve: (c) => c.escalatedOn }),
    escalationReason: t.exposeString('escalationReason', { nullable: true, description: '升级理由' }),
    revokedOn: t.field({
      type: 'Date',
      nullable: true,
      description: '取消备案资质日期',
      resolve: (c) => c.revokedOn,
    }),
    conclusion: t.exposeString('conclusion', { nullable: true, description: '结案意见' }),
    transferredTo: t.exposeString('transferredTo', {
      nullable: true,
      description: '移交的纪检监察或司法机关 (the receiving body)',
    }),
    transferredOn: t.field({ type: 'Date', nullable: true, description: '移交日期', resolve: (c) => c.transferredOn }),
    closedOn: t.field({
      type: 'Date',
      nullable: true,
      description: '结案日期: the day the case reached its final decision (closed, revoked or transferred)',
      resolve: (c) => c.closedOn,
    }),
    history: t.field({
      type: [CaseEvent],
      description: '流转记录: every step, who (authorities only), when and why.',
      resolve: (c, _a, ctx) => ctx.loaders.eventsByCase.load(c.id),
    }),
  }),
});

const visible = (c: CaseRow, ctx: { caller: Parameters<typeof seesCase>[0] }) => seesCase(ctx.caller, c);

/** A case: the authorities over its 市州 (属地管理); the enterprise itself once notified. */
objects.rule(SupervisionCase, {
  owner: (c) => ({ enterpriseId: c.enterpriseId, prefectureCode: c.prefectureCode }),
  sees: (caller, _owner, c) => seesCase(caller, c),
});

builder.asEntity(SupervisionCase, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async (ref, ctx) => {
    const c = await ctx.loaders.caseById.load(ref.id);
    return c && visible(c, ctx) ? c : null;
  },
});

EnterpriseRef.implement({
  description: '企业 (owned by the enterprises subgraph); here: its supervision cases and risk signals.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The hub’s id for the enterprise.' }),
    supervisionCases: t.connection({
      type: SupervisionCase,
      description:
        'Supervision cases concerning this enterprise that the caller may see (属地管理; the enterprise itself: once notified).',
      authScopes: { roles: [...RECORD_READERS] },
      resolve: async (e, args, ctx) => {
        // Narrowed before the page is cut: a case filtered out afterwards would show in hasNextPage.
        const reach = reachOf(ctx.caller);
        const scope =
          reach.kind === 'all'
            ? 'all'
            : reach.kind === 'prefecture'
              ? reach.prefecture
              : reach.kind === 'enterprise' && reach.enterpriseId === e.id
                ? 'notified'
                : null;
        return forwardConnection(
          args,
          (c: CaseRow) => c.id,
          async (after, limit) => (scope ? await ctx.loaders.casePage(scope)(after, limit).load(e.id) : []),
        );
      },
    }),
  }),
});

builder.asEntity(EnterpriseRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref) => ref,
});

/** Refuses a 市州 filter that is not a 市州, or that lies outside the caller's reach. */
export function prefectureFilter(caller: Parameters<typeof reachOf>[0], prefecture: string | null | undefined) {
  if (prefecture != null && !isPrefectureCode(prefecture)) {
    throw hubError('BAD_USER_INPUT', `"${prefecture}" is not one of Hunan's 14 市州 codes`, { field: 'prefecture' });
  }
  const reach = reachOf(caller);
  if (reach.kind === 'prefecture' && prefecture && prefecture !== reach.prefecture) {
    throw hubError(
      'FORBIDDEN',
      `属地管理: an authority of ${reach.prefecture} sees records of its own 市州 only, not of ${prefecture}`,
      { reason: 'NOT_YOUR_PREFECTURE' },
    );
  }
  return reach.kind === 'prefecture' ? reach.prefecture : (prefecture ?? null);
}

builder.queryFields((t) => ({
  supervisionCase: t.field({
    type: SupervisionCase,
    nullable: true,
    description:
      'One case by id. An authority asking for a case outside its jurisdiction is refused with FORBIDDEN (属地管理); an unknown id — and, for an enterprise, a case it has not been notified of — is null.',
    authScopes: access('Query.supervisionCase'),
    args: { id: t.arg.id({ required: true, description: 'Case id.' }) },
    resolve: async (_root, args, ctx) => {
      const id = String(args.id);
      if (!isUuid(id)) return null;
      const c = await ctx.loaders.caseById.load(id);
      if (!c) return null;
      if (!visible(c, ctx)) {
        // An enterprise must not learn of a case before it is notified: to it, the case does not exist.
        if (reachOf(ctx.caller).kind === 'enterprise') return null;
        throw hubError('FORBIDDEN', caseAccessMessage(ctx.caller, c), { reason: 'NOT_YOUR_PREFECTURE' });
      }
      return c;
    },
  }),
  supervisionCases: t.connection({
    type: SupervisionCase,
    description:
      'Cases in the caller’s jurisdiction (an inspector or city centre: its 市州; the province: all), by id.',
    authScopes: access('Query.supervisionCases'),
    args: {
      prefecture: t.arg.string({ required: false, description: 'Only this 市州 (6-digit code).' }),
      status: t.arg({ type: CaseStatus, required: false, description: 'Only cases in this state.' }),
      source: t.arg({ type: CaseSource, required: false, description: 'Only cases from this source.' }),
      notified: t.arg.boolean({
        required: false,
        description: 'Only cases the enterprise has (or has not) been told of.',
      }),
    },
    resolve: (_root, args, ctx) => {
      const filter = {
        prefecture: prefectureFilter(ctx.caller, args.prefecture),
        status: args.status ?? null,
        source: args.source ?? null,
        notified: args.notified ?? null,
      };
      return forwardConnection(
        args,
        (c: CaseRow) => c.id,
        (afterKey, limit) => casesPage(ctx.db, filter, afterKey, limit),
      );
    },
  }),
}));
