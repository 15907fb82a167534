import { access, hubError } from '@hub/platform';
import { builder } from '../builder.ts';
import type { OccupationRow } from '../loaders.ts';
import { occupationPages } from '../queries/occupations.ts';
import { everydayTitlesOf } from '../rules/common-titles.ts';
import { WORK_TYPE_CODE } from '../rules/work-type.ts';
import { countedConnection, TOTAL_COUNT_DESCRIPTION, totalOf } from './connection.ts';
import { Occupation, WorkType } from './refs.ts';

/** The tiers of the dictionary's tree, by their depth (occupations.level: 1 … 4). */
const TIERS = ['MAJOR_GROUP', 'MIDDLE_GROUP', 'MINOR_GROUP', 'OCCUPATION'] as const;
type Tier = (typeof TIERS)[number];
const TIER_NAMES: Record<Tier, string> = {
  MAJOR_GROUP: '大类',
  MIDDLE_GROUP: '中类',
  MINOR_GROUP: '小类',
  OCCUPATION: '职业',
};
const tierOf = (depth: number): Tier => TIERS[depth - 1] ?? 'OCCUPATION';
const depthOf = (tier: Tier) => TIERS.indexOf(tier) + 1;

export const OccupationTier = builder.enumType('OccupationTier', {
  description: 'Where a node stands in the 职业分类大典’s tree: 大类 › 中类 › 小类 › 职业.',
  values: {
    MAJOR_GROUP: { description: '大类 (8), e.g. 6-00-00-00 生产制造及有关人员' },
    MIDDLE_GROUP: { description: '中类, e.g. 6-18-00-00 机械制造基础加工人员' },
    MINOR_GROUP: { description: '小类, e.g. 6-18-01-00 机械冷加工人员' },
    OCCUPATION: { description: '职业, e.g. 6-18-01-01 车工: what is filed, evaluated and certified (with its 工种)' },
  } as const,
});

Occupation.implement({
  description: '职业分类大典 (2022): a node of the occupation dictionary: 大类, 中类, 小类 or 职业.',
  fields: (t) => ({
    code: t.field({ type: 'OccupationCode', description: '职业编码, e.g. 6-18-01-01', resolve: (o) => o.code }),
    // Shareable: the assessments subgraph provides it on 证书查询 (@provides).
    name: t.exposeString('name', { description: '名称 (without the green/digital marks)', shareable: true }),
    tier: t.field({
      type: OccupationTier,
      description: 'Its tier in the tree: 大类, 中类, 小类 or 职业 (not a skill level).',
      resolve: (o) => tierOf(o.level),
    }),
    tierName: t.string({
      description: '大类, 中类, 小类 or 职业',
      resolve: (o) => TIER_NAMES[tierOf(o.level)],
    }),
    isGreen: t.exposeBoolean('isGreen', { description: '绿色职业 (marked L in the dictionary)' }),
    isDigital: t.exposeBoolean('isDigital', { description: '数字职业 (marked S in the dictionary)' }),
    aliases: t.exposeStringList('aliases', { description: 'Other names the dictionary gives (别名).' }),
    everydayTitles: t.stringList({
      description:
        'Titles enterprises give this 职业’s posts (岗位俗称: 塔吊司机, 二保焊工, 总装工 …), from the hub’s own list of the skill 职业; the matcher reads them as names. Empty for a category and for 职业 outside 大类 3–6.',
      resolve: (o) => everydayTitlesOf(o.code),
    }),
    definition: t.exposeString('definition', {
      nullable: true,
      description: '职业定义, when a full dictionary has been imported (`pnpm hub occupations import FILE`).',
    }),
    tasks: t.exposeString('tasks', {
      nullable: true,
      description: '主要工作任务, when a full dictionary has been imported.',
    }),
    parent: t.field({
      type: Occupation,
      nullable: true,
      description: 'The node one tier up; null for a 大类.',
      resolve: (o, _args, ctx) => (o.parentCode ? ctx.loaders.occupationByCode.load(o.parentCode) : null),
    }),
    ancestors: t.field({
      type: [Occupation],
      description: 'The nodes above, nearest first: 小类, 中类, 大类 (as far as they exist).',
      resolve: async (o, _args, ctx) => {
        const out: OccupationRow[] = [];
        for (let p = o.parentCode; p; ) {
          const node = await ctx.loaders.occupationByCode.load(p);
          if (!node) break;
          out.push(node);
          p = node.parentCode;
        }
        return out;
      },
    }),
    children: t.field({
      type: [Occupation],
      description: 'The nodes one tier down, by code.',
      resolve: (o, _args, ctx) => ctx.loaders.childrenOf.load(o.code),
    }),
    workTypes: t.field({
      type: [WorkType],
      description: '工种 under this occupation (a 职业 only), by code.',
      resolve: (o, _args, ctx) => (o.level === 4 ? ctx.loaders.workTypesOf.load(o.code) : []),
    }),
  }),
});

builder.asEntity(Occupation, {
  key: builder.selection<{ code: string }>('code'),
  resolveReference: (ref, ctx) => ctx.loaders.occupationByCode.load(ref.code),
});

builder.queryFields((t) => ({
  occupation: t.field({
    type: Occupation,
    nullable: true,
    description: 'One node of the dictionary by its code; null when there is none (a work-type code: see workType).',
    authScopes: access('Query.occupation'),
    args: { code: t.arg({ type: 'OccupationCode', required: true, description: '职业编码, e.g. 6-18-01-01' }) },
    resolve: (_root, args, ctx) =>
      WORK_TYPE_CODE.test(args.code) ? null : ctx.loaders.occupationByCode.load(args.code),
  }),
  occupations: t.connection(
    {
      type: Occupation,
      description:
        'Browse or search the dictionary: by code; with `search`, by relevance — an exact name, alias or code first, then those beginning with the text, then those containing it, each by code.',
      authScopes: access('Query.occupations'),
      args: {
        search: t.arg.string({
          required: false,
          description: 'Part of a name or an alias, or a code prefix such as 6-18 (at most 50 characters).',
        }),
        parent: t.arg({ type: 'OccupationCode', required: false, description: 'Only the children of this node.' }),
        tier: t.arg({ type: OccupationTier, required: false, description: 'Only the nodes of this tier.' }),
        isSkill: t.arg.boolean({
          required: false,
          description: 'true: skill occupations (技能类职业) only; false: the others only (Occupation.isSkill).',
        }),
      },
      resolve: (_root, args, ctx) => {
        const search = args.search?.trim();
        if (search != null && (search.length === 0 || search.length > 50)) {
          throw hubError('BAD_USER_INPUT', '"search" must be 1–50 characters', { field: 'search' });
        }
        const pages = occupationPages(ctx.db, {
          search,
          parent: args.parent ?? undefined,
          level: args.tier ? depthOf(args.tier) : undefined,
          isSkill: args.isSkill ?? undefined,
        });
        return countedConnection(args, pages.keyOf, pages.page, pages.count);
      },
    },
    { fields: (c) => ({ totalCount: c.int({ description: TOTAL_COUNT_DESCRIPTION, resolve: totalOf }) }) },
  ),
}));
