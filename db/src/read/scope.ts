import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../client.ts';

/**
 * 是否在已备案范围内: may this enterprise evaluate this occupation (and work
 * type) at this level on this date? The one place other domains ask it
 * (超范围认定 is refused and is a violation).
 *
 * True when, on `onDate` (a calendar day in China time):
 * - a filing of the enterprise had been confirmed (人社部备案确认) on or before that day,
 *   and one of its scope rows names the occupation with the level among its levels;
 *   a row naming a work type covers only that work type, a row without one covers
 *   the whole occupation;
 * - and the enterprise was neither revoked (取消备案资质, at any time on or before that
 *   day) nor suspended (its last suspension or reinstatement on or before that day
 *   being a suspension).
 */
export async function isInConfirmedScope(
  db: Db,
  q: { enterpriseId: string; occupationCode: string; workTypeCode?: string | null; level: number; onDate: string },
): Promise<boolean> {
  const day = (column: string) => sql.raw(`(${column} at time zone 'Asia/Shanghai')::date`);
  const result = await db.execute<{ ok: boolean }>(sql`
    select
      exists (
        select 1
        from enterprise.filings f
        join enterprise.filing_scopes s on s.filing_id = f.id
        where f.enterprise_id = ${q.enterpriseId}
          and f.confirmed_at is not null
          and ${day('f.confirmed_at')} <= ${q.onDate}::date
          and s.occupation_code = ${q.occupationCode}
          and (s.work_type_code is null or s.work_type_code = ${q.workTypeCode ?? null})
          and ${q.level}::smallint = any (s.levels)
      )
      and not exists (
        select 1
        from enterprise.filing_transitions t
        join enterprise.filings f on f.id = t.filing_id
        where f.enterprise_id = ${q.enterpriseId}
          and t.to_status = 'REVOKED'
          and ${day('t.at')} <= ${q.onDate}::date
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
