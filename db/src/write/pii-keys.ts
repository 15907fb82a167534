/**
 * Key rotation of the personal data at rest (`pnpm hub keys rotate|rehash`). Both walk every
 * encrypted column in batches, each batch one transaction (rows locked, decrypted in Node,
 * written back in one statement), so the hub keeps serving and an interrupted run resumes where
 * it stopped. A ciphertext under a key HUB_PII_KEYS no longer lists stops the run (fail closed).
 */
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../client.ts';
import {
  decryptResidentId,
  decryptText,
  encryptResidentId,
  encryptText,
  type PiiKeyring,
  piiKeyring,
  residentIdHmac,
} from '../pii.ts';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

interface Target {
  name: string;
  table: SQL;
  key: SQL;
  keyType: SQL;
  enc: SQL;
  /** The lookup hash beside a resident ID; none beside a secret that is only ever opened. */
  hmac?: SQL;
  /** Opens a ciphertext and seals it again with the current key. */
  reseal: (enc: Buffer, ring: PiiKeyring) => Buffer;
}

const resealResidentId = (enc: Buffer, ring: PiiKeyring) => encryptResidentId(decryptResidentId(enc, ring), ring);

/**
 * Every encrypted column: resident IDs (a new one must be listed here: the dump test finds any
 * missed) and the webhooks' signing secrets, kept under the same keys.
 */
const TARGETS: readonly Target[] = [
  {
    name: 'assessment.workers',
    table: sql.raw('"assessment"."workers"'),
    key: sql.raw('"id"'),
    keyType: sql.raw('uuid'),
    enc: sql.raw('"resident_id_enc"'),
    hmac: sql.raw('"resident_id_hmac"'),
    reseal: resealResidentId,
  },
  {
    name: 'assessment.certificates',
    table: sql.raw('"assessment"."certificates"'),
    key: sql.raw('"number"'),
    keyType: sql.raw('char(22)'),
    enc: sql.raw('"holder_resident_id_enc"'),
    hmac: sql.raw('"holder_resident_id_hmac"'),
    reseal: resealResidentId,
  },
  {
    name: 'feed.webhooks',
    table: sql.raw('"feed"."webhooks"'),
    key: sql.raw('"id"'),
    keyType: sql.raw('uuid'),
    enc: sql.raw('"secret_enc"'),
    reseal: (enc, ring) => encryptText(decryptText(enc, ring), ring),
  },
];

export interface RotationSummary {
  /** Rows rewritten per table. */
  rewritten: Record<string, number>;
  /** The key everything is now under (rotate) or the hashes were recomputed with (rehash: 'current'). */
  key: string;
}

const hex = (b: Buffer) => b.toString('hex');

const bytes = (v: string) => Buffer.from(v, 'hex');

async function writeBack(tx: Tx, t: Target, column: SQL, rows: { key: string; value: Buffer }[]) {
  const json = JSON.stringify(rows.map((r) => ({ k: r.key, v: hex(r.value) })));
  await tx.execute(
    sql`update ${t.table} as t set ${column} = decode(j->>'v', 'hex')
        from json_array_elements(${json}::text::json) as j where t.${t.key} = (j->>'k')::${t.keyType}`,
  );
}

/**
 * Re-encrypts, with the current key (first of HUB_PII_KEYS), every resident ID stored under
 * another key. Reading works with any listed key meanwhile; run it before removing an old key.
 */
export async function rotatePiiKeys(
  db: Db,
  opts: { batch?: number; ring?: PiiKeyring; onProgress?: (table: string, rows: number) => void } = {},
): Promise<RotationSummary> {
  const ring = opts.ring ?? piiKeyring();
  const batch = opts.batch ?? 1000;
  const header = ring.current.header;
  const rewritten: Record<string, number> = {};
  for (const t of TARGETS) {
    rewritten[t.name] = 0;
    for (;;) {
      const n = await db.transaction(async (tx: Tx) => {
        // Hex in and out of SQL: the two drivers return bytea differently.
        const rows = rowsOf<{ k: string; v: string }>(
          await tx.execute(
            sql`select ${t.key}::text as k, encode(${t.enc}, 'hex') as v from ${t.table}
                where substring(${t.enc} from 1 for ${header.length}) <> decode(${header.toString('hex')}, 'hex')
                order by ${t.key} limit ${batch} for update`,
          ),
        );
        if (!rows.length) return 0;
        const out = rows.map((r) => ({
          key: r.k,
          value: t.reseal(bytes(r.v), ring),
        }));
        await writeBack(tx, t, t.enc, out);
        return rows.length;
      });
      if (!n) break;
      rewritten[t.name] = (rewritten[t.name] ?? 0) + n;
      opts.onProgress?.(t.name, rewritten[t.name] ?? 0);
    }
  }
  return { rewritten, key: ring.current.id };
}

/**
 * Recomputes every lookup hash with the current HMAC key (HMAC key rotation): each row is
 * decrypted and hashed again. Meanwhile HUB_PII_HMAC_PREVIOUS_KEYS keeps lookups finding rows
 * not yet rehashed; remove it when this has finished.
 */
export async function rehashResidentIds(
  db: Db,
  opts: { batch?: number; ring?: PiiKeyring; onProgress?: (table: string, rows: number) => void } = {},
): Promise<RotationSummary> {
  const ring = opts.ring ?? piiKeyring();
  const batch = opts.batch ?? 1000;
  const rewritten: Record<string, number> = {};
  for (const t of TARGETS) {
    const hmac = t.hmac;
    if (!hmac) continue;
    rewritten[t.name] = 0;
    let after: string | undefined;
    for (;;) {
      const from = after === undefined ? sql`true` : sql`${t.key} > ${after}::${t.keyType}`;
      const last = await db.transaction(async (tx: Tx) => {
        const rows = rowsOf<{ k: string; v: string; h: string }>(
          await tx.execute(
            sql`select ${t.key}::text as k, encode(${t.enc}, 'hex') as v, encode(${hmac}, 'hex') as h
                from ${t.table} where ${from} order by ${t.key} limit ${batch} for update`,
          ),
        );
        const changed = rows
          .map((r) => ({ key: r.k, old: bytes(r.h), value: residentIdHmac(decryptResidentId(bytes(r.v), ring), ring) }))
          .filter((r) => !r.value.equals(r.old));
        if (changed.length) await writeBack(tx, t, hmac, changed);
        rewritten[t.name] = (rewritten[t.name] ?? 0) + changed.length;
        return rows.at(-1)?.k;
      });
      if (last === undefined) break;
      after = last;
      opts.onProgress?.(t.name, rewritten[t.name] ?? 0);
    }
  }
  return { rewritten, key: 'current' };
}
