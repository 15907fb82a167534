import { access, type Refusal } from '@hub/platform';
import { builder, UserError } from '../builder.ts';
import { setStandardLevels } from '../commands/set-standard-levels.ts';
import type { OccupationRow } from '../loaders.ts';
import { type SkillRung as Rung, rungOfLevel, SKILL_LADDER } from '../rules/levels.ts';
import { Occupation } from './refs.ts';

export const SkillRung = builder.enumType('SkillRung', {
  description: '职业技能等级: a rung of the eight-level ladder (新八级), 学徒工 to 首席技师.',
  values: {
    APPRENTICE: { description: '学徒工' },
    LEVEL_5: { description: '五级/初级工' },
    LEVEL_4: { description: '四级/中级工' },
    LEVEL_3: { description: '三级/高级工' },
    LEVEL_2: { description: '二级/技师' },
    LEVEL_1: { description: '一级/高级技师' },
    PRINCIPAL_TECHNICIAN: { description: '特级技师 (appointed above 一级)' },
    CHIEF_TECHNICIAN: { description: '首席技师 (appointed above 特级技师)' },
  } as const,
});

const SkillStep = builder.objectRef<(typeof SKILL_LADDER)[number]>('SkillStep').implement({
  description: 'One rung of the eight-level ladder of skill levels (职业技能等级).',
  fields: (t) => ({
    rung: t.field({ type: SkillRung, description: 'The rung.', resolve: (s) => s.rung }),
    name: t.exposeString('name', { description: '名称, e.g. 三级/高级工' }),
    standardLevel: t.int({
      nullable: true,
      description:
        'The level number a national standard uses (5 五级 … 1 一级); null for 学徒工, 特级技师 and 首席技师.',
      resolve: (s) => s.standardLevel,
    }),
    setByNationalStandard: t.boolean({
      description:
        'True for 五级 … 一级, the levels national occupational skill standards define and certificates carry.',
      resolve: (s) => s.standardLevel != null,
    }),
  }),
});

builder.queryFields((t) => ({
  skillLadder: t.field({
    type: [SkillStep],
    description: '职业技能等级: the eight rungs in order, 学徒工 first.',
    authScopes: access('Query.skillLadder'),
    resolve: () => [...SKILL_LADDER],
  }),
}));

builder.objectField(Occupation, 'standardLevels', (t) =>
  t.field({
    type: [SkillRung],
    description:
      'The levels (五级 … 一级) the national occupational skill standard of this occupation defines, 五级 first; all five unless an authority set fewer.',
    resolve: (o) =>
      [...o.standardLevels]
        .sort((a, b) => b - a)
        .map((l) => rungOfLevel(l))
        .filter((r): r is Rung => r != null),
  }),
);

export const OccupationPayload = builder
  .objectRef<{ occupation: OccupationRow | null; errors: Refusal[] }>('OccupationPayload')
  .implement({
    description: 'The occupation after the change, or why it was refused (then nothing changed).',
    fields: (t) => ({
      occupation: t.field({
        type: Occupation,
        nullable: true,
        description: 'As it now stands.',
        resolve: (p) => p.occupation,
      }),
      errors: t.field({
        type: [UserError],
        description: 'Refusals; empty when the change was made.',
        resolve: (p) => p.errors,
      }),
    }),
  });

builder.mutationFields((t) => ({
  setStandardLevels: t.field({
    type: OccupationPayload,
    description:
      'Sets which levels (五级 … 一级) the national standard of an occupation defines, e.g. a standard with 五级 to 三级 only. Province centre and admins only.',
    authScopes: access('Mutation.setStandardLevels'),
    args: {
      occupationCode: t.arg({
        type: 'OccupationCode',
        required: true,
        description: '职业编码 (a 职业, tier OCCUPATION)',
      }),
      levels: t.arg({ type: [SkillRung], required: true, description: 'The levels, LEVEL_5 … LEVEL_1, each once.' }),
    },
    resolve: async (_root, args, ctx) => {
      const result = await setStandardLevels(ctx, args);
      return { occupation: result.value, errors: result.errors };
    },
  }),
}));
