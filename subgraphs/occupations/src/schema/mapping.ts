import { access, canReach, hubError, type Owner, type Refusal, reachesOwner, reachOf } from '@hub/platform';
import { builder, type Context, UserError } from '../builder.ts';
import { proposeMapping } from '../commands/propose-mapping.ts';
import { reviewMapping } from '../commands/review-mapping.ts';
import { type JobRoleMappingRow, UUID } from '../loaders.ts';
import { mappingList } from '../queries/mappings.ts';
import { countedConnection, TOTAL_COUNT_DESCRIPTION, totalOf } from './connection.ts';
import { objects } from './reach.ts';
import { EnterpriseRef, Occupation, WorkType } from './refs.ts';

export const JobRoleMappingStatus = builder.enumType('JobRoleMappingStatus', {
  description: 'Where a job-role mapping stands.',
  values: {
    PROPOSED: { description: '已提出: proposed by the enterprise, awaiting a centre’s review' },
    CONFIRMED: {
      description: '已确认: confirmed by a city or province centre; usable in filings and fed to the matcher',
    },
    REJECTED: { description: '已驳回: rejected by a centre, with the reason' },
  } as const,
});

/** True when the caller may see mappings of this enterprise (the enterprise itself, or an authority over its 市州). */
async function mayRead(enterpriseId: string | null, ctx: Context): Promise<boolean> {
  // A province-wide mapping (省级岗位对照表) is reference data: every reader of records may read it.
  if (enterpriseId === null) return reachOf(ctx.caller).kind !== 'none';
  const prefectureCode = (await ctx.loaders.prefectureOf.load(enterpriseId)) ?? '';
  return canReach(ctx.caller, { enterpriseId, prefectureCode });
}

export const JobRoleMapping = builder.objectRef<JobRoleMappingRow>('JobRoleMapping').implement({
  description:
    '岗位映射 (相邻相近原则): an enterprise’s job role that the dictionary lacks, mapped to the nearest occupation or work type; proposed by the enterprise, confirmed or rejected by a city or province centre.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Mapping id.' }),
    enterprise: t.field({
      type: EnterpriseRef,
      nullable: true,
      description:
        '提出映射的企业; null for a mapping of the province-wide table (省级岗位对照表, loaded by `pnpm hub mappings import`)',
      resolve: (m) => (m.enterpriseId ? { id: m.enterpriseId } : null),
    }),
    roleName: t.exposeString('roleName', { description: '企业岗位名称, e.g. 锂电池极片制片工' }),
    roleDescription: t.exposeString('roleDescription', {
      nullable: true,
      description: '岗位描述: what the role does.',
    }),
    occupation: t.field({
      type: Occupation,
      description: '对应职业 (tier OCCUPATION)',
      resolve: async (m, _args, ctx) => {
        const o = await ctx.loaders.occupationByCode.load(m.occupationCode);
        if (!o) throw new Error(`mapping ${m.id} points at a missing occupation`);
        return o;
      },
    }),
    workType: t.field({
      type: WorkType,
      nullable: true,
      description: '对应工种, when the role maps to a work type of the occupation.',
      resolve: (m, _args, ctx) => (m.workTypeCode ? ctx.loaders.workTypeByCode.load(m.workTypeCode) : null),
    }),
    status: t.field({ type: JobRoleMappingStatus, description: '状态', resolve: (m) => m.status }),
    matchScore: t.float({
      nullable: true,
      description: 'The matcher’s score for this occupation when it was proposed (null: not among its candidates).',
      resolve: (m) => m.matchScore,
    }),
    proposedAt: t.field({ type: 'DateTime', description: 'When it was proposed.', resolve: (m) => m.proposedAt }),
    reviewedAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When a centre confirmed or rejected it.',
      resolve: (m) => m.reviewedAt,
    }),
    reviewerRole: t.exposeString('reviewerRole', {
      nullable: true,
      description: 'Which centre decided: city_center or province_center.',
    }),
    reviewReason: t.exposeString('reviewReason', {
      nullable: true,
      description: '审核意见: the reason given (always given for a rejection).',
    }),
  }),
});

/** A mapping is its enterprise's, for it and the authorities over the enterprise's 市州 today. */
objects.rule(JobRoleMapping, {
  owner: async (m, ctx) => ({
    enterpriseId: m.enterpriseId,
    prefectureCode: m.enterpriseId ? ((await ctx.loaders.prefectureOf.load(m.enterpriseId)) ?? null) : null,
  }),
  // The province-wide table is reference data, read by every reader of records.
  sees: (caller, owner, m) =>
    m.enterpriseId === null ? reachOf(caller).kind !== 'none' : reachesOwner(caller, owner as Owner),
});

/** Rejects cursors that are not mapping ids (they are uuids). */
function uuidAfter(afterKey: string | undefined): string | undefined {
  if (afterKey !== undefined && !UUID.test(afterKey)) {
    throw hubError('BAD_USER_INPUT', 'the "after" cursor is not one this API returned', { field: 'after' });
  }
  return afterKey;
}

EnterpriseRef.implement({
  description: '企业 (owned by the enterprises subgraph); here: its job-role mappings.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The hub’s id for the enterprise.' }),
    jobRoleMappings: t.connection(
      {
        type: JobRoleMapping,
        description:
          'Its job-role mappings (岗位映射), by id: the enterprise itself and the authorities over its 市州.',
        authScopes: async (e, _args, ctx) => mayRead(e.id, ctx),
        resolve: (e, args, ctx) =>
          countedConnection(
            args,
            (m: JobRoleMappingRow) => m.id,
            (after, limit) => ctx.loaders.mappingPage(uuidAfter(after), limit).load(e.id),
            () => ctx.loaders.mappingCount.load(e.id),
          ),
      },
      { fields: (c) => ({ totalCount: c.int({ description: TOTAL_COUNT_DESCRIPTION, resolve: totalOf }) }) },
    ),
  }),
});

builder.asEntity(EnterpriseRef, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: (ref) => ref,
});

builder.queryFields((t) => ({
  jobRoleMapping: t.field({
    type: JobRoleMapping,
    nullable: true,
    description: 'One job-role mapping by id, if the caller may see it.',
    authScopes: access('Query.jobRoleMapping'),
    args: { id: t.arg.id({ required: true, description: 'Mapping id.' }) },
    resolve: async (_root, args, ctx) => {
      const m = await ctx.loaders.mappingById.load(String(args.id));
      return m && (await mayRead(m.enterpriseId, ctx)) ? m : null;
    },
  }),
  jobRoleMappings: t.connection(
    {
      type: JobRoleMapping,
      description:
        'Job-role mappings the caller may see, by id: an enterprise its own, a city centre its 市州 (e.g. the PROPOSED ones to review), the province all.',
      authScopes: access('Query.jobRoleMappings'),
      args: {
        status: t.arg({ type: JobRoleMappingStatus, required: false, description: 'Only mappings in this state.' }),
        enterpriseId: t.arg.id({ required: false, description: 'Only this enterprise’s mappings.' }),
      },
      resolve: async (_root, args, ctx) => {
        const list = await mappingList(ctx, args);
        return countedConnection(
          args,
          (m: JobRoleMappingRow) => m.id,
          (afterKey, limit) => list.page(uuidAfter(afterKey), limit),
          list.count,
        );
      },
    },
    { fields: (c) => ({ totalCount: c.int({ description: TOTAL_COUNT_DESCRIPTION, resolve: totalOf }) }) },
  ),
}));

const JobRoleMappingPayload = builder
  .objectRef<{ jobRoleMapping: JobRoleMappingRow | null; errors: Refusal[] }>('JobRoleMappingPayload')
  .implement({
    description: 'The mapping after the change, or why it was refused (then nothing changed).',
    fields: (t) => ({
      jobRoleMapping: t.field({
        type: JobRoleMapping,
        nullable: true,
        description: 'As it now stands.',
        resolve: (p) => p.jobRoleMapping,
      }),
      errors: t.field({
        type: [UserError],
        description: 'Refusals; empty when the change was made.',
        resolve: (p) => p.errors,
      }),
    }),
  });

builder.mutationFields((t) => ({
  proposeJobRoleMapping: t.field({
    type: JobRoleMappingPayload,
    description:
      '提出岗位映射 (相邻相近原则): the enterprise maps a job role the dictionary lacks to an occupation (职业) or one of its work types (工种), for a centre to confirm. Enterprises (and their HR systems) for themselves.',
    authScopes: access('Mutation.proposeJobRoleMapping'),
    args: {
      enterpriseId: t.arg.id({ required: true, description: 'The enterprise (the caller’s own).' }),
      roleName: t.arg.string({ required: true, description: '企业岗位名称 (1–100 characters)' }),
      roleDescription: t.arg.string({
        required: false,
        description: '岗位描述: what the role does (at most 2,000 characters).',
      }),
      occupationCode: t.arg({
        type: 'OccupationCode',
        required: true,
        description: '对应职业编码 (a 职业, tier OCCUPATION)',
      }),
      workTypeCode: t.arg({
        type: 'OccupationCode',
        required: false,
        description: '对应工种编码, if a work type of that occupation',
      }),
    },
    resolve: async (_root, args, ctx) => {
      const result = await proposeMapping(ctx, args);
      return { jobRoleMapping: result.value, errors: result.errors };
    },
  }),
  confirmJobRoleMapping: t.field({
    type: JobRoleMappingPayload,
    description:
      '确认岗位映射: a city centre (its own 市州) or the province centre confirms a proposed mapping; the matcher then ranks that occupation higher for the same or similar titles, for every enterprise.',
    authScopes: access('Mutation.confirmJobRoleMapping'),
    args: {
      id: t.arg.id({ required: true, description: 'Mapping id.' }),
      reason: t.arg.string({ required: false, description: '审核意见 (optional, at most 500 characters).' }),
    },
    resolve: async (_root, args, ctx) => {
      const result = await reviewMapping(ctx, String(args.id), 'CONFIRM', args.reason);
      return { jobRoleMapping: result.value, errors: result.errors };
    },
  }),
  rejectJobRoleMapping: t.field({
    type: JobRoleMappingPayload,
    description:
      '驳回岗位映射: a city centre (its own 市州) or the province centre rejects a proposed mapping, saying why.',
    authScopes: access('Mutation.rejectJobRoleMapping'),
    args: {
      id: t.arg.id({ required: true, description: 'Mapping id.' }),
      reason: t.arg.string({ required: true, description: '驳回理由 (1–500 characters).' }),
    },
    resolve: async (_root, args, ctx) => {
      const result = await reviewMapping(ctx, String(args.id), 'REJECT', args.reason);
      return { jobRoleMapping: result.value, errors: result.errors };
    },
  }),
}));
