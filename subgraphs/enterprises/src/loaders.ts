import {
  type Db,
  enterpriseSpecifications,
  enterprises,
  filingAttachments,
  filingGroundsEvidence,
  filingLeadingGrounds,
  filingScopes,
  filingServedParties,
  filings,
  filingsInForce,
  filingTransitions,
  groupedLoader,
  keyedLoader,
} from '@hub/db';
import type { Clock } from '@hub/vocabulary';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';

export type EnterpriseRow = typeof enterprises.$inferSelect;
export type FilingRow = typeof filings.$inferSelect;
export type ScopeRow = typeof filingScopes.$inferSelect;
export type TransitionRow = typeof filingTransitions.$inferSelect;
export type ServedPartyRow = typeof filingServedParties.$inferSelect;
export type AttachmentRow = typeof filingAttachments.$inferSelect;
export type LeadingGroundsRow = typeof filingLeadingGrounds.$inferSelect;
export type GroundsEvidenceRow = typeof filingGroundsEvidence.$inferSelect;
export type SpecificationRow = typeof enterpriseSpecifications.$inferSelect;

/** Request-scoped loaders: every batch of keys becomes one SQL statement. */
export function createLoaders(db: Db, clock: Pick<Clock, 'today'>) {
  /** Filings in force today (one per enterprise and kind), batched once per request. */
  const inForce = groupedLoader(
    (ids) => filingsInForce(db, ids, clock.today()),
    (r) => r.enterpriseId,
  );
  return {
    enterpriseById: keyedLoader(
      (ids) => db.select().from(enterprises).where(inArray(enterprises.id, ids)),
      (r) => r.id,
    ),
    enterpriseByCreditCode: keyedLoader(
      (codes) => db.select().from(enterprises).where(inArray(enterprises.creditCode, codes)),
      (r) => r.creditCode,
      () => true, // 统一社会信用代码, checked by its scalar
    ),
    filingById: keyedLoader(
      (ids) => db.select().from(filings).where(inArray(filings.id, ids)),
      (r) => r.id,
    ),
    /** The most recent filing of each enterprise (its current 备案 status). */
    latestFiling: keyedLoader(
      (ids) =>
        db
          .selectDistinctOn([filings.enterpriseId])
          .from(filings)
          .where(inArray(filings.enterpriseId, ids))
          .orderBy(filings.enterpriseId, desc(filings.createdAt), desc(filings.id)),
      (r) => r.enterpriseId,
    ),
    filingsByEnterprise: groupedLoader(
      (ids) =>
        db
          .select()
          .from(filings)
          .where(inArray(filings.enterpriseId, ids))
          .orderBy(desc(filings.createdAt), desc(filings.id)),
      (r) => r.enterpriseId,
    ),
    /** Scope rows of the filings in force today, of each enterprise: its confirmed scope (已备案范围). */
    confirmedScope: groupedLoader(
      async (ids) => {
        const standing = (await inForce.loadMany(ids)).flatMap((r) => (Array.isArray(r) ? r : []));
        if (!standing.length) return [];
        const enterpriseOf = new Map(standing.map((f) => [f.filingId, f.enterpriseId]));
        const rows = await db
          .select()
          .from(filingScopes)
          .where(inArray(filingScopes.filingId, [...enterpriseOf.keys()]))
          .orderBy(asc(filingScopes.occupationCode), asc(filingScopes.workTypeCode));
        return rows.map((r) => ({ ...r, enterpriseId: enterpriseOf.get(r.filingId) as string }));
      },
      (r) => r.enterpriseId,
    ),
    /** Kinds under which each enterprise has a filing in force today. */
    confirmedKinds: inForce,
    /** Every 取消备案资质 of each enterprise, oldest first: shown to whoever reviews its filings. */
    revocationsOf: groupedLoader(
      async (ids) =>
        (
          await db
            .select({ step: filingTransitions, enterpriseId: filings.enterpriseId })
            .from(filingTransitions)
            .innerJoin(filings, eq(filings.id, filingTransitions.filingId))
            .where(and(inArray(filings.enterpriseId, ids), eq(filingTransitions.toStatus, 'REVOKED')))
            .orderBy(asc(filingTransitions.at), asc(filingTransitions.id))
        ).map((r) => ({ ...r.step, enterpriseId: r.enterpriseId })),
      (r) => r.enterpriseId,
    ),
    scopesOf: groupedLoader(
      (ids) =>
        db
          .select()
          .from(filingScopes)
          .where(inArray(filingScopes.filingId, ids))
          .orderBy(asc(filingScopes.occupationCode)),
      (r) => r.filingId,
    ),
    transitionsOf: groupedLoader(
      (ids) =>
        db
          .select()
          .from(filingTransitions)
          .where(inArray(filingTransitions.filingId, ids))
          .orderBy(asc(filingTransitions.at), asc(filingTransitions.id)),
      (r) => r.filingId,
    ),
    servedPartiesOf: groupedLoader(
      (ids) =>
        db
          .select()
          .from(filingServedParties)
          .where(inArray(filingServedParties.filingId, ids))
          .orderBy(asc(filingServedParties.name)),
      (r) => r.filingId,
    ),
    attachmentsOf: groupedLoader(
      (ids) =>
        db
          .select()
          .from(filingAttachments)
          .where(inArray(filingAttachments.filingId, ids))
          .orderBy(asc(filingAttachments.title)),
      (r) => r.filingId,
    ),
    /** 龙头企业依据 of each filing (社会评价组织 filings only). */
    leadingGroundsOf: keyedLoader(
      (ids) => db.select().from(filingLeadingGrounds).where(inArray(filingLeadingGrounds.filingId, ids)),
      (r) => r.filingId,
    ),
    groundsEvidenceOf: groupedLoader(
      (ids) =>
        db
          .select()
          .from(filingGroundsEvidence)
          .where(inArray(filingGroundsEvidence.filingId, ids))
          .orderBy(asc(filingGroundsEvidence.title), asc(filingGroundsEvidence.id)),
      (r) => r.filingId,
    ),
    specificationsOf: groupedLoader(
      (ids) =>
        db
          .select()
          .from(enterpriseSpecifications)
          .where(inArray(enterpriseSpecifications.enterpriseId, ids))
          .orderBy(desc(enterpriseSpecifications.createdAt)),
      (r) => r.enterpriseId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
