import { decryptResidentId, type workerCredentials } from '@hub/db';
import { access, type Refusal } from '@hub/platform';
import { builder } from '../builder.ts';
import { registerAssessor, registerWorker } from '../commands/register-people.ts';
import { institutionOwner, mayReadInstitution } from '../facts.ts';
import type { AssessorRow, WorkerRow } from '../loaders.ts';
import { assessorPages } from '../queries/pages.ts';
import { countedConnection, TOTAL_COUNT_DESCRIPTION, totalOf } from './connection.ts';
import { SkillLevel, StaffRoleRef as StaffRole } from './enums.ts';
import { payloadType } from './payload.ts';
import { objects } from './reach.ts';
import { EnterpriseRef, OccupationRef } from './refs.ts';

export const CredentialKind = builder.enumType('CredentialKind', {
  description: 'Kind of a certificate declared from elsewhere.',
  values: {
    SKILL_LEVEL_CERTIFICATE: { description: '职业技能等级证书 (issued by another institution)' },
    QUALIFICATION_CERTIFICATE: { description: '职业资格证书 (the older qualification system)' },
  } as const,
});

const Credential = builder.objectRef<typeof workerCredentials.$inferSelect>('DeclaredCredential').implement({
  description: 'A certificate a worker holds from elsewhere (职业技能等级证书 or 职业资格证书), as declared.',
  fields: (t) => ({
    kind: t.field({ type: CredentialKind, description: '证书类别', resolve: (c) => c.kind }),
    occupation: t.field({ type: OccupationRef, description: '职业', resolve: (c) => ({ code: c.occupationCode }) }),
    level: t.field({ type: SkillLevel, description: '等级', resolve: (c) => c.level as 1 | 2 | 3 | 4 | 5 }),
    number: t.exposeString('number', { description: '证书编号' }),
    issuer: t.exposeString('issuer', { description: '发证机构' }),
    issuedOn: t.field({ type: 'Date', description: '发证日期', resolve: (c) => c.issuedOn }),
  }),
});

export const Worker = builder.objectRef<WorkerRow>('Worker').implement({
  description: '职工: a worker an evaluating institution may put forward as a candidate.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The hub’s id for this worker record.' }),
    name: t.exposeString('name', {
      description:
        '姓名 (the record is for its institution and the authorities over its 市州 only; reads are audited).',
    }),
    residentId: t.string({
      description:
        '公民身份号码 (the record is for its institution and the authorities over its 市州 only; reads are audited).',
      resolve: (w) => decryptResidentId(w.residentIdEnc),
    }),
    institution: t.field({
      type: EnterpriseRef,
      description: 'The evaluating institution keeping this record.',
      resolve: (w) => ({ id: w.institutionId }),
    }),
    employerName: t.exposeString('employerName', { description: '用人单位名称' }),
    employerCreditCode: t.field({
      type: 'CreditCode',
      description: '用人单位统一社会信用代码',
      resolve: (w) => w.employerCreditCode,
    }),
    employedSince: t.field({ type: 'Date', description: '入职日期', resolve: (w) => w.employedSince }),
    dispatched: t.exposeBoolean('dispatched', { description: '劳务派遣人员' }),
    declaredCredentials: t.field({
      type: [Credential],
      description: 'Certificates declared from elsewhere (older 职业资格证书 included).',
      resolve: (w, _a, ctx) => ctx.loaders.credentialsByWorker.load(w.id),
    }),
  }),
});

/**
 * A worker record is its institution's, in the 市州 the institution is in today; a plan's candidate
 * shows it to whoever may read the plan (Candidate.worker). Name and resident ID: every read audited.
 */
objects.rule(Worker, {
  owner: (w, ctx) => institutionOwner(ctx, w.institutionId),
  personal: { name: 'name', residentId: 'residentId' },
  subject: (w) => `worker:${w.id}`,
});

export const Assessor = builder.objectRef<AssessorRow>('Assessor').implement({
  description: '考评员, 高级考评员 or 内部质量督导员 of an institution.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The hub’s id for this person.' }),
    name: t.exposeString('name', { description: '姓名' }),
    role: t.field({ type: StaffRole, description: '角色', resolve: (a) => a.role }),
    occupation: t.field({
      type: OccupationRef,
      nullable: true,
      description: 'The occupation they assess; null for any of the institution’s.',
      resolve: (a) => (a.occupationCode ? { code: a.occupationCode } : null),
    }),
  }),
});

/** The institution's team, as it is today; a plan's staff and scores show it to whoever may read the plan. */
objects.rule(Assessor, { owner: (a, ctx) => institutionOwner(ctx, a.institutionId) });

const CredentialInput = builder.inputType('DeclaredCredentialInput', {
  description: 'A certificate from elsewhere, as shown by the worker.',
  fields: (t) => ({
    kind: t.field({ type: CredentialKind, required: true, description: '证书类别' }),
    occupationCode: t.field({ type: 'OccupationCode', required: true, description: '职业编码' }),
    level: t.field({ type: SkillLevel, required: true, description: '等级' }),
    number: t.string({ required: true, description: '证书编号' }),
    issuer: t.string({ required: true, description: '发证机构' }),
    issuedOn: t.field({ type: 'Date', required: true, description: '发证日期' }),
  }),
});

const RegisterWorkerInput = builder.inputType('RegisterWorkerInput', {
  description: '职工信息 as the institution records it.',
  fields: (t) => ({
    name: t.string({ required: true, description: '姓名' }),
    residentId: t.field({ type: 'ResidentId', required: true, description: '公民身份号码' }),
    employerCreditCode: t.field({
      type: 'CreditCode',
      required: false,
      description: '用人单位统一社会信用代码; omit for the institution’s own worker',
    }),
    employerName: t.string({ required: false, description: '用人单位名称; omit for the institution’s own worker' }),
    employedSince: t.field({ type: 'Date', required: true, description: '入职日期' }),
    dispatched: t.boolean({ required: false, description: '劳务派遣人员 (default false)' }),
    declaredCredentials: t.field({
      type: [CredentialInput],
      required: false,
      description: 'Certificates from elsewhere',
    }),
  }),
});

const RegisterWorkerPayload = payloadType<{ worker?: WorkerRow; errors: Refusal[] }>(
  'RegisterWorkerPayload',
  'The worker as recorded, or why not.',
  (t) => ({
    worker: t.field({ type: Worker, nullable: true, description: 'The worker.', resolve: (p) => p.worker ?? null }),
  }),
);

const RegisterAssessorInput = builder.inputType('RegisterAssessorInput', {
  description: 'A member of the institution’s 考评人员 or 督导员 team.',
  fields: (t) => ({
    name: t.string({ required: true, description: '姓名' }),
    role: t.field({ type: StaffRole, required: true, description: '角色' }),
    occupationCode: t.field({ type: 'OccupationCode', required: false, description: 'The occupation they assess' }),
  }),
});

const RegisterAssessorPayload = payloadType<{ assessor?: AssessorRow; errors: Refusal[] }>(
  'RegisterAssessorPayload',
  'The assessor as recorded, or why not.',
  (t) => ({
    assessor: t.field({
      type: Assessor,
      nullable: true,
      description: 'The assessor.',
      resolve: (p) => p.assessor ?? null,
    }),
  }),
);

builder.mutationFields((t) => ({
  registerWorker: t.field({
    type: RegisterWorkerPayload,
    description:
      'Records a worker (职工) the institution may put forward; its own, or a served party’s for a 社会评价组织.',
    authScopes: access('Mutation.registerWorker'),
    args: { input: t.arg({ type: RegisterWorkerInput, required: true, description: 'The worker' }) },
    resolve: (_r, { input }, ctx) => registerWorker(ctx, input),
  }),
  registerAssessor: t.field({
    type: RegisterAssessorPayload,
    description: 'Adds a 考评员, 高级考评员 or 内部质量督导员 to the institution’s team.',
    authScopes: access('Mutation.registerAssessor'),
    args: { input: t.arg({ type: RegisterAssessorInput, required: true, description: 'The person' }) },
    resolve: (_r, { input }, ctx) => registerAssessor(ctx, input),
  }),
}));

builder.queryFields((t) => ({
  worker: t.field({
    type: Worker,
    nullable: true,
    description: 'One worker record, for its institution and the authorities over it.',
    authScopes: access('Query.worker'),
    args: { id: t.arg.id({ required: true, description: 'Worker id' }) },
    resolve: async (_r, args, ctx) => {
      const w = await ctx.loaders.workerById.load(String(args.id));
      return w && (await mayReadInstitution(ctx, w.institutionId)) ? w : null;
    },
  }),
}));

builder.objectFields(EnterpriseRef, (t) => ({
  assessors: t.connection(
    {
      type: Assessor,
      description: '考评人员 and 内部质量督导员 of this institution (the institution and the authorities).',
      authScopes: async (e, _a, ctx) => mayReadInstitution(ctx, e.id),
      resolve: (e, args, ctx) => countedConnection(args, (a: AssessorRow) => a.id, assessorPages(ctx, e.id)),
    },
    { fields: (c) => ({ totalCount: c.int({ description: TOTAL_COUNT_DESCRIPTION, resolve: totalOf }) }) },
  ),
}));
