import {
  type Db,
  enterpriseSpecifications,
  enterprises,
  filingAttachments,
  filingScopes,
  filingServedParties,
  filings,
  filingTransitions,
  groupedLoader,
  keyedLoader,
} from '@hub/db';
import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';

export type EnterpriseRow = typeof enterprises.$inferSelect;
export type FilingRow = typeof filings.$inferSelect;
export type ScopeRow = typeof filingScopes.$inferSelect;
export type TransitionRow = typeof filingTransitions.$inferSelect;
export type ServedPartyRow = typeof filingServedParties.$inferSelect;
export type AttachmentRow = typeof filingAttachments.$inferSelect;
export type SpecificationRow = typeof enterpriseSpecifications.$inferSelect;

/** Request-scoped loaders: every batch of keys becomes one SQL statement. */
export function createLoaders(db: Db) {
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
    /** Scope rows of every confirmed filing of each enterprise: its confirmed scope (已备案范围). */
    confirmedScope: groupedLoader(
      async (ids) =>
        (
          await db
            .select({ scope: filingScopes, enterpriseId: filings.enterpriseId })
            .from(filingScopes)
            .innerJoin(filings, eq(filings.id, filingScopes.filingId))
            .where(and(inArray(filings.enterpriseId, ids), isNotNull(filings.confirmedAt)))
            .orderBy(asc(filingScopes.occupationCode), asc(filingScopes.workTypeCode))
        ).map((r) => ({ ...r.scope, enterpriseId: r.enterpriseId })),
      (r) => r.enterpriseId,
    ),
    /** Kinds under which each enterprise has a confirmed filing. */
    confirmedKinds: groupedLoader(
      (ids) =>
        db
          .selectDistinct({ enterpriseId: filings.enterpriseId, kind: filings.kind })
          .from(filings)
          .where(and(inArray(filings.enterpriseId, ids), isNotNull(filings.confirmedAt))),
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
