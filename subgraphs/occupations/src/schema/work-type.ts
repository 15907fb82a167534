import { access, type Refusal } from '@hub/platform';
import { builder, UserError } from '../builder.ts';
import { addWorkType } from '../commands/add-work-type.ts';
import type { WorkTypeRow } from '../loaders.ts';
import { WORK_TYPE_CODE } from '../rules/work-type.ts';
import { Occupation, WorkType } from './refs.ts';

WorkType.implement({
  description: '工种: a work type below an occupation, coded by the occupation code plus two digits.',
  fields: (t) => ({
    code: t.field({ type: 'OccupationCode', description: '工种编码, e.g. 6-18-02-04-01', resolve: (w) => w.code }),
    name: t.exposeString('name', { description: '工种名称, e.g. 电焊工' }),
    occupation: t.field({
      type: Occupation,
      description: '所属职业: the occupation (职业) this work type belongs to.',
      resolve: async (w, _args, ctx) => {
        const o = await ctx.loaders.occupationByCode.load(w.occupationCode);
        if (!o) throw new Error(`work type ${w.code} has no occupation ${w.occupationCode}`);
        return o;
      },
    }),
    addedByAuthority: t.boolean({
      description: 'True when an authority added it through the hub; false for the seeded reference work types.',
      resolve: (w) => w.createdBy != null,
    }),
  }),
});

builder.queryFields((t) => ({
  workType: t.field({
    type: WorkType,
    nullable: true,
    description: 'One work type (工种) by its code; null when there is none.',
    authScopes: access('Query.workType'),
    args: { code: t.arg({ type: 'OccupationCode', required: true, description: '工种编码, e.g. 6-18-02-04-01' }) },
    resolve: (_root, args, ctx) => (WORK_TYPE_CODE.test(args.code) ? ctx.loaders.workTypeByCode.load(args.code) : null),
  }),
}));

const WorkTypePayload = builder
  .objectRef<{ workType: WorkTypeRow | null; errors: Refusal[] }>('WorkTypePayload')
  .implement({
    description: 'The work type added, or why it was refused (then nothing changed).',
    fields: (t) => ({
      workType: t.field({
        type: WorkType,
        nullable: true,
        description: 'The new work type.',
        resolve: (p) => p.workType,
      }),
      errors: t.field({
        type: [UserError],
        description: 'Refusals; empty when it was added.',
        resolve: (p) => p.errors,
      }),
    }),
  });

builder.mutationFields((t) => ({
  addWorkType: t.field({
    type: WorkTypePayload,
    description:
      '新增工种: adds a work type under an occupation (职业). Province centre and admins only. Without a code, the next free one is given (occupation code + -NN).',
    authScopes: access('Mutation.addWorkType'),
    args: {
      occupationCode: t.arg({
        type: 'OccupationCode',
        required: true,
        description: '职业编码 of the occupation it belongs to',
      }),
      name: t.arg.string({ required: true, description: '工种名称 (2–30 characters)' }),
      code: t.arg({
        type: 'OccupationCode',
        required: false,
        description: '工种编码 to use (occupation code + two digits); default: the next free one.',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const result = await addWorkType(ctx, args);
      return { workType: result.value, errors: result.errors };
    },
  }),
}));
