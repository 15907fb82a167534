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
  groupedLoader,
  groupPageLoader,
  inspectors,
  isUuid,
  keyedLoader,
  postRevocationDecisions,
  supervisorDispatches,
} from '@hub/db';
import { asc, eq, inArray, isNotNull } from 'drizzle-orm';

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
export type DecisionRow = typeof postRevocationDecisions.$inferSelect;

export { isUuid };

/** One loader per scope asked (a request has one caller, so one), made when first asked. */
function perScope<L>(make: (scope: string) => L) {
  const made = new Map<string, L>();
  return (scope: string): L => {
    let loader = made.get(scope);
    if (!loader) {
      loader = make(scope);
      made.set(scope, loader);
    }
    return loader;
  };
}

/** Request-scoped loaders: every batch of keys becomes one SQL statement. */
export function createLoaders(db: Db) {
  return {
    caseById: keyedLoader(
      (ids) => db.select().from(cases).where(inArray(cases.id, ids)),
      (r) => r.id,
    ),
    /**
     * One page of cases per enterprise, all enterprises of a request in one statement, within a
     * reach: `all`, a 市州's (属地), or those the enterprise has been `notified` of.
     */
    casePage: perScope((scope: 'all' | 'notified' | string) =>
      groupPageLoader(
        db,
        cases,
        {
          groupBy: cases.enterpriseId,
          orderBy: cases.id,
          where:
            scope === 'all'
              ? undefined
              : scope === 'notified'
                ? isNotNull(cases.notifiedOn)
                : eq(cases.prefectureCode, scope),
        },
        isUuid,
      ),
    ),
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
    decisionsByCase: groupedLoader(
      (ids) =>
        db
          .select()
          .from(postRevocationDecisions)
          .where(inArray(postRevocationDecisions.caseId, ids))
          .orderBy(asc(postRevocationDecisions.decidedAt)),
      (r) => r.caseId,
    ),
    dispatchesByPlan: groupedLoader(
      (ids) => db.select().from(supervisorDispatches).where(inArray(supervisorDispatches.planId, ids)),
      (r) => r.planId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
