import {
  bumpIndexRevision,
  enterpriseIdsInPrefecture,
  enterprisePrefectures,
  jobRoleMappings,
  keysetPage,
  occupations,
  refuseAll,
  transact,
  workTypes,
} from '@hub/db';
import { access, canReach, hubError, type Refusal, reachOf, refuse } from '@hub/platform';
import { and, count, eq, inArray, ne, type SQL } from 'drizzle-orm';
import { builder, type Context, UserError } from '../builder.ts';
import { type JobRoleMappingRow, UUID } from '../loaders.ts';
import { type Decision, proposeRefusal, reviewRefusal, roleInputRefusal } from '../rules/mapping.ts';
import { normalizeText } from '../rules/text.ts';
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
async function mayRead(enterpriseId: string, ctx: Context): Promise<boolean> {
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
      description: '提出映射的企业',
      resolve: (m) => ({ id: m.enterpriseId }),
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
    prefectureCode: (await ctx.loaders.prefectureOf.load(m.enterpriseId)) ?? null,
  }),
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
        const reach = reachOf(ctx.caller);
        const where: (SQL | undefined)[] = [];
        if (reach.kind === 'none') throw hubError('FORBIDDEN', `role ${ctx.caller.role} may not list mappings`);
        if (reach.kind === 'enterprise') where.push(eq(jobRoleMappings.enterpriseId, reach.enterpriseId));
        if (reach.kind === 'prefecture') {
          const ids = await enterpriseIdsInPrefecture(ctx.db, reach.prefecture);
          where.push(
            ids.length
              ? inArray(jobRoleMappings.enterpriseId, ids)
              : eq(jobRoleMappings.id, '00000000-0000-0000-0000-000000000000'),
          );
        }
        if (args.enterpriseId != null) {
          if (!UUID.test(String(args.enterpriseId))) {
            throw hubError('BAD_USER_INPUT', '"enterpriseId" is not an enterprise id', { field: 'enterpriseId' });
          }
          where.push(eq(jobRoleMappings.enterpriseId, String(args.enterpriseId)));
        }
        if (args.status) where.push(eq(jobRoleMappings.status, args.status));
        return countedConnection(
          args,
          (m: JobRoleMappingRow) => m.id,
          (afterKey, limit) =>
            keysetPage(ctx.db, jobRoleMappings, jobRoleMappings.id, { where, afterKey: uuidAfter(afterKey), limit }),
          async () =>
            (
              await ctx.db
                .select({ n: count() })
                .from(jobRoleMappings)
                .where(and(...where))
            )[0]?.n ?? 0,
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

/** Confirms or rejects a proposed mapping, with the row locked; a confirmation feeds the matcher. */
async function review(ctx: Context, id: string, decision: Decision, reason: string | null | undefined) {
  const result = await transact(ctx.db, async (tx) => {
    if (!UUID.test(id)) refuseAll([refuse('MAPPING_NOT_FOUND', `没有编号为 ${id} 的岗位映射`, 'id')]);
    const [m] = await tx.select().from(jobRoleMappings).where(eq(jobRoleMappings.id, id)).for('update');
    if (!m) refuseAll([refuse('MAPPING_NOT_FOUND', `没有编号为 ${id} 的岗位映射`, 'id')]);
    const prefectures = await enterprisePrefectures(tx, [m.enterpriseId]);
    const refusal = reviewRefusal(
      ctx.caller,
      { status: m.status, enterprisePrefecture: prefectures.get(m.enterpriseId) ?? null },
      decision,
      reason,
    );
    if (refusal) refuseAll([refusal]);
    const [row] = await tx
      .update(jobRoleMappings)
      .set({
        status: decision === 'CONFIRM' ? 'CONFIRMED' : 'REJECTED',
        reviewedBy: ctx.caller.sub ?? ctx.caller.role,
        reviewerRole: ctx.caller.role,
        reviewedAt: ctx.clock.now(),
        reviewReason: reason?.trim() || null,
      })
      .where(eq(jobRoleMappings.id, m.id))
      .returning();
    if (decision === 'CONFIRM') await bumpIndexRevision(tx, 'mappings');
    return row as JobRoleMappingRow;
  });
  return { jobRoleMapping: result.value, errors: result.errors };
}

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
      const enterpriseId = String(args.enterpriseId);
      const roleName = normalizeText(args.roleName);
      const description = args.roleDescription?.trim() || null;
      // The matcher reads outside the transaction (PGlite has one connection): ask it first.
      const candidates =
        roleInputRefusal(args.roleName, description) || proposeRefusal(ctx.caller, enterpriseId)
          ? []
          : await ctx.matcher.match({ title: roleName, description, scope: 'ALL' }, 20);
      const result = await transact(ctx.db, async (tx) => {
        const who = proposeRefusal(ctx.caller, enterpriseId);
        if (who) refuseAll([who]);
        const refusals: Refusal[] = [];
        const input = roleInputRefusal(args.roleName, description);
        if (input) refusals.push(input);
        const prefectures = UUID.test(enterpriseId) ? await enterprisePrefectures(tx, [enterpriseId]) : new Map();
        if (!prefectures.has(enterpriseId)) {
          refusals.push(refuse('ENTERPRISE_NOT_FOUND', `没有编号为 ${enterpriseId} 的企业`, 'enterpriseId'));
        }
        const [occupation] = await tx.select().from(occupations).where(eq(occupations.code, args.occupationCode));
        if (!occupation) {
          refusals.push(refuse('OCCUPATION_NOT_FOUND', `职业编码 ${args.occupationCode} 不在大典中`, 'occupationCode'));
        } else if (occupation.level !== 4) {
          refusals.push(
            refuse(
              'NOT_AN_OCCUPATION',
              `${occupation.code} ${occupation.name} 是${['', '大类', '中类', '小类'][occupation.level] ?? '类别'}，岗位只能对应到职业（第 4 层）或其工种`,
              'occupationCode',
            ),
          );
        }
        if (args.workTypeCode) {
          const [type] = await tx.select().from(workTypes).where(eq(workTypes.code, args.workTypeCode));
          if (!type)
            refusals.push(refuse('WORK_TYPE_NOT_FOUND', `工种编码 ${args.workTypeCode} 不存在`, 'workTypeCode'));
          else if (type.occupationCode !== args.occupationCode) {
            refusals.push(
              refuse(
                'WORK_TYPE_OF_ANOTHER_OCCUPATION',
                `工种 ${type.code} ${type.name} 不属于职业 ${args.occupationCode}`,
                'workTypeCode',
              ),
            );
          }
        }
        if (refusals.length) refuseAll(refusals);
        const [open] = await tx
          .select()
          .from(jobRoleMappings)
          .where(
            and(
              eq(jobRoleMappings.enterpriseId, enterpriseId),
              eq(jobRoleMappings.roleName, roleName),
              ne(jobRoleMappings.status, 'REJECTED'),
            ),
          );
        if (open) {
          refuseAll([
            refuse(
              'MAPPING_EXISTS',
              `岗位“${roleName}”已有${open.status === 'CONFIRMED' ? '已确认' : '待审核'}的映射（${open.id}） / the role already has an open or confirmed mapping`,
              'roleName',
            ),
          ]);
        }
        const hit = candidates.find(
          (c) =>
            c.occupationCode === args.occupationCode && (!args.workTypeCode || c.workTypeCode === args.workTypeCode),
        );
        const [row] = await tx
          .insert(jobRoleMappings)
          .values({
            enterpriseId,
            roleName,
            roleDescription: description,
            occupationCode: args.occupationCode,
            workTypeCode: args.workTypeCode ?? null,
            matchScore: hit?.score ?? null,
            proposedBy: ctx.caller.sub ?? ctx.caller.role,
          })
          .onConflictDoNothing()
          .returning();
        // A concurrent proposal of the same role won the unique index.
        if (!row) refuseAll([refuse('MAPPING_EXISTS', `岗位“${roleName}”已有待审核的映射`, 'roleName')]);
        return row;
      });
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
    resolve: (_root, args, ctx) => review(ctx, String(args.id), 'CONFIRM', args.reason),
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
    resolve: (_root, args, ctx) => review(ctx, String(args.id), 'REJECT', args.reason),
  }),
}));
