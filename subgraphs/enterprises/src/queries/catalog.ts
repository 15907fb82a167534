import { type Db, enterprises, filingInForce, keysetPage, scopeRowSkillIs } from '@hub/db';
import { eq, inArray, type SQL, sql } from 'drizzle-orm';

/** Standings the 全省技能人才自主评价机构目录 lists. */
export const LISTED = ['CONFIRMED', 'SUSPENDED'] as const;

export interface CatalogFilter {
  prefecture?: string | null;
  occupationCode?: string | null;
  level?: number | null;
  kind?: 'ENTERPRISE_SELF_EVALUATION' | 'SOCIAL_EVALUATION_ORGANIZATION' | null;
  /**
   * 技能类职业 (附表备注1): true, institutions confirmed for at least one skill 职业 (or its 工种);
   * false, those whose confirmed scope still holds a 职业 not marked skill (filed before the rule, or
   * re-marked by the province centre since) — the centres' list to follow up.
   */
  skill?: boolean | null;
  /** One of LISTED (the resolver refuses others). */
  status?: (typeof enterprises.$inferSelect)['qualification'] | null;
}

/** The catalog's conditions on enterprises, as of `today`: listed, with a filing in force for what the filter names. */
export function catalogWhere(f: CatalogFilter, today: string): (SQL | undefined)[] {
  const where: (SQL | undefined)[] = [inArray(enterprises.qualification, f.status ? [f.status] : [...LISTED])];
  if (f.prefecture) where.push(eq(enterprises.prefectureCode, f.prefecture));
  if (f.occupationCode || f.level != null || f.kind || f.skill != null) {
    const code = f.occupationCode;
    const column = code && code.split('-').length === 5 ? sql`s.work_type_code` : sql`s.occupation_code`;
    where.push(
      inArray(
        enterprises.id,
        sql`(
          select f.enterprise_id
          from enterprise.filings f
          join enterprise.filing_scopes s on s.filing_id = f.id
          where ${filingInForce('f', today)}
            ${f.kind ? sql`and f.kind = ${f.kind}` : sql``}
            ${code ? sql`and ${column} = ${code}` : sql``}
            ${f.level != null ? sql`and ${f.level}::smallint = any(s.levels)` : sql``}
            ${f.skill != null ? sql`and ${scopeRowSkillIs('s', f.skill)}` : sql``}
        )`,
      ),
    );
  }
  return where;
}

/** One page of the catalog in id order, after `afterKey`. */
export function catalogPage(db: Db, f: CatalogFilter, today: string, afterKey: string | undefined, limit: number) {
  return keysetPage(db, enterprises, enterprises.id, { where: catalogWhere(f, today), afterKey, limit });
}
