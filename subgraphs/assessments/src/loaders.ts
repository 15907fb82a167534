import {
  announcementOpenings,
  announcements,
  archiveLedger,
  assessors,
  candidateEvidence,
  candidates,
  certificates,
  committeeMembers,
  contestPlacings,
  type Db,
  enterpriseName,
  enterpriseNameOf,
  enterprisePrefectures,
  evaluationPlans,
  examinedMaterials,
  groupPageLoader,
  moduleScores,
  objections,
  occupationName,
  occupationNameOf,
  planChanges,
  planModules,
  planStaff,
  preparedPer,
  type ReadRoute,
  readRoute,
  residentIdLookup,
  resultSignOffs,
  reviewDefenceRecords,
  scores,
  uploadBatches,
  workerCredentials,
  workerRecordChanges,
  workers,
  workTypeNameOf,
} from '@hub/db';
import DataLoader from 'dataloader';
import { asc, type Column, eq, getColumns, inArray, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { calendarBetween } from './calendar.ts';
import type { OfficialCalendar } from './rules/working-days.ts';

export type CertificateRow = typeof certificates.$inferSelect;
/**
 * A certificate as the public lookups read it: its row and, when its statement selected them
 * (证书查询 by number and name), the names of its occupation, issuer and work type.
 */
export type VerifiedRow = CertificateRow & {
  occupationName?: string | null;
  issuerName?: string | null;
  workTypeName?: string | null;
};
export type PlanRow = typeof evaluationPlans.$inferSelect;
export type CandidateRow = typeof candidates.$inferSelect;
export type WorkerRow = typeof workers.$inferSelect;
export type AssessorRow = typeof assessors.$inferSelect;
export type AnnouncementRow = typeof announcements.$inferSelect;
export type ObjectionRow = typeof objections.$inferSelect;
export type ScoreRow = typeof scores.$inferSelect;
export type PlanModuleRow = typeof planModules.$inferSelect;
export type ContestPlacingRow = typeof contestPlacings.$inferSelect;
export type ModuleScoreRow = typeof moduleScores.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One row per key, many keys in one statement. */
function byKey<R>(
  db: Db,
  table: PgTable,
  column: Column,
  keyOf: (r: R) => string,
  valid = (k: string) => UUID.test(k),
) {
  return new DataLoader<string, R | null>(async (keys) => {
    const wanted = [...new Set(keys.filter(valid))];
    const rows = (wanted.length ? await db.select().from(table).where(inArray(column, wanted)) : []) as unknown as R[];
    const map = new Map(rows.map((r) => [keyOf(r), r]));
    return keys.map((k) => map.get(k) ?? null);
  });
}

/** All rows per parent key (small child lists: staff, scores, openings), many parents in one statement. */
function byParent<R>(db: Db, table: PgTable, column: Column, parentOf: (r: R) => string, order: Column) {
  return new DataLoader<string, R[]>(async (keys) => {
    const wanted = [...new Set(keys.filter((k) => UUID.test(k)))];
    const rows = (wanted.length
      ? await db.select().from(table).where(inArray(column, wanted)).orderBy(asc(order))
      : []) as unknown as R[];
    const map = new Map<string, R[]>();
    for (const r of rows) map.set(parentOf(r), [...(map.get(parentOf(r)) ?? []), r]);
    return keys.map((k) => map.get(k) ?? []);
  });
}

/**
 * 证书查询's statement, prepared once per database handle: the certificates whose number and holder
 * name both match one of the pairs asked (number and name in one predicate: a near-miss and an
 * unknown number cost the same and say the same), with the names a verifier's page shows, through
 * the owning domains' expressions (`occupationNameOf`, `enterpriseNameOf`, `workTypeNameOf`). The
 * pairs come as two arrays, so the lookups of a batch from the gateway (合批) are one statement,
 * one round trip and one answer to read, whatever their number.
 */
const certificatesByNumberAndName = preparedPer((db) =>
  db
    .select({
      ...getColumns(certificates),
      occupationName: occupationNameOf(certificates.occupationCode),
      issuerName: enterpriseNameOf(certificates.enterpriseId),
      workTypeName: workTypeNameOf(certificates.workTypeCode),
    })
    .from(certificates)
    .where(
      // char(22) like the column, so the primary key serves each pair (a text array would not).
      sql`(${certificates.number}, ${certificates.holderName}) in (select * from unnest(${sql.placeholder('numbers')}::bpchar[], ${sql.placeholder('names')}::text[]))`,
    )
    .prepare('verify_certificates'),
);

/** One loader per 市州 asked (a request has one caller, so one or two), made when first asked. */
function perPrefecture<L>(make: (prefecture: string | undefined) => L) {
  const made = new Map<string, L>();
  return (prefecture: string | undefined): L => {
    const key = prefecture ?? '';
    let loader = made.get(key);
    if (!loader) {
      loader = make(prefecture);
      made.set(key, loader);
    }
    return loader;
  };
}

/** A number and name pair as one string (a number holds no newline). */
const pairKey = ([number, name]: readonly [string, string]) => `${number}\n${name}`;

/** Request-scoped loaders: every batch of keys becomes one SQL statement. `reads`: where 证书查询 reads (replica or primary). */
export function createLoaders(db: Db, reads: ReadRoute = readRoute({ primary: db, caller: { role: 'public' } })) {
  return {
    /** 证书查询 by number and holder name (both normalised), all asked in one tick in one statement. */
    verification: new DataLoader<readonly [number: string, name: string], VerifiedRow | null, string>(
      async (pairs) => {
        const rows = (await reads.lookup((lookupDb) =>
          certificatesByNumberAndName(lookupDb).execute({
            numbers: pairs.map(([n]) => n),
            names: pairs.map(([, h]) => h),
          }),
        )) as VerifiedRow[];
        const found = new Map(rows.map((r) => [pairKey([r.number, r.holderName]), r]));
        return pairs.map((p) => found.get(pairKey(p)) ?? null);
      },
      { cacheKeyFn: pairKey },
    ),
    /** 企业名称 and 职业名称 the public 证书查询 provides (@provides), read through the owning domains' named functions. */
    // One prepared statement per key (a verification names one of each), pipelined on that connection.
    enterpriseName: new DataLoader<string, string | null>((ids) =>
      Promise.all(ids.map((id) => (UUID.test(id) ? reads.lookup((lookupDb) => enterpriseName(lookupDb, id)) : null))),
    ),
    occupationName: new DataLoader<string, string | null>((codes) =>
      Promise.all(codes.map((code) => reads.lookup((lookupDb) => occupationName(lookupDb, code)))),
    ),
    /** The official calendar around a day; every day asked in one tick shares one read of the span they cover. */
    calendarNear: new DataLoader<string, OfficialCalendar>(async (days) => {
      const sorted = [...days].sort();
      const cal = await calendarBetween(db, sorted[0] as string, sorted.at(-1) as string);
      return days.map(() => cal);
    }),
    certificateByNumber: byKey<CertificateRow>(
      db,
      certificates,
      certificates.number,
      (r) => r.number,
      (n) => n.length === 22,
    ),
    /** Certificates the hub issued to a person, by resident ID (whichever institution issued them), found by its keyed hash. */
    certificatesByHolder: new DataLoader<string, CertificateRow[]>(async (ids) => {
      const hashes = ids.map((id) => residentIdLookup(id));
      const rows = await db
        .select()
        .from(certificates)
        .where(inArray(certificates.holderResidentIdHmac, hashes.flat()))
        .orderBy(asc(certificates.issuedOn));
      return hashes.map((hs) => rows.filter((r) => hs.some((h) => h.equals(r.holderResidentIdHmac))));
    }),
    certificateByCandidate: byKey<CertificateRow>(
      db,
      certificates,
      certificates.candidateId,
      (r) => r.candidateId ?? '',
    ),
    /** 市州 of the issuing enterprise, read through the enterprises domain's named function. */
    prefectureOf: new DataLoader<string, string | null>(async (ids) => {
      const map = await enterprisePrefectures(db, ids);
      return ids.map((id) => map.get(id) ?? null);
    }),
    /**
     * One page of certificates per enterprise, all enterprises of a request in one statement; with
     * a 市州, only those issued there (a city authority's reach), filtered before the page is cut.
     */
    certificatePage: perPrefecture((prefecture) =>
      groupPageLoader(db, certificates, {
        groupBy: certificates.enterpriseId,
        orderBy: certificates.number,
        where: prefecture ? eq(certificates.prefectureCode, prefecture) : undefined,
      }),
    ),
    /** One page of plans per enterprise; with a 市州, only those reported there. */
    planPage: perPrefecture((prefecture) =>
      groupPageLoader(db, evaluationPlans, {
        groupBy: evaluationPlans.enterpriseId,
        orderBy: evaluationPlans.id,
        where: prefecture ? eq(evaluationPlans.prefectureCode, prefecture) : undefined,
      }),
    ),
    candidatePage: groupPageLoader(db, candidates, { groupBy: candidates.planId, orderBy: candidates.id }),
    planById: byKey<PlanRow>(db, evaluationPlans, evaluationPlans.id, (r) => r.id),
    candidateById: byKey<CandidateRow>(db, candidates, candidates.id, (r) => r.id),
    workerById: byKey<WorkerRow>(db, workers, workers.id, (r) => r.id),
    assessorById: byKey<AssessorRow>(db, assessors, assessors.id, (r) => r.id),
    announcementById: byKey<AnnouncementRow>(db, announcements, announcements.id, (r) => r.id),
    uploadBatchById: byKey<typeof uploadBatches.$inferSelect>(db, uploadBatches, uploadBatches.id, (r) => r.id),
    staffByPlan: byParent<typeof planStaff.$inferSelect>(
      db,
      planStaff,
      planStaff.planId,
      (r) => r.planId,
      planStaff.role,
    ),
    scoresByCandidate: byParent<ScoreRow>(db, scores, scores.candidateId, (r) => r.candidateId, scores.part),
    placingByCandidate: byKey<ContestPlacingRow>(
      db,
      contestPlacings,
      contestPlacings.candidateId,
      (r) => r.candidateId,
    ),
    /** 考核模块 of a plan, in their order; a candidate's module scores, by the day assessed. */
    modulesByPlan: byParent<PlanModuleRow>(db, planModules, planModules.planId, (r) => r.planId, planModules.position),
    moduleScoresByCandidate: byParent<ModuleScoreRow>(
      db,
      moduleScores,
      moduleScores.candidateId,
      (r) => r.candidateId,
      moduleScores.assessedOn,
    ),
    openingsByAnnouncement: byParent<typeof announcementOpenings.$inferSelect>(
      db,
      announcementOpenings,
      announcementOpenings.announcementId,
      (r) => r.announcementId,
      announcementOpenings.occupationCode,
    ),
    credentialsByWorker: byParent<typeof workerCredentials.$inferSelect>(
      db,
      workerCredentials,
      workerCredentials.workerId,
      (r) => r.workerId,
      workerCredentials.issuedOn,
    ),
    objectionsByPlan: byParent<ObjectionRow>(db, objections, objections.planId, (r) => r.planId, objections.raisedOn),
    changesByPlan: byParent<typeof planChanges.$inferSelect>(
      db,
      planChanges,
      planChanges.planId,
      (r) => r.planId,
      planChanges.createdAt,
    ),
    /** A worker's history, oldest first; the fields of one change in the order of WorkerRecordField. */
    recordChangesByWorker: new DataLoader<string, (typeof workerRecordChanges.$inferSelect)[]>(async (keys) => {
      const wanted = [...new Set(keys.filter((k) => UUID.test(k)))];
      const rows = wanted.length
        ? await db
            .select()
            .from(workerRecordChanges)
            .where(inArray(workerRecordChanges.workerId, wanted))
            .orderBy(asc(workerRecordChanges.createdAt), asc(workerRecordChanges.field))
        : [];
      return keys.map((k) => rows.filter((r) => r.workerId === k));
    }),
    ledgerByPlan: byParent<typeof archiveLedger.$inferSelect>(
      db,
      archiveLedger,
      archiveLedger.planId,
      (r) => r.planId,
      archiveLedger.destroyedOn,
    ),
    examinedByPlan: byParent<typeof examinedMaterials.$inferSelect>(
      db,
      examinedMaterials,
      examinedMaterials.planId,
      (r) => r.planId,
      examinedMaterials.createdAt,
    ),
    evidenceByCandidate: byParent<typeof candidateEvidence.$inferSelect>(
      db,
      candidateEvidence,
      candidateEvidence.candidateId,
      (r) => r.candidateId,
      candidateEvidence.createdAt,
    ),
    committeeMemberById: byKey<typeof committeeMembers.$inferSelect>(
      db,
      committeeMembers,
      committeeMembers.id,
      (r) => r.id,
    ),
    signOffsByPlan: byParent<typeof resultSignOffs.$inferSelect>(
      db,
      resultSignOffs,
      resultSignOffs.planId,
      (r) => r.planId,
      resultSignOffs.signedOn,
    ),
    reviewDefenceByCandidate: byKey<typeof reviewDefenceRecords.$inferSelect>(
      db,
      reviewDefenceRecords,
      reviewDefenceRecords.candidateId,
      (r) => r.candidateId,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
