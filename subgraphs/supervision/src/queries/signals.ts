import {
  cases,
  certificateCountsByLevel,
  type Db,
  lateResultSubmissions,
  outOfScopeCertificates,
  overdueNationalUploads,
  plansWithCertificates,
  shortPublicities,
  supervisorDispatches,
} from '@hub/db';
import { inArray } from 'drizzle-orm';
import {
  highLevelShareSignals,
  lateResultSignal,
  missingSupervisionSignal,
  outOfScopeSignal,
  overdueUploadCutoff,
  overdueUploadSignal,
  type Signal,
  SUPERVISED_LEVELS,
  shortPublicitySignal,
} from '../rules/signals.ts';

/**
 * Computes the risk signals of some institutions (or a 市州, or all) as of a day, from the
 * assessments and enterprises domains' read functions and supervision's own dispatch records.
 * Peers for the technician share are always the whole province.
 */
export async function computeSignals(
  db: Db,
  f: { enterpriseIds?: readonly string[]; prefecture?: string | null; asOf: string; nationalUploadDays: number },
): Promise<Signal[]> {
  const filter = {
    ...(f.enterpriseIds ? { enterpriseIds: f.enterpriseIds } : {}),
    ...(f.prefecture ? { prefectureCode: f.prefecture } : {}),
  };
  const [outside, counts, late, short, issued, notUploaded] = await Promise.all([
    outOfScopeCertificates(db, filter),
    certificateCountsByLevel(db, {}),
    lateResultSubmissions(db, { ...filter, asOf: f.asOf }),
    shortPublicities(db, filter),
    plansWithCertificates(db, { ...filter, levels: SUPERVISED_LEVELS }),
    overdueNationalUploads(db, {
      issuedOnOrBefore: overdueUploadCutoff(f.asOf, f.nationalUploadDays),
      prefectureCode: f.prefecture ?? null,
    }),
  ]);
  const dispatched = issued.length
    ? new Set(
        (
          await db
            .selectDistinct({ planId: supervisorDispatches.planId })
            .from(supervisorDispatches)
            .where(
              inArray(
                supervisorDispatches.planId,
                issued.map((p) => p.planId),
              ),
            )
        ).map((d) => d.planId),
      )
    : new Set<string>();
  const wanted = (s: { enterpriseId: string; prefectureCode: string }) =>
    (!f.enterpriseIds || f.enterpriseIds.includes(s.enterpriseId)) &&
    (!f.prefecture || s.prefectureCode === f.prefecture);
  const signals: Signal[] = [
    ...outside.map(outOfScopeSignal),
    ...highLevelShareSignals(counts).filter(wanted),
    ...late.map(lateResultSignal),
    ...short.map(shortPublicitySignal),
    ...issued.filter((p) => !dispatched.has(p.planId)).map(missingSupervisionSignal),
    ...notUploaded.filter(wanted).map((g) => overdueUploadSignal(g, f.asOf, f.nationalUploadDays)),
  ];
  return signals.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Cases already opened on these signals, by signal key. */
export async function casesForSignals(db: Db, keys: readonly string[]) {
  if (!keys.length) return new Map<string, typeof cases.$inferSelect>();
  const rows = await db
    .select()
    .from(cases)
    .where(inArray(cases.signalKey, [...keys]));
  return new Map(rows.map((r) => [r.signalKey as string, r]));
}
