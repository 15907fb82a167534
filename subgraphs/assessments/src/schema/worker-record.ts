import type { workerRecordChanges } from '@hub/db';
import { access, type Refusal } from '@hub/platform';
import { builder } from '../builder.ts';
import { updateWorkerRecord } from '../commands/worker-record.ts';
import type { WorkerRow } from '../loaders.ts';
import { payloadType } from './payload.ts';
import { Worker } from './people.ts';
import { objects } from './reach.ts';

type WorkerRecordChangeRow = typeof workerRecordChanges.$inferSelect;

const WorkerRecordField = builder.enumType('WorkerRecordField', {
  description: '职工信息中可更正的项目.',
  values: {
    NAME: { description: '姓名 (corrected)' },
    EMPLOYED_SINCE: { description: '入职日期' },
    EMPLOYMENT_ENDED: { description: '离职日期: the end of the employment recorded, corrected or cleared' },
    DISPATCHED: { description: '劳务派遣 (是/否)' },
    EMPLOYER: { description: '用人单位: name and 统一社会信用代码' },
  } as const,
});

const WorkerRecordChange = builder.objectRef<WorkerRecordChangeRow>('WorkerRecordChange').implement({
  description:
    '职工信息变更: one field of a worker record changed — before, after, who, when and why. Never rewritten; no resident ID in it.',
  fields: (t) => ({
    field: t.field({ type: WorkerRecordField, description: '变更项目', resolve: (c) => c.field }),
    previousValue: t.string({
      nullable: true,
      description:
        '原值 (a date, 是/否, 用人单位名称（信用代码）); null when there was none, and for a name (see previousName).',
      resolve: (c) => (c.field === 'NAME' ? null : c.previousValue),
    }),
    newValue: t.string({
      nullable: true,
      description: '新值; null when cleared (an end of employment withdrawn), and for a name (see newName).',
      resolve: (c) => (c.field === 'NAME' ? null : c.newValue),
    }),
    previousName: t.string({
      nullable: true,
      description: '更正前姓名 (a name correction only; personal data, reads are audited).',
      resolve: (c) => (c.field === 'NAME' ? c.previousValue : null),
    }),
    newName: t.string({
      nullable: true,
      description: '更正后姓名 (a name correction only; personal data, reads are audited).',
      resolve: (c) => (c.field === 'NAME' ? c.newValue : null),
    }),
    changedOn: t.field({ type: 'Date', description: '变更日期', resolve: (c) => c.changedOn }),
    changedBy: t.exposeString('changedBy', { description: 'Who made the change (role and user).' }),
    reason: t.exposeString('reason', { description: '变更理由' }),
  }),
});

/**
 * A change is read only through its worker (Worker.recordChanges), whose every field — this one
 * included — resolves for a caller who sees that worker in full; the names in it are personal data,
 * their reads audited like the worker's own name.
 */
objects.rule(WorkerRecordChange, {
  owner: () => null,
  sees: () => true,
  personal: { previousName: 'name', newName: 'name' },
  subject: (c) => `worker:${c.workerId}`,
});

builder.objectFields(Worker, (t) => ({
  employmentEndedOn: t.field({
    type: 'Date',
    nullable: true,
    description:
      '离职日期: the last day of the employment, once ended; not put forward for a plan evaluated after it (earlier results stay).',
    resolve: (w) => w.employmentEndedOn,
  }),
  recordChanges: t.field({
    type: [WorkerRecordChange],
    description: '职工信息变更: corrections and the end of the employment, oldest first, with their reasons.',
    resolve: (w, _a, ctx) => ctx.loaders.recordChangesByWorker.load(w.id),
  }),
}));

const UpdateWorkerRecordInput = builder.inputType('UpdateWorkerRecordInput', {
  description:
    '职工信息变更: the fields to change (leave the others out) and why. The 公民身份号码 is not correctable: a wrong one is a record of someone else.',
  fields: (t) => ({
    workerId: t.id({ required: true, description: 'The worker record' }),
    reason: t.string({ required: true, description: '变更理由 (kept in the history; at least 4 characters)' }),
    name: t.string({
      required: false,
      description: '更正后的姓名; certificates already issued keep the name they were issued under',
    }),
    employedSince: t.field({ type: 'Date', required: false, description: '入职日期 (corrected)' }),
    employmentEndedOn: t.field({
      type: 'Date',
      required: false,
      description: '离职日期: the last day of the employment; an explicit null clears a recorded end',
    }),
    dispatched: t.boolean({ required: false, description: '劳务派遣人员' }),
    employerCreditCode: t.field({
      type: 'CreditCode',
      required: false,
      description: '用人单位统一社会信用代码 (with employerName)',
    }),
    employerName: t.string({ required: false, description: '用人单位名称 (with employerCreditCode)' }),
  }),
});

const UpdateWorkerRecordPayload = payloadType<{ worker?: WorkerRow; errors: Refusal[] }>(
  'UpdateWorkerRecordPayload',
  'The worker record after the change, or why it was refused.',
  (t) => ({
    worker: t.field({ type: Worker, nullable: true, description: 'The worker.', resolve: (p) => p.worker ?? null }),
  }),
);

builder.mutationFields((t) => ({
  updateWorkerRecord: t.field({
    type: UpdateWorkerRecordPayload,
    description:
      '职工信息变更: corrects a worker record (姓名, 入职日期, 劳务派遣, 用人单位) or records the end of the employment (离职), with the reason; every field changed goes into the record’s history. A worker whose employment ended is not put forward for a plan evaluated after it (CANDIDATE_EMPLOYMENT_ENDED).',
    authScopes: access('Mutation.updateWorkerRecord'),
    args: { input: t.arg({ type: UpdateWorkerRecordInput, required: true, description: 'The change' }) },
    resolve: (_r, { input }, ctx) => updateWorkerRecord(ctx, input),
  }),
}));
