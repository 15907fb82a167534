import { access, canReach, partOf, type Refusal } from '@hub/platform';
import { builder, UserError } from '../builder.ts';
import { dispatchExternalSupervisors } from '../commands/dispatch-external-supervisors.ts';
import { recordSupervisionFindings } from '../commands/record-supervision-findings.ts';
import type { DispatchRow } from '../loaders.ts';
import { InspectionOutcome } from './enums.ts';
import { Inspector } from './pool.ts';
import { objects } from './reach.ts';

const SupervisorDispatch = builder.objectRef<DispatchRow>('SupervisorDispatch').implement({
  description: '外部质量督导员派遣: who was dispatched to which evaluation plan, by which seed, and what they found.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Dispatch id.' }),
    planId: t.exposeID('planId', { description: 'The evaluation plan (assessments domain).' }),
    supervisor: t.field({
      type: Inspector,
      nullable: true,
      description: '外部质量督导员',
      // Dispatched to this plan: whoever may read the dispatch (the institution included) sees who came.
      resolve: async (d, _a, ctx) => {
        const i = await ctx.loaders.inspectorById.load(d.supervisorId);
        return i && partOf(i, { enterpriseId: d.enterpriseId, prefectureCode: d.prefectureCode });
      },
    }),
    seed: t.exposeString('seed', { description: '随机种子 of the dispatch draw (re-runnable per plan)' }),
    dispatchedAt: t.field({ type: 'DateTime', description: '派遣时间', resolve: (d) => d.dispatchedAt }),
    outcome: t.field({ type: InspectionOutcome, nullable: true, description: '督导结论', resolve: (d) => d.outcome }),
    findings: t.exposeString('findings', { nullable: true, description: '督导意见' }),
    evidence: t.exposeStringList('evidence', { description: '证据 references' }),
  }),
});

/** A dispatch to a plan: the plan's institution and the authorities over the plan's 市州. */
objects.rule(SupervisorDispatch, {
  owner: (d) => ({ enterpriseId: d.enterpriseId, prefectureCode: d.prefectureCode }),
});

const DispatchPayload = builder
  .objectRef<{ dispatches?: DispatchRow[]; errors: Refusal[] }>('SupervisorDispatchPayload')
  .implement({
    description: 'The dispatches made or changed, or why it was refused (then nothing changed).',
    fields: (t) => ({
      dispatches: t.field({
        type: [SupervisorDispatch],
        description: 'The dispatches.',
        resolve: (p) => p.dispatches ?? [],
      }),
      errors: t.field({ type: [UserError], description: 'Refusals; empty when done.', resolve: (p) => p.errors }),
    }),
  });

builder.mutationFields((t) => ({
  dispatchExternalSupervisors: t.field({
    type: DispatchPayload,
    description:
      '随机派遣外部质量督导员 to reported plans (an authority over each plan’s 市州): drawn by a recorded seed, never to their own or a former employer, qualified for the occupation. All plans or none.',
    authScopes: access('Mutation.dispatchExternalSupervisors'),
    args: {
      planIds: t.arg.idList({ required: true, description: 'Reported evaluation plans.' }),
      perPlan: t.arg.int({ required: false, description: 'Supervisors per plan (1–3, default 1).' }),
      seed: t.arg.string({ required: false, description: '随机种子 (recorded); the hub makes one when omitted' }),
    },
    resolve: (_root, args, ctx) => dispatchExternalSupervisors(ctx, { ...args, planIds: args.planIds.map(String) }),
  }),
  recordSupervisionFindings: t.field({
    type: DispatchPayload,
    description:
      '督导意见 of a dispatched external supervisor, recorded by an authority over the plan; attached to the plan.',
    authScopes: access('Mutation.recordSupervisionFindings'),
    args: {
      dispatchId: t.arg.id({ required: true, description: 'Dispatch id.' }),
      outcome: t.arg({ type: InspectionOutcome, required: true, description: '督导结论' }),
      findings: t.arg.string({ required: true, description: '督导意见' }),
      evidence: t.arg.stringList({ required: false, description: '证据 references' }),
    },
    resolve: (_root, args, ctx) => recordSupervisionFindings(ctx, { ...args, dispatchId: String(args.dispatchId) }),
  }),
}));

builder.queryFields((t) => ({
  externalSupervision: t.field({
    type: [SupervisorDispatch],
    description:
      '外部质量督导 of an evaluation plan: the supervisors dispatched and their findings (authorities over its 市州, and the institution itself).',
    authScopes: access('Query.externalSupervision'),
    args: { planId: t.arg.id({ required: true, description: 'The evaluation plan.' }) },
    resolve: async (_root, args, ctx) => {
      const id = String(args.planId);
      const rows = await ctx.loaders.dispatchesByPlan.load(id);
      const first = rows[0];
      if (!first) return [];
      return canReach(ctx.caller, first) ? rows : [];
    },
  }),
}));
