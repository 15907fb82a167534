import { eq, type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';

/**
 * A statement prepared once per database handle. With postgres.js a prepared statement is named on
 * the server: parsed once per connection and, after a few runs, planned once; an ad-hoc statement
 * is parsed and planned on every call (for a one-row lookup, most of the database's work).
 */
export function preparedPer<T>(prepare: (db: Db) => T): (db: Db) => T {
  const statements = new WeakMap<Db, T>();
  return (db) => {
    let statement = statements.get(db);
    if (!statement) {
      statement = prepare(db);
      statements.set(db, statement);
    }
    return statement;
  };
}

/** One text column of the row with this key (null when there is none), by a prepared statement named `statement`. */
export function textByKey(
  statement: string,
  table: PgTable,
  key: PgColumn,
  value: PgColumn,
): (db: Db, key: string) => Promise<string | null> {
  const lookup = preparedPer((db) =>
    db
      .select({ value })
      .from(table)
      .where(eq(key, sql.placeholder('key')))
      .prepare(statement),
  );
  return async (db, k) => {
    const [row] = await lookup(db).execute({ key: k });
    return (row?.value as string | undefined) ?? null;
  };
}

/**
 * The same text column as an expression another domain's statement can select, keyed by one of its
 * own columns (a scalar subquery: null when there is no such row). A lookup that needs the text
 * beside its own row then costs one statement and one round trip, not two.
 */
export function textOfKey(table: PgTable, key: PgColumn, value: PgColumn): (column: SQLWrapper) => SQL<string | null> {
  return (column) => sql<string | null>`(select ${value} from ${table} where ${key} = ${column})`;
}
