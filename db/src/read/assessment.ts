import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { certificates, evaluationPlans } from '../schema/assessment.ts';

/**
 * Read-only facts of the assessments domain for other domains (supervision's
 * risk signals and inspections, dashboards). Dates are `YYYY-MM-DD` calendar
 * days in China; deadlines were computed by the assessments domain from the
 * official calendar when the plan was reported or publicised.
 */

export interface PlanFilter {
  enterpriseIds?: readonly string[];
  /** 属地: plans reported by institutions of this 市州. */
  prefectureCode?: string;
  /** Evaluation dates from … to (inclusive). */
  from?: string;
  to?: string;
}

function planWhere(f: PlanFilter): SQL | undefined {
  return and(
    f.enterpriseIds ? inArray(evaluationPlans.enterpriseId, [...f.enterpriseIds]) : undefined,
    f.prefectureCode ? eq(evaluationPlans.prefectureCode, f.prefectureCode) : undefined,
    f.from ? gte(evaluationPlans.evaluationDate, f.from) : undefined,
    f.to ? lte(evaluationPlans.evaluationDate, f.to) : undefined,
  );
}

export interface PlanTimeline {
  planId: string;
  enterpriseId: string;
  prefectureCode: string;
  occupationCode: string;
  workTypeCode: string | null;
  level: number;
  method: string;
  evaluationDate: string;
  reportedOn: string;
  /** 5th working day before the evaluation; null for plans recorded before deadlines were stored. */
  reportDeadline: string | null;
  publicityStartsOn: string | null;
  publicityEndsOn: string | null;
  /** Natural days of publicity, both ends counted (公示期不少于5天). */
  publicityDays: number | null;
  resultDeadline: string | null;
  resultDeadlineConfirmed: boolean | null;
  resultsSubmittedOn: string | null;
}

/** Plans with their dates, reported-on, publicity and result submission: at most `limit` (default 1000), by evaluation date. */
export async function planTimelines(db: Db, f: PlanFilter & { limit?: number } = {}): Promise<PlanTimeline[]> {
  const rows = await db
    .select({
      planId: evaluationPlans.id,
      enterpriseId: evaluationPlans.enterpriseId,
      prefectureCode: evaluationPlans.prefectureCode,
      occupationCode: evaluationPlans.occupationCode,
      workTypeCode: evaluationPlans.workTypeCode,
      level: evaluationPlans.level,
      method: evaluationPlans.method,
      evaluationDate: evaluationPlans.evaluationDate,
      reportedOn: evaluationPlans.reportedOn,
      reportDeadline: evaluationPlans.reportDeadline,
      publicityStartsOn: evaluationPlans.publicityStartsOn,
      publicityEndsOn: evaluationPlans.publicityEndsOn,
      publicityDays: sql<
        number | null
      >`(${evaluationPlans.publicityEndsOn} - ${evaluationPlans.publicityStartsOn} + 1)::int`,
      resultDeadline: evaluationPlans.resultDeadline,
      resultDeadlineConfirmed: evaluationPlans.resultDeadlineConfirmed,
      resultsSubmittedOn: evaluationPlans.resultsSubmittedOn,
    })
    .from(evaluationPlans)
    .where(planWhere(f))
    .orderBy(asc(evaluationPlans.evaluationDate), asc(evaluationPlans.id))
    .limit(f.limit ?? 1000);
  return rows;
}

export interface LateSubmission {
  planId: string;
  enterpriseId: string;
  prefectureCode: string;
  resultDeadline: string;
  resultsSubmittedOn: string | null;
  /** Calendar days past the deadline: at submission, or as of `asOf` when still not submitted. */
  daysLate: number;
}

/** 逾期提交评价结果: plans whose results came after their deadline, or have not come and the deadline is before `asOf`. */
export async function lateResultSubmissions(db: Db, f: PlanFilter & { asOf: string }): Promise<LateSubmission[]> {
  const rows = await db
    .select({
      planId: evaluationPlans.id,
      enterpriseId: evaluationPlans.enterpriseId,
      prefectureCode: evaluationPlans.prefectureCode,
      resultDeadline: evaluationPlans.resultDeadline,
      resultsSubmittedOn: evaluationPlans.resultsSubmittedOn,
      daysLate: sql<number>`(coalesce(${evaluationPlans.resultsSubmittedOn}, ${f.asOf}::date) - ${evaluationPlans.resultDeadline})::int`,
    })
    .from(evaluationPlans)
    .where(
      and(
        planWhere(f),
        isNotNull(evaluationPlans.resultDeadline),
        // A cancelled plan owes no results.
        ne(evaluationPlans.status, 'CANCELLED'),
        or(
          sql`${evaluationPlans.resultsSubmittedOn} > ${evaluationPlans.resultDeadline}`,
          and(isNull(evaluationPlans.resultsSubmittedOn), lt(evaluationPlans.resultDeadline, f.asOf)),
        ),
      ),
    )
    .orderBy(asc(evaluationPlans.resultDeadline), asc(evaluationPlans.id));
  return rows as LateSubmission[];
}

/** 公示期不足5天: plans publicised for fewer natural days (risk signal; the hub refuses new ones). */
export async function shortPublicities(db: Db, f: PlanFilter = {}) {
  return db
    .select({
      planId: evaluationPlans.id,
      enterpriseId: evaluationPlans.enterpriseId,
      prefectureCode: evaluationPlans.prefectureCode,
      publicityStartsOn: evaluationPlans.publicityStartsOn,
      publicityEndsOn: evaluationPlans.publicityEndsOn,
    })
    .from(evaluationPlans)
    .where(
      and(
        planWhere(f),
        isNotNull(evaluationPlans.publicityEndsOn),
        sql`${evaluationPlans.publicityEndsOn} - ${evaluationPlans.publicityStartsOn} + 1 < 5`,
      ),
    );
}

export interface CertificateCount {
  enterpriseId: string;
  prefectureCode: string;
  occupationCode: string;
  level: number;
  valid: number;
  revoked: number;
}

/**
 * Certificates per institution, occupation and level (valid and revoked), issued
 * from … to (inclusive), counted in SQL: for the technician share (技师、高级技师
 * 要控制在科学合理的范围) and dashboards.
 */
export async function certificateCountsByLevel(
  db: Db,
  f: { enterpriseIds?: readonly string[]; prefectureCode?: string; issuedFrom?: string; issuedTo?: string } = {},
): Promise<CertificateCount[]> {
  const rows = await db
    .select({
      enterpriseId: certificates.enterpriseId,
      prefectureCode: certificates.prefectureCode,
      occupationCode: certificates.occupationCode,
      level: certificates.level,
      valid: sql<number>`count(*) filter (where ${certificates.status} = 'VALID')::int`,
      revoked: sql<number>`count(*) filter (where ${certificates.status} = 'REVOKED')::int`,
    })
    .from(certificates)
    .where(
      and(
        f.enterpriseIds ? inArray(certificates.enterpriseId, [...f.enterpriseIds]) : undefined,
        f.prefectureCode ? eq(certificates.prefectureCode, f.prefectureCode) : undefined,
        f.issuedFrom ? gte(certificates.issuedOn, f.issuedFrom) : undefined,
        f.issuedTo ? lte(certificates.issuedOn, f.issuedTo) : undefined,
      ),
    )
    .groupBy(certificates.enterpriseId, certificates.prefectureCode, certificates.occupationCode, certificates.level)
    .orderBy(asc(certificates.enterpriseId), asc(certificates.occupationCode), asc(certificates.level));
  return rows;
}
