import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';

/**
 * Dashboard statistics of the assessments domain (统计), aggregated in SQL from the
 * `assessment.statistics_daily` rollup that triggers keep current (about one row per plan and
 * day, so ~60k rows at a million certificates): nothing is loaded into Node but the result rows.
 *
 * The enterprise nature (企业性质) belongs to the enterprises domain. Carrying a copy into the
 * rollup would go stale when an enterprise's record is corrected, so this one read function —
 * owned by the assessments domain, read-only — joins `enterprise.enterprises` by id, and only
 * when the nature is grouped by or filtered on. That cross-schema join is deliberate and lives
 * here alone.
 */
export const STATISTICS_DIMENSIONS = [
  'PREFECTURE',
  'OCCUPATION',
  'OCCUPATION_MAJOR_GROUP',
  'LEVEL',
  'ENTERPRISE_NATURE',
  'METHOD',
  'MONTH',
] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];

export interface StatisticsFilter {
  prefectures?: readonly string[] | null;
  occupationCodes?: readonly string[] | null;
  levels?: readonly number[] | null;
  enterpriseNatures?: readonly string[] | null;
  methods?: readonly string[] | null;
  /** Inclusive days (YYYY-MM-DD): candidates by evaluation day, certificates by issue day. */
  from?: string | null;
  to?: string | null;
}

export interface StatisticsRow {
  /** One value per grouped dimension, in the order asked. */
  keys: (string | null)[];
  candidates: number;
  passed: number;
  issued: number;
  revoked: number;
}

const EXPR: Record<StatisticsDimension, SQL> = {
  PREFECTURE: sql`s.prefecture_code::text`,
  OCCUPATION: sql`s.occupation_code`,
  // 大类: the first segment of the code, as the dictionary writes it (6-18-01-01 → 6-00-00-00).
  OCCUPATION_MAJOR_GROUP: sql`split_part(s.occupation_code, '-', 1) || '-00-00-00'`,
  LEVEL: sql`'LEVEL_' || s.level`,
  ENTERPRISE_NATURE: sql`e.nature::text`,
  METHOD: sql`s.method::text`,
  MONTH: sql`to_char(s.day, 'YYYY-MM')`,
};

const list = (values: readonly (string | number)[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

export async function assessmentStatistics(
  db: Db,
  filter: StatisticsFilter,
  groupBy: readonly StatisticsDimension[],
): Promise<StatisticsRow[]> {
  const dims = [...new Set(groupBy)];
  const where: SQL[] = [];
  const f = filter;
  if (f.prefectures) where.push(f.prefectures.length ? sql`s.prefecture_code in (${list(f.prefectures)})` : sql`false`);
  if (f.occupationCodes)
    where.push(f.occupationCodes.length ? sql`s.occupation_code in (${list(f.occupationCodes)})` : sql`false`);
  if (f.levels) where.push(f.levels.length ? sql`s.level in (${list(f.levels)})` : sql`false`);
  if (f.methods) where.push(f.methods.length ? sql`s.method::text in (${list(f.methods)})` : sql`false`);
  if (f.enterpriseNatures)
    where.push(f.enterpriseNatures.length ? sql`e.nature::text in (${list(f.enterpriseNatures)})` : sql`false`);
  if (f.from) where.push(sql`s.day >= ${f.from}::date`);
  if (f.to) where.push(sql`s.day <= ${f.to}::date`);
  const needsNature = dims.includes('ENTERPRISE_NATURE') || f.enterpriseNatures != null;

  const keyCols = dims.map((d, i) => sql`${EXPR[d]} as ${sql.raw(`k${i}`)}`);
  const query = sql`
    select ${sql.join([...keyCols, sql`sum(s.candidates)::int as candidates`], sql`, `)},
           sum(s.passed)::int as passed, sum(s.issued)::int as issued, sum(s.revoked)::int as revoked
    from assessment.statistics_daily s
    ${needsNature ? sql`join enterprise.enterprises e on e.id = s.enterprise_id` : sql``}
    ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
    ${
      dims.length
        ? sql`group by ${sql.join(
            dims.map((_, i) => sql.raw(String(i + 1))),
            sql`, `,
          )} order by ${sql.join(
            dims.map((_, i) => sql.raw(String(i + 1))),
            sql`, `,
          )}`
        : sql``
    }`;
  const result = (await db.execute(query)) as unknown;
  const rows = (Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows) as Record<
    string,
    unknown
  >[];
  return rows
    .map((r) => ({
      keys: dims.map((_, i) => (r[`k${i}`] as string | null) ?? null),
      candidates: Number(r.candidates ?? 0),
      passed: Number(r.passed ?? 0),
      issued: Number(r.issued ?? 0),
      revoked: Number(r.revoked ?? 0),
    }))
    .filter((r) => r.candidates || r.passed || r.issued || r.revoked);
}
