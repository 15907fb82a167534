import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../client.ts';

/**
 * Dashboard statistics of the assessments domain (统计), aggregated in SQL from one of two
 * rollups that triggers keep current: `assessment.statistics_daily` (about one row per plan and
 * day, ~27,500 rows at a million certificates) or, when it can answer, the coarser
 * `assessment.statistics_monthly` (市州 × level × method × month, ~8,200 rows; see
 * `statisticsSource`). Nothing is loaded into Node but the result rows.
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

/**
 * Each dimension as a raw grouping expression over the rollup (cheap per row: columns, `left`,
 * `date_trunc`) and as the text shown for a group (applied to the few grouped rows only).
 */
const GROUP: Record<StatisticsDimension, SQL> = {
  PREFECTURE: sql`s.prefecture_code`,
  OCCUPATION: sql`s.occupation_code`,
  // 大类: the first digit of the code (6-18-01-01 → 6).
  OCCUPATION_MAJOR_GROUP: sql`left(s.occupation_code, 1)`,
  LEVEL: sql`s.level`,
  ENTERPRISE_NATURE: sql`e.nature`,
  METHOD: sql`s.method`,
  MONTH: sql`s.month`, // the rollup's generated column: date_trunc per row cost a third of the scan
};
const SHOW: Record<StatisticsDimension, (k: SQL) => SQL> = {
  PREFECTURE: (k) => sql`${k}::text`,
  OCCUPATION: (k) => k,
  // As the dictionary writes a 大类: 6-00-00-00.
  OCCUPATION_MAJOR_GROUP: (k) => sql`${k} || '-00-00-00'`,
  LEVEL: (k) => sql`'LEVEL_' || ${k}`,
  ENTERPRISE_NATURE: (k) => sql`${k}::text`,
  METHOD: (k) => sql`${k}::text`,
  MONTH: (k) => sql`to_char(${k}, 'YYYY-MM')`,
};

const list = (values: readonly (string | number)[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** What the monthly rollup keeps: a query grouping and filtering on these alone can read it. */
const MONTHLY_DIMENSIONS: ReadonlySet<StatisticsDimension> = new Set(['PREFECTURE', 'LEVEL', 'METHOD', 'MONTH']);

const isFirstOfMonth = (day: string) => day.endsWith('-01');
const isLastOfMonth = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.getUTCDate() === 1;
};

/**
 * The rollup a query reads: `monthly` when it groups by 市州, level, method or month only, filters
 * on nothing else, and its dates are whole months (`from` a first day, `to` a last day, or
 * absent); else `daily`. Both hold the same counts (the monthly one is kept from the daily one),
 * so the answer is the same either way; the monthly one has about a third of the rows.
 */
export function statisticsSource(
  filter: StatisticsFilter,
  groupBy: readonly StatisticsDimension[],
): 'monthly' | 'daily' {
  const f = filter;
  const monthly =
    groupBy.every((d) => MONTHLY_DIMENSIONS.has(d)) &&
    f.occupationCodes == null &&
    f.enterpriseNatures == null &&
    (f.from == null || isFirstOfMonth(f.from)) &&
    (f.to == null || isLastOfMonth(f.to));
  return monthly ? 'monthly' : 'daily';
}

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
  if (f.methods) where.push(f.methods.length ? sql`s.method in (${list(f.methods)})` : sql`false`);
  if (f.enterpriseNatures)
    where.push(f.enterpriseNatures.length ? sql`e.nature in (${list(f.enterpriseNatures)})` : sql`false`);
  const monthly = statisticsSource(f, dims) === 'monthly';
  // On the monthly rollup `from` is a month's first day and `to` a month's last day, so comparing
  // the month (its first day) with them keeps exactly the whole months in the range.
  const day = monthly ? sql`s.month` : sql`s.day`;
  if (f.from) where.push(sql`${day} >= ${f.from}::date`);
  if (f.to) where.push(sql`${day} <= ${f.to}::date`);
  const needsNature = dims.includes('ENTERPRISE_NATURE') || f.enterpriseNatures != null;

  const inner = dims.map((d, i) => sql`${GROUP[d]} as ${sql.raw(`g${i}`)}`);
  const outer = dims.map((d, i) => sql`${SHOW[d](sql.raw(`g${i}`))} as ${sql.raw(`k${i}`)}`);
  const positions = sql.join(
    dims.map((_, i) => sql.raw(String(i + 1))),
    sql`, `,
  );
  // Byte order (the keys are codes, levels and YYYY-MM): the same order as before, without the
  // locale's collation rules on every comparison.
  const order = sql.join(
    dims.map((d, i) => sql`(${SHOW[d](sql.raw(`g${i}`))}) collate "C"`),
    sql`, `,
  );
  const query = sql`
    select ${sql.join([...outer, sql`candidates, passed, issued, revoked`], sql`, `)}
    from (
      select ${sql.join([...inner, sql`sum(s.candidates)::int as candidates`], sql`, `)},
             sum(s.passed)::int as passed, sum(s.issued)::int as issued, sum(s.revoked)::int as revoked
      from ${monthly ? sql`assessment.statistics_monthly` : sql`assessment.statistics_daily`} s
      ${needsNature ? sql`join enterprise.enterprises e on e.id = s.enterprise_id` : sql``}
      ${where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``}
      ${dims.length ? sql`group by ${positions}` : sql``}
    ) grouped
    ${dims.length ? sql`order by ${order}` : sql``}`;
  const result = (await db.execute(query)) as unknown;
  const rows = rowsOf<Record<string, unknown>>(result);
  // Without grouping the one row is the total, zeros included; groups without figures are left out.
  return rows
    .map((r) => ({
      keys: dims.map((_, i) => (r[`k${i}`] as string | null) ?? null),
      candidates: Number(r.candidates ?? 0),
      passed: Number(r.passed ?? 0),
      issued: Number(r.issued ?? 0),
      revoked: Number(r.revoked ?? 0),
    }))
    .filter((r) => !dims.length || r.candidates || r.passed || r.issued || r.revoked);
}
