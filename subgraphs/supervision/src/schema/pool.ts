import { enterprisePrefectures, inspectors, isUuid, keysetPage } from '@hub/db';
import { access, type Claims, forwardConnection, type Refusal, reachOf, refuse } from '@hub/platform';
import { isPrefectureCode } from '@hub/vocabulary';
import { eq, isNull, or, type SQL } from 'drizzle-orm';
import { builder, Prefecture, UserError } from '../builder.ts';
import { actorOf, change, stop, stopIf } from '../change.ts';
import type { InspectorRow } from '../loaders.ts';
import { actRefusal } from '../rules/access.ts';
import { EnterpriseRef, prefectureFilter } from './case.ts';
import { objects } from './reach.ts';

export const PoolMemberKind = builder.enumType('PoolMemberKind', {
  description: '督导队伍: who is in the pool.',
  values: {
    INSPECTOR: { description: '督导人员: drawn for 双随机 inspections' },
    EXTERNAL_SUPERVISOR: { description: '外部质量督导员: dispatched at random to evaluations' },
  } as const,
});

export const PoolLevel = builder.enumType('PoolLevel', {
  description: '层级',
  values: {
    CITY: { description: '市州: acts in its own 市州 only' },
    PROVINCE: { description: '省级: acts anywhere in the province' },
  } as const,
});

export const Inspector = builder.objectRef<InspectorRow>('Inspector').implement({
  description: '督导人员 or 外部质量督导员 in the pool, with qualifications and the employers they may not inspect.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Pool member id.' }),
    kind: t.field({ type: PoolMemberKind, description: '类型', resolve: (i) => i.kind }),
    name: t.exposeString('name', { description: '姓名' }),
    level: t.field({ type: PoolLevel, description: '层级', resolve: (i) => i.level }),
    prefecture: t.field({
      type: Prefecture,
      nullable: true,
      description: '所属市州; null for the province',
      resolve: (i) => (i.prefectureCode ? { code: i.prefectureCode } : null),
    }),
    employer: t.field({
      type: EnterpriseRef,
      nullable: true,
      description: '现工作单位, when an enterprise (never drawn for it)',
      resolve: (i) => (i.employerId ? { id: i.employerId } : null),
    }),
    formerEmployers: t.field({
      type: [EnterpriseRef],
      description: '原工作单位 (never drawn for them)',
      resolve: (i) => i.formerEmployerIds.map((id) => ({ id })),
    }),
    qualifications: t.exposeStringList('qualifications', { description: '资格 (certificates, appointments)' }),
    occupationCodes: t.exposeStringList('occupationCodes', {
      description: 'Occupations (or 大类/中类 code prefixes) an external supervisor may supervise; empty = any',
    }),
    active: t.exposeBoolean('active', { description: '在库: drawn and dispatched only while active' }),
  }),
});

/**
 * A pool member: the supervising authorities, the ministry and admins — a city one its own 市州's
 * members and the province's. A dispatch or a draw shows its member to whoever may read it.
 */
objects.rule(Inspector, {
  owner: (i) => ({ enterpriseId: null, prefectureCode: i.prefectureCode }),
  sees: (caller, _owner, i) => {
    if (!['inspector', 'city_center', 'province_center', 'ministry', 'admin'].includes(caller.role)) return false;
    const reach = reachOf(caller);
    return (
      reach.kind === 'all' ||
      (reach.kind === 'prefecture' && (i.prefectureCode ?? reach.prefecture) === reach.prefecture)
    );
  },
});

const InspectorInput = builder.inputType('InspectorInput', {
  description: 'A member of the pool.',
  fields: (t) => ({
    kind: t.field({ type: PoolMemberKind, required: true, description: '类型' }),
    name: t.string({ required: true, description: '姓名' }),
    prefecture: t.string({ required: false, description: '所属市州 (6-digit code); omit for a province-level member' }),
    employerId: t.id({ required: false, description: '现工作单位 (enterprise id), if an enterprise' }),
    formerEmployerIds: t.idList({ required: false, description: '原工作单位 (enterprise ids)' }),
    qualifications: t.stringList({ required: true, description: '资格, at least one' }),
    occupationCodes: t.stringList({
      required: false,
      description: 'For an external supervisor: occupations or 大类/中类 code prefixes they may supervise',
    }),
  }),
});

const InspectorPayload = builder
  .objectRef<{ inspector?: InspectorRow | null; errors: Refusal[] }>('InspectorPayload')
  .implement({
    description: 'The pool member after the change, or why it was refused (then nothing changed).',
    fields: (t) => ({
      inspector: t.field({
        type: Inspector,
        nullable: true,
        description: 'The member.',
        resolve: (p) => p.inspector ?? null,
      }),
      errors: t.field({ type: [UserError], description: 'Refusals; empty when done.', resolve: (p) => p.errors }),
    }),
  });

/** The pool is kept by the centres: a city centre for its 市州, the province centre for all. */
function poolRefusal(caller: Claims, prefecture: string | null): Refusal | null {
  if (caller.role !== 'city_center' && caller.role !== 'province_center') {
    return refuse('NOT_A_POOL_KEEPER', 'the pool is kept by the city and province appraisal centres');
  }
  if (prefecture === null && caller.role !== 'province_center') {
    return refuse('PROVINCE_SCOPE_ONLY', 'province-level members are registered by the province centre', 'prefecture');
  }
  return prefecture ? actRefusal(caller, prefecture, 'this pool member') : null;
}

builder.mutationFields((t) => ({
  registerInspector: t.field({
    type: InspectorPayload,
    description: 'Adds an inspector or external quality supervisor to the pool (督导队伍建设).',
    authScopes: access('Mutation.registerInspector'),
    args: { input: t.arg({ type: InspectorInput, required: true, description: 'The member.' }) },
    resolve: (_root, { input }, ctx) =>
      change(ctx, async (tx) => {
        const prefecture = input.prefecture ?? null;
        if (prefecture !== null && !isPrefectureCode(prefecture)) {
          stop('BAD_PREFECTURE', `"${prefecture}" is not one of Hunan's 14 市州 codes`, 'prefecture');
        }
        stopIf(poolRefusal(ctx.caller, prefecture));
        if (!input.name.trim()) stop('NAME_REQUIRED', 'give the member’s name', 'name');
        const qualifications = input.qualifications.map((q) => q.trim()).filter(Boolean);
        if (!qualifications.length) stop('QUALIFICATION_REQUIRED', 'name at least one qualification', 'qualifications');
        const employers = [input.employerId, ...(input.formerEmployerIds ?? [])].filter((x) => x != null).map(String);
        const bad = employers.find((e) => !isUuid(e));
        const known = await enterprisePrefectures(
          tx,
          employers.filter((e) => isUuid(e)),
        );
        const unknown = bad ?? employers.find((e) => !known.has(e));
        if (unknown) stop('UNKNOWN_EMPLOYER', `no enterprise has id ${unknown}`, 'formerEmployerIds');
        const [row] = await tx
          .insert(inspectors)
          .values({
            kind: input.kind,
            name: input.name.trim(),
            level: prefecture ? 'CITY' : 'PROVINCE',
            prefectureCode: prefecture,
            employerId: input.employerId == null ? null : String(input.employerId),
            formerEmployerIds: [...new Set((input.formerEmployerIds ?? []).map(String))],
            qualifications,
            occupationCodes: (input.occupationCodes ?? []).map((c) => c.trim()).filter(Boolean),
            createdBy: actorOf(ctx.caller),
          })
          .returning();
        return { inspector: row };
      }),
  }),
  setInspectorActive: t.field({
    type: InspectorPayload,
    description: 'Takes a member out of the pool (or back): inactive members are never drawn or dispatched.',
    authScopes: access('Mutation.setInspectorActive'),
    args: {
      id: t.arg.id({ required: true, description: 'Pool member id.' }),
      active: t.arg.boolean({ required: true, description: '在库' }),
    },
    resolve: (_root, args, ctx) =>
      change(ctx, async (tx) => {
        const id = String(args.id);
        const [row] = isUuid(id) ? await tx.select().from(inspectors).where(eq(inspectors.id, id)).for('update') : [];
        if (!row) stop('NOT_FOUND', 'no pool member has that id', 'id');
        stopIf(poolRefusal(ctx.caller, row.prefectureCode));
        const [updated] = await tx
          .update(inspectors)
          .set({ active: args.active })
          .where(eq(inspectors.id, id))
          .returning();
        return { inspector: updated };
      }),
  }),
}));

builder.queryFields((t) => ({
  inspectors: t.connection({
    type: Inspector,
    description:
      '督导队伍: the pool (a city authority sees its 市州’s members and the province’s; the province sees all), by id.',
    authScopes: access('Query.inspectors'),
    args: {
      kind: t.arg({ type: PoolMemberKind, required: false, description: 'Only members of this kind.' }),
      prefecture: t.arg.string({ required: false, description: 'Only members of this 市州 (and the province’s).' }),
    },
    resolve: (_root, args, ctx) => {
      const prefecture = prefectureFilter(ctx.caller, args.prefecture);
      const where: (SQL | undefined)[] = [];
      if (args.kind) where.push(eq(inspectors.kind, args.kind));
      if (prefecture) where.push(or(eq(inspectors.prefectureCode, prefecture), isNull(inspectors.prefectureCode)));
      return forwardConnection(
        args,
        (i: InspectorRow) => i.id,
        (afterKey, limit) => keysetPage(ctx.db, inspectors, inspectors.id, { where, afterKey, limit }),
      );
    },
  }),
}));
