import { dictionaryFacts, enterpriseSpecifications, enterprises, isUuid, refuseAll, transact } from '@hub/db';
import { access, type Refusal, refuse } from '@hub/platform';
import { eq } from 'drizzle-orm';
import { builder, UserError } from '../builder.ts';
import type { SpecificationRow } from '../loaders.ts';
import { scopeRefusals } from '../rules/scope.ts';
import { mayActForEnterprise } from '../rules/workflow.ts';
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
      const enterpriseId = ctx.caller.enterpriseId ?? '';
      const result = await transact(ctx.db, async (tx) => {
        const who = mayActForEnterprise(ctx.caller, enterpriseId);
        if (who) refuseAll([who]);
        const refusals: Refusal[] = [];
        if (!args.title.trim() || args.title.length > 200)
          refusals.push(refuse('INVALID_TITLE', '名称 needs 1–200 characters', 'title'));
        if (!args.documentReference.trim() || args.documentReference.length > 500) {
          refusals.push(
            refuse('INVALID_REFERENCE', 'the document reference needs 1–500 characters', 'documentReference'),
          );
        }
        const dict = await dictionaryFacts(tx, [args.occupationCode]);
        refusals.push(
          ...scopeRefusals(
            [
              {
                occupationCode: args.occupationCode,
                workTypeCode: args.workTypeCode ?? null,
                levels: args.levels,
                basis: 'NATIONAL_STANDARD',
              },
            ],
            enterpriseId,
            dict,
            new Map(),
          ).map((r) => ({ ...r, field: r.field?.replace(/^scope\.0\./, '') ?? null })),
        );
        if (refusals.length) refuseAll(refusals);
        const [row] = await tx
          .insert(enterpriseSpecifications)
          .values({
            enterpriseId,
            title: args.title.trim(),
            occupationCode: args.occupationCode,
            workTypeCode: args.workTypeCode ?? null,
            levels: [...new Set(args.levels)],
            documentReference: args.documentReference,
          })
          .returning();
        return row as SpecificationRow;
      });
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
      const id = String(args.id);
      const result = await transact(ctx.db, async (tx) => {
        const [spec] = isUuid(id)
          ? await tx.select().from(enterpriseSpecifications).where(eq(enterpriseSpecifications.id, id)).for('update')
          : [];
        if (!spec) refuseAll([refuse('NOT_FOUND', 'no such specification', 'id')]);
        const [enterprise] = await tx.select().from(enterprises).where(eq(enterprises.id, spec.enterpriseId));
        if (ctx.caller.role === 'city_center' && enterprise?.prefectureCode !== ctx.caller.prefecture) {
          refuseAll([refuse('NOT_YOUR_PREFECTURE', 'a city centre reviews specifications of its own 市州 only')]);
        }
        if (spec.status !== 'SUBMITTED')
          refuseAll([refuse('SPECIFICATION_WRONG_STATE', `the specification is already ${spec.status}`, 'id')]);
        const opinion = args.opinion?.trim() || null;
        if (args.decision === 'REJECT' && !opinion)
          refuseAll([refuse('REJECTION_NEEDS_REASONS', 'a rejection must give its reasons', 'opinion')]);
        const [row] = await tx
          .update(enterpriseSpecifications)
          .set({
            status: args.decision === 'APPROVE' ? 'APPROVED' : 'REJECTED',
            reviewOpinion: opinion,
            reviewedBy: ctx.caller.sub ?? ctx.caller.role,
            reviewedAt: ctx.clock.now(),
          })
          .where(eq(enterpriseSpecifications.id, id))
          .returning();
        return row as SpecificationRow;
      });
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
