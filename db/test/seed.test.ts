import { createHash } from 'node:crypto';
import { PREFECTURES } from '@hub/kit/prefectures';
import { isValidCreditCode } from '@hub/kit/rules/credit-code';
import { isValidResidentId } from '@hub/kit/rules/resident-id';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../src/client.ts';
import { migrate } from '../src/migrate.ts';
import { decryptResidentId } from '../src/pii.ts';
import { certificates, evaluationPlans } from '../src/schema/assessment.ts';
import {
  enterpriseSpecifications,
  enterprises,
  filingScopes,
  filingServedParties,
  filings,
  filingTransitions,
} from '../src/schema/enterprise.ts';
import { occupations } from '../src/schema/occupation.ts';
import { caseEvents, caseFindings, cases, inspectors, supervisorDispatches } from '../src/schema/supervision.ts';
import { isSeeded, type SeedSummary, seed } from '../src/seed/index.ts';
import { PLACES } from '../src/seed/names.ts';
import { addDays, apportion, dayNumber, Rng } from '../src/seed/random.ts';
import { freshDb, type TestDb } from '../src/testing.ts';

/** Certificates to seed; SEED_TEST_SIZE=20000 runs the same checks at the demo size. */
const SIZE = Number(process.env.SEED_TEST_SIZE ?? 1000);
const ENTERPRISES = Math.max(28, Math.round(SIZE / 100));
const TODAY = '2026-11-01';

async function fresh(): Promise<TestDb> {
  const h = await freshDb();
  await migrate(h);
  return h;
}

/** Every seeded table, read in a fixed order. */
async function dump(h: DbHandle) {
  const { db } = h;
  return {
    occupations: await db.select().from(occupations).orderBy(asc(occupations.code)),
    enterprises: await db.select().from(enterprises).orderBy(asc(enterprises.id)),
    filings: await db.select().from(filings).orderBy(asc(filings.id)),
    enterpriseSpecifications: await db
      .select()
      .from(enterpriseSpecifications)
      .orderBy(asc(enterpriseSpecifications.id)),
    filingScopes: await db.select().from(filingScopes).orderBy(asc(filingScopes.id)),
    filingServedParties: await db.select().from(filingServedParties).orderBy(asc(filingServedParties.id)),
    filingTransitions: await db.select().from(filingTransitions).orderBy(asc(filingTransitions.id)),
    evaluationPlans: await db.select().from(evaluationPlans).orderBy(asc(evaluationPlans.id)),
    // Ciphertexts differ run to run (random IVs): compare the decrypted ID and its (deterministic) hash.
    certificates: (await db.select().from(certificates).orderBy(asc(certificates.number))).map(
      ({ holderResidentIdEnc, holderResidentIdHmac, ...c }) => ({
        ...c,
        holderResidentId: decryptResidentId(holderResidentIdEnc),
        holderResidentIdHmac: Buffer.from(holderResidentIdHmac).toString('hex'),
      }),
    ),
    cases: await db.select().from(cases).orderBy(asc(cases.id)),
    caseFindings: await db.select().from(caseFindings).orderBy(asc(caseFindings.id)),
    caseEvents: await db.select().from(caseEvents).orderBy(asc(caseEvents.id)),
    inspectors: await db.select().from(inspectors).orderBy(asc(inspectors.id)),
    supervisorDispatches: await db.select().from(supervisorDispatches).orderBy(asc(supervisorDispatches.id)),
  };
}

type Dump = Awaited<ReturnType<typeof dump>>;

const hash = (rows: unknown) => createHash('sha256').update(JSON.stringify(rows)).digest('hex');

describe('demo seed', () => {
  let h: TestDb;
  let summary: SeedSummary;
  let d: Dump;
  const progress: [number, number, string][] = [];

  beforeAll(async () => {
    h = await fresh();
    expect(await isSeeded(h)).toBe(false);
    summary = await seed(h, { size: SIZE, onProgress: (done, total, stage) => progress.push([done, total, stage]) });
    d = await dump(h);
  }, 120_000);

  afterAll(async () => {
    await h?.drop();
  });

  it('reports what it wrote, and progress up to the total', async () => {
    expect(await isSeeded(h)).toBe(true);
    expect(summary).toEqual({
      occupations: d.occupations.length,
      enterprises: d.enterprises.length,
      filings: d.filings.length,
      enterpriseSpecifications: d.enterpriseSpecifications.length,
      filingScopes: d.filingScopes.length,
      filingServedParties: d.filingServedParties.length,
      filingTransitions: d.filingTransitions.length,
      evaluationPlans: d.evaluationPlans.length,
      certificates: d.certificates.length,
      cases: d.cases.length,
      caseFindings: d.caseFindings.length,
      caseEvents: d.caseEvents.length,
      inspectors: d.inspectors.length,
      supervisorDispatches: d.supervisorDispatches.length,
    });
    expect(summary.certificates).toBe(SIZE);
    expect(summary.enterprises).toBe(ENTERPRISES);
    expect(summary.filings).toBe(ENTERPRISES);
    const last = progress.at(-1);
    expect(last?.[0]).toBe(last?.[1]);
    expect(new Set(progress.map((p) => p[2]))).toContain('certificates');
  });

  it('keeps each enterprise’s catalog standing in step with its filing history', () => {
    for (const e of d.enterprises) {
      const f = d.filings.find((x) => x.enterpriseId === e.id);
      const expected =
        f?.status === 'REVOKED'
          ? 'REVOKED'
          : f?.status === 'SUSPENDED'
            ? 'SUSPENDED'
            : f?.confirmedAt
              ? 'CONFIRMED'
              : 'NONE';
      expect(e.qualification, e.name).toBe(expected);
      expect(e.qualifiedAt?.getTime() ?? null).toBe(f?.confirmedAt?.getTime() ?? null);
    }
  });

  it('bases an ENTERPRISE_SPECIFICATION scope row on an approved specification of that enterprise and occupation', () => {
    const based = d.filingScopes.filter((s) => s.basis === 'ENTERPRISE_SPECIFICATION');
    expect(based.length).toBeGreaterThan(0);
    for (const row of based) {
      const spec = d.enterpriseSpecifications.find((x) => x.id === row.specificationId);
      const filing = d.filings.find((f) => f.id === row.filingId);
      expect(spec?.status).toBe('APPROVED');
      expect(spec?.enterpriseId).toBe(filing?.enterpriseId);
      expect(spec?.occupationCode).toBe(row.occupationCode);
    }
    for (const row of d.filingScopes.filter((s) => s.basis === 'NATIONAL_STANDARD'))
      expect(row.specificationId).toBeNull();
  });

  it('gives every 社会评价组织 (and only those) partners with valid credit codes', () => {
    const social = new Set(d.filings.filter((f) => f.kind === 'SOCIAL_EVALUATION_ORGANIZATION').map((f) => f.id));
    expect(social.size).toBeGreaterThan(0);
    for (const p of d.filingServedParties) {
      expect(social.has(p.filingId)).toBe(true);
      expect(isValidCreditCode(p.creditCode), p.creditCode).toBe(true);
    }
    for (const id of social) expect(d.filingServedParties.some((p) => p.filingId === id)).toBe(true);
  });

  it('refuses to seed a database that already has enterprises', async () => {
    await expect(seed(h, { size: SIZE })).rejects.toThrow(/already/);
    const [n] = await h.db.select({ n: sql<number>`count(*)::int` }).from(enterprises);
    expect(n?.n).toBe(ENTERPRISES);
  });

  it('places enterprises in all 14 市州, at least 2 each, with matching phone codes and addresses', () => {
    const codes = PREFECTURES.map((p) => p.code);
    expect(PLACES.map((p) => [p.code, p.name])).toEqual(PREFECTURES.map((p) => [p.code, p.name]));
    for (const code of codes) {
      expect(d.enterprises.filter((e) => e.prefectureCode === code).length, code).toBeGreaterThanOrEqual(2);
    }
    for (const e of d.enterprises) {
      const place = PLACES.find((p) => p.code === e.prefectureCode);
      expect(place, e.prefectureCode).toBeDefined();
      if (!place) continue;
      expect(e.phone.startsWith(`${place.areaCode}-`), e.phone).toBe(true);
      expect(e.phone).toMatch(place.landlineDigits === 8 ? /^0\d{3}-\d{8}$/ : /^0\d{3}-\d{7}$/);
      expect(e.headPhone).toMatch(/^1[3-9]\d{9}$/);
      expect(e.address.startsWith(`湖南省${place.name}`), e.address).toBe(true);
      expect(e.email).toMatch(/^[a-z0-9]+@[a-z0-9.]+\.(com|cn)$/);
      expect(e.skilledWorkerCount).toBeLessThanOrEqual(e.employeeCount);
      expect(e.employeeCount).toBeGreaterThanOrEqual(50);
      expect(e.employeeCount).toBeLessThanOrEqual(20000);
      expect(e.foundedOn >= '1950-01-01' && e.foundedOn <= '2023-12-31').toBe(true);
    }
  });

  it('gives every enterprise a valid, unique credit code registered in its own 市州', () => {
    for (const e of d.enterprises) {
      expect(isValidCreditCode(e.creditCode), e.creditCode).toBe(true);
      expect(e.creditCode.slice(0, 2)).toBe('91');
      expect(e.creditCode.slice(2, 6)).toBe(e.prefectureCode.slice(0, 4));
    }
    expect(new Set(d.enterprises.map((e) => e.creditCode)).size).toBe(d.enterprises.length);
    expect(new Set(d.enterprises.map((e) => e.name)).size).toBe(d.enterprises.length);
  });

  it('keeps each filing consistent with its workflow history', () => {
    const byEnterprise = new Map(d.enterprises.map((e) => [e.id, e]));
    for (const f of d.filings) {
      const e = byEnterprise.get(f.enterpriseId);
      expect(e).toBeDefined();
      if (!e) continue;
      const steps = d.filingTransitions.filter((t) => t.filingId === f.id);
      expect(steps.length).toBe(f.version);
      expect(steps[0]).toMatchObject({ fromStatus: null, toStatus: 'DRAFT' });
      for (let i = 1; i < steps.length; i++) {
        expect(steps[i]?.fromStatus).toBe(steps[i - 1]?.toStatus);
        expect(steps[i]!.at!.getTime()).toBeGreaterThan(steps[i - 1]!.at!.getTime());
      }
      expect(steps.at(-1)?.toStatus).toBe(f.status);
      if (e.affiliation !== 'LOCAL') expect(steps.some((s) => s.toStatus === 'CITY_REVIEWED')).toBe(false);
      const confirmed = ['CONFIRMED', 'SUSPENDED', 'REVOKED'].includes(f.status);
      expect(e.institutionCode !== null).toBe(confirmed);
      expect(f.confirmedAt !== null).toBe(confirmed);
      if (confirmed) {
        expect(e.institutionCode).toMatch(new RegExp(`^${e.prefectureCode.slice(2, 4)}\\d{4}$`));
        const confirmation = steps.find((s) => s.toStatus === 'CONFIRMED');
        expect(confirmation?.actorRole).toBe('ministry');
        if (e.affiliation === 'LOCAL') expect(steps.some((s) => s.toStatus === 'CITY_REVIEWED')).toBe(true);
      }
      expect(f.kind === 'SOCIAL_EVALUATION_ORGANIZATION').toBe(f.serves !== null);
      expect(d.filingScopes.filter((s) => s.filingId === f.id).length).toBeGreaterThanOrEqual(1);
      expect(d.filingScopes.filter((s) => s.filingId === f.id).length).toBeLessThanOrEqual(4);
    }
    const statuses = d.filings.map((f) => f.status);
    expect(statuses.filter((s) => s === 'SUSPENDED')).toHaveLength(ENTERPRISES >= 100 ? 3 : 2);
    expect(statuses.filter((s) => s === 'REVOKED')).toHaveLength(ENTERPRISES >= 100 ? 2 : 1);
    expect(statuses.filter((s) => s === 'CONFIRMED').length).toBe(Math.round(ENTERPRISES * 0.8));
    expect(new Set(d.enterprises.map((e) => e.institutionCode).filter(Boolean)).size).toBe(
      d.enterprises.filter((e) => e.institutionCode).length,
    );
  });

  it('files skill occupations (4-, 5-, 6-) that exist in the dictionary, with their names', () => {
    const occ = new Map(d.occupations.map((o) => [o.code, o]));
    for (const s of d.filingScopes) {
      expect(s.occupationCode).toMatch(/^[456]-/);
      expect(occ.get(s.occupationCode)).toMatchObject({ level: 4, name: s.occupationName });
      expect(s.levels.length).toBeGreaterThanOrEqual(3);
      for (const l of s.levels) expect([1, 2, 3, 4, 5]).toContain(l);
    }
  });

  it('reports plans only for confirmed institutions, inside their scope, 5–20 days ahead', () => {
    const byEnterprise = new Map(d.enterprises.map((e) => [e.id, e]));
    const filingOf = new Map(d.filings.map((f) => [f.enterpriseId, f]));
    for (const p of d.evaluationPlans) {
      const e = byEnterprise.get(p.enterpriseId);
      expect(e?.institutionCode).toBeTruthy();
      const f = filingOf.get(p.enterpriseId);
      expect(['CONFIRMED', 'SUSPENDED', 'REVOKED']).toContain(f?.status);
      expect(p.evaluationDate >= '2024-07-01' && p.evaluationDate <= '2026-10-31').toBe(true);
      expect(f!.confirmedAt!.toISOString().slice(0, 10) < p.evaluationDate).toBe(true);
      const ahead = dayNumber(p.evaluationDate) - dayNumber(p.reportedOn);
      expect(ahead >= 5 && ahead <= 20).toBe(true);
      const scope = d.filingScopes.filter((s) => s.filingId === f?.id && s.occupationCode === p.occupationCode);
      expect(scope.some((s) => s.levels.includes(p.level))).toBe(true);
    }
  });

  it('issues certificates inside the issuing enterprise’s filed scope, after its plan', () => {
    const plans = new Map(d.evaluationPlans.map((p) => [p.id, p]));
    const filingOf = new Map(d.filings.map((f) => [f.enterpriseId, f.id]));
    const scopeLevels = new Map<string, Set<number>>();
    for (const s of d.filingScopes) {
      const key = `${s.filingId}/${s.occupationCode}`;
      const set = scopeLevels.get(key) ?? new Set<number>();
      for (const l of s.levels) set.add(l);
      scopeLevels.set(key, set);
    }
    for (const c of d.certificates) {
      const p = plans.get(c.planId as string);
      expect(p).toBeDefined();
      expect({ e: c.enterpriseId, o: c.occupationCode, l: c.level }).toEqual({
        e: p?.enterpriseId,
        o: p?.occupationCode,
        l: p?.level,
      });
      const levels = scopeLevels.get(`${filingOf.get(c.enterpriseId)}/${c.occupationCode}`);
      expect(levels?.has(c.level), `${c.number} ${c.occupationCode} level ${c.level}`).toBe(true);
      const after = dayNumber(c.issuedOn) - dayNumber(p?.evaluationDate as string);
      expect(after >= 20 && after <= 60, `${c.number} issued ${after} days after`).toBe(true);
      expect(c.issuedOn <= TODAY).toBe(true);
    }
  });

  it('gives holders valid, unique Hunan resident IDs and 2–3 character names', () => {
    for (const c of d.certificates) {
      expect(isValidResidentId(c.holderResidentId), c.holderResidentId).toBe(true);
      expect(c.holderResidentId.slice(0, 2)).toBe('43');
      const birthYear = Number(c.holderResidentId.slice(6, 10));
      expect(birthYear >= 1965 && birthYear <= 2004).toBe(true);
      expect([...c.holderName].length === 2 || [...c.holderName].length === 3, c.holderName).toBe(true);
      expect(c.holderName).toMatch(/^\p{Script=Han}+$/u);
    }
    expect(new Set(d.certificates.map((c) => c.holderResidentId)).size).toBe(d.certificates.length);
  });

  it('numbers certificates Y|S 0000 43 institution year level serial, consecutive per (institution, year, level)', () => {
    const byEnterprise = new Map(d.enterprises.map((e) => [e.id, e]));
    const kindOf = new Map(d.filings.map((f) => [f.enterpriseId, f.kind]));
    const serials = new Map<string, number[]>();
    for (const c of d.certificates) {
      expect(c.number).toHaveLength(22);
      expect(c.number).toMatch(/^[YS]000043\d{6}\d{2}[1-5]\d{6}$/);
      const e = byEnterprise.get(c.enterpriseId);
      expect(c.number.charAt(0)).toBe(kindOf.get(c.enterpriseId) === 'SOCIAL_EVALUATION_ORGANIZATION' ? 'S' : 'Y');
      expect(c.number.slice(7, 13)).toBe(e?.institutionCode);
      expect(c.number.slice(13, 15)).toBe(c.issuedOn.slice(2, 4));
      expect(c.number.charAt(15)).toBe(String(c.level));
      const key = c.number.slice(7, 16);
      serials.set(key, [...(serials.get(key) ?? []), Number(c.number.slice(16))]);
    }
    expect(new Set(d.certificates.map((c) => c.number)).size).toBe(d.certificates.length);
    for (const [key, list] of serials) {
      const sorted = [...list].sort((a, b) => a - b);
      expect(sorted, key).toEqual(sorted.map((_, i) => i + 1));
    }
    // Serials follow issue dates.
    const ordered = [...d.certificates].sort((a, b) => (a.number < b.number ? -1 : 1));
    for (let i = 1; i < ordered.length; i++) {
      const [a, b] = [ordered[i - 1], ordered[i]];
      if (a && b && a.number.slice(0, 16) === b.number.slice(0, 16)) expect(a.issuedOn <= b.issuedOn).toBe(true);
    }
  });

  it('revokes about 1% and uploads most certificates', () => {
    const revoked = d.certificates.filter((c) => c.status === 'REVOKED');
    expect(revoked.length).toBe(Math.round(SIZE * 0.01));
    for (const c of revoked) {
      expect(c.revocationReason).toBeTruthy();
      expect(c.revokedOn && c.revokedOn > c.issuedOn && c.revokedOn <= TODAY).toBe(true);
    }
    for (const c of d.certificates.filter((x) => x.status === 'VALID')) expect(c.revokedOn).toBeNull();
    const uploaded = d.certificates.filter((c) => c.uploadedOn).length / d.certificates.length;
    expect(uploaded).toBeGreaterThan(0.7);
    expect(uploaded).toBeLessThan(0.97);
    for (const c of d.certificates)
      if (c.uploadedOn) expect(c.uploadedOn >= c.issuedOn && c.uploadedOn <= TODAY).toBe(true);
  });

  it('opens cases in the enterprise’s own 市州, behind every suspension and revocation', () => {
    const byEnterprise = new Map(d.enterprises.map((e) => [e.id, e]));
    for (const c of d.cases) {
      expect(c.prefectureCode).toBe(byEnterprise.get(c.enterpriseId)?.prefectureCode);
      expect(c.openedOn >= '2025-01-01' && c.openedOn <= TODAY).toBe(true);
      expect(c.violationTypes.length).toBeGreaterThanOrEqual(1);
      expect(c.summary).toMatch(/\p{Script=Han}/u);
      if (c.closedOn) expect(c.closedOn >= c.openedOn && c.closedOn <= TODAY).toBe(true);
    }
    for (const f of d.filings.filter((x) => x.status === 'SUSPENDED' || x.status === 'REVOKED')) {
      const own = d.cases.filter((c) => c.enterpriseId === f.enterpriseId);
      expect(own.length).toBeGreaterThanOrEqual(1);
      if (f.status === 'REVOKED') expect(own.some((c) => c.status === 'QUALIFICATION_REVOKED')).toBe(true);
    }
  });

  it('gives every case past OPEN findings with evidence, and a history ending in its status', () => {
    for (const c of d.cases) {
      const steps = d.caseEvents.filter((e) => e.caseId === c.id);
      expect(steps[0]).toMatchObject({ fromStatus: null, toStatus: 'OPEN' });
      for (let i = 1; i < steps.length; i++) expect(steps[i]?.fromStatus).toBe(steps[i - 1]?.toStatus);
      expect(steps.at(-1)?.toStatus).toBe(c.status);
      expect(c.version).toBe(steps.length);
      const found = d.caseFindings.filter((f) => f.caseId === c.id);
      if (c.status !== 'OPEN') expect(found.length).toBeGreaterThanOrEqual(1);
      for (const f of found) expect(f.evidence.length).toBeGreaterThanOrEqual(1);
      if (c.status === 'RECTIFICATION_ORDERED') expect(c.rectificationDueOn && c.notifiedOn).toBeTruthy();
    }
    expect(d.inspectors.filter((i) => i.level === 'PROVINCE' && i.prefectureCode === null).length).toBeGreaterThan(0);
  });

  it('dispatches external supervisors to 二级/一级 plans only, of the plan’s 市州, never to their own or a former employer', () => {
    const plans = new Map(d.evaluationPlans.map((p) => [p.id, p]));
    const pool = new Map(d.inspectors.map((i) => [i.id, i]));
    expect(d.supervisorDispatches.length).toBeGreaterThan(0);
    for (const x of d.supervisorDispatches) {
      const p = plans.get(x.planId);
      const s = pool.get(x.supervisorId);
      expect(p?.level).toBeLessThanOrEqual(2);
      expect(x.enterpriseId).toBe(p?.enterpriseId);
      expect(s?.kind).toBe('EXTERNAL_SUPERVISOR');
      expect([null, p?.prefectureCode]).toContain(s?.prefectureCode);
      expect(s?.employerId).not.toBe(p?.enterpriseId);
      expect(s?.formerEmployerIds).not.toContain(p?.enterpriseId);
    }
  });

  it('writes the same rows, ids included, on a second fresh database', async () => {
    const h2 = await fresh();
    try {
      await seed(h2, { size: SIZE });
      const d2 = await dump(h2);
      for (const table of Object.keys(d) as (keyof Dump)[]) {
        expect(hash(d2[table]), table).toBe(hash(d[table]));
      }
    } finally {
      await h2.drop();
    }
  }, 120_000);
});

describe('seed randomness helpers', () => {
  it('repeats a stream for a seed and separates named forks', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const xs = Array.from({ length: 5 }, () => a.int(0, 1_000_000));
    expect(Array.from({ length: 5 }, () => b.int(0, 1_000_000))).toEqual(xs);
    expect(new Rng(42).fork('x').float()).toBe(new Rng(42).fork('x').float());
    expect(new Rng(42).fork('x').float()).not.toBe(new Rng(42).fork('y').float());
    expect(new Rng(7).uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('apportions exactly, with a minimum per part', () => {
    const parts = apportion(100, [5, 1, 1, 0], 2);
    expect(parts.reduce((s, p) => s + p, 0)).toBe(100);
    expect(Math.min(...parts)).toBeGreaterThanOrEqual(2);
    expect(addDays('2026-10-31', 1)).toBe('2026-11-01');
  });
});
