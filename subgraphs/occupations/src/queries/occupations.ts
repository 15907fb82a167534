/**
 * Reads of the dictionary for `occupations(...)`: a page after a key, and the whole list's length.
 * Without a search the list is ordered by code (the key is the code). With one it is ranked by
 * relevance — an exact name, alias or code first, then a name, alias or code that begins with the
 * text, then the rest (a name or alias containing it), each band by code — and the key is the band
 * with the code (`1|6-31-01-03`), so that pages stay stable while rows are added.
 */
import { type Db, occupations } from '@hub/db';
import { hubError } from '@hub/platform';
import { and, asc, count, eq, getColumns, gt, ilike, or, type SQL, sql } from 'drizzle-orm';
import type { OccupationRow } from '../loaders.ts';

export interface OccupationFilter {
  /** Part of a name or an alias, or a code prefix (trimmed, 1–50 characters). */
  search?: string | undefined;
  parent?: string | undefined;
  /** 1 大类 … 4 职业 */
  level?: number | undefined;
  isSkill?: boolean | undefined;
}

export interface OccupationPages {
  page: (afterKey: string | undefined, limit: number) => Promise<OccupationRow[]>;
  count: () => Promise<number>;
  /** The key a row of this list is paged by. */
  keyOf: (row: OccupationRow) => string;
}

/** The relevance bands of a search: 0 exact, 1 prefix, 2 contains. */
export const SEARCH_BANDS = 3;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The rows' relevance band for `search` (0 exact, 1 prefix, 2 the rest), as SQL. */
function band(search: string): SQL<number> {
  const prefix = `${escapeLike(search)}%`;
  return sql<number>`(case
    when ${occupations.name} = ${search} or ${occupations.code} = ${search} or ${search} = any(${occupations.aliases}) then 0
    when ${occupations.name} ilike ${prefix} or ${occupations.code} like ${prefix}
      or exists (select 1 from unnest(${occupations.aliases}) a where a ilike ${prefix}) then 1
    else 2 end)`;
}

/** The rows that match `filter`, without paging. */
function conditions(filter: OccupationFilter): (SQL | undefined)[] {
  const where: (SQL | undefined)[] = [];
  const search = filter.search;
  if (search) {
    const like = `%${escapeLike(search)}%`;
    where.push(
      or(
        ilike(occupations.name, like),
        // An alias containing the search text (aliases are short lists).
        sql`exists (select 1 from unnest(${occupations.aliases}) a where a ilike ${like})`,
        /^[\d-]+$/.test(search) ? sql`${occupations.code} like ${`${escapeLike(search)}%`}` : undefined,
      ),
    );
  }
  if (filter.parent) where.push(eq(occupations.parentCode, filter.parent));
  if (filter.level != null) where.push(eq(occupations.level, filter.level));
  if (filter.isSkill != null) where.push(eq(occupations.isSkill, filter.isSkill));
  return where;
}

const afterBandKey = (key: string): [number, string] => {
  const m = /^(\d)\|(.+)$/.exec(key);
  if (!m || Number(m[1]) >= SEARCH_BANDS) {
    throw hubError('BAD_USER_INPUT', 'the "after" cursor is not one this API returned for this search', {
      field: 'after',
    });
  }
  return [Number(m[1]), m[2] as string];
};

export function occupationPages(db: Db, filter: OccupationFilter): OccupationPages {
  const where = conditions(filter);
  const countRows = async () => {
    const [row] = await db
      .select({ n: count() })
      .from(occupations)
      .where(and(...where));
    return row?.n ?? 0;
  };
  const search = filter.search;
  if (!search) {
    return {
      keyOf: (o) => o.code,
      count: countRows,
      page: (afterKey, limit) =>
        db
          .select()
          .from(occupations)
          .where(and(...where, afterKey ? gt(occupations.code, afterKey) : undefined))
          .orderBy(asc(occupations.code))
          .limit(limit),
    };
  }
  const rank = band(search);
  return {
    keyOf: (o) => `${(o as OccupationRow & { band?: number }).band ?? SEARCH_BANDS - 1}|${o.code}`,
    count: countRows,
    page: async (afterKey, limit) => {
      const after = afterKey === undefined ? undefined : afterBandKey(afterKey);
      return db
        .select({ ...getColumns(occupations), band: rank })
        .from(occupations)
        .where(and(...where, after ? sql`(${rank}, ${occupations.code}) > (${after[0]}, ${after[1]})` : undefined))
        .orderBy(rank, asc(occupations.code))
        .limit(limit);
    },
  };
}
