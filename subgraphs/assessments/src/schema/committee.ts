import type { resultSignOffs } from '@hub/db';
import { access, hubError, partOf, type Refusal } from '@hub/platform';
import { builder, type Context } from '../builder.ts';
import { appointCommitteeMember, type CommitteeMemberRow, removeCommitteeMember } from '../commands/committee.ts';
import { institutionOwner, mayReadInstitution, planOwner } from '../facts.ts';
import { committeeMembersOf } from '../queries/committee.ts';
import { quorumOf, serves } from '../rules/committee.ts';
import { isoDate } from '../rules/dates.ts';
import { payloadType } from './payload.ts';
import { PlanArchive } from './plan.ts';
import { objects } from './reach.ts';
import { EnterpriseRef } from './refs.ts';

type SignOffRow = typeof resultSignOffs.$inferSelect;

const CommitteeRole = builder.enumType('CommitteeRole', {
  description: '评价工作委员会 role.',
  values: {
    CHAIR: { description: '主任: signs every sign-off; one at a time' },
    MEMBER: { description: '委员' },
  } as const,
});

const CommitteeAffiliation = builder.enumType('CommitteeAffiliation', {
  description: 'Where a committee member comes from.',
  values: {
    STAFF: { description: '本单位人员' },
    EXTERNAL_EXPERT: { description: '外部专家 (with their organisation)' },
  } as const,
});

export const CommitteeMember = builder.objectRef<CommitteeMemberRow>('CommitteeMember').implement({
  description: '评价工作委员会委员: one term of service on the institution’s committee, with its dates.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The hub’s id for this term of service.' }),
    name: t.exposeString('name', { description: '姓名' }),
    role: t.field({ type: CommitteeRole, description: '职务', resolve: (m) => m.role }),
    affiliation: t.field({ type: CommitteeAffiliation, description: '来源', resolve: (m) => m.affiliation }),
    organization: t.exposeString('organization', { nullable: true, description: '单位及职务' }),
    joinedOn: t.field({ type: 'Date', description: '任职日期', resolve: (m) => m.joinedOn }),
    leftOn: t.field({
      type: 'Date',
      nullable: true,
      description: '离任日期 (no longer serving from this day); null while serving',
      resolve: (m) => m.leftOn,
    }),
    leaveReason: t.exposeString('leaveReason', { nullable: true, description: '离任理由' }),
    serving: t.boolean({
      description: 'Serving today (the hub’s date).',
      resolve: (m, _a, ctx) => serves(m, ctx.clock.today()),
    }),
  }),
});

/** The institution's standing record: it and the authorities over its 市州 today; a plan's sign-off shows its signatories to whoever may read the plan. */
objects.rule(CommitteeMember, { owner: (m, ctx) => institutionOwner(ctx, m.institutionId) });

/** A signatory as part of the plan they signed off. */
async function signatoryOfPlan(ctx: Context, row: SignOffRow) {
  const [m, owner] = await Promise.all([
    ctx.loaders.committeeMemberById.load(row.memberId),
    planOwner(ctx, row.planId),
  ]);
  if (!m) throw hubError('NOT_FOUND', 'committee member missing');
  return owner ? partOf(m, owner) : m;
}

const SignOff = builder.objectRef<SignOffRow[]>('ResultSignOff').implement({
  description: '审核签署: the committee members present who signed the plan’s results off, and the quorum they met.',
  fields: (t) => ({
    signedOn: t.field({ type: 'Date', description: '签署日期', resolve: (rows) => rows[0]?.signedOn ?? '' }),
    signatories: t.field({
      type: [CommitteeMember],
      description: '签署委员',
      resolve: (rows, _a, ctx) => Promise.all(rows.map((r) => signatoryOfPlan(ctx, r))),
    }),
    membersServing: t.int({
      description: 'Members serving that day, against whom the quorum was counted.',
      resolve: (rows) => rows[0]?.membersServing ?? 0,
    }),
    quorum: t.int({
      description: 'Signatures the quorum needed that day: more than half of those serving (the chair among them).',
      resolve: (rows) => quorumOf(rows[0]?.membersServing ?? 0),
    }),
  }),
});

builder.objectFields(PlanArchive, (t) => ({
  signOff: t.field({
    type: SignOff,
    nullable: true,
    description:
      '审核签署: who of the 评价工作委员会 signed the results off; null before the review (and for plans reviewed before signatures were kept).',
    resolve: async (p, _a, ctx) => {
      const rows = await ctx.loaders.signOffsByPlan.load(p.id);
      return rows.length ? rows : null;
    },
  }),
}));

builder.objectFields(EnterpriseRef, (t) => ({
  committeeMembers: t.field({
    type: [CommitteeMember],
    description:
      '评价工作委员会: without `servingOn`, every term of service the committee has had (its history), by joining date; with it, the members serving that day (the institution and the authorities).',
    authScopes: async (e, _a, ctx) => mayReadInstitution(ctx, e.id),
    args: { servingOn: t.arg({ type: 'Date', required: false, description: 'Only the members serving on this day.' }) },
    resolve: (e, args, ctx) => committeeMembersOf(ctx.db, e.id, args.servingOn ? isoDate(args.servingOn) : null),
  }),
}));

const AppointCommitteeMemberInput = builder.inputType('AppointCommitteeMemberInput', {
  description: 'A member joining the institution’s 评价工作委员会.',
  fields: (t) => ({
    name: t.string({ required: true, description: '姓名' }),
    role: t.field({ type: CommitteeRole, required: true, description: '职务 (one 主任 at a time)' }),
    affiliation: t.field({ type: CommitteeAffiliation, required: true, description: '来源' }),
    organization: t.string({ required: false, description: '单位及职务 (required for an external expert)' }),
    joinedOn: t.field({
      type: 'Date',
      required: false,
      description: '任职日期: today (default) or a day already past',
    }),
  }),
});

const CommitteeMemberPayload = payloadType<{ member?: CommitteeMemberRow; errors: Refusal[] }>(
  'CommitteeMemberPayload',
  'The member’s term of service, or why the change was refused.',
  (t) => ({
    member: t.field({
      type: CommitteeMember,
      nullable: true,
      description: 'The term of service.',
      resolve: (p) => p.member ?? null,
    }),
  }),
);

builder.mutationFields((t) => ({
  appointCommitteeMember: t.field({
    type: CommitteeMemberPayload,
    description:
      '委员任命: a named member (staff or an external expert) joins the institution’s 评价工作委员会 from today or a day past; one 主任 at a time (COMMITTEE_CHAIR_SERVING). The enterprise itself only, never its partner HR system.',
    authScopes: access('Mutation.appointCommitteeMember'),
    args: { input: t.arg({ type: AppointCommitteeMemberInput, required: true, description: 'The member' }) },
    resolve: (_r, { input }, ctx) => appointCommitteeMember(ctx, input),
  }),
  removeCommitteeMember: t.field({
    type: CommitteeMemberPayload,
    description:
      '委员离任: a serving member leaves the committee, today or on a day past (not before the last results they signed), with the reason; the term stays in the history. The enterprise itself only.',
    authScopes: access('Mutation.removeCommitteeMember'),
    args: {
      memberId: t.arg.id({ required: true, description: 'The member (CommitteeMember id)' }),
      reason: t.arg.string({ required: true, description: '离任理由' }),
      leftOn: t.arg({ type: 'Date', required: false, description: '离任日期 (default today)' }),
    },
    resolve: (_r, args, ctx) => removeCommitteeMember(ctx, args),
  }),
}));
