import { assessmentStatistics, dictionaryFacts, type StatisticsDimension } from '@hub/db';
import { hubError } from '@hub/platform';
import { PREFECTURES, prefectureName } from '@hub/vocabulary';
import { LRUCache } from 'lru-cache';
import type { Context } from '../builder.ts';
import { LEVEL_LABEL, METHOD_LABEL, NATURE_LABEL, statisticsPrefectures } from '../rules/statistics.ts';

export interface StatisticsArgs {
  filter?: {
    prefectures?: readonly string[] | null;
    occupationCodes?: readonly string[] | null;
    levels?: readonly number[] | null;
    enterpriseNatures?: readonly string[] | null;
    methods?: readonly string[] | null;
    from?: Date | string | null;
    to?: Date | string | null;
  } | null;
  groupBy?: readonly StatisticsDimension[] | null;
}

/** 评价统计: the rows of the rollups for the caller's reach, grouped as asked, keys labelled in Chinese. */
export async function statisticsRows(ctx: Context, args: StatisticsArgs) {
  const groupBy = args.groupBy ?? [];
  if (groupBy.length > 4) throw hubError('BAD_USER_INPUT', 'group by at most 4 dimensions');
  const f = args.filter ?? {};
  const unknown = (f.prefectures ?? []).filter((p) => !PREFECTURES.some((x) => x.code === p));
  if (unknown.length) throw hubError('BAD_USER_INPUT', `not a Hunan 市州 code: ${unknown.join(', ')}`);
  const scope = statisticsPrefectures(ctx.caller, f.prefectures);
  if ('refused' in scope) throw hubError('FORBIDDEN', scope.refused);
  // Read-only and heavy: the read replica when one serves (读写分离).
  const rows = await ctx.reads.reads((db) =>
    assessmentStatistics(
      db,
      {
        prefectures: scope.prefectures,
        occupationCodes: f.occupationCodes ?? null,
        levels: f.levels ?? null,
        enterpriseNatures: f.enterpriseNatures ?? null,
        methods: f.methods ?? null,
        from: f.from ? toDay(f.from) : null,
        to: f.to ? toDay(f.to) : null,
      },
      groupBy,
    ),
  );
  const labels = await ctx.reads.reads((db) => occupationLabels(db, groupBy, rows));
  return rows.map((r) => ({
    ...r,
    keys: groupBy.map((dimension, i) => {
      const value = r.keys[i] ?? null;
      return { dimension, value, label: value == null ? null : labelOf(dimension, value, labels) };
    }),
  }));
}

const toDay = (d: Date | string) => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/**
 * Names of occupations and 大类 for labels, remembered per process for 10 minutes: the dictionary
 * changes by import a few times a year, and a dashboard asks for the same few hundred codes again
 * and again (one read of the names per new code instead of one per request).
 */
const NAME_TTL_MS = 10 * 60_000;
const occupationNames = new LRUCache<string, { name: string | null }>({ max: 20_000, ttl: NAME_TTL_MS });

async function occupationLabels(
  db: Parameters<typeof dictionaryFacts>[0],
  dims: readonly StatisticsDimension[],
  rows: { keys: (string | null)[] }[],
) {
  const codes = new Set<string>();
  dims.forEach((d, i) => {
    if (d !== 'OCCUPATION' && d !== 'OCCUPATION_MAJOR_GROUP') return;
    for (const r of rows) if (r.keys[i]) codes.add(r.keys[i] as string);
  });
  const missing = [...codes].filter((c) => !occupationNames.has(c));
  if (missing.length) {
    const facts = await dictionaryFacts(db, missing);
    for (const c of missing) occupationNames.set(c, { name: facts.occupations.get(c)?.name ?? null });
  }
  return new Map([...codes].map((c) => [c, occupationNames.get(c)?.name ?? null]));
}

function labelOf(d: StatisticsDimension, value: string, occupations: Map<string, string | null>): string | null {
  switch (d) {
    case 'PREFECTURE':
      return prefectureName(value) ?? null;
    case 'OCCUPATION':
    case 'OCCUPATION_MAJOR_GROUP':
      return occupations.get(value) ?? null;
    case 'LEVEL':
      return LEVEL_LABEL[value] ?? null;
    case 'ENTERPRISE_NATURE':
      return NATURE_LABEL[value] ?? null;
    case 'METHOD':
      return METHOD_LABEL[value] ?? null;
    case 'MONTH':
      return value;
  }
}
