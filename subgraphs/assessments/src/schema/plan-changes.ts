import type { planChanges } from '@hub/db';
import { access } from '@hub/platform';
import { builder } from '../builder.ts';
import { cancelPlan, reschedulePlan, withdrawCandidate } from '../commands/plan-changes.ts';
import { replacePlanStaff } from '../commands/replace-staff.ts';
import { assessorOfPlan } from './candidate.ts';
import { Assessor } from './people.ts';
import { CandidatePayload, PlanChangePayload } from './plan-mutations.ts';
import { Candidate, EvaluationPlan } from './plan-refs.ts';

type PlanChangeRow = typeof planChanges.$inferSelect;

const PlanChangeKind = builder.enumType('PlanChangeKind', {
  description: '报备后变更的类别.',
  values: {
    RESCHEDULED: { description: '改期: the evaluation moved to a new date' },
    CANCELLED: { description: '取消: the plan was cancelled' },
    CANDIDATE_WITHDRAWN: { description: '参评人员退出: a candidate was withdrawn' },
    STAFF_REPLACED: { description: '更换考评人员: an assessor or the 内部质量督导员 was replaced' },
  } as const,
});

const PlanChange = builder.objectRef<PlanChangeRow>('PlanChange').implement({
  description: '报备后变更: one change to a reported plan, as the centre reads it in the plan’s history.',
  fields: (t) => ({
    kind: t.field({ type: PlanChangeKind, description: '变更类别', resolve: (c) => c.kind }),
    changedOn: t.field({ type: 'Date', description: '变更日期', resolve: (c) => c.changedOn }),
    changedBy: t.exposeString('changedBy', { description: 'Who made the change (role and user).' }),
    reason: t.exposeString('reason', { description: '变更理由' }),
    previousDate: t.field({
      type: 'Date',
      nullable: true,
      description: '原评价日期 (for a reschedule)',
      resolve: (c) => c.previousDate,
    }),
    newDate: t.field({
      type: 'Date',
      nullable: true,
      description: '新评价日期 (for a reschedule)',
      resolve: (c) => c.newDate,
    }),
    candidate: t.field({
      type: Candidate,
      nullable: true,
      description: 'The candidate withdrawn (for a withdrawal).',
      resolve: (c, _a, ctx) => (c.candidateId ? ctx.loaders.candidateById.load(c.candidateId) : null),
    }),
    replaced: t.field({
      type: Assessor,
      nullable: true,
      description: '被更换人员 (for a replacement): who left the plan’s team; the scores they recorded stay theirs.',
      resolve: (c, _a, ctx) => (c.replacedStaffId ? assessorOfPlan(ctx, c.replacedStaffId, c.planId) : null),
    }),
    replacement: t.field({
      type: Assessor,
      nullable: true,
      description: '替换人员 (for a replacement): who took their place.',
      resolve: (c, _a, ctx) => (c.replacementStaffId ? assessorOfPlan(ctx, c.replacementStaffId, c.planId) : null),
    }),
  }),
});

const Withdrawal = builder.objectRef<{ on: string; reason: string }>('CandidateWithdrawal').implement({
  description: '参评人员退出: when and why a candidate left the plan.',
  fields: (t) => ({
    on: t.field({ type: 'Date', description: '退出日期', resolve: (w) => w.on }),
    reason: t.exposeString('reason', { description: '退出理由' }),
  }),
});

const Cancellation = builder.objectRef<{ on: string; reason: string }>('PlanCancellation').implement({
  description: '取消: when and why the plan was cancelled.',
  fields: (t) => ({
    on: t.field({ type: 'Date', description: '取消日期', resolve: (c) => c.on }),
    reason: t.exposeString('reason', { description: '取消理由' }),
  }),
});

builder.objectFields(EvaluationPlan, (t) => ({
  changes: t.field({
    type: [PlanChange],
    description: '报备后变更: reschedules, the cancellation, withdrawals and replaced team members, oldest first.',
    resolve: (p, _a, ctx) => ctx.loaders.changesByPlan.load(p.id),
  }),
  cancellation: t.field({
    type: Cancellation,
    nullable: true,
    description: '取消: set when the plan was cancelled.',
    resolve: (p) => (p.cancelledOn ? { on: p.cancelledOn, reason: p.cancellationReason ?? '' } : null),
  }),
}));

builder.objectFields(Candidate, (t) => ({
  withdrawal: t.field({
    type: Withdrawal,
    nullable: true,
    description: '退出: set when the candidate was withdrawn; a withdrawn candidate is neither scored nor counted.',
    resolve: (c) => (c.withdrawnOn ? { on: c.withdrawnOn, reason: c.withdrawalReason ?? '' } : null),
  }),
}));

builder.mutationFields((t) => ({
  reschedulePlan: t.field({
    type: PlanChangePayload,
    description:
      '改期: moves a reported plan (not yet scored or reviewed) to a new evaluation date, reported 5 working days ahead of it like a new plan; the centre sees both dates in the plan’s changes.',
    authScopes: access('Mutation.reschedulePlan'),
    args: {
      planId: t.arg.id({ required: true, description: 'The plan' }),
      evaluationDate: t.arg({ type: 'Date', required: true, description: '新评价日期' }),
      reason: t.arg.string({ required: true, description: '改期理由' }),
    },
    resolve: (_r, args, ctx) => reschedulePlan(ctx, args),
  }),
  cancelPlan: t.field({
    type: PlanChangePayload,
    description:
      '取消评价计划, with its reason: refused once results went to the centre or a certificate was issued. Its candidates no longer count in the statistics.',
    authScopes: access('Mutation.cancelPlan'),
    args: {
      planId: t.arg.id({ required: true, description: 'The plan' }),
      reason: t.arg.string({ required: true, description: '取消理由' }),
    },
    resolve: (_r, args, ctx) => cancelPlan(ctx, args),
  }),
  withdrawCandidate: t.field({
    type: CandidatePayload,
    description:
      '参评人员退出, with the reason, before the committee review: the candidacy stays on record but is no longer scored, reviewed or counted.',
    authScopes: access('Mutation.withdrawCandidate'),
    args: {
      candidateId: t.arg.id({ required: true, description: 'The candidate' }),
      reason: t.arg.string({ required: true, description: '退出理由' }),
    },
    resolve: (_r, args, ctx) => withdrawCandidate(ctx, args),
  }),
  replacePlanStaff: t.field({
    type: PlanChangePayload,
    description:
      '更换考评员或内部质量督导员, with the reason, before the committee reviews the results: another of the institution’s 考评员 takes an assessor’s place (a 督导员 a supervisor’s), and the team must still meet the plan’s rules (its 考评员, a 高级考评员 for 二级/一级). The plan’s changes keep who was replaced by whom; scores already recorded stay with their assessor.',
    authScopes: access('Mutation.replacePlanStaff'),
    args: {
      planId: t.arg.id({ required: true, description: 'The plan' }),
      replacedId: t.arg.id({ required: true, description: '被更换人员: the 考评员 or 督导员 leaving the plan' }),
      replacementId: t.arg.id({ required: true, description: '替换人员: who takes their place' }),
      reason: t.arg.string({ required: true, description: '更换理由' }),
    },
    resolve: (_r, args, ctx) => replacePlanStaff(ctx, args),
  }),
}));
