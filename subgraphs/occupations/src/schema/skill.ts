import { access } from '@hub/platform';
import { builder } from '../builder.ts';
import { setSkillMark } from '../commands/set-skill-mark.ts';
import { OccupationPayload } from './levels.ts';
import { Occupation } from './refs.ts';

interface Correction {
  isSkill: boolean;
  reason: string;
  role: string | null;
  at: Date | null;
}

const SkillMarkCorrection = builder.objectRef<Correction>('SkillMarkCorrection').implement({
  description:
    'The province centre’s correction of a 职业’s skill mark (技能类职业), which then no longer follows its 大类.',
  fields: (t) => ({
    isSkill: t.exposeBoolean('isSkill', { description: 'The mark as corrected.' }),
    reason: t.exposeString('reason', { description: '更正理由' }),
    correctedByRole: t.exposeString('role', {
      nullable: true,
      description: 'Which authority corrected it: province_center or admin.',
    }),
    correctedAt: t.field({ type: 'DateTime', nullable: true, description: 'When.', resolve: (c) => c.at }),
  }),
});

builder.objectFields(Occupation, (t) => ({
  isSkill: t.exposeBoolean('isSkill', {
    description:
      '技能类职业 (湘人社发〔2024〕26号 附表备注1): only skill occupations (and their work types) are filed, evaluated and certified. By default a 职业 follows its 大类 — 3 to 6 skill; 1, 2, 7 and 8 not — unless the province centre corrected it (skillMarkCorrection). A category (大类, 中类, 小类) shows its 大类’s default.',
  }),
  skillMarkCorrection: t.field({
    type: SkillMarkCorrection,
    nullable: true,
    description: 'The province centre’s correction of the mark; null while it follows the 大类.',
    resolve: (o) =>
      o.skillOverride == null
        ? null
        : {
            isSkill: o.skillOverride,
            reason: o.skillOverrideReason ?? '',
            role: o.skillOverrideRole,
            at: o.skillOverrideAt,
          },
  }),
}));

builder.mutationFields((t) => ({
  setSkillMark: t.field({
    type: OccupationPayload,
    description:
      '更正技能类标记: the province centre marks one 职业 skill or not skill (技能类职业), against its 大类’s default, with the reason; audited. The matcher, the search and the other domains’ checks follow at once. Province centre and admins only.',
    authScopes: access('Mutation.setSkillMark'),
    args: {
      occupationCode: t.arg({
        type: 'OccupationCode',
        required: true,
        description: '职业编码 (a 职业, tier OCCUPATION)',
      }),
      isSkill: t.arg.boolean({ required: true, description: 'True: a skill occupation (技能类职业).' }),
      reason: t.arg.string({
        required: true,
        description: '更正理由 (2–500 characters), e.g. the standard that says so.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const result = await setSkillMark(ctx, args);
      return { occupation: result.value, errors: result.errors };
    },
  }),
}));
