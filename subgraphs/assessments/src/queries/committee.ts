import { committeeMembers, type Db } from '@hub/db';
import { and, asc, eq, gt, isNull, lte, or } from 'drizzle-orm';

/**
 * The institution's 评价工作委员会: every term of service (its history) by joining date, or with
 * `servingOn` the members serving that day (joined by then, not yet left).
 */
export function committeeMembersOf(db: Db, institutionId: string, servingOn?: string | null) {
  return db
    .select()
    .from(committeeMembers)
    .where(
      and(
        eq(committeeMembers.institutionId, institutionId),
        servingOn ? lte(committeeMembers.joinedOn, servingOn) : undefined,
        servingOn ? or(isNull(committeeMembers.leftOn), gt(committeeMembers.leftOn, servingOn)) : undefined,
      ),
    )
    .orderBy(asc(committeeMembers.joinedOn), asc(committeeMembers.createdAt));
}
