import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../client.ts';

const day = (column: string) => sql.raw(`(${column} at time zone 'Asia/Shanghai')::date`);

/**
 * Is the filing aliased `f` (a row of enterprise.filings) in force on `onDate` (a calendar day in
 * China time)? It is when it had been confirmed (人社部备案确认) on or before that day, and by then
 * - no later filing of the same enterprise and kind had been confirmed: an amendment (变更备案)
 *   states the whole scope of its kind, so it replaces the one before (scope may grow or shrink);
 * - the enterprise had not left the catalog after it was confirmed: no 取消备案资质 (REVOKED) and
 *   no 注销 (CANCELLED) since. A filing confirmed after a revocation or a 注销 starts afresh.
 */
export function filingInForce(f: string, onDate: string): SQL {
  const a = sql.raw(f);
  return sql`(
    ${a}.confirmed_at is not null
    and ${day(`${f}.confirmed_at`)} <= ${onDate}::date
    and not exists (
      select 1 from enterprise.filings later
      where later.enterprise_id = ${a}.enterprise_id
        and later.kind = ${a}.kind
        and later.confirmed_at > ${a}.confirmed_at
        and ${day('later.confirmed_at')} <= ${onDate}::date
    )
    and not exists (
      select 1
      from enterprise.filing_transitions gone
      join enterprise.filings gf on gf.id = gone.filing_id
      where gf.enterprise_id = ${a}.enterprise_id
        and gone.to_status in ('REVOKED', 'CANCELLED')
        and gone.at > ${a}.confirmed_at
        and ${day('gone.at')} <= ${onDate}::date
    )
  )`;
}

/** 资格类别: an institution may hold either qualification, or both, each with its own filings. */
export type InstitutionKind = 'ENTERPRISE_SELF_EVALUATION' | 'SOCIAL_EVALUATION_ORGANIZATION';

export interface FilingInForce {
  filingId: string;
  enterpriseId: string;
  kind: InstitutionKind;
}

/** The filings in force on a day for these enterprises (at most one per enterprise and kind). */
export async function filingsInForce(db: Db, enterpriseIds: readonly string[], onDate: string) {
  if (!enterpriseIds.length) return [];
  const result = await db.execute(sql`
    select f.id as "filingId", f.enterprise_id as "enterpriseId", f.kind as kind
    from enterprise.filings f
    where f.enterprise_id in (${sql.join(
      enterpriseIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
      and ${filingInForce('f', onDate)}
  `);
  return rowsOf<FilingInForce>(result);
}

export interface ScopeQuestion {
  enterpriseId: string;
  occupationCode: string;
  workTypeCode?: string | null;
  level: number;
  onDate: string;
}

/** True when the enterprise's last suspension or resumption by that day was a suspension (暂停). */
const suspendedSql = (enterpriseId: string, onDate: string): SQL => sql`coalesce((
        select t.to_status = 'SUSPENDED'
        from enterprise.filing_transitions t
        join enterprise.filings sf on sf.id = t.filing_id
        where sf.enterprise_id = ${enterpriseId}
          and (t.to_status = 'SUSPENDED' or t.from_status = 'SUSPENDED')
          and ${day('t.at')} <= ${onDate}::date
        order by t.at desc, t.id desc
        limit 1
      ), false)`;

/** Is the institution suspended (资质暂停) on that day? Then it evaluates under neither qualification. */
export async function suspendedOn(db: Db, enterpriseId: string, onDate: string): Promise<boolean> {
  const result = await db.execute<{ suspended: boolean }>(
    sql`select ${suspendedSql(enterpriseId, onDate)} as suspended`,
  );
  return rowsOf<{ suspended: boolean }>(result)[0]?.suspended === true;
}

/**
 * 已备案范围, by qualification: under which qualifications (资格类别) may this enterprise evaluate
 * this occupation (and work type) at this level on this date? An enterprise holding both, 企业自主
 * 评价 and 社会评价组织, has a scope for each; a plan runs under one of them.
 *
 * A kind is listed when, on `onDate` (a calendar day in China time):
 * - its filing of that kind in force that day (`filingInForce`) has a scope row naming the
 *   occupation with the level among its levels; a row naming a work type covers only that work
 *   type, a row without one covers the whole occupation;
 * - and the enterprise was not suspended (its last suspension or reinstatement on or before that
 *   day being a suspension): a suspended enterprise evaluates under neither.
 */
export async function scopeQualifications(db: Db, q: ScopeQuestion): Promise<InstitutionKind[]> {
  const result = await db.execute<{ kind: InstitutionKind }>(sql`
    select distinct f.kind::text as kind
    from enterprise.filings f
    join enterprise.filing_scopes s on s.filing_id = f.id
    where f.enterprise_id = ${q.enterpriseId}
      and ${filingInForce('f', q.onDate)}
      and s.occupation_code = ${q.occupationCode}
      and (s.work_type_code is null or s.work_type_code = ${q.workTypeCode ?? null})
      and ${q.level}::smallint = any (s.levels)
      and ${suspendedSql(q.enterpriseId, q.onDate)} = false
    order by 1
  `);
  return rowsOf<{ kind: InstitutionKind }>(result).map((r) => r.kind);
}

/**
 * 是否在已备案范围内: may this enterprise evaluate this occupation (and work type) at this level on
 * this date — under the qualification `kind` when given, under either otherwise? The one place other
 * domains ask it (超范围认定 is refused and is a violation); `scopeQualifications` says the rule.
 */
export async function isInConfirmedScope(
  db: Db,
  q: ScopeQuestion & { kind?: InstitutionKind | null },
): Promise<boolean> {
  const kinds = await scopeQualifications(db, q);
  return q.kind ? kinds.includes(q.kind) : kinds.length > 0;
}
