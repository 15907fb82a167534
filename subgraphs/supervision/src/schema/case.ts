import { cases, keysetPage } from '@hub/db';
import { canReach, forwardConnection, hubError, isPrefectureCode, RECORD_READERS, reachOf } from '@hub/kit';
import { eq, type SQL } from 'drizzle-orm';
import { builder, Prefecture } from '../builder.ts';
import type { CaseRow } from '../loaders.ts';

export const CaseSource = builder.enumType('CaseSource', {
  description: 'How the case came to the authorities.',
  values: {
    RANDOM_INSPECTION: { description: '双随机、一公开 随机抽查' },
    PERIODIC_INSPECTION: { description: '定期检查' },
    SPECIAL_INSPECTION: { description: '专项督查' },
    COMPLAINT: { description: '职工投诉' },
    MEDIA_REPORT: { description: '媒体反映' },
    RISK_SIGNAL: { description: '风险信号 raised by the hub' },
  } as const,
});

export const ViolationType = builder.enumType('ViolationType', {
  description: '违规行为 named by 湘人社发〔2024〕26号 and its 工作指引.',
  values: {
    LOWERED_STANDARDS: { description: '降低标准' },
    DELEGATED_AUTHORITY: { description: '将认定权限授权、委托或转让给其他机构' },
    OUT_OF_SCOPE: { description: '超范围认定' },
    BROKEN_COMMITMENT: { description: '不履行工作承诺' },
    DISHONESTY: { description: '违规失信' },
    UNFAIR_COMPETITION: { description: '恶性竞争' },
    DISORDERLY_MANAGEMENT: { description: '管理失序' },
    IRREGULAR_CERTIFICATES: { description: '违规发放证书' },
  } as const,
});

export const CaseStatus = builder.enumType('CaseStatus', {
  description: 'Where a supervision case stands.',
  values: {
    OPEN: { description: '已立案' },
    INVESTIGATING: { description: '调查核实中' },
    RECTIFICATION_ORDERED: { description: '责令限期整改' },
    CLOSED: { description: '已结案' },
    FILING_REVOKED: { description: '取消备案资质, the enterprise left the catalog' },
    TRANSFERRED: { description: '移交纪检监察或司法机关' },
  } as const,
});

export const EnterpriseRef = builder.objectRef<{ id: string }>('Enterprise');

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
    summary: t.exposeString('summary', { description: '案情摘要' }),
    openedOn: t.field({ type: 'Date', description: '立案日期', resolve: (c) => c.openedOn }),
    rectificationDueOn: t.field({
      type: 'Date',
      nullable: true,
      description: '整改期限, when rectification was ordered',
      resolve: (c) => c.rectificationDueOn,
    }),
    closedOn: t.field({ type: 'Date', nullable: true, description: '结案日期', resolve: (c) => c.closedOn }),
  }),
});

const reachable = (c: CaseRow, caller: Parameters<typeof canReach>[0]) =>
  canReach(caller, { enterpriseId: c.enterpriseId, prefectureCode: c.prefectureCode });

builder.asEntity(SupervisionCase, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: async (ref, ctx) => {
    const c = await ctx.loaders.caseById.load(ref.id);
    return c && reachable(c, ctx.caller) ? c : null;
  },
});

EnterpriseRef.implement({
  description: '企业 (owned by the enterprises subgraph); here: its supervision cases.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The hub’s id for the enterprise.' }),
    supervisionCases: t.connection({
      type: SupervisionCase,
      description: 'Supervision cases concerning this enterprise that the caller may see (属地管理).',
      authScopes: { roles: [...RECORD_READERS] },
      resolve: async (e, args, ctx) =>
        forwardConnection(
          args,
          (c: CaseRow) => c.id,
          async (after, limit) =>
            (await ctx.loaders.casePage(after, limit).load(e.id)).filter((c) => reachable(c, ctx.caller)),
        ),
    }),
  }),
});

builder.asEntity(EnterpriseRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref) => ref,
});

builder.queryFields((t) => ({
  supervisionCase: t.field({
    type: SupervisionCase,
    nullable: true,
    description: 'One case by id, if it lies in the caller’s jurisdiction.',
    authScopes: { roles: [...RECORD_READERS] },
    args: { id: t.arg.id({ required: true, description: 'Case id.' }) },
    resolve: async (_root, args, ctx) => {
      const c = await ctx.loaders.caseById.load(String(args.id));
      return c && reachable(c, ctx.caller) ? c : null;
    },
  }),
  supervisionCases: t.connection({
    type: SupervisionCase,
    description:
      'Cases in the caller’s jurisdiction (an inspector or city centre: its 市州; the province: all), by id.',
    authScopes: { roles: ['city_center', 'province_center', 'ministry', 'inspector', 'admin'] },
    args: {
      prefecture: t.arg.string({ required: false, description: 'Only this 市州 (6-digit code).' }),
      status: t.arg({ type: CaseStatus, required: false, description: 'Only cases in this state.' }),
    },
    resolve: (_root, args, ctx) => {
      if (args.prefecture != null && !isPrefectureCode(args.prefecture)) {
        throw hubError('BAD_USER_INPUT', `"${args.prefecture}" is not one of Hunan's 14 市州 codes`, {
          field: 'prefecture',
        });
      }
      const reach = reachOf(ctx.caller);
      const where: SQL[] = [];
      if (reach.kind === 'prefecture') where.push(eq(cases.prefectureCode, reach.prefecture));
      if (args.prefecture) where.push(eq(cases.prefectureCode, args.prefecture));
      if (args.status) where.push(eq(cases.status, args.status));
      return forwardConnection(
        args,
        (c: CaseRow) => c.id,
        (afterKey, limit) => keysetPage(ctx.db, cases, cases.id, { where, afterKey, limit }),
      );
    },
  }),
}));
