/**
 * The demo seed at provincial scale (`pnpm hub seed --size 1000000`): the same deterministic rows
 * as `seed()` for that size — same generators, same distributions by 市州, occupation, level and
 * month — but the certificates go in as bulk statements of 10,000 rows each, one JSON parameter
 * expanded by `json_populate_recordset` (one round trip and one trigger run per 10,000 rows,
 * instead of 16 bind parameters per row). Works alike on PostgreSQL and PGlite. The statistics
 * rollup is kept by its statement-level triggers as the rows arrive.
 */
import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { DbHandle } from '../client.ts';
import { piiKeyring } from '../pii.ts';
import { candidates, certificates, scores, workers } from '../schema/assessment.ts';
import { sealCertificate, sealWorker } from './assessment-certificates.ts';
import type { CertificateRow, WorkerRow } from './assessments.ts';
import {
  demoTables,
  generateDemoData,
  isSeeded,
  type SeedOptions,
  type SeedSummary,
  seedSummary,
  seedToday,
} from './index.ts';
import { loadOccupationReference, occupationReference } from './occupations.ts';

const BULK = 10_000;
const SMALL = 1_000;

type Tx = Parameters<Parameters<DbHandle['db']['transaction']>[0]>[0];

/** One INSERT … SELECT FROM json_populate_recordset for a chunk of rows (columns: those the rows carry). */
async function bulkInsert(tx: Tx, table: PgTable, rows: Record<string, unknown>[]) {
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in (rows[0] ?? {}));
  const names = columns.map(([, c]) => c.name);
  // bytea travels as its text form ('\\x' + hex), which json_populate_recordset reads back.
  const value = (v: unknown) => (Buffer.isBuffer(v) ? `\\x${v.toString('hex')}` : (v ?? null));
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(columns.map(([key, c]) => [c.name, value(r[key])]))));
  const qualified = `"${getTableConfig(table).schema ?? 'public'}"."${getTableName(table)}"`;
  const list = sql.raw(names.map((n) => `"${n}"`).join(', '));
  await tx.execute(
    sql`insert into ${sql.raw(qualified)} (${list}) select ${list} from json_populate_recordset(null::${sql.raw(qualified)}, ${json}::text::json)`,
  );
}

export async function seedScale(handle: DbHandle, opts: SeedOptions = {}): Promise<SeedSummary & { seconds: number }> {
  const started = performance.now();
  const size = opts.size ?? 1_000_000;
  if (await isSeeded(handle)) {
    throw new Error('the database already holds enterprises; the scale seed only fills an empty database');
  }
  opts.onProgress?.(0, size, 'generating');
  const data = generateDemoData(size, opts.today ?? seedToday());
  const bulk = new Set<PgTable>([workers, candidates, scores, certificates]);
  const tables: [string, PgTable, Record<string, unknown>[], number][] = demoTables(data).map(
    ([stage, table, rows]) => [stage, table, rows, bulk.has(table) ? BULK : stage === 'filings' ? 250 : SMALL],
  );
  const total = occupationReference().length + tables.reduce((s, [, , rows]) => s + rows.length, 0);
  let done = 0;
  const progress = (n: number, stage: string) => {
    done += n;
    opts.onProgress?.(done, total, stage);
  };
  const occupations = await loadOccupationReference(handle.db, (n) => progress(n, 'occupations'));
  const ring = piiKeyring();
  await handle.db.transaction(async (tx: Tx) => {
    for (const [stage, table, rows, chunk] of tables) {
      // Resident IDs are encrypted chunk by chunk as they go in (never a million ciphertexts in
      // memory), the next chunk while the database writes this one; a certificate gets a ciphertext
      // of its own (the demo seed reuses its holder's worker ciphertext: same ID, same lookup hash).
      const prepare = (i: number) => {
        const part = rows.slice(i, i + chunk);
        if (table === workers) return (part as WorkerRow[]).map((w) => sealWorker(w, ring));
        if (table === certificates) return (part as CertificateRow[]).map((c) => sealCertificate(c, ring));
        return part;
      };
      let part = prepare(0);
      for (let i = 0; i < rows.length; i += chunk) {
        const written = chunk === BULK ? bulkInsert(tx, table, part) : tx.insert(table).values(part as never);
        const sent = Promise.resolve(written);
        sent.catch(() => {}); // handled by `await sent` below; no unhandled-rejection crash meanwhile
        await new Promise((resolve) => setImmediate(resolve));
        const next = i + chunk < rows.length ? prepare(i + chunk) : [];
        await sent;
        progress(part.length, stage);
        part = next;
      }
    }
  });
  // Fresh statistics for the planner after a bulk load (autovacuum would get there later).
  if (handle.kind === 'postgres')
    await handle.db.execute(
      sql`analyze assessment.certificates, assessment.statistics_daily, assessment.statistics_monthly`,
    );
  return {
    ...seedSummary(data, occupations),
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
