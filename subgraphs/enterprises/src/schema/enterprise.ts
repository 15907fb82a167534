import { access, canReach, forwardConnection, hubError, reachOf } from '@hub/platform';
import { isPrefectureCode } from '@hub/vocabulary';
import { builder, Prefecture } from '../builder.ts';
import type { EnterpriseRow } from '../loaders.ts';
import { enterpriseList } from '../queries/enterprises.ts';
import { TOTAL_COUNT_DESCRIPTION, totalOf, withTotal } from './connection.ts';
import { EnterpriseAffiliation, EnterpriseNature, FilingStatus, QualificationStatus } from './enums.ts';
import { Filing } from './filing.ts';
import { objects } from './reach.ts';

/** 备案申报表 contact fields, with the form's labels. */
const CONTACT_FIELDS = {
  phone: '电话',
  headName: '企业负责人',
  headPhone: '企业负责人联系电话',
  contactName: '联系人',
  contactPhone: '联系人联系电话',
  contactTitle: '联系人职务',
  email: '企业电子邮箱',
} as const;

export const Enterprise = builder.objectRef<EnterpriseRow>('Enterprise').implement({
  description: '企业: an enterprise in Hunan, as in 备案申报表 一、企业基本信息.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The hub’s id for the enterprise.' }),
    creditCode: t.field({ type: 'CreditCode', description: '统一社会信用代码', resolve: (e) => e.creditCode }),
    // Shareable: the assessments subgraph provides it on 证书查询 (@provides).
    name: t.exposeString('name', { description: '企业名称', shareable: true }),
    legalRepresentative: t.exposeString('legalRepresentative', { description: '法定代表人' }),
    address: t.exposeString('address', { description: '企业地址' }),
    registrationAuthority: t.exposeString('registrationAuthority', { description: '注册登记机构' }),
    foundedOn: t.field({ type: 'Date', description: '企业成立时间', resolve: (e) => e.foundedOn }),
    employeeCount: t.exposeInt('employeeCount', { description: '上年度企业在职职工总人数' }),
    skilledWorkerCount: t.exposeInt('skilledWorkerCount', { description: '其中：技能人员总人数' }),
    nature: t.field({ type: EnterpriseNature, description: '企业性质', resolve: (e) => e.nature }),
    mainBusiness: t.exposeString('mainBusiness', { description: '主营业务' }),
    prefecture: t.field({ type: Prefecture, description: '所在市州', resolve: (e) => ({ code: e.prefectureCode }) }),
    affiliation: t.field({
      type: EnterpriseAffiliation,
      description: '隶属: 属地, 省属 or 中央在湘',
      resolve: (e) => e.affiliation,
    }),
    provinceRoute: t.exposeBoolean('provinceRoute', {
      description:
        'Recorded by the province: this 中央在湘企业 may file straight with the province centre (省属企业 may anyway).',
    }),
    institutionCode: t.exposeString('institutionCode', {
      nullable: true,
      description: 'The 6-digit institution code assigned on 备案确认; part of every certificate number it issues.',
    }),
    ...Object.fromEntries(
      Object.entries(CONTACT_FIELDS).map(([name, label]) => [
        name,
        t.exposeString(name as keyof typeof CONTACT_FIELDS, {
          description: `${label} (the enterprise itself and the authorities over it only)`,
        }),
      ]),
    ),
    filingStatus: t.field({
      type: FilingStatus,
      nullable: true,
      description:
        'Status of the enterprise’s current (latest) filing; null if it never filed. Public, like the catalog.',
      resolve: async (e, _args, ctx) => (await ctx.loaders.latestFiling.load(e.id))?.status ?? null,
    }),
    qualificationStatus: t.field({
      type: QualificationStatus,
      description: 'Standing in the 全省技能人才自主评价机构目录 (public).',
      resolve: (e) => e.qualification,
    }),
    filings: t.field({
      type: [Filing],
      description: 'Every filing of the enterprise, newest first (enterprise and authorities only).',
      resolve: (e, _args, ctx) => ctx.loaders.filingsByEnterprise.load(e.id),
    }),
  }),
});

/**
 * An enterprise is public as the catalog shows it (name, codes, 市州, standing); its contacts, its
 * filings and its specifications are for itself and the authorities over its 市州 today. Fields not
 * listed here are refused out of reach (FORBIDDEN, PUBLIC_FACTS_ONLY): a new field is private until
 * someone decides otherwise.
 */
objects.rule(Enterprise, {
  owner: (e) => ({ enterpriseId: e.id, prefectureCode: e.prefectureCode }),
  publicFacts: [
    'id',
    'creditCode',
    'name',
    'legalRepresentative',
    'address',
    'registrationAuthority',
    'foundedOn',
    'employeeCount',
    'skilledWorkerCount',
    'nature',
    'mainBusiness',
    'prefecture',
    'affiliation',
    'provinceRoute',
    'institutionCode',
    'filingStatus',
    'qualificationStatus',
    'catalogEntry',
  ],
});

builder.asEntity(Enterprise, {
  key: [builder.selection<{ id: string }>('id'), builder.selection<{ creditCode: string }>('creditCode')],
  resolveReference: (ref, ctx) =>
    'id' in ref ? ctx.loaders.enterpriseById.load(ref.id) : ctx.loaders.enterpriseByCreditCode.load(ref.creditCode),
});

builder.queryFields((t) => ({
  enterprise: t.field({
    type: Enterprise,
    nullable: true,
    description:
      'One enterprise by id or by 统一社会信用代码 (give exactly one): your own, one in your jurisdiction, or any listed institution. The public uses `catalog`.',
    authScopes: access('Query.enterprise'),
    args: {
      id: t.arg.id({ required: false, description: 'The hub’s enterprise id.' }),
      creditCode: t.arg({ type: 'CreditCode', required: false, description: '统一社会信用代码' }),
    },
    resolve: async (_root, args, ctx) => {
      if ((args.id == null) === (args.creditCode == null)) {
        throw hubError('BAD_USER_INPUT', 'give exactly one of "id" or "creditCode"', { field: 'id' });
      }
      const e =
        args.id != null
          ? await ctx.loaders.enterpriseById.load(String(args.id))
          : await ctx.loaders.enterpriseByCreditCode.load(args.creditCode as string);
      const listed = e?.qualification === 'CONFIRMED' || e?.qualification === 'SUSPENDED';
      return e && (listed || canReach(ctx.caller, { enterpriseId: e.id, prefectureCode: e.prefectureCode })) ? e : null;
    },
  }),
  enterprises: t.connection(
    {
      type: Enterprise,
      description:
        'Enterprises in the caller’s reach, ordered by id: an enterprise its own, a city centre or city inspector its 市州, the province all; filter by 市州.',
      authScopes: access('Query.enterprises'),
      args: {
        prefecture: t.arg.string({ required: false, description: '6-digit 市州 code, e.g. 430100.' }),
      },
      resolve: (_root, args, ctx) => {
        if (args.prefecture != null && !isPrefectureCode(args.prefecture)) {
          throw hubError('BAD_USER_INPUT', `"${args.prefecture}" is not one of Hunan's 14 市州 codes`, {
            field: 'prefecture',
          });
        }
        const list = enterpriseList(ctx.db, reachOf(ctx.caller), args.prefecture);
        return withTotal(
          forwardConnection(args, (e: EnterpriseRow) => e.id, list.page),
          list.count,
        );
      },
    },
    {
      fields: (c) => ({
        totalCount: c.int({ description: TOTAL_COUNT_DESCRIPTION, resolve: totalOf }),
      }),
    },
  ),
}));
