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

export interface FilingInForce {
  filingId: string;
  enterpriseId: string;
  kind: 'ENTERPRISE_SELF_EVALUATION' | 'SOCIAL_EVALUATION_ORGANIZATION';
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

/**
 * 是否在已备案范围内: may this enterprise evaluate this occupation (and work
 * type) at this level on this date? The one place other domains ask it
 * (超范围认定 is refused and is a violation).
 *
 * True when, on `onDate` (a calendar day in China time):
 * - a filing of the enterprise in force that day (`filingInForce`) has a scope row naming the
 *   occupation with the level among its levels; a row naming a work type covers only that work
 *   type, a row without one covers the whole occupation;
 * - and the enterprise was not suspended (its last suspension or reinstatement on or before that
 *   day being a suspension).
 */
export async function isInConfirmedScope(
  db: Db,
  q: { enterpriseId: string; occupationCode: string; workTypeCode?: string | null; level: number; onDate: string },
): Promise<boolean> {
  const result = await db.execute<{ ok: boolean }>(sql`
    select
      exists (
        select 1
        from enterprise.filings f
        join enterprise.filing_scopes s on s.filing_id = f.id
        where f.enterprise_id = ${q.enterpriseId}
          and ${filingInForce('f', q.onDate)}
          and s.occupation_code = ${q.occupationCode}
          and (s.work_type_code is null or s.work_type_code = ${q.workTypeCode ?? null})
          and ${q.level}::smallint = any (s.levels)
      )
      and coalesce((
        select t.to_status = 'SUSPENDED'
        from enterprise.filing_transitions t
        join enterprise.filings f on f.id = t.filing_id
        where f.enterprise_id = ${q.enterpriseId}
          and (t.to_status = 'SUSPENDED' or t.from_status = 'SUSPENDED')
          and ${day('t.at')} <= ${q.onDate}::date
        order by t.at desc, t.id desc
        limit 1
      ), false) = false
      as ok
  `);
  return rowsOf<{ ok: boolean }>(result)[0]?.ok === true;
}
