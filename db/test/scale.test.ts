import { createHash } from 'node:crypto';
import { asc } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/migrate.ts';
import { decryptResidentId } from '../src/pii.ts';
import { certificates, evaluationPlans } from '../src/schema/assessment.ts';
import { enterprises } from '../src/schema/enterprise.ts';
import { seed } from '../src/seed/index.ts';
import { seedScale } from '../src/seed/scale.ts';
import { freshDb, type TestDb } from '../src/testing.ts';

const open: TestDb[] = [];
afterAll(() => Promise.all(open.map((h) => h.drop())));

async function fresh() {
  const h = await freshDb();
  open.push(h);
  await migrate(h);
  return h;
}

const hash = (rows: unknown) => createHash('sha256').update(JSON.stringify(rows)).digest('hex');

/** Ciphertexts differ run to run (random IVs): compare the decrypted ID and its (deterministic) hash. */
const opened = (rows: Record<string, unknown>[]) =>
  rows.map(({ holderResidentIdEnc, holderResidentIdHmac, ...r }) =>
    holderResidentIdEnc instanceof Uint8Array && holderResidentIdHmac instanceof Uint8Array
      ? {
          ...r,
          holderResidentId: decryptResidentId(holderResidentIdEnc),
          holderResidentIdHmac: Buffer.from(holderResidentIdHmac).toString('hex'),
        }
      : r,
  );

describe('scale seed (bulk loading)', () => {
  it('writes exactly the rows the demo seed writes for the same size', async () => {
    const [demo, bulk] = await Promise.all([fresh(), fresh()]);
    const a = await seed(demo, { size: 800 });
    const { seconds, ...b } = await seedScale(bulk, { size: 800 });
    expect(seconds).toBeGreaterThanOrEqual(0);
    expect(b).toEqual(a);
    for (const [table, key] of [
      [enterprises, enterprises.id],
      [evaluationPlans, evaluationPlans.id],
      [certificates, certificates.number],
    ] as const) {
      const rows = async (h: TestDb) => opened(await h.db.select().from(table).orderBy(asc(key)));
      expect(hash(await rows(bulk))).toBe(hash(await rows(demo)));
    }
  }, 120_000);
});
