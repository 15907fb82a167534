import {
  announcements,
  appointments,
  assessors,
  candidates,
  certificates,
  type Db,
  evaluationPlans,
  keysetPage,
} from '@hub/db';
import { hubError, reachOf } from '@hub/platform';
import { and, type Column, count, eq, isNotNull, isNull, lte, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Context } from '../builder.ts';
import type { AnnouncementRow, AssessorRow, CandidateRow, CertificateRow, PlanRow } from '../loaders.ts';
import { overdueIssuedOnOrBefore } from '../rules/national-upload.ts';

/** A list read page by page (keyset, after a key), and its whole length when asked. */
export interface Pages<T> {
  page: (afterKey: string | undefined, limit: number) => Promise<T[]>;
  count: () => Promise<number>;
}

async function countWhere(db: Db, table: PgTable, where: (SQL | undefined)[]): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(table)
    .where(and(...where));
  return row?.n ?? 0;
}

/** A table's rows meeting `where`, paged by its unique `key`. */
function keyset<T>(db: Db, table: PgTable, key: Column, where: (SQL | undefined)[]): Pages<T> {
  return {
    page: (afterKey, limit) => keysetPage(db, table, key, { where, afterKey, limit }) as Promise<T[]>,
    count: () => countWhere(db, table, where),
  };
}

export const announcementPages = (ctx: Context, institutionId: string) =>
  keyset<AnnouncementRow>(ctx.db, announcements, announcements.id, [eq(announcements.institutionId, institutionId)]);

export const appointmentPages = (ctx: Context, institutionId: string) =>
  keyset<typeof appointments.$inferSelect>(ctx.db, appointments, appointments.id, [
    eq(appointments.institutionId, institutionId),
  ]);

export const assessorPages = (ctx: Context, institutionId: string) =>
  keyset<AssessorRow>(ctx.db, assessors, assessors.id, [eq(assessors.institutionId, institutionId)]);

/** A plan's candidates: pages through the request's batched loader, counted per plan. */
export const candidatePages = (ctx: Context, planId: string): Pages<CandidateRow> => ({
  page: (afterKey, limit) => ctx.loaders.candidatePage(afterKey, limit).load(planId),
  count: () => countWhere(ctx.db, candidates, [eq(candidates.planId, planId)]),
});

/** An enterprise's certificates (only those issued in `prefecture`, for a city authority). */
export const enterpriseCertificatePages = (
  ctx: Context,
  enterpriseId: string,
  prefecture: string | undefined,
): Pages<CertificateRow> => ({
  page: (afterKey, limit) => ctx.loaders.certificatePage(prefecture)(afterKey, limit).load(enterpriseId),
  count: () =>
    countWhere(ctx.db, certificates, [
      eq(certificates.enterpriseId, enterpriseId),
      prefecture ? eq(certificates.prefectureCode, prefecture) : undefined,
    ]),
});

/** An enterprise's plans (only those reported in `prefecture`, for a city authority). */
export const enterprisePlanPages = (
  ctx: Context,
  enterpriseId: string,
  prefecture: string | undefined,
): Pages<PlanRow> => ({
  page: (afterKey, limit) => ctx.loaders.planPage(prefecture)(afterKey, limit).load(enterpriseId),
  count: () =>
    countWhere(ctx.db, evaluationPlans, [
      eq(evaluationPlans.enterpriseId, enterpriseId),
      prefecture ? eq(evaluationPlans.prefectureCode, prefecture) : undefined,
    ]),
});

/**
 * Certificates the caller may see (an enterprise its own, a city centre its 市州 of issue, the
 * province all), optionally of one occupation or level. A caller who may list none is refused at once.
 */
export function certificateListPages(
  ctx: Context,
  filter: {
    occupationCode?: string | null;
    level?: number | null;
    nationalUpload?: 'NOT_UPLOADED' | 'OVERDUE' | 'NEEDS_CORRECTION' | null;
  },
): Pages<CertificateRow> {
  const reach = reachOf(ctx.caller);
  const scope: SQL[] = [];
  if (reach.kind === 'none') throw hubError('FORBIDDEN', `role ${ctx.caller.role} may not list certificates`);
  if (reach.kind === 'enterprise') scope.push(eq(certificates.enterpriseId, reach.enterpriseId));
  // The 市州 stored at issue: 属地 without asking the enterprises domain for every enterprise of the 市州.
  if (reach.kind === 'prefecture') scope.push(eq(certificates.prefectureCode, reach.prefecture));
  if (filter.occupationCode) scope.push(eq(certificates.occupationCode, filter.occupationCode));
  if (filter.level != null) scope.push(eq(certificates.level, filter.level));
  if (filter.nationalUpload === 'NOT_UPLOADED') {
    scope.push(isNull(certificates.uploadedOn), eq(certificates.status, 'VALID'));
  }
  if (filter.nationalUpload === 'OVERDUE') {
    scope.push(
      isNull(certificates.uploadedOn),
      eq(certificates.status, 'VALID'),
      lte(certificates.issuedOn, overdueIssuedOnOrBefore(ctx.clock.today(), ctx.nationalUploadDays)),
    );
  }
  if (filter.nationalUpload === 'NEEDS_CORRECTION') scope.push(isNotNull(certificates.nationalCorrectionSince));
  return keyset<CertificateRow>(ctx.db, certificates, certificates.number, scope);
}

export { countWhere, keyset };
