import { and, asc, eq, gt, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { certificates, evaluationPlans } from '../schema/assessment.ts';

/**
 * Read-only facts of the assessments domain that supervision needs beyond db/src/read/assessment.ts:
 * plans by id (external supervisor dispatch), certificates outside the confirmed scope on their
 * issue day, certificates issued per plan, and an institution's certificates for review after
 * 取消备案资质. Written by the supervision domain over the assessment tables as committed;
 * nothing here writes.
 */

const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];

export interface PlanFacts {
  planId: string;
  enterpriseId: string;
  prefectureCode: string;
  occupationCode: string;
  workTypeCode: string | null;
  level: number;
  status: 'REPORTED' | 'REVIEWED' | 'PUBLICISED' | 'SUBMITTED';
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
 * 超范围认定 after the fact: valid certificates that no confirmed scope row of the issuer covered on
 * their issue day (China time), or issued on or after its 取消备案资质 — the same test as
 * `isInConfirmedScope` (suspensions aside), set-based, grouped by institution, occupation and level.
 */
export async function outOfScopeCertificates(
  db: Db,
  f: { enterpriseIds?: readonly string[]; prefectureCode?: string | null } = {},
): Promise<OutOfScopeGroup[]> {
  const ids = f.enterpriseIds ? [...f.enterpriseIds] : null;
  if (ids && !ids.length) return [];
  const result = await db.execute(sql`
    select c.enterprise_id as "enterpriseId", c.prefecture_code as "prefectureCode",
           c.occupation_code as "occupationCode", c.work_type_code as "workTypeCode", c.level::int as level,
           count(*)::int as count, min(c.number) as "sampleNumber",
           min(c.issued_on)::text as "firstIssuedOn", max(c.issued_on)::text as "lastIssuedOn"
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
      and (
        not exists (
          select 1
          from enterprise.filings fl
          join enterprise.filing_scopes s on s.filing_id = fl.id
          where fl.enterprise_id = c.enterprise_id
            and fl.confirmed_at is not null
            and (fl.confirmed_at at time zone 'Asia/Shanghai')::date <= c.issued_on
            and s.occupation_code = c.occupation_code
            and (s.work_type_code is null or s.work_type_code = c.work_type_code)
            and c.level = any (s.levels)
        )
        or exists (
          select 1
          from enterprise.filing_transitions t
          join enterprise.filings fl on fl.id = t.filing_id
          where fl.enterprise_id = c.enterprise_id
            and t.to_status = 'REVOKED'
            and (t.at at time zone 'Asia/Shanghai')::date <= c.issued_on
        )
      )
    group by c.enterprise_id, c.prefecture_code, c.occupation_code, c.work_type_code, c.level
    order by c.enterprise_id, c.occupation_code, c.level`);
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
