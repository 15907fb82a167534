import { complaints, type Db, keysetPage } from '@hub/db';
import { and, eq, gte, inArray, isNotNull, isNull, lt, notInArray, or, type SQL } from 'drizzle-orm';
import type { ComplaintRow } from '../loaders.ts';
import { checkCodeMatches, normaliseReceiptNumber } from '../rules/complaint.ts';

export interface ComplaintFilter {
  /** Only this 市州 (already checked against the caller's reach). */
  prefecture: string | null;
  status?: ComplaintRow['status'] | null;
  /** true: only those still open after their handling day (逾期); false: only those not overdue. */
  overdue?: boolean | null;
  /** Today, for `overdue`. */
  today: string;
}

const OPEN: ComplaintRow['status'][] = ['RECEIVED', 'ACCEPTED'];

/** Still open (received, or accepted without a case) after the handling day: as rules/complaint.ts isOverdue. */
const overdueWhere = (today: string) =>
  and(inArray(complaints.status, OPEN), isNotNull(complaints.handlingDueOn), lt(complaints.handlingDueOn, today));

/** One page of complaints by id. */
export function complaintsPage(db: Db, f: ComplaintFilter, afterKey: string | undefined, limit: number) {
  const where: (SQL | undefined)[] = [];
  if (f.prefecture) where.push(eq(complaints.prefectureCode, f.prefecture));
  if (f.status) where.push(eq(complaints.status, f.status));
  if (f.overdue === true) where.push(overdueWhere(f.today));
  if (f.overdue === false) {
    where.push(
      or(notInArray(complaints.status, OPEN), isNull(complaints.handlingDueOn), gte(complaints.handlingDueOn, f.today)),
    );
  }
  return keysetPage(db, complaints, complaints.id, { where, afterKey, limit });
}

/**
 * 投诉进度查询: the complaint with this receipt number, if the check code given at intake matches;
 * null otherwise — whether the number exists or the code is wrong, the caller learns the same.
 */
export async function complaintByReceipt(
  db: Db,
  typedReceipt: string,
  typedCode: string,
): Promise<ComplaintRow | null> {
  const receipt = normaliseReceiptNumber(typedReceipt);
  if (!receipt) return null;
  const [c] = await db.select().from(complaints).where(eq(complaints.receiptNumber, receipt));
  return c && checkCodeMatches(receipt, typedCode, c.checkCodeHash) ? c : null;
}
