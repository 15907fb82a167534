import { enterprises } from '@hub/db';
import { access, forwardConnection, hubError } from '@hub/platform';
import { isPrefectureCode } from '@hub/vocabulary';
import { builder } from '../builder.ts';
import type { EnterpriseRow } from '../loaders.ts';
import { catalogPage, catalogWhere, LISTED } from '../queries/catalog.ts';
import { countWhere } from '../queries/count.ts';
import { TOTAL_COUNT_DESCRIPTION, totalOf, withTotal } from './connection.ts';

import { Enterprise } from './enterprise.ts';
import { FilingKind, QualificationStatus, SkillLevel } from './enums.ts';
import { ScopeRowType, ServedParty } from './filing.ts';

/** China-time calendar day of an instant. */
const chinaDay = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * One qualification an institution holds (资格类别), with its own filing in force: 「地方行业龙头
 * 企业可另申请备案为社会评价组织」 — an enterprise may hold both, each with its own scope.
 */
const CatalogQualification = builder
  .objectRef<{
    filingId: string;
    enterpriseId: string;
    kind: 'ENTERPRISE_SELF_EVALUATION' | 'SOCIAL_EVALUATION_ORGANIZATION';
  }>('CatalogQualification')
  .implement({
    description:
      '资格类别: one qualification an institution holds — 企业自主评价 or 社会评价组织 — with its own confirmed scope (and, for a 社会评价组织, whom it serves). An enterprise may hold both.',
    fields: (t) => ({
      kind: t.field({ type: FilingKind, description: '资格类别', resolve: (q) => q.kind }),
      confirmedOn: t.field({
        type: 'Date',
        description:
          '人社部备案确认 date (China time) of the filing of this kind in force (its latest 变更备案, if any).',
        resolve: async (q, _args, ctx) => {
          const f = await ctx.loaders.filingById.load(q.filingId);
          return chinaDay(f?.confirmedAt as Date);
        },
      }),
      scope: t.field({
        type: [ScopeRowType],
        description:
          '已备案范围 of this qualification: the occupations (work types) and levels a plan run under it may evaluate.',
        resolve: (q, _args, ctx) => ctx.loaders.scopesOf.load(q.filingId),
      }),
      servedParties: t.field({
        type: [ServedParty],
        description:
          '服务对象 of a 社会评价组织: the enterprises and schools whose workers it may evaluate; empty for 企业自主评价.',
        resolve: (q, _args, ctx) =>
          q.kind === 'SOCIAL_EVALUATION_ORGANIZATION' ? ctx.loaders.servedPartiesOf.load(q.filingId) : [],
      }),
    }),
  });

/** 全省技能人才自主评价机构目录: confirmed (and suspended) institutions; revoked ones leave at once. */
export const CatalogEntry = builder.objectRef<EnterpriseRow>('CatalogEntry').implement({
  description: 'An institution in the 全省技能人才自主评价机构目录, with its confirmed scope.',
  fields: (t) => ({
    enterprise: t.field({ type: Enterprise, description: 'The institution.', resolve: (e) => e }),
    status: t.field({
      type: QualificationStatus,
      description: 'CONFIRMED, or SUSPENDED (listed but may not evaluate: no plans, no certificates).',
      resolve: (e) => e.qualification,
    }),
    suspendedUntil: t.field({
      type: 'Date',
      nullable: true,
      description: '暂停期限: while SUSPENDED, the last day of the suspension period it was given; null otherwise.',
      resolve: (e) => (e.qualification === 'SUSPENDED' ? e.suspendedUntil : null),
    }),
    suspensionReason: t.string({
      nullable: true,
      description: '暂停理由: while SUSPENDED, why (as the centre recorded it); null otherwise.',
      resolve: (e) => (e.qualification === 'SUSPENDED' ? e.suspensionReason : null),
    }),
    kinds: t.field({
      type: [FilingKind],
      description: 'What it is confirmed as: 企业自主评价 and/or 社会评价组织.',
      resolve: async (e, _args, ctx) => (await ctx.loaders.confirmedKinds.load(e.id)).map((k) => k.kind).sort(),
    }),
    qualifications: t.field({
      type: [CatalogQualification],
      description:
        '资格类别: each qualification it holds with its own confirmed scope — 企业自主评价, 社会评价组织, or both (「地方行业龙头企业可另申请备案为社会评价组织」); 企业自主评价 first.',
      resolve: async (e, _args, ctx) =>
        [...(await ctx.loaders.confirmedKinds.load(e.id))].sort((a, b) => a.kind.localeCompare(b.kind)),
    }),
    confirmedOn: t.field({
      type: 'Date',
      description: '人社部备案确认 date (China time).',
      resolve: (e) => chinaDay(e.qualifiedAt as Date),
    }),
    institutionCode: t.exposeString('institutionCode', {
      nullable: true,
      description: 'Its 6-digit institution code.',
    }),
    scope: t.field({
      type: [ScopeRowType],
      description:
        '已备案范围: every occupation (or work type) and level of its confirmed filings, both qualifications together (each on its own: `qualifications`).',
      resolve: (e, _args, ctx) => ctx.loaders.confirmedScope.load(e.id),
    }),
  }),
});

builder.queryFields((t) => ({
  catalog: t.connection(
    {
      type: CatalogEntry,
      description:
        '全省技能人才自主评价机构目录 (public): institutions by 市州, occupation, level, kind, skill mark and status, in a stable order.',
      authScopes: access('Query.catalog'),
      args: {
        prefecture: t.arg.string({ required: false, description: 'Only institutions of this 市州 (6-digit code).' }),
        occupationCode: t.arg({
          type: 'OccupationCode',
          required: false,
          description: 'Only institutions confirmed for this occupation (or work type).',
        }),
        level: t.arg({
          type: SkillLevel,
          required: false,
          description: 'Only institutions confirmed for this level: LEVEL_5 (五级) … LEVEL_1 (一级).',
        }),
        kind: t.arg({ type: FilingKind, required: false, description: 'Only institutions confirmed as this kind.' }),
        skill: t.arg.boolean({
          required: false,
          description:
            '技能类职业 (附表备注1): true, only institutions confirmed for a skill 职业 (or its 工种); false, only those whose confirmed scope still holds a 职业 not marked skill.',
        }),
        status: t.arg({
          type: QualificationStatus,
          required: false,
          description: 'CONFIRMED or SUSPENDED (default: both).',
        }),
      },
      resolve: (_root, args, ctx) => {
        if (args.prefecture != null && !isPrefectureCode(args.prefecture)) {
          throw hubError('BAD_USER_INPUT', `"${args.prefecture}" is not one of Hunan's 14 市州 codes`, {
            field: 'prefecture',
          });
        }
        if (args.status != null && !(LISTED as readonly string[]).includes(args.status)) {
          throw hubError('BAD_USER_INPUT', 'the catalog lists CONFIRMED and SUSPENDED institutions only', {
            field: 'status',
          });
        }
        const today = ctx.clock.today();
        return withTotal(
          forwardConnection(
            args,
            (e: EnterpriseRow) => e.id,
            (afterKey, limit) => catalogPage(ctx.db, args, today, afterKey, limit),
          ),
          () => countWhere(ctx.db, enterprises, catalogWhere(args, today)),
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

builder.objectField(Enterprise, 'catalogEntry', (t) =>
  t.field({
    type: CatalogEntry,
    nullable: true,
    description: 'Its entry in the 全省技能人才自主评价机构目录; null when not listed (never confirmed, or revoked).',
    resolve: (e) => ((LISTED as readonly string[]).includes(e.qualification) && e.qualifiedAt ? e : null),
  }),
);
