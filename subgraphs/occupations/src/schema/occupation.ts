import { keysetPage, occupations } from '@hub/db';
import { forwardConnection, hubError, OCCUPATION_CODE } from '@hub/kit';
import { arrayContains, eq, ilike, or, type SQL } from 'drizzle-orm';
import { builder } from '../builder.ts';
import type { OccupationRow, WorkTypeRow } from '../loaders.ts';

const LEVEL_NAMES: Record<number, string> = { 1: '大类', 2: '中类', 3: '小类', 4: '职业' };

export const WorkType = builder.objectRef<WorkTypeRow>('WorkType').implement({
  description: '工种: a work type below an occupation, coded by the occupation code plus two digits.',
  fields: (t) => ({
    code: t.field({ type: 'OccupationCode', description: '工种编码, e.g. 6-18-01-01-01', resolve: (w) => w.code }),
    name: t.exposeString('name', { description: '工种名称' }),
  }),
});

export const Occupation = builder.objectRef<OccupationRow>('Occupation');

Occupation.implement({
  description: '职业分类大典 (2022): a node of the occupation dictionary: 大类, 中类, 小类 or 职业.',
  fields: (t) => ({
    code: t.field({ type: 'OccupationCode', description: '职业编码, e.g. 6-18-01-01', resolve: (o) => o.code }),
    name: t.exposeString('name', { description: '名称 (without the green/digital marks)' }),
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
      description: '职业定义, when a full dictionary has been imported.',
    }),
    parent: t.field({
      type: Occupation,
      nullable: true,
      description: 'The node one level up; null for a 大类.',
      resolve: (o, _args, ctx) => (o.parentCode ? ctx.loaders.occupationByCode.load(o.parentCode) : null),
    }),
    children: t.field({
      type: [Occupation],
      description: 'The nodes one level down, by code.',
      resolve: (o, _args, ctx) => ctx.loaders.childrenOf.load(o.code),
    }),
    workTypes: t.field({
      type: [WorkType],
      description: '工种 under this occupation (level 4 only).',
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
    description: 'One node of the dictionary by its code.',
    args: { code: t.arg({ type: 'OccupationCode', required: true, description: '职业编码, e.g. 6-18-01-01' }) },
    resolve: (_root, args, ctx) => ctx.loaders.occupationByCode.load(args.code),
  }),
  occupations: t.connection({
    type: Occupation,
    description: 'Browse or search the dictionary, ordered by code.',
    args: {
      search: t.arg.string({
        required: false,
        description: 'Part of a name, an alias, or a code prefix (at most 50 characters).',
      }),
      parent: t.arg({ type: 'OccupationCode', required: false, description: 'Only the children of this node.' }),
      level: t.arg.int({ required: false, description: '1 大类, 2 中类, 3 小类, 4 职业' }),
    },
    resolve: (_root, args, ctx) => {
      const search = args.search?.trim();
      if (search != null && (search.length === 0 || search.length > 50)) {
        throw hubError('BAD_USER_INPUT', '"search" must be 1–50 characters', { field: 'search' });
      }
      if (args.level != null && (args.level < 1 || args.level > 4)) {
        throw hubError('BAD_USER_INPUT', '"level" must be 1 (大类) … 4 (职业)', { field: 'level' });
      }
      return forwardConnection(
        args,
        (o: OccupationRow) => o.code,
        (afterKey, limit) => {
          const where: (SQL | undefined)[] = [];
          if (search) {
            const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
            where.push(
              or(
                ilike(occupations.name, like),
                arrayContains(occupations.aliases, [search]),
                OCCUPATION_CODE.test(search) || /^[\d-]+$/.test(search)
                  ? ilike(occupations.code, `${search}%`)
                  : undefined,
              ),
            );
          }
          if (args.parent) where.push(eq(occupations.parentCode, args.parent));
          if (args.level != null) where.push(eq(occupations.level, args.level));
          return keysetPage(ctx.db, occupations, occupations.code, { where, afterKey, limit });
        },
      );
    },
  }),
}));
