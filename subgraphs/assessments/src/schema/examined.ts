import { access, type Refusal } from '@hub/platform';
import { builder } from '../builder.ts';
import { type ExaminedMaterialRow, recordExaminedMaterial } from '../commands/record-examined.ts';
import { ScorePart, SkillLevel } from './enums.ts';
import { payloadType } from './payload.ts';
import { PlanArchive } from './plan.ts';

const ExaminedMaterialKind = builder.enumType('ExaminedMaterialKind', {
  description: '评价内容的类别: what an evaluation examined with.',
  values: {
    EXAM_PAPER: { description: '试卷: a paper of an exam (考核方式)' },
    ITEM_BANK: { description: '题库: the item bank an exam drew from (考核方式)' },
    EVALUATION_FORM: { description: '评价表: the form of the level a direct recognition (直接认定) uses' },
  } as const,
});

const ExaminedMaterial = builder.objectRef<ExaminedMaterialRow>('ExaminedMaterial').implement({
  description: '评价内容: the paper, item bank or 评价表 a plan used, as kept in its archive (档案).',
  fields: (t) => ({
    kind: t.field({ type: ExaminedMaterialKind, description: '类别', resolve: (m) => m.kind }),
    part: t.field({
      type: ScorePart,
      nullable: true,
      description: 'The part a paper or item bank examined; null for a 评价表.',
      resolve: (m) => m.part,
    }),
    level: t.field({
      type: SkillLevel,
      description: '等级 it served (a 评价表 is made per level)',
      resolve: (m) => m.level as 1 | 2 | 3 | 4 | 5,
    }),
    reference: t.exposeString('reference', { description: '试卷编号、题库名称或评价表编号' }),
    version: t.exposeString('version', { description: '版本' }),
    recordedOn: t.field({ type: 'Date', description: '登记日期', resolve: (m) => m.recordedOn }),
    recordedBy: t.exposeString('recordedBy', { description: 'Who recorded it (role and user).' }),
  }),
});

builder.objectFields(PlanArchive, (t) => ({
  examined: t.field({
    type: [ExaminedMaterial],
    description:
      '评价内容: the papers or item banks of an exam’s parts, or the 评价表 of a direct recognition’s level, as recorded.',
    resolve: (p, _a, ctx) => ctx.loaders.examinedByPlan.load(p.id),
  }),
}));

const RecordExaminedMaterialInput = builder.inputType('RecordExaminedMaterialInput', {
  description: 'What one part of a plan examined with, or the 评价表 of a direct recognition.',
  fields: (t) => ({
    planId: t.id({ required: true, description: 'The plan' }),
    kind: t.field({ type: ExaminedMaterialKind, required: true, description: '类别' }),
    part: t.field({
      type: ScorePart,
      required: false,
      description:
        'For a paper or item bank: the part it examined (THEORY or SKILL, one the method scores); none for a 评价表',
    }),
    reference: t.string({ required: true, description: '试卷编号、题库名称或评价表编号' }),
    version: t.string({ required: true, description: '版本' }),
  }),
});

const RecordExaminedMaterialPayload = payloadType<{ material?: ExaminedMaterialRow; errors: Refusal[] }>(
  'RecordExaminedMaterialPayload',
  'What was recorded, or why not.',
  (t) => ({
    material: t.field({
      type: ExaminedMaterial,
      nullable: true,
      description: 'The record.',
      resolve: (p) => p.material ?? null,
    }),
  }),
);

builder.mutationFields((t) => ({
  recordExaminedMaterial: t.field({
    type: RecordExaminedMaterialPayload,
    description:
      '评价内容: records the paper or item bank (reference and version) an exam part used, or the 评价表 of a direct recognition’s level, into the plan’s archive. Recorded again before the committee review it replaces the entry; the review of an exam (理论、技能操作、一体化、模拟操作) or a direct recognition needs them (REVIEW_EXAMINED_MISSING).',
    authScopes: access('Mutation.recordExaminedMaterial'),
    args: { input: t.arg({ type: RecordExaminedMaterialInput, required: true, description: 'The material' }) },
    resolve: (_r, { input }, ctx) => recordExaminedMaterial(ctx, input),
  }),
}));
