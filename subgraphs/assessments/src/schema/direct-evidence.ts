import type { candidateEvidence, reviewDefenceRecords } from '@hub/db';
import { access } from '@hub/platform';
import { builder } from '../builder.ts';
import { recordCandidateEvidence, recordReviewDefence } from '../commands/direct-evidence.ts';
import { assessorOfPlan } from './candidate.ts';
import { Assessor } from './people.ts';
import { CandidatePayload } from './plan-mutations.ts';
import { Candidate } from './plan-refs.ts';

type EvidenceRow = typeof candidateEvidence.$inferSelect;
type ReviewDefenceRow = typeof reviewDefenceRecords.$inferSelect & { planId: string };

const EvidenceKind = builder.enumType('EvidenceKind', {
  description: '直接认定佐证材料的类别.',
  values: {
    ABILITY: { description: '职业能力: evidence of the candidate’s ability' },
    PERFORMANCE: { description: '工作业绩: evidence of the candidate’s achievements at work' },
  } as const,
});

const ReviewDefenceForm = builder.enumType('ReviewDefenceForm', {
  description: '直接认定二级/一级 的现场评审或答辩.',
  values: {
    ON_SITE_REVIEW: { description: '现场评审' },
    DEFENCE: { description: '答辩' },
  } as const,
});

const ReviewDefenceResult = builder.enumType('ReviewDefenceResult', {
  description: '现场评审或答辩的结论.',
  values: {
    PASSED: { description: '通过' },
    FAILED: { description: '未通过: the candidate fails the direct recognition whatever the scores' },
  } as const,
});

const Evidence = builder.objectRef<EvidenceRow>('DirectRecognitionEvidence').implement({
  description: '直接认定佐证材料: one piece of ability or 业绩 evidence, by reference to its attachment.',
  fields: (t) => ({
    kind: t.field({ type: EvidenceKind, description: '类别', resolve: (e) => e.kind }),
    title: t.exposeString('title', { description: '材料名称' }),
    attachment: t.exposeString('attachment', { description: '附件: number, file name or archive location' }),
    recordedOn: t.field({ type: 'Date', description: '登记日期', resolve: (e) => e.recordedOn }),
  }),
});

const ReviewDefence = builder.objectRef<ReviewDefenceRow>('ReviewDefenceRecord').implement({
  description: '现场评审或答辩记录 of a 直接认定二级/一级 candidate: when, before which panel, with what result.',
  fields: (t) => ({
    form: t.field({ type: ReviewDefenceForm, description: '形式', resolve: (r) => r.form }),
    heldOn: t.field({ type: 'Date', description: '日期', resolve: (r) => r.heldOn }),
    panel: t.field({
      type: [Assessor],
      description: '评审/答辩小组: the plan’s assessors on the panel',
      resolve: (r, _a, ctx) => Promise.all(r.panel.map((id) => assessorOfPlan(ctx, id, r.planId))),
    }),
    result: t.field({ type: ReviewDefenceResult, description: '结论', resolve: (r) => r.result }),
    note: t.exposeString('note', { nullable: true, description: '评审意见' }),
    recordedOn: t.field({ type: 'Date', description: '登记日期', resolve: (r) => r.recordedOn }),
    recordedBy: t.exposeString('recordedBy', { description: 'Who recorded it (role and user).' }),
  }),
});

builder.objectFields(Candidate, (t) => ({
  evidence: t.field({
    type: [Evidence],
    description: '直接认定: the candidate’s ability and 业绩 evidence, as last recorded (a pass needs both kinds).',
    resolve: (c, _a, ctx) => ctx.loaders.evidenceByCandidate.load(c.id),
  }),
  reviewDefence: t.field({
    type: ReviewDefence,
    nullable: true,
    description:
      '直接认定二级/一级: the 现场评审或答辩 record (a pass needs one that says PASSED); null until recorded.',
    resolve: async (c, _a, ctx) => {
      const r = await ctx.loaders.reviewDefenceByCandidate.load(c.id);
      return r && { ...r, planId: c.planId };
    },
  }),
}));

const EvidenceInput = builder.inputType('DirectRecognitionEvidenceInput', {
  description: 'One piece of a candidate’s ability or 业绩 evidence.',
  fields: (t) => ({
    kind: t.field({ type: EvidenceKind, required: true, description: '类别' }),
    title: t.string({ required: true, description: '材料名称' }),
    attachment: t.string({ required: true, description: '附件: number, file name or archive location' }),
  }),
});

const RecordReviewDefenceInput = builder.inputType('RecordReviewDefenceInput', {
  description: 'The 现场评审或答辩 of one 直接认定二级/一级 candidate.',
  fields: (t) => ({
    candidateId: t.id({ required: true, description: 'The candidate' }),
    form: t.field({ type: ReviewDefenceForm, required: true, description: '形式' }),
    heldOn: t.field({ type: 'Date', required: true, description: '日期 (from the evaluation day to today)' }),
    panelIds: t.idList({ required: true, description: '评审/答辩小组: at least two of the plan’s assessors' }),
    result: t.field({ type: ReviewDefenceResult, required: true, description: '结论' }),
    note: t.string({ required: false, description: '评审意见' }),
  }),
});

builder.mutationFields((t) => ({
  recordCandidateEvidence: t.field({
    type: CandidatePayload,
    description:
      '直接认定佐证材料: records a candidate’s ability and 业绩 evidence (references to attachments) as a whole list, replacing the last, until the committee review. The review records a pass only with both kinds (DIRECT_RECOGNITION_EVIDENCE_MISSING).',
    authScopes: access('Mutation.recordCandidateEvidence'),
    args: {
      candidateId: t.arg.id({ required: true, description: 'The candidate' }),
      evidence: t.arg({ type: [EvidenceInput], required: true, description: 'The evidence, all of it' }),
    },
    resolve: (_r, args, ctx) => recordCandidateEvidence(ctx, args),
  }),
  recordReviewDefence: t.field({
    type: CandidatePayload,
    description:
      '现场评审或答辩记录 of a 直接认定二级/一级 candidate: the day (from the evaluation day to today), the panel of the plan’s assessors and the result; recorded again before the review it replaces the last. The review records a pass only with a record that says PASSED (DIRECT_RECOGNITION_REVIEW_DEFENCE_RECORD_MISSING); a FAILED record fails the candidate.',
    authScopes: access('Mutation.recordReviewDefence'),
    args: { input: t.arg({ type: RecordReviewDefenceInput, required: true, description: 'The record' }) },
    resolve: (_r, { input }, ctx) => recordReviewDefence(ctx, input),
  }),
}));
