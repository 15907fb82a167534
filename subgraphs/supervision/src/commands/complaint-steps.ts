import { randomBytes } from 'node:crypto';
import { complaints, isUuid } from '@hub/db';
import type { Claims, Refusal } from '@hub/platform';
import { eq, like, sql } from 'drizzle-orm';
import { stop, stopIf, type Tx } from '../change.ts';
import type { ComplaintRow } from '../loaders.ts';
import { actRefusal } from '../rules/access.ts';
import { checkCodeFrom, checkCodeHash, normaliseReceiptNumber, receiptNumber } from '../rules/complaint.ts';

/** What the complaint commands answer: the complaint after the change, or why nothing changed. */
export type ComplaintOutcome = Promise<{ complaint?: ComplaintRow | null; errors: Refusal[] }>;

/**
 * Locks a complaint, named by its id or its 受理编号, for the rest of the transaction; the caller
 * must act over its 市州.
 */
export async function lockComplaint(tx: Tx, caller: Claims, idOrReceipt: string): Promise<ComplaintRow> {
  const receipt = isUuid(idOrReceipt) ? null : normaliseReceiptNumber(idOrReceipt);
  const where = isUuid(idOrReceipt)
    ? eq(complaints.id, idOrReceipt)
    : receipt
      ? eq(complaints.receiptNumber, receipt)
      : null;
  const [c] = where ? await tx.select().from(complaints).where(where).for('update') : [];
  if (!c) stop('NOT_FOUND', 'no complaint has that id or receipt number', 'id');
  stopIf(actRefusal(caller, c.prefectureCode, '该投诉'));
  return c;
}

/**
 * The next 受理编号 of a day. Intakes of one day take their numbers one at a time (a transaction
 * lock per day), so two at once never draw the same; the unique index stands behind it.
 */
export async function nextReceiptNumber(tx: Tx, day: string): Promise<string> {
  const prefix = receiptNumber(day, 1).slice(0, 10);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`supervision:receipt:${prefix}`}))`);
  const [row] = await tx
    .select({ last: sql<number | null>`max(substring(${complaints.receiptNumber} from 11)::int)` })
    .from(complaints)
    .where(like(complaints.receiptNumber, `${prefix}%`));
  return receiptNumber(day, Number(row?.last ?? 0) + 1);
}

/** A fresh 查询码 for a receipt, and the hash that is all the hub keeps of it. */
export function newCheckCode(receipt: string): { code: string; hash: string } {
  const code = checkCodeFrom(randomBytes(16));
  return { code, hash: checkCodeHash(receipt, code) };
}
