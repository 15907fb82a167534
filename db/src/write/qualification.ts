import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { enterprises, filings, filingTransitions } from '../schema/enterprise.ts';
import type { Tx } from '../tx.ts';

/**
 * 取消备案资质 and suspension are decided by the supervision domain and carried
 * out here, by the enterprises domain's own code, inside the caller's
 * transaction: the decision and the catalog change commit together or not at all.
 *
 * - SUSPEND: a CONFIRMED institution stays listed, marked suspended; it may not evaluate.
 * - REINSTATE: a SUSPENDED institution is CONFIRMED again.
 * - REVOKE: the institution leaves the catalog at once; filings still in review are rejected.
 *
 * Every change is a filing transition with who, in which role, when and the decision's reference.
 */
export type QualificationAction = 'SUSPEND' | 'REINSTATE' | 'REVOKE';

export interface QualificationDecision {
  enterpriseId: string;
  action: QualificationAction;
  /** The supervision decision or case it carries out, e.g. `case:<id>`. */
  reference: string;
  reason: string;
  actor: string;
  actorRole: string;
  /** When, on the hub's clock (the transition's time: scope checks compare days with it). */
  at: Date;
}

export type DecisionOutcome =
  | { ok: true; qualification: 'CONFIRMED' | 'SUSPENDED' | 'REVOKED' }
  | { ok: false; code: 'UNKNOWN_ENTERPRISE' | 'NOT_QUALIFIED' | 'ALREADY_REVOKED' | 'NOT_SUSPENDED'; message: string };

const FROM: Record<QualificationAction, readonly string[]> = {
  SUSPEND: ['CONFIRMED'],
  REINSTATE: ['SUSPENDED'],
  REVOKE: ['CONFIRMED', 'SUSPENDED'],
};
const TO = { SUSPEND: 'SUSPENDED', REINSTATE: 'CONFIRMED', REVOKE: 'REVOKED' } as const;

export async function applyQualificationDecision(tx: Tx | Db, d: QualificationDecision): Promise<DecisionOutcome> {
  const [enterprise] = await tx
    .select({ id: enterprises.id, qualification: enterprises.qualification })
    .from(enterprises)
    .where(eq(enterprises.id, d.enterpriseId))
    .for('update');
  if (!enterprise) return { ok: false, code: 'UNKNOWN_ENTERPRISE', message: '没有该企业' };
  if (!FROM[d.action].includes(enterprise.qualification)) {
    if (enterprise.qualification === 'REVOKED') {
      return { ok: false, code: 'ALREADY_REVOKED', message: '该机构的备案资质已被取消' };
    }
    if (d.action === 'REINSTATE')
      return { ok: false, code: 'NOT_SUSPENDED', message: '只有处于暂停期间的评价机构可以恢复' };
    return { ok: false, code: 'NOT_QUALIFIED', message: '该企业不是目录中的评价机构' };
  }
  const to = TO[d.action];
  const now = d.at;
  const opinion = `${d.reason}（${d.reference}）`;

  // The confirmed filings carry the standing: the latest of each kind (企业自主评价, 社会评价组织),
  // so an institution holding both qualifications has both move with the decision.
  const confirmed = await tx
    .select({ id: filings.id, status: filings.status, kind: filings.kind })
    .from(filings)
    .where(and(eq(filings.enterpriseId, d.enterpriseId), isNotNull(filings.confirmedAt)))
    .orderBy(desc(filings.confirmedAt));
  // An older confirmed filing of a kind was replaced by its amendment; a latest one REVOKED or
  // CANCELLED stands for nothing any more.
  const standing = confirmed.filter(
    (f, i) =>
      confirmed.findIndex((g) => g.kind === f.kind) === i && (f.status === 'CONFIRMED' || f.status === 'SUSPENDED'),
  );
  for (const f of standing) {
    if (f.status === to) continue;
    await tx
      .update(filings)
      .set({ status: to, version: sql`${filings.version} + 1`, updatedAt: now })
      .where(eq(filings.id, f.id));
    await tx.insert(filingTransitions).values({
      filingId: f.id,
      fromStatus: f.status,
      toStatus: to,
      actor: d.actor,
      actorRole: d.actorRole,
      opinion,
      at: now,
    });
  }
  if (d.action === 'REVOKE') {
    const pending = await tx
      .select({ id: filings.id, status: filings.status })
      .from(filings)
      .where(
        and(
          eq(filings.enterpriseId, d.enterpriseId),
          inArray(filings.status, ['DRAFT', 'SUBMITTED', 'CITY_REVIEWED', 'PROVINCE_REVIEWED']),
        ),
      );
    for (const p of pending) {
      await tx
        .update(filings)
        .set({ status: 'REJECTED', version: sql`${filings.version} + 1`, updatedAt: now })
        .where(eq(filings.id, p.id));
      await tx.insert(filingTransitions).values({
        filingId: p.id,
        fromStatus: p.status,
        toStatus: 'REJECTED',
        actor: d.actor,
        actorRole: d.actorRole,
        opinion: `备案资质已取消，本申报不再受理。${opinion}`,
        at: now,
      });
    }
  }
  await tx.update(enterprises).set({ qualification: to, updatedAt: now }).where(eq(enterprises.id, d.enterpriseId));
  return { ok: true, qualification: to };
}
