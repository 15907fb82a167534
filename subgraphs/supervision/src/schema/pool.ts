import { access, forwardConnection, type Refusal, reachOf } from '@hub/platform';
import { builder, Prefecture, UserError } from '../builder.ts';
import { registerInspector } from '../commands/register-inspector.ts';
import { setInspectorActive } from '../commands/set-inspector-active.ts';
import type { InspectorRow } from '../loaders.ts';
import { inspectorsPage } from '../queries/inspectors.ts';
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

builder.mutationFields((t) => ({
  registerInspector: t.field({
    type: InspectorPayload,
    description: 'Adds an inspector or external quality supervisor to the pool (督导队伍建设).',
    authScopes: access('Mutation.registerInspector'),
    args: { input: t.arg({ type: InspectorInput, required: true, description: 'The member.' }) },
    resolve: (_root, { input }, ctx) => registerInspector(ctx, input),
  }),
  setInspectorActive: t.field({
    type: InspectorPayload,
    description: 'Takes a member out of the pool (or back): inactive members are never drawn or dispatched.',
    authScopes: access('Mutation.setInspectorActive'),
    args: {
      id: t.arg.id({ required: true, description: 'Pool member id.' }),
      active: t.arg.boolean({ required: true, description: '在库' }),
    },
    resolve: (_root, args, ctx) => setInspectorActive(ctx, String(args.id), args.active),
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
      const filter = { kind: args.kind ?? null, prefecture: prefectureFilter(ctx.caller, args.prefecture) };
      return forwardConnection(
        args,
        (i: InspectorRow) => i.id,
        (afterKey, limit) => inspectorsPage(ctx.db, filter, afterKey, limit),
      );
    },
  }),
}));
