import { randomBytes } from 'node:crypto';
import { asc, inArray, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/migrate.ts';
import {
  ciphertextKeyId,
  decryptResidentId,
  decryptText,
  encryptResidentId,
  encryptText,
  PiiError,
  parseKeyring,
  piiKeyring,
  residentIdHmac,
  residentIdLookup,
  sealWorkerResidentId,
} from '../src/pii.ts';
import { certificates, workers } from '../src/schema/assessment.ts';
import { enterprises } from '../src/schema/enterprise.ts';
import { webhooks } from '../src/schema/feed.ts';
import { generateDemoData, seed } from '../src/seed/index.ts';
import { freshDb, type TestDb } from '../src/testing.ts';
import { rehashResidentIds, rotatePiiKeys } from '../src/write/pii-keys.ts';

const ID = '43010219850607123X';
const key = () => randomBytes(32).toString('base64');
const ring = (keys: string, hmac = key(), previous?: string) => parseKeyring(keys, hmac, previous);

const ENV = ['HUB_PII_KEYS', 'HUB_PII_HMAC_KEY', 'HUB_PII_HMAC_PREVIOUS_KEYS', 'HUB_ENV', 'NODE_ENV'] as const;
const saved = Object.fromEntries(ENV.map((k) => [k, process.env[k]]));
const restoreEnv = () => {
  for (const k of ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
};
afterEach(restoreEnv);

describe('resident-ID encryption (AES-256-GCM)', () => {
  const r = ring(`k1:${key()}`);

  it('round-trips, with a fresh IV each time, and names its key in the ciphertext', () => {
    const a = encryptResidentId(ID, r);
    const b = encryptResidentId(ID, r);
    expect(decryptResidentId(a, r)).toBe(ID);
    expect(a.equals(b)).toBe(false);
    expect(ciphertextKeyId(a)).toBe('k1');
    // version, id length, "k1", 12-byte IV, 18 bytes of ciphertext, 16-byte tag
    expect(a.length).toBe(2 + 2 + 12 + 18 + 16);
    expect(a.toString('latin1')).not.toContain(ID);
  });

  it('fails closed on a flipped bit anywhere: header, IV, body or tag', () => {
    const enc = encryptResidentId(ID, r);
    for (const at of [3, 5, 20, enc.length - 1]) {
      const bad = Buffer.from(enc);
      bad[at] = (bad[at] as number) ^ 1;
      expect(() => decryptResidentId(bad, r), `byte ${at}`).toThrow(PiiError);
    }
    expect(() => decryptResidentId(enc.subarray(0, 20), r)).toThrow(PiiError);
    expect(() => decryptResidentId(Buffer.from([9, 1, 65]), r)).toThrow(PiiError);
  });

  it('refuses a ciphertext relabelled with another listed key id (the header is authenticated)', () => {
    const two = ring(`k1:${key()},k2:${key()}`);
    const enc = encryptResidentId(ID, two);
    const relabelled = Buffer.from(enc);
    relabelled.write('k2', 2, 'ascii');
    expect(() => decryptResidentId(relabelled, two)).toThrow(PiiError);
  });

  it('refuses a ciphertext under a key the configuration does not list', () => {
    const enc = encryptResidentId(ID, ring(`old:${key()}`));
    expect(() => decryptResidentId(enc, r)).toThrow(/key old, which HUB_PII_KEYS does not list/);
  });

  it('hashes deterministically per HMAC key, normalising a lower-case check character', () => {
    const h = key();
    const a = ring(`k1:${key()}`, h);
    const b = ring(`k2:${key()}`, h);
    expect(residentIdHmac(ID, a).equals(residentIdHmac(ID.toLowerCase(), b))).toBe(true);
    expect(residentIdHmac(ID, a).equals(residentIdHmac(ID, ring(`k1:${key()}`)))).toBe(false);
    const rotating = ring(`k1:${key()}`, key(), h);
    expect(residentIdLookup(ID, rotating).map((x) => x.toString('hex'))).toEqual([
      residentIdHmac(ID, rotating).toString('hex'),
      residentIdHmac(ID, a).toString('hex'),
    ]);
  });

  it('refuses malformed keys and, in production, the built-in development keys', () => {
    expect(() => ring('nokey')).toThrow(/keyId:base64key/);
    expect(() => ring(`k1:${randomBytes(16).toString('base64')}`)).toThrow(/32 bytes, not 16/);
    expect(() => ring(`k1:${key()},k1:${key()}`)).toThrow(/twice/);
    expect(() => parseKeyring(`k1:${key()}`, randomBytes(8).toString('base64'))).toThrow(/at least 32/);
    expect(parseKeyring(undefined, undefined).dev).toBe(true);
    process.env.NODE_ENV = 'production';
    expect(() => parseKeyring(undefined, undefined)).toThrow(/must be set in production/);
    expect(() => parseKeyring(`k1:${key()}`, undefined)).toThrow(PiiError);
    expect(parseKeyring(`k1:${key()}`, key()).dev).toBe(false);
  });
});

const ID_WINDOW = /(?=(\d{17}[\dX]))/g;

/** Every row of every table of the assessment schema, as PostgreSQL prints it (a dump, in effect). */
async function dumpAssessment(h: TestDb): Promise<string> {
  const rowsOf = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, string>[];
  const tables = rowsOf(
    await h.db.execute(
      sql`select table_name as t from information_schema.tables where table_schema = 'assessment' and table_type = 'BASE TABLE' order by 1`,
    ),
  ).map((r) => r.t as string);
  expect(tables).toContain('certificates');
  expect(tables).toContain('workers');
  const parts: string[] = [];
  for (const t of tables) {
    const rows = rowsOf(
      await h.db.execute(sql`select r::text as line from ${sql.identifier('assessment')}.${sql.identifier(t)} r`),
    );
    parts.push(...rows.map((r) => r.line as string));
  }
  return parts.join('\n');
}

describe('resident IDs in the database', () => {
  let h: TestDb;
  const SIZE = 300;
  const TODAY = '2026-11-01';
  // The seed's workers: every certificate holder is one, and so are those who failed or await results.
  const seeded = generateDemoData(SIZE, TODAY).workers.map((w) => w.residentId);
  const clear = new Set(seeded);
  const workerIds = ['430102199001011237', '43010219850607123X'];

  beforeAll(async () => {
    process.env.HUB_PII_KEYS = `old:${key()}`;
    process.env.HUB_PII_HMAC_KEY = key();
    saved.rotationKeys = process.env.HUB_PII_KEYS;
    saved.rotationHmac = process.env.HUB_PII_HMAC_KEY;
    h = await freshDb();
    await migrate(h);
    await seed(h, { size: SIZE, today: TODAY });
    const [e] = await h.db.select().from(enterprises).orderBy(asc(enterprises.id)).limit(1);
    await h.db.insert(workers).values(
      workerIds.map((id, i) => ({
        institutionId: e?.id as string,
        employerCreditCode: e?.creditCode as string,
        employerName: e?.name as string,
        name: `职工${i}`,
        ...sealWorkerResidentId(id),
        employedSince: '2015-01-01',
      })),
    );
    for (const id of workerIds) clear.add(id);
    restoreEnv();
  }, 120_000);
  afterAll(() => h?.drop());

  const useKeys = (keys: string, hmac = saved.rotationHmac as string, previous?: string) => {
    process.env.HUB_PII_KEYS = keys;
    process.env.HUB_PII_HMAC_KEY = hmac;
    if (previous) process.env.HUB_PII_HMAC_PREVIOUS_KEYS = previous;
  };

  async function storedIds(): Promise<{ keyIds: Set<string>; ids: string[] }> {
    const certs = await h.db.select().from(certificates).orderBy(asc(certificates.number));
    const ws = await h.db.select().from(workers).orderBy(asc(workers.name), asc(workers.id));
    const encs = [...certs.map((c) => c.holderResidentIdEnc), ...ws.map((w) => w.residentIdEnc)];
    return { keyIds: new Set(encs.map((e) => ciphertextKeyId(e))), ids: encs.map((e) => decryptResidentId(e)) };
  }

  it('keeps no resident ID in clear anywhere in the assessment schema, as text or as bytes', async () => {
    expect(clear.size).toBe(seeded.length + workerIds.length);
    const dump = await dumpAssessment(h);
    const found = [...dump.matchAll(ID_WINDOW)].map((m) => m[1] as string).filter((w) => clear.has(w));
    expect(found).toEqual([]);
    for (const id of workerIds) expect(dump).not.toContain(Buffer.from(id).toString('hex'));
    // The scan would see one: the same rows' IDs do come back once decrypted.
    useKeys(saved.rotationKeys as string);
    expect(new Set((await storedIds()).ids)).toEqual(clear);
  });

  it('finds certificates by the keyed hash with one indexed comparison', async () => {
    useKeys(saved.rotationKeys as string);
    const some = [...clear][0] as string;
    const rows = await h.db
      .select()
      .from(certificates)
      .where(inArray(certificates.holderResidentIdHmac, residentIdLookup(some)));
    expect(rows.map((r) => decryptResidentId(r.holderResidentIdEnc))).toEqual([some]);
  });

  it('rotates: re-encrypts every row under the new key, reads all the while, and then needs only the new key', async () => {
    useKeys(saved.rotationKeys as string);
    const before = await storedIds();
    expect(before.keyIds).toEqual(new Set(['old']));
    // A webhook's signing secret is kept under the same keys, as written: not normalised like an ID.
    const secret = 'whsec a-Mixed-case secret of 32 chars+';
    const [hook] = await h.db
      .insert(webhooks)
      .values({
        enterpriseId: '00000000-0000-4000-8000-000000000001',
        url: 'https://hr.example.com/hub',
        secretEnc: encryptText(secret),
        topics: ['CERTIFICATE'],
        position: 0,
        nextAttemptAt: new Date(),
        createdBy: 'test',
        createdAt: new Date(),
      })
      .returning();
    const fresh = `new:${key()}`;
    useKeys(`${fresh},${saved.rotationKeys}`);
    // Mid-rotation: old rows still open with the old key listed second.
    expect((await storedIds()).ids).toEqual(before.ids);
    const summary = await rotatePiiKeys(h.db, { batch: 64 });
    expect(summary).toEqual({
      key: 'new',
      rewritten: {
        'assessment.workers': seeded.length + workerIds.length,
        'assessment.certificates': SIZE,
        'feed.webhooks': 1,
      },
    });
    expect((await rotatePiiKeys(h.db)).rewritten).toEqual({
      'assessment.workers': 0,
      'assessment.certificates': 0,
      'feed.webhooks': 0,
    });
    useKeys(fresh);
    const after = await storedIds();
    expect(after.keyIds).toEqual(new Set(['new']));
    expect(after.ids).toEqual(before.ids);
    const [kept] = await h.db.select().from(webhooks);
    expect(kept?.id).toBe(hook?.id);
    expect(ciphertextKeyId(kept?.secretEnc as Buffer)).toBe('new');
    expect(decryptText(kept?.secretEnc as Buffer)).toBe(secret);
    saved.rotationKeys = fresh;
  });

  it('stops, changing nothing, when a row is under a key no longer listed', async () => {
    useKeys(`other:${key()}`);
    await expect(rotatePiiKeys(h.db)).rejects.toThrow(/key new, which HUB_PII_KEYS does not list/);
    useKeys(saved.rotationKeys as string);
    expect((await storedIds()).keyIds).toEqual(new Set(['new']));
  });

  it('rehashes with a new HMAC key; the previous key keeps lookups working until then', async () => {
    const oldHmac = saved.rotationHmac as string;
    const newHmac = key();
    useKeys(saved.rotationKeys as string, newHmac, oldHmac);
    const some = [...clear][1] as string;
    const find = () =>
      h.db
        .select({ n: certificates.number })
        .from(certificates)
        .where(inArray(certificates.holderResidentIdHmac, residentIdLookup(some)));
    expect(await find()).toHaveLength(1);
    const summary = await rehashResidentIds(h.db, { batch: 100 });
    expect(summary.rewritten).toEqual({
      'assessment.workers': seeded.length + workerIds.length,
      'assessment.certificates': SIZE,
    });
    delete process.env.HUB_PII_HMAC_PREVIOUS_KEYS;
    useKeys(saved.rotationKeys as string, newHmac);
    expect(piiKeyring().hmac).toHaveLength(1);
    expect(await find()).toHaveLength(1);
    const stale = await h.db
      .select({ n: certificates.number })
      .from(certificates)
      .where(
        inArray(certificates.holderResidentIdHmac, residentIdLookup(some, parseKeyring(saved.rotationKeys, oldHmac))),
      );
    expect(stale).toHaveLength(0);
  });
});
