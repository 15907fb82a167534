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
import { ScopeRowType } from './filing.ts';

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
    confirmedOn: t.field({
      type: 'Date',
      description: '人社部备案确认 date (China time).',
      resolve: (e) => new Date((e.qualifiedAt as Date).getTime() + 8 * 3_600_000).toISOString().slice(0, 10),
    }),
    institutionCode: t.exposeString('institutionCode', {
      nullable: true,
      description: 'Its 6-digit institution code.',
    }),
    scope: t.field({
      type: [ScopeRowType],
      description: '已备案范围: every occupation (or work type) and level of its confirmed filings.',
      resolve: (e, _args, ctx) => ctx.loaders.confirmedScope.load(e.id),
    }),
  }),
});

builder.queryFields((t) => ({
  catalog: t.connection(
    {
      type: CatalogEntry,
      description:
        '全省技能人才自主评价机构目录 (public): institutions by 市州, occupation, level, kind and status, in a stable order.',
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
