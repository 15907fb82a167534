import DataLoader from 'dataloader';
import { and, asc, type Column, getColumns, gt, type InferSelectModel, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

/**
 * One keyset page of a table: rows matching `where`, ordered by the unique
 * `key` column, starting after `afterKey`. Every top-level connection reads
 * through this, so pages stay stable while rows are added.
 */
export function keysetPage<T extends PgTable>(
  db: Db,
  table: T,
  key: Column,
  opts: { where?: (SQL | undefined)[]; afterKey: string | undefined; limit: number },
): Promise<InferSelectModel<T>[]> {
  return db
    .select()
    .from(table as PgTable)
    .where(and(...(opts.where ?? []), opts.afterKey ? gt(key, opts.afterKey) : undefined))
    .orderBy(asc(key))
    .limit(opts.limit) as unknown as Promise<InferSelectModel<T>[]>;
}

/**
 * One page of children for many parents in one statement: the first `limit`
 * rows per parent, ordered by `orderBy`, after `afterKey` when given.
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

/**
 * Request-scoped loaders for a nested connection (an enterprise's certificates,
 * its cases): `pageOf(after, limit).load(parent)` batches every parent of a
 * request that asks for the same page into one `firstPerGroup` statement.
 * `where` narrows the rows before they are paged (a caller's reach: a page cut
 * down afterwards would say, through hasNextPage, that rows were left out).
 */
export function groupPageLoader<T extends PgTable>(
  db: Db,
  table: T,
  cols: { groupBy: Column; orderBy: Column; where?: SQL | undefined },
  validParent: (id: string) => boolean = () => true,
) {
  const loaders = new Map<string, DataLoader<string, InferSelectModel<T>[]>>();
  return (afterKey: string | undefined, limit: number) => {
    const key = `${afterKey ?? ''}|${limit}`;
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (parents) => {
        const rows = await firstPerGroup(db, table, {
          groupBy: cols.groupBy,
          orderBy: cols.orderBy,
          where: cols.where,
          parents: [...new Set(parents)].filter(validParent),
          afterKey,
          limit,
        });
        const groupKey = cols.groupBy.name;
        const byParent = new Map<string, InferSelectModel<T>[]>();
        for (const row of rows) {
          const parent = (row as Record<string, unknown>)[columnProperty(table, groupKey)] as string;
          byParent.set(parent, [...(byParent.get(parent) ?? []), row]);
        }
        return parents.map((p) => byParent.get(p) ?? []);
      });
      loaders.set(key, loader);
    }
    return loader;
  };
}

/** The row property drizzle uses for a column's database name. */
function columnProperty(table: PgTable, dbName: string): string {
  const entry = Object.entries(getColumns(table)).find(([, col]) => (col as Column).name === dbName);
  if (!entry) throw new Error(`no column ${dbName}`);
  return entry[0];
}
