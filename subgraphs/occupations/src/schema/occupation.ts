import { access, forwardConnection, hubError } from '@hub/platform';
import { builder } from '../builder.ts';
import type { OccupationRow } from '../loaders.ts';
import { occupationPages } from '../queries/occupations.ts';
import { WORK_TYPE_CODE } from '../rules/work-type.ts';
import { Occupation, WorkType } from './refs.ts';

const LEVEL_NAMES: Record<number, string> = { 1: '大类', 2: '中类', 3: '小类', 4: '职业' };

Occupation.implement({
  description: '职业分类大典 (2022): a node of the occupation dictionary: 大类, 中类, 小类 or 职业.',
  fields: (t) => ({
    code: t.field({ type: 'OccupationCode', description: '职业编码, e.g. 6-18-01-01', resolve: (o) => o.code }),
    // Shareable: the assessments subgraph provides it on 证书查询 (@provides).
    name: t.exposeString('name', { description: '名称 (without the green/digital marks)', shareable: true }),
    level: t.exposeInt('level', { description: 'Depth in the dictionary: 1 大类, 2 中类, 3 小类, 4 职业.' }),
    levelName: t.string({
      description: '大类, 中类, 小类 or 职业',
      resolve: (o) => LEVEL_NAMES[o.level] ?? String(o.level),
    }),
    isGreen: t.exposeBoolean('isGreen', { description: '绿色职业 (marked L in the dictionary)' }),
    isDigital: t.exposeBoolean('isDigital', { description: '数字职业 (marked S in the dictionary)' }),
    aliases: t.exposeStringList('aliases', { description: 'Other names the dictionary gives (别名).' }),
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
      description: 'The node one level up; null for a 大类.',
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
      description: 'The nodes one level down, by code.',
      resolve: (o, _args, ctx) => ctx.loaders.childrenOf.load(o.code),
    }),
    workTypes: t.field({
      type: [WorkType],
      description: '工种 under this occupation (level 4 only), by code.',
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
  occupations: t.connection({
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
      level: t.arg.int({ required: false, description: '1 大类, 2 中类, 3 小类, 4 职业' }),
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
      if (args.level != null && (args.level < 1 || args.level > 4)) {
        throw hubError('BAD_USER_INPUT', '"level" must be 1 (大类) … 4 (职业)', { field: 'level' });
      }
      const pages = occupationPages(ctx.db, {
        search,
        parent: args.parent ?? undefined,
        level: args.level ?? undefined,
        isSkill: args.isSkill ?? undefined,
      });
      return forwardConnection(args, pages.keyOf, pages.page);
    },
  }),
}));
