/**
 * Writing the demo rows in one transaction. On PostgreSQL: multi-row INSERTs. On PGlite, where each
 * row costs far more (WASM), the large tables go in by `COPY … FROM '/dev/blob'` (one statement per
 * table, one run of its statement-level triggers), with the per-row foreign-key checks replaced by
 * one anti-join per foreign key after the load, as a restore does (the table's own triggers, the
 * statistics rollup among them, stay on). Anything wrong rolls the whole seed back.
 */
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { getTableColumns, getTableName } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { Db, DbHandle } from '../client.ts';

export type SeedTable = [stage: string, table: PgTable, rows: Record<string, unknown>[]];

const CHUNK = 1000;
/** Tables this many rows long are copied on PGlite. */
const COPY_FROM = 1500;

const qualified = (t: PgTable) => `"${getTableConfig(t).schema ?? 'public'}"."${getTableName(t)}"`;

/** A value in COPY's text format. */
function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (v instanceof Uint8Array) return `\\\\x${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')}`;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (Array.isArray(v))
    return copyEscape(
      `{${v.map((x) => (x === null ? 'NULL' : `"${String(x).replace(/["\\]/g, '\\$&')}"`)).join(',')}}`,
    );
  return copyEscape(String(v));
}

const copyEscape = (s: string) =>
  s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));

async function copyInto(tx: Transaction, table: PgTable, rows: Record<string, unknown>[]) {
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in (rows[0] as object));
  const keys = columns.map(([key]) => key);
  for (const r of rows) {
    if (Object.keys(r).length !== keys.length)
      throw new Error(`seed: rows of ${getTableName(table)} must all carry the same columns to be copied`);
  }
  let text = '';
  for (const r of rows) {
    for (let i = 0; i < keys.length; i++) text += (i ? '\t' : '') + copyValue(r[keys[i] as string]);
    text += '\n';
  }
  const list = columns.map(([, c]) => `"${c.name}"`).join(', ');
  await tx.query(`copy ${qualified(table)} (${list}) from '/dev/blob'`, [], { blob: new Blob([text]) });
}

/** Rows of `table` whose foreign key finds no row, per foreign key: the check COPY left out. */
async function checkForeignKeys(tx: Transaction, table: PgTable) {
  for (const fk of getTableConfig(table).foreignKeys) {
    const ref = fk.reference();
    const on = ref.columns.map((c, i) => `p."${ref.foreignColumns[i]?.name}" = c."${c.name}"`).join(' and ');
    const set = ref.columns.map((c) => `c."${c.name}" is not null`).join(' and ');
    const found = await tx.query<{ n: number }>(
      `select count(*)::int as n from ${qualified(table)} c where ${set} and not exists (select 1 from ${qualified(ref.foreignTable)} p where ${on})`,
    );
    const n = found.rows[0]?.n ?? 0;
    if (n > 0)
      throw new Error(`seed: ${n} rows of ${getTableName(table)} refer to no ${getTableName(ref.foreignTable)}`);
  }
}

/** Writes every table in order, in one transaction; `progress` after each chunk. */
export async function writeTables(
  handle: DbHandle,
  tables: readonly SeedTable[],
  progress: (rows: number, stage: string) => void,
): Promise<void> {
  const db: Db = handle.db;
  const client = (db as unknown as { $client?: PGlite }).$client;
  if (handle.kind !== 'pglite' || typeof client?.transaction !== 'function') {
    await handle.db.transaction(async (tx) => {
      for (const [stage, table, rows] of tables) {
        // Long texts make filings heavier; keep their statements smaller.
        const chunk = stage === 'filings' ? 250 : CHUNK;
        for (let i = 0; i < rows.length; i += chunk) {
          const part = rows.slice(i, i + chunk);
          await tx.insert(table).values(part as never);
          progress(part.length, stage);
        }
      }
    });
    return;
  }
  await client.transaction(async (tx) => {
    const copied: PgTable[] = [];
    for (const [stage, table, rows] of tables) {
      if (rows.length >= COPY_FROM) {
        // Foreign keys are checked below, once per key; the table's own triggers stay on.
        await tx.exec(
          `alter table ${qualified(table)} disable trigger all; alter table ${qualified(table)} enable trigger user`,
        );
        await copyInto(tx, table, rows);
        copied.push(table);
        progress(rows.length, stage);
        continue;
      }
      const chunk = stage === 'filings' ? 250 : CHUNK;
      for (let i = 0; i < rows.length; i += chunk) {
        const part = rows.slice(i, i + chunk);
        const q = db
          .insert(table)
          .values(part as never)
          .toSQL();
        await tx.query(q.sql, q.params);
        progress(part.length, stage);
      }
    }
    for (const table of copied) {
      await checkForeignKeys(tx, table);
      await tx.exec(`alter table ${qualified(table)} enable trigger all`);
    }
  });
}
