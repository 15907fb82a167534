import { committeeMembers, isUuid, resultSignOffs } from '@hub/db';
import { eq, sql } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { actingInstitution, change, stop, stopIf, type Tx } from '../change.ts';
import { type Affiliation, appointmentProblems, type CommitteeRole, leavingProblems } from '../rules/committee.ts';
import { isoDate } from '../rules/dates.ts';

export type CommitteeMemberRow = typeof committeeMembers.$inferSelect;

const recordedBy = (ctx: Context) => `${ctx.caller.role}:${ctx.caller.sub ?? 'unknown'}`;

/**
 * Every member the institution's committee has had. Changes to one committee (and its sign-offs)
 * queue on one lock, so two chairs appointed at once, or a leaving racing a signature, are decided
 * one after the other — also before the committee has its first member.
 */
export async function committeeOf(tx: Tx, institutionId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`assessment:committee:${institutionId}`}))`);
  return tx
    .select()
    .from(committeeMembers)
    .where(eq(committeeMembers.institutionId, institutionId))
    .orderBy(committeeMembers.joinedOn);
}

export interface AppointInput {
  name: string;
  role: CommitteeRole;
  affiliation: Affiliation;
  organization?: string | null;
  joinedOn?: string | Date | null;
}

/** 委员任命: a named member joins the institution's 评价工作委员会, from today or a day already past. */
export function appointCommitteeMember(ctx: Context, input: AppointInput) {
  return change(ctx, async (tx) => {
    const institutionId = actingInstitution(ctx);
    const today = ctx.clock.today();
    const joinedOn = input.joinedOn ? isoDate(input.joinedOn) : today;
    const members = await committeeOf(tx, institutionId);
    stopIf(appointmentProblems({ ...input, joinedOn }, { today, members }));
    const [member] = await tx
      .insert(committeeMembers)
      .values({
        institutionId,
        name: input.name.trim(),
        role: input.role,
        affiliation: input.affiliation,
        organization: input.organization?.trim() || null,
        joinedOn,
        recordedBy: recordedBy(ctx),
      })
      .returning();
    if (!member) throw new Error('insert returned no row');
    return { member };
  });
}

/** 委员离任: a serving member leaves, on today or a day already past, with the reason; the row stays as history. */
export function removeCommitteeMember(
  ctx: Context,
  input: { memberId: string | number; reason: string; leftOn?: string | Date | null },
) {
  return change(ctx, async (tx) => {
    const institutionId = actingInstitution(ctx);
    const id = String(input.memberId);
    const members = await committeeOf(tx, institutionId);
    const member = isUuid(id) ? members.find((m) => m.id === id) : undefined;
    if (!member) stop('COMMITTEE_MEMBER_NOT_FOUND', '本机构评价工作委员会没有这名委员', 'memberId');
    const today = ctx.clock.today();
    const leftOn = input.leftOn ? isoDate(input.leftOn) : today;
    const [last] = await tx
      .select({ on: sql<string | null>`max(${resultSignOffs.signedOn})::text` })
      .from(resultSignOffs)
      .where(eq(resultSignOffs.memberId, member.id));
    stopIf(leavingProblems(member, { leftOn, reason: input.reason, today, lastSignedOn: last?.on ?? null }));
    const [updated] = await tx
      .update(committeeMembers)
      .set({ leftOn, leaveReason: input.reason.trim() })
      .where(eq(committeeMembers.id, member.id))
      .returning();
    return { member: updated as CommitteeMemberRow };
  });
}
