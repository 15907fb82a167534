import { and, asc, eq, gt, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../client.ts';
import { certificates, evaluationPlans } from '../schema/assessment.ts';

/**
 * Read-only facts of the assessments domain that supervision needs beyond db/src/read/assessment.ts:
 * plans by id (external supervisor dispatch), certificates outside the confirmed scope on their
 * issue day, certificates issued per plan, and an institution's certificates for review after
 * 取消备案资质. Written by the supervision domain over the assessment tables as committed;
 * nothing here writes.
 */

export interface PlanFacts {
  planId: string;
  enterpriseId: string;
  prefectureCode: string;
  occupationCode: string;
  workTypeCode: string | null;
  level: number;
  status: 'REPORTED' | 'REVIEWED' | 'PUBLICISED' | 'SUBMITTED' | 'CANCELLED';
  evaluationDate: string;
}

/** Evaluation plans by id (unknown ids are left out). */
export async function planFacts(db: Db, planIds: readonly string[]): Promise<Map<string, PlanFacts>> {
  if (!planIds.length) return new Map();
  const rows = await db
    .select({
      planId: evaluationPlans.id,
      enterpriseId: evaluationPlans.enterpriseId,
      prefectureCode: evaluationPlans.prefectureCode,
      occupationCode: evaluationPlans.occupationCode,
      workTypeCode: evaluationPlans.workTypeCode,
      level: evaluationPlans.level,
      status: evaluationPlans.status,
      evaluationDate: evaluationPlans.evaluationDate,
    })
    .from(evaluationPlans)
    .where(inArray(evaluationPlans.id, [...planIds]));
  return new Map(rows.map((r) => [r.planId, r]));
}

export interface OutOfScopeGroup {
  enterpriseId: string;
  prefectureCode: string;
  occupationCode: string;
  workTypeCode: string | null;
  level: number;
  count: number;
  /** The lowest certificate number of the group, as an example. */
  sampleNumber: string;
  firstIssuedOn: string;
  lastIssuedOn: string;
}

/**
 * 超范围认定 after the fact: valid certificates that no confirmed scope row of the issuer's filings
 * of the certificate's qualification (Y: 企业自主评价, S: 社会评价组织 — an enterprise may hold both,
 * each with its own scope) covered on their issue day (China time), or issued on or after its
 * 取消备案资质 — the same test as `isInConfirmedScope` with that kind (suspensions aside),
 * set-based, grouped by institution, occupation and level.
 */
export async function outOfScopeCertificates(
  db: Db,
  f: { enterpriseIds?: readonly string[]; prefectureCode?: string | null } = {},
): Promise<OutOfScopeGroup[]> {
  const ids = f.enterpriseIds ? [...f.enterpriseIds] : null;
  if (ids && !ids.length) return [];
  // Set-based: the day each (institution, qualification, occupation, work type, level) was first covered by a
  // confirmed scope row, and the day of its revocation; certificates are grouped by issue day
  // before the comparison, so millions of rows cost one pass.
  const result = await db.execute(sql`
    with covered as (
      select fl.enterprise_id, fl.kind::text as kind, s.occupation_code, s.work_type_code, l.level::smallint as level,
             min((fl.confirmed_at at time zone 'Asia/Shanghai')::date) as since
      from enterprise.filings fl
      join enterprise.filing_scopes s on s.filing_id = fl.id
      cross join lateral unnest(s.levels) as l(level)
      where fl.confirmed_at is not null
      group by 1, 2, 3, 4, 5
    ),
    revoked as (
      select fl.enterprise_id, min((t.at at time zone 'Asia/Shanghai')::date) as on_day
      from enterprise.filing_transitions t
      join enterprise.filings fl on fl.id = t.filing_id
      where t.to_status = 'REVOKED'
      group by 1
    ),
    issued as (
      select c.enterprise_id, c.prefecture_code, c.occupation_code, c.work_type_code, c.level, c.issued_on,
             case when left(c.number, 1) = 'S' then 'SOCIAL_EVALUATION_ORGANIZATION'
                  else 'ENTERPRISE_SELF_EVALUATION' end as kind,
             count(*)::int as n, min(c.number) as sample
      from assessment.certificates c
      where c.status = 'VALID'
        ${
          ids
            ? sql`and c.enterprise_id in (${sql.join(
                ids.map((id) => sql`${id}::uuid`),
                sql`, `,
              )})`
            : sql``
        }
        ${f.prefectureCode ? sql`and c.prefecture_code = ${f.prefectureCode}` : sql``}
      group by 1, 2, 3, 4, 5, 6, 7
    )
    select i.enterprise_id as "enterpriseId", i.prefecture_code as "prefectureCode",
           i.occupation_code as "occupationCode", i.work_type_code as "workTypeCode", i.level::int as level,
           sum(i.n)::int as count, min(i.sample) as "sampleNumber",
           min(i.issued_on)::text as "firstIssuedOn", max(i.issued_on)::text as "lastIssuedOn"
    from issued i
    left join lateral (
      select min(cv.since) as since
      from covered cv
      where cv.enterprise_id = i.enterprise_id
        and cv.kind = i.kind
        and cv.occupation_code = i.occupation_code
        and (cv.work_type_code is null or cv.work_type_code = i.work_type_code)
        and cv.level = i.level
    ) cov on true
    left join revoked r on r.enterprise_id = i.enterprise_id
    where cov.since is null or i.issued_on < cov.since or (r.on_day is not null and i.issued_on >= r.on_day)
    group by 1, 2, 3, 4, 5
    order by 1, 3, 5`);
  return rowsOf<OutOfScopeGroup>(result);
}

export interface PlanIssue {
  planId: string;
  enterpriseId: string;
  prefectureCode: string;
  occupationCode: string;
  level: number;
  evaluationDate: string;
  certificates: number;
}

/** Plans at these levels that have issued certificates, with how many (valid and revoked). */
export async function plansWithCertificates(
  db: Db,
  f: { levels: readonly number[]; enterpriseIds?: readonly string[]; prefectureCode?: string | null },
): Promise<PlanIssue[]> {
  if (f.enterpriseIds && !f.enterpriseIds.length) return [];
  return db
    .select({
      planId: evaluationPlans.id,
      enterpriseId: evaluationPlans.enterpriseId,
      prefectureCode: evaluationPlans.prefectureCode,
      occupationCode: evaluationPlans.occupationCode,
      level: evaluationPlans.level,
      evaluationDate: evaluationPlans.evaluationDate,
      certificates: sql<number>`count(${certificates.number})::int`,
    })
    .from(evaluationPlans)
    .innerJoin(certificates, eq(certificates.planId, evaluationPlans.id))
    .where(
      and(
        inArray(evaluationPlans.level, [...f.levels]),
        f.enterpriseIds ? inArray(evaluationPlans.enterpriseId, [...f.enterpriseIds]) : undefined,
        f.prefectureCode ? eq(evaluationPlans.prefectureCode, f.prefectureCode) : undefined,
      ),
    )
    .groupBy(evaluationPlans.id)
    .orderBy(asc(evaluationPlans.id));
}

export interface CertificateForReview {
  number: string;
  occupationCode: string;
  level: number;
  issuedOn: string;
  status: 'VALID' | 'REVOKED';
}

/** An institution's certificates in number order (a page after `afterNumber`), for review after revocation. */
export async function institutionCertificates(
  db: Db,
  q: { enterpriseId: string; afterNumber?: string | undefined; limit: number; validOnly?: boolean },
): Promise<CertificateForReview[]> {
  return db
    .select({
      number: certificates.number,
      occupationCode: certificates.occupationCode,
      level: certificates.level,
      issuedOn: certificates.issuedOn,
      status: certificates.status,
    })
    .from(certificates)
    .where(
      and(
        eq(certificates.enterpriseId, q.enterpriseId),
        q.validOnly ? eq(certificates.status, 'VALID') : undefined,
        q.afterNumber ? gt(certificates.number, q.afterNumber) : undefined,
      ),
    )
    .orderBy(asc(certificates.number))
    .limit(q.limit);
}

/** Issuer and status of certificates by number (unknown numbers are left out). */
export async function certificateIssuers(
  db: Db,
  numbers: readonly string[],
): Promise<Map<string, { enterpriseId: string; status: 'VALID' | 'REVOKED' }>> {
  if (!numbers.length) return new Map();
  const rows = await db
    .select({ number: certificates.number, enterpriseId: certificates.enterpriseId, status: certificates.status })
    .from(certificates)
    .where(and(inArray(certificates.number, [...numbers]), isNotNull(certificates.enterpriseId)));
  return new Map(rows.map((r) => [r.number, { enterpriseId: r.enterpriseId, status: r.status }]));
}

export interface OverdueUploadGroup {
  enterpriseId: string;
  prefectureCode: string;
  /** Certificates issued on or before the cut-off day and never uploaded. */
  count: number;
  /** The earliest issue day among them. */
  oldestIssuedOn: string;
}

/**
 * 证书逾期未上报全国证书查询系统 (issue #24 point 6), for supervision's risk signal: per institution,
 * the certificates issued on or before `issuedOnOrBefore` (today minus HUB_NATIONAL_UPLOAD_DAYS
 * minus one, as the assessments domain computes it) that are valid and were never uploaded (one
 * revoked before any upload owes none).
 */
export async function overdueNationalUploads(
  db: Db,
  f: { issuedOnOrBefore: string; prefectureCode?: string | null },
): Promise<OverdueUploadGroup[]> {
  const rows = await db
    .select({
      enterpriseId: certificates.enterpriseId,
      prefectureCode: certificates.prefectureCode,
      count: sql<number>`count(*)::int`,
      oldestIssuedOn: sql<string>`min(${certificates.issuedOn})::text`,
    })
    .from(certificates)
    .where(
      and(
        isNull(certificates.uploadedOn),
        eq(certificates.status, 'VALID'),
        lte(certificates.issuedOn, f.issuedOnOrBefore),
        f.prefectureCode ? eq(certificates.prefectureCode, f.prefectureCode) : undefined,
      ),
    )
    .groupBy(certificates.enterpriseId, certificates.prefectureCode)
    .orderBy(asc(certificates.enterpriseId));
  return rows;
}
