import { and, type Column, getColumns, gt, type InferSelectModel, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

/**
 * One page of children for many parents in one statement: the first `limit`
 * rows per parent, ordered by `orderBy`, after `afterKey` when given. Nested
 * connections (an enterprise's certificates, its cases) load through this so a
 * list of N parents costs one query, not N.
 */
export async function firstPerGroup<T extends PgTable>(
  db: Db,
  table: T,
  opts: {
    groupBy: Column;
    orderBy: Column;
    parents: string[];
    afterKey?: string | undefined;
    limit: number;
    where?: SQL | undefined;
  },
): Promise<InferSelectModel<T>[]> {
  if (!opts.parents.length) return [];
  const ranked = db
    .select({
      ...getColumns(table),
      rowNumber: sql<number>`row_number() over (partition by ${opts.groupBy} order by ${opts.orderBy})`.as(
        'row_number',
      ),
    })
    .from(table as PgTable)
    .where(
      and(inArray(opts.groupBy, opts.parents), opts.afterKey ? gt(opts.orderBy, opts.afterKey) : undefined, opts.where),
    )
    .as('ranked');
  const rows = (await db
    .select()
    .from(ranked)
    .where(sql`${sql.identifier('row_number')} <= ${opts.limit}`)) as unknown as (InferSelectModel<T> & {
    rowNumber?: number;
  })[];
  for (const row of rows) delete row.rowNumber;
  return rows;
}
