import { access, type Refusal } from '@hub/platform';
import { builder } from '../builder.ts';
import { adoptWorkScheme } from '../commands/adopt-work-scheme.ts';
import { institutionOwner, mayReadInstitution } from '../facts.ts';
import { schemeVersions, type WorkSchemeRow } from '../queries/work-scheme.ts';
import { ruleDefaults } from '../rules/defaults.ts';
import type { Method } from '../rules/types.ts';
import { EvaluationMethod } from './enums.ts';
import { payloadType } from './payload.ts';
import { objects } from './reach.ts';
import { EnterpriseRef } from './refs.ts';

const AssessorCount = builder
  .objectRef<{ method: Method; assessors: number; stated: boolean }>('MethodAssessorCount')
  .implement({
    description: '考评员人数 a plan of one 评价方式 needs.',
    fields: (t) => ({
      method: t.field({ type: EvaluationMethod, description: '评价方式', resolve: (c) => c.method }),
      assessors: t.exposeInt('assessors', { description: '考评员人数 (at least)' }),
      stated: t.exposeBoolean('stated', {
        description: 'True when the 工作方案 states it; false for the hub’s default (the 方案 is silent).',
      }),
    }),
  });

const WorkScheme = builder.objectRef<WorkSchemeRow>('WorkScheme').implement({
  description: '工作方案: one version of the institution’s own evaluation scheme.',
  fields: (t) => ({
    version: t.exposeInt('version', { description: '版本, from 1' }),
    title: t.exposeString('title', { description: '方案名称' }),
    adoptedOn: t.field({ type: 'Date', description: '施行日期', resolve: (s) => s.adoptedOn }),
    assessorCounts: t.field({
      type: [AssessorCount],
      description: '考评员人数 per 评价方式: stated by the 方案, or the default where it is silent',
      resolve: (s) =>
        (Object.keys(ruleDefaults.assessors) as Method[]).map((method) => {
          const stated = s.assessorCounts[method];
          return stated != null
            ? { method, assessors: stated, stated: true }
            : { method, assessors: ruleDefaults.assessors[method], stated: false };
        }),
    }),
  }),
});

/** The institution's standing record: it and the authorities over its 市州 today. */
objects.rule(WorkScheme, { owner: (s, ctx) => institutionOwner(ctx, s.institutionId) });

const AssessorCountInput = builder.inputType('MethodAssessorCountInput', {
  description: '考评员人数 the 方案 states for one 评价方式.',
  fields: (t) => ({
    method: t.field({ type: EvaluationMethod, required: true, description: '评价方式' }),
    assessors: t.int({ required: true, description: '考评员人数 (2–15)' }),
  }),
});

const AdoptWorkSchemeInput = builder.inputType('AdoptWorkSchemeInput', {
  description: 'A new version of the institution’s 工作方案, in force from today.',
  fields: (t) => ({
    title: t.string({ required: true, description: '方案名称' }),
    assessorCounts: t.field({
      type: [AssessorCountInput],
      required: true,
      description: '考评员人数 per 评价方式; methods left out keep the default',
    }),
  }),
});

const AdoptPayload = payloadType<{ scheme?: WorkSchemeRow; errors: Refusal[] }>(
  'AdoptWorkSchemePayload',
  'The 工作方案 version adopted, or why not.',
  (t) => ({
    scheme: t.field({
      type: WorkScheme,
      nullable: true,
      description: 'The version.',
      resolve: (p) => p.scheme ?? null,
    }),
  }),
);

builder.mutationFields((t) => ({
  adoptWorkScheme: t.field({
    type: AdoptPayload,
    description:
      '工作方案: adopts a new version, in force from today for plans reported from then on (earlier versions stay on record). A plan needs the 考评员 the 方案 states for its method, the default where it is silent.',
    authScopes: access('Mutation.adoptWorkScheme'),
    args: { input: t.arg({ type: AdoptWorkSchemeInput, required: true, description: 'The 方案' }) },
    resolve: (_r, { input }, ctx) => adoptWorkScheme(ctx, input),
  }),
}));

builder.objectFields(EnterpriseRef, (t) => ({
  workSchemes: t.field({
    type: [WorkScheme],
    description: '工作方案 versions of this institution, newest first (the institution and the authorities).',
    authScopes: async (e, _a, ctx) => mayReadInstitution(ctx, e.id),
    resolve: (e, _a, ctx) => schemeVersions(ctx.db, e.id),
  }),
}));
