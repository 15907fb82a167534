import {
  campaignAssignments,
  campaignInstitutions,
  campaigns,
  caseEvents,
  caseFindings,
  cases,
  certificateOrders,
  complaints,
  type Db,
  groupPageLoader,
  inspectors,
  supervisorDispatches,
} from '@hub/db';
import DataLoader from 'dataloader';
import { asc, inArray } from 'drizzle-orm';

export type CaseRow = typeof cases.$inferSelect;
export type FindingRow = typeof caseFindings.$inferSelect;
export type EventRow = typeof caseEvents.$inferSelect;
export type InspectorRow = typeof inspectors.$inferSelect;
export type CampaignRow = typeof campaigns.$inferSelect;
export type DrawnRow = typeof campaignInstitutions.$inferSelect;
export type AssignmentRow = typeof campaignAssignments.$inferSelect;
export type ComplaintRow = typeof complaints.$inferSelect;
export type DispatchRow = typeof supervisorDispatches.$inferSelect;
export type CertificateOrderRow = typeof certificateOrders.$inferSelect;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Loads rows for many keys in one statement and hands them back in key order. */
function keyedLoader<R>(fetch: (keys: string[]) => Promise<R[]>, keyOf: (row: R) => string) {
  return new DataLoader<string, R | null>(async (keys) => {
    const wanted = [...new Set(keys.filter((k) => UUID.test(k)))];
    const rows = wanted.length ? await fetch(wanted) : [];
    const byKey = new Map(rows.map((r) => [keyOf(r), r]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/** Loads the rows of many parents in one statement, grouped by parent in key order. */
function groupedLoader<R>(fetch: (keys: string[]) => Promise<R[]>, parentOf: (row: R) => string) {
  return new DataLoader<string, R[]>(async (keys) => {
    const wanted = [...new Set(keys.filter((k) => UUID.test(k)))];
    const rows = wanted.length ? await fetch(wanted) : [];
    const byParent = new Map<string, R[]>();
    for (const r of rows) byParent.set(parentOf(r), [...(byParent.get(parentOf(r)) ?? []), r]);
    return keys.map((k) => byParent.get(k) ?? []);
  });
}

/** Request-scoped loaders: every batch of keys becomes one SQL statement. */
export function createLoaders(db: Db) {
  return {
    caseById: keyedLoader(
      (ids) => db.select().from(cases).where(inArray(cases.id, ids)),
      (r) => r.id,
    ),
    /** One page of cases per enterprise, all enterprises of a request in one statement. */
    casePage: groupPageLoader(db, cases, { groupBy: cases.enterpriseId, orderBy: cases.id }, (id) => UUID.test(id)),
    findingsByCase: groupedLoader(
      (ids) =>
        db.select().from(caseFindings).where(inArray(caseFindings.caseId, ids)).orderBy(asc(caseFindings.recordedAt)),
      (r) => r.caseId,
    ),
    eventsByCase: groupedLoader(
      (ids) => db.select().from(caseEvents).where(inArray(caseEvents.caseId, ids)).orderBy(asc(caseEvents.id)),
      (r) => r.caseId,
    ),
    ordersByCase: groupedLoader(
      (ids) =>
        db
          .select()
          .from(certificateOrders)
          .where(inArray(certificateOrders.caseId, ids))
          .orderBy(asc(certificateOrders.certificateNumber)),
      (r) => r.caseId,
    ),
    inspectorById: keyedLoader(
      (ids) => db.select().from(inspectors).where(inArray(inspectors.id, ids)),
      (r) => r.id,
    ),
    campaignById: keyedLoader(
      (ids) => db.select().from(campaigns).where(inArray(campaigns.id, ids)),
      (r) => r.id,
    ),
    drawnByCampaign: groupedLoader(
      (ids) =>
        db
          .select()
          .from(campaignInstitutions)
          .where(inArray(campaignInstitutions.campaignId, ids))
          .orderBy(asc(campaignInstitutions.position)),
      (r) => r.campaignId,
    ),
    assignmentsByCampaign: groupedLoader(
      (ids) => db.select().from(campaignAssignments).where(inArray(campaignAssignments.campaignId, ids)),
      (r) => r.campaignId,
    ),
    complaintById: keyedLoader(
      (ids) => db.select().from(complaints).where(inArray(complaints.id, ids)),
      (r) => r.id,
    ),
    dispatchesByPlan: groupedLoader(
      (ids) => db.select().from(supervisorDispatches).where(inArray(supervisorDispatches.planId, ids)),
      (r) => r.planId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
