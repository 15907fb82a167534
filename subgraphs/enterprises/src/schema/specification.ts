import { access, type Refusal } from '@hub/platform';
import { builder, UserError } from '../builder.ts';
import { fileSpecification } from '../commands/file-specification.ts';
import { reviewSpecification } from '../commands/review-specification.ts';
import type { SpecificationRow } from '../loaders.ts';
import { Enterprise } from './enterprise.ts';
import { ReviewDecision, SkillLevel, SpecificationStatus } from './enums.ts';
import { enterpriseOwner, objects } from './reach.ts';

export const EnterpriseSpecification = builder.objectRef<SpecificationRow>('EnterpriseSpecification').implement({
  description:
    '企业评价规范: an enterprise’s own evaluation specification, a basis for its scope once filed and approved (工作指引 一).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Specification id.' }),
    title: t.exposeString('title', { description: '名称' }),
    occupationCode: t.field({ type: 'OccupationCode', description: '职业编码', resolve: (s) => s.occupationCode }),
    workTypeCode: t.field({
      type: 'OccupationCode',
      nullable: true,
      description: '工种编码',
      resolve: (s) => s.workTypeCode,
    }),
    levels: t.field({
      type: [SkillLevel],
      description: '级别 it covers, LEVEL_5 … LEVEL_1: a scope row it backs may name no other',
      resolve: (s) => [...s.levels].sort((a, b) => b - a) as (1 | 2 | 3 | 4 | 5)[],
    }),
    documentReference: t.exposeString('documentReference', { description: 'Where the document is kept.' }),
    status: t.field({ type: SpecificationStatus, description: '审核状态', resolve: (s) => s.status }),
    reviewOpinion: t.exposeString('reviewOpinion', { nullable: true, description: '审核意见' }),
    reviewedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it was reviewed.',
      resolve: (s) => s.reviewedAt,
    }),
  }),
});

/** A specification is its enterprise's, for it and the authorities over the enterprise's 市州. */
objects.rule(EnterpriseSpecification, { owner: (sp, ctx) => enterpriseOwner(ctx, sp.enterpriseId) });

const SpecificationPayload = builder
  .objectRef<{ specification: SpecificationRow | null; errors: Refusal[] }>('SpecificationPayload')
  .implement({
    description: 'The specification after the change, or why it was refused (then nothing changed).',
    fields: (t) => ({
      specification: t.field({
        type: EnterpriseSpecification,
        nullable: true,
        description: 'As it now stands.',
        resolve: (p) => p.specification,
      }),
      errors: t.field({
        type: [UserError],
        description: 'Refusals; empty when the change was made.',
        resolve: (p) => p.errors,
      }),
    }),
  });

builder.mutationFields((t) => ({
  fileSpecification: t.field({
    type: SpecificationPayload,
    description: 'Files a 企业评价规范 with the authorities (报人社部门备案) for review.',
    authScopes: access('Mutation.fileSpecification'),
    args: {
      title: t.arg.string({ required: true, description: '名称' }),
      occupationCode: t.arg({ type: 'OccupationCode', required: true, description: '职业编码' }),
      workTypeCode: t.arg({ type: 'OccupationCode', required: false, description: '工种编码' }),
      levels: t.arg({ type: [SkillLevel], required: true, description: '级别 it covers' }),
      documentReference: t.arg.string({ required: true, description: 'Where the document is kept.' }),
    },
    resolve: async (_root, args, ctx) => {
      const result = await fileSpecification(ctx, args);
      return { specification: result.value, errors: result.errors };
    },
  }),
  reviewSpecification: t.field({
    type: SpecificationPayload,
    description:
      'Approves or rejects a filed 企业评价规范 (the 市州 centre of the enterprise, or the province centre).',
    authScopes: access('Mutation.reviewSpecification'),
    args: {
      id: t.arg.id({ required: true, description: 'Specification id.' }),
      decision: t.arg({ type: ReviewDecision, required: true, description: '同意 or 退回' }),
      opinion: t.arg.string({ required: false, description: '意见; required to reject' }),
    },
    resolve: async (_root, args, ctx) => {
      const result = await reviewSpecification(ctx, { ...args, id: String(args.id) });
      return { specification: result.value, errors: result.errors };
    },
  }),
}));

builder.objectField(Enterprise, 'specifications', (t) =>
  t.field({
    type: [EnterpriseSpecification],
    description: 'Its 企业评价规范, newest first (the enterprise itself and the authorities over it).',
    resolve: (e, _args, ctx) => ctx.loaders.specificationsOf.load(e.id),
  }),
);
