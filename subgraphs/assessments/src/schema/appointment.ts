import { access, type Refusal } from '@hub/platform';
import { builder } from '../builder.ts';
import { type AppointmentRow, appointTechnician } from '../commands/appoint-technician.ts';
import { destroyPlanRecords } from '../commands/destroy-plan-records.ts';
import { institutionOwner, mayReadInstitution } from '../facts.ts';
import type { PlanRow } from '../loaders.ts';
import { appointmentPages } from '../queries/pages.ts';
import { countedConnection, TOTAL_COUNT_DESCRIPTION, totalOf } from './connection.ts';
import { AppointmentTitle } from './enums.ts';
import { payloadType } from './payload.ts';
import { Worker } from './people.ts';
import { EvaluationPlan } from './plan-refs.ts';
import { objects } from './reach.ts';
import { EnterpriseRef, OccupationRef } from './refs.ts';

const Appointment = builder.objectRef<AppointmentRow>('Appointment').implement({
  description: '评聘: a 特级技师 or 首席技师 post held for a term (岗位聘任制).',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The hub’s id for the appointment.' }),
    title: t.field({ type: AppointmentTitle, description: '聘任岗位', resolve: (a) => a.title }),
    worker: t.field({
      type: Worker,
      description: '受聘人',
      resolve: async (a, _x, ctx) => {
        const w = await ctx.loaders.workerById.load(a.workerId);
        if (!w) throw new Error('worker missing');
        return w;
      },
    }),
    enterprise: t.field({ type: EnterpriseRef, description: '聘任企业', resolve: (a) => ({ id: a.institutionId }) }),
    occupation: t.field({ type: OccupationRef, description: '职业', resolve: (a) => ({ code: a.occupationCode }) }),
    termStartsOn: t.field({ type: 'Date', description: '聘期开始', resolve: (a) => a.termStartsOn }),
    termEndsOn: t.field({ type: 'Date', description: '聘期结束', resolve: (a) => a.termEndsOn }),
    appointedOn: t.field({ type: 'Date', description: '聘任日期', resolve: (a) => a.appointedOn }),
  }),
});

/** A post the enterprise holds for its worker: its record, in its 市州 today. */
objects.rule(Appointment, { owner: (a, ctx) => institutionOwner(ctx, a.institutionId) });

const AppointTechnicianInput = builder.inputType('AppointTechnicianInput', {
  description: '特级技师/首席技师评聘 of one worker.',
  fields: (t) => ({
    workerId: t.id({ required: true, description: '受聘人' }),
    title: t.field({ type: AppointmentTitle, required: true, description: '聘任岗位' }),
    occupationCode: t.field({ type: 'OccupationCode', required: true, description: '职业编码' }),
    termStartsOn: t.field({ type: 'Date', required: true, description: '聘期开始' }),
    termEndsOn: t.field({ type: 'Date', required: true, description: '聘期结束' }),
  }),
});

const AppointPayload = payloadType<{ appointment?: AppointmentRow; errors: Refusal[] }>(
  'AppointTechnicianPayload',
  'The appointment, or why it was refused.',
  (t) => ({
    appointment: t.field({
      type: Appointment,
      nullable: true,
      description: 'The appointment.',
      resolve: (p) => p.appointment ?? null,
    }),
  }),
);

const DestroyPayload = payloadType<{ plan?: PlanRow; errors: Refusal[] }>(
  'DestroyPlanRecordsPayload',
  'The plan with its destruction ledger, or why destruction was refused.',
  (t) => ({
    plan: t.field({ type: EvaluationPlan, nullable: true, description: 'The plan.', resolve: (p) => p.plan ?? null }),
  }),
);

builder.mutationFields((t) => ({
  appointTechnician: t.field({
    type: AppointPayload,
    description:
      '评聘特级技师、首席技师: the enterprise’s own worker holding 一级/高级技师 in the occupation, for a term.',
    authScopes: access('Mutation.appointTechnician'),
    args: { input: t.arg({ type: AppointTechnicianInput, required: true, description: 'The appointment' }) },
    resolve: (_r, { input }, ctx) => appointTechnician(ctx, input),
  }),
  destroyPlanRecords: t.field({
    type: DestroyPayload,
    description:
      '档案销毁: the per-assessor score sheets of a plan are destroyed only after its retention period, with a ledger entry (台账登记). Plan, candidates’ results and certificates remain.',
    authScopes: access('Mutation.destroyPlanRecords'),
    args: {
      planId: t.arg.id({ required: true, description: 'The plan' }),
      entry: t.arg.string({ required: true, description: '台账登记: what is destroyed, how and by whom' }),
    },
    resolve: (_r, args, ctx) => destroyPlanRecords(ctx, args),
  }),
}));

builder.objectFields(EnterpriseRef, (t) => ({
  appointments: t.connection(
    {
      type: Appointment,
      description: '特级技师、首席技师 appointed by this enterprise (the enterprise and the authorities).',
      authScopes: async (e, _a, ctx) => mayReadInstitution(ctx, e.id),
      resolve: (e, args, ctx) => countedConnection(args, (a: AppointmentRow) => a.id, appointmentPages(ctx, e.id)),
    },
    { fields: (c) => ({ totalCount: c.int({ description: TOTAL_COUNT_DESCRIPTION, resolve: totalOf }) }) },
  ),
}));
