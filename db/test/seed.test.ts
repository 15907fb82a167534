import { createHash } from 'node:crypto';
import { isValidCreditCode } from '@hub/vocabulary/credit-code';
import { PREFECTURES } from '@hub/vocabulary/prefectures';
import { isValidResidentId } from '@hub/vocabulary/resident-id';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../src/client.ts';
import { migrate } from '../src/migrate.ts';
import { decryptResidentId } from '../src/pii.ts';
import { outOfScopeCertificates } from '../src/read/assessment-signals.ts';
import { isInConfirmedScope } from '../src/read/scope.ts';
import { assessmentStatistics } from '../src/read/statistics.ts';
import {
  announcementOpenings,
  announcements,
  assessors,
  candidates,
  certificateSerials,
  certificates,
  evaluationPlans,
  objections,
  planStaff,
  scores,
  uploadBatches,
  workerCredentials,
  workers,
} from '../src/schema/assessment.ts';
import {
  enterpriseSpecifications,
  enterprises,
  filingScopes,
  filingServedParties,
  filings,
  filingTransitions,
} from '../src/schema/enterprise.ts';
import { occupations } from '../src/schema/occupation.ts';
import {
  caseEvents,
  caseFindings,
  caseStatus,
  cases,
  complaintStatus,
  complaints,
  inspectors,
  supervisorDispatches,
} from '../src/schema/supervision.ts';
import { requiredParts } from '../src/seed/assessments.ts';
import { DEMO_PLAN } from '../src/seed/demo.ts';
import {
  DEMO_CERTIFICATE,
  type DemoData,
  generateDemoData,
  isSeeded,
  type SeedSummary,
  type StoryStep,
  seed,
} from '../src/seed/index.ts';
import { PLACES } from '../src/seed/names.ts';
import { addDays, addWorkdays, apportion, dayNumber, Rng, weekday } from '../src/seed/random.ts';
import { freshDb, type TestDb } from '../src/testing.ts';

/** Certificates to seed; SEED_TEST_SIZE=20000 runs the same checks at the demo size. */
const SIZE = Number(process.env.SEED_TEST_SIZE ?? 1000);
const ENTERPRISES = Math.max(28, Math.round(SIZE / 100));
/** The seed's "today" is the caller's: fixed here, so the suite reads the same on any day. */
const TODAY = '2026-11-01';
const LATER = '2028-03-15';

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
    assessors: await db.select().from(assessors).orderBy(asc(assessors.id)),
    announcements: await db.select().from(announcements).orderBy(asc(announcements.id)),
    announcementOpenings: await db.select().from(announcementOpenings).orderBy(asc(announcementOpenings.id)),
    evaluationPlans: await db.select().from(evaluationPlans).orderBy(asc(evaluationPlans.id)),
    planStaff: await db.select().from(planStaff).orderBy(asc(planStaff.planId), asc(planStaff.assessorId)),
    // Ciphertexts differ run to run (random IVs): compare the decrypted ID and its (deterministic) hash.
    workers: (await db.select().from(workers).orderBy(asc(workers.id))).map(
      ({ residentIdEnc, residentIdHmac, ...w }) => ({
        ...w,
        residentId: decryptResidentId(residentIdEnc),
        residentIdHmac: Buffer.from(residentIdHmac).toString('hex'),
      }),
    ),
    workerCredentials: await db.select().from(workerCredentials).orderBy(asc(workerCredentials.id)),
    candidates: await db.select().from(candidates).orderBy(asc(candidates.id)),
    scores: await db.select().from(scores).orderBy(asc(scores.candidateId), asc(scores.part), asc(scores.assessorId)),
    objections: await db.select().from(objections).orderBy(asc(objections.id)),
    uploadBatches: await db.select().from(uploadBatches).orderBy(asc(uploadBatches.id)),
    certificates: (await db.select().from(certificates).orderBy(asc(certificates.number))).map(
      ({ holderResidentIdEnc, holderResidentIdHmac, ...c }) => ({
        ...c,
        holderResidentId: decryptResidentId(holderResidentIdEnc),
        holderResidentIdHmac: Buffer.from(holderResidentIdHmac).toString('hex'),
      }),
    ),
    certificateSerials: await db.select().from(certificateSerials).orderBy(asc(certificateSerials.institutionCode)),
    cases: await db.select().from(cases).orderBy(asc(cases.id)),
    caseFindings: await db.select().from(caseFindings).orderBy(asc(caseFindings.id)),
    caseEvents: await db.select().from(caseEvents).orderBy(asc(caseEvents.id)),
    complaints: await db.select().from(complaints).orderBy(asc(complaints.id)),
    inspectors: await db.select().from(inspectors).orderBy(asc(inspectors.id)),
    supervisorDispatches: await db.select().from(supervisorDispatches).orderBy(asc(supervisorDispatches.id)),
  };
}

type Dump = Awaited<ReturnType<typeof dump>>;

const hash = (rows: unknown) => createHash('sha256').update(JSON.stringify(rows)).digest('hex');
const chinaDay = (d: Date) => new Date(d.getTime() + 8 * 3600e3).toISOString().slice(0, 10);
/** Monday–Friday days after `from` up to and including `to`. */
const weekdaysBetween = (from: string, to: string) => {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (weekday(d) % 6 !== 0) n++;
  return n;
};
const byId = <T extends { id?: string | null }>(rows: readonly T[]) => new Map(rows.map((r) => [r.id as string, r]));
const groupBy = <T, K>(rows: readonly T[], key: (r: T) => K) => {
  const out = new Map<K, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
};

describe('demo seed', () => {
  let h: TestDb;
  let summary: SeedSummary;
  let d: Dump;
  let story: Partial<Record<StoryStep, string>>;
  const progress: [number, number, string][] = [];

  beforeAll(async () => {
    h = await fresh();
    expect(await isSeeded(h)).toBe(false);
    summary = await seed(h, {
      size: SIZE,
      today: TODAY,
      onProgress: (done, total, stage) => progress.push([done, total, stage]),
    });
    d = await dump(h);
    story = generateDemoData(SIZE, TODAY).story;
  }, 180_000);

  afterAll(async () => {
    await h?.drop();
  });

  it('reports what it wrote, and progress up to the total', async () => {
    expect(await isSeeded(h)).toBe(true);
    const counts = Object.fromEntries(
      Object.entries(d)
        .filter(([table]) => table !== 'certificateSerials')
        .map(([table, rows]) => [table, rows.length]),
    );
    expect(summary).toEqual(counts);
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
    await expect(seed(h, { size: SIZE, today: TODAY })).rejects.toThrow(/already/);
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
      // Founded 3 to 77 years before today, and a year before its first filing step at least.
      expect(e.foundedOn >= addDays(TODAY, -77 * 366) && e.foundedOn <= addDays(TODAY, -3 * 365)).toBe(true);
      expect(e.foundedOn < chinaDay(e.createdAt as Date)).toBe(true);
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
    const enterpriseOf = byId(d.enterprises);
    for (const f of d.filings) {
      const e = enterpriseOf.get(f.enterpriseId);
      expect(e).toBeDefined();
      if (!e) continue;
      const steps = d.filingTransitions.filter((t) => t.filingId === f.id);
      expect(steps.length).toBe(f.version);
      expect(steps[0]).toMatchObject({ fromStatus: null, toStatus: 'DRAFT' });
      for (let i = 1; i < steps.length; i++) {
        expect(steps[i]?.fromStatus).toBe(steps[i - 1]?.toStatus);
        expect(steps[i]!.at!.getTime()).toBeGreaterThan(steps[i - 1]!.at!.getTime());
      }
      expect(chinaDay(steps.at(-1)!.at!) <= TODAY).toBe(true);
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

  it('reports plans inside the confirmed scope, under a published announcement, at least 5 working days ahead', async () => {
    const enterpriseOf = byId(d.enterprises);
    const filingOf = new Map(d.filings.map((f) => [f.enterpriseId, f]));
    const announcementOf = byId(d.announcements);
    for (const p of d.evaluationPlans) {
      expect(enterpriseOf.get(p.enterpriseId)?.institutionCode).toBeTruthy();
      const f = filingOf.get(p.enterpriseId);
      expect(['CONFIRMED', 'SUSPENDED', 'REVOKED']).toContain(f?.status);
      // From about 28 months before today (the demo certificate's plan aside) to 3 weeks after it.
      if (p.evaluationDate !== DEMO_PLAN.evaluationDate)
        expect(p.evaluationDate >= addDays(TODAY, -853), p.evaluationDate).toBe(true);
      expect(p.evaluationDate <= addDays(TODAY, 25)).toBe(true);
      expect(p.reportedOn <= TODAY).toBe(true);
      expect(weekday(p.evaluationDate) % 6).not.toBe(0);
      // 提前5个工作日报备: the stored deadline is the 5th working day before (weekends only), and the
      // plan came 11 or more working days ahead, a margin no holiday eats up.
      expect(p.reportDeadline).toBe(addWorkdays(p.evaluationDate, -5));
      expect(weekdaysBetween(p.reportedOn, p.evaluationDate)).toBeGreaterThanOrEqual(11);
      expect(chinaDay(f?.confirmedAt as Date) < p.reportedOn).toBe(true);
      expect(await isInConfirmedScope(h.db, { ...p, onDate: p.reportedOn }), p.id).toBe(true);
      const a = announcementOf.get(p.announcementId as string);
      expect(a?.institutionId).toBe(p.enterpriseId);
      expect(a?.year).toBe(Number(p.evaluationDate.slice(0, 4)));
      expect((a?.publishedOn as string) <= p.reportedOn).toBe(true);
      const opened = d.announcementOpenings.filter((o) => o.announcementId === a?.id);
      expect(opened.some((o) => o.occupationCode === p.occupationCode && o.levels.includes(p.level))).toBe(true);
    }
  });

  it('staffs every plan as the assessments domain requires: enough 考评员, a 高级考评员 for 二级/一级, a 内部质量督导员', () => {
    const assessorOf = byId(d.assessors);
    for (const [planId, staff] of groupBy(d.planStaff, (s) => s.planId)) {
      const p = d.evaluationPlans.find((x) => x.id === planId);
      const scorers = staff.filter((s) => s.role !== 'QUALITY_SUPERVISOR');
      expect(scorers.length).toBeGreaterThanOrEqual(p?.method === 'THEORY_EXAM' ? 2 : 3);
      if ((p?.level as number) <= 2) expect(scorers.some((s) => s.role === 'SENIOR_ASSESSOR')).toBe(true);
      expect(staff.some((s) => s.role === 'QUALITY_SUPERVISOR')).toBe(true);
      for (const s of staff) {
        const a = assessorOf.get(s.assessorId);
        expect(a?.institutionId).toBe(p?.enterpriseId);
        expect(a?.role).toBe(s.role);
        expect([null, p?.occupationCode]).toContain(a?.occupationCode);
      }
    }
    expect(new Set(d.planStaff.map((s) => s.planId)).size).toBe(d.evaluationPlans.length);
  });

  it('puts forward eligible candidates: own (or served) workers, 劳务派遣 after a year, 直接认定二级/一级 with the level below or 破格 grounds', () => {
    const planOf = byId(d.evaluationPlans);
    const workerOf = byId(d.workers);
    const enterpriseOf = byId(d.enterprises);
    const served = new Map(
      d.filings.map((f) => [
        f.enterpriseId,
        new Set(d.filingServedParties.filter((s) => s.filingId === f.id).map((s) => s.creditCode)),
      ]),
    );
    for (const c of d.candidates) {
      const p = planOf.get(c.planId);
      const w = workerOf.get(c.workerId);
      if (!p || !w) throw new Error(`candidate ${c.id} without plan or worker`);
      expect(w.institutionId).toBe(p.enterpriseId);
      const e = enterpriseOf.get(p.enterpriseId);
      expect(w.employerCreditCode === e?.creditCode || served.get(p.enterpriseId)?.has(w.employerCreditCode)).toBe(
        true,
      );
      expect(w.employedSince < p.evaluationDate).toBe(true);
      if (w.dispatched) expect(addDays(w.employedSince, 366) <= p.evaluationDate).toBe(true);
      // 录入参评人员 with the plan, by its report deadline.
      const entered = chinaDay(c.createdAt as Date);
      expect(entered >= p.reportedOn && entered <= (p.reportDeadline as string)).toBe(true);
      if (p.method === 'DIRECT_RECOGNITION' && p.level <= 2 && !c.exceptionalGround) {
        const held = d.workerCredentials.filter((x) => x.workerId === w.id && x.occupationCode === p.occupationCode);
        expect(held.some((x) => x.level === p.level + 1)).toBe(true);
      }
      if (c.exceptionalGround) expect((c.exceptionalDetail ?? '').length).toBeGreaterThanOrEqual(10);
    }
    expect(new Set(d.workers.map((w) => w.residentId)).size).toBe(d.workers.length);
    for (const w of d.workers) {
      expect(isValidResidentId(w.residentId), w.residentId).toBe(true);
      // 430102 (芙蓉区) is left to the end-to-end tests' made-up people.
      expect(w.residentId.startsWith('430102')).toBe(false);
    }
  });

  it('scores the parts the method needs, and the committee’s totals and results follow the rule (each part ≥ 60)', () => {
    const planOf = byId(d.evaluationPlans);
    const staffOf = groupBy(d.planStaff, (s) => s.planId);
    const scoresOf = groupBy(d.scores, (s) => s.candidateId);
    const upheld = new Set(d.objections.filter((o) => o.status === 'UPHELD').map((o) => o.candidateId));
    for (const c of d.candidates) {
      const p = planOf.get(c.planId);
      if (!p) throw new Error('plan missing');
      const own = scoresOf.get(c.id as string) ?? [];
      const parts = requiredParts(p.method, p.level);
      const scorers = new Set(
        (staffOf.get(p.id as string) ?? []).filter((s) => s.role !== 'QUALITY_SUPERVISOR').map((s) => s.assessorId),
      );
      for (const s of own) {
        expect(parts).toContain(s.part);
        expect(scorers.has(s.assessorId)).toBe(true);
        expect(s.recordedOn >= p.evaluationDate && s.recordedOn <= TODAY).toBe(true);
        if (p.reviewedOn) expect(s.recordedOn < p.reviewedOn).toBe(true);
      }
      if (p.status === 'REPORTED') {
        expect([c.result, c.total]).toEqual([null, null]);
        if (p.evaluationDate > TODAY) expect(own).toEqual([]);
        continue;
      }
      expect(new Set(own.map((s) => s.part))).toEqual(new Set(parts));
      const means = parts.map((part) => {
        const xs = own.filter((s) => s.part === part).map((s) => s.score);
        return xs.reduce((a, b) => a + b, 0) / xs.length;
      });
      expect(c.total).toBeCloseTo(means.reduce((a, b) => a + b, 0) / means.length, 2);
      const passed = means.every((m) => m >= 60);
      expect(c.result).toBe(upheld.has(c.id as string) ? 'WITHHELD' : passed ? 'PASSED' : 'FAILED');
    }
  });

  it('publicises at least 5 days, handles objections during publicity, and submits results well within 20 working days', () => {
    const planOf = byId(d.evaluationPlans);
    for (const p of d.evaluationPlans) {
      if (p.status === 'REPORTED')
        expect([p.reviewedOn, p.publicityStartsOn, p.resultsSubmittedOn]).toEqual([null, null, null]);
      if (p.status === 'REVIEWED') expect(p.reviewedOn && !p.publicityStartsOn).toBeTruthy();
      if (p.reviewedOn) expect(p.reviewedOn > p.evaluationDate && p.reviewedOn <= TODAY).toBe(true);
      if (p.publicityStartsOn) {
        expect(p.publicityStartsOn >= (p.reviewedOn as string) && p.publicityStartsOn <= TODAY).toBe(true);
        expect(dayNumber(p.publicityEndsOn as string) - dayNumber(p.publicityStartsOn) + 1).toBeGreaterThanOrEqual(5);
      }
      // The hub fills the result deadline from the official calendar when it starts.
      expect(p.resultDeadline).toBeNull();
      if (p.resultsSubmittedOn) {
        expect(p.status).toBe('SUBMITTED');
        expect(p.resultsSubmittedOn > (p.publicityEndsOn as string) && p.resultsSubmittedOn <= TODAY).toBe(true);
        // 20 working days are at least 26 calendar days, whatever the holidays.
        expect(dayNumber(p.resultsSubmittedOn) - dayNumber(p.publicityEndsOn as string)).toBeLessThanOrEqual(22);
      }
    }
    for (const o of d.objections) {
      const p = planOf.get(o.planId);
      expect(o.raisedOn >= (p?.publicityStartsOn as string) && o.raisedOn <= (p?.publicityEndsOn as string)).toBe(true);
      expect(o.raisedOn <= TODAY).toBe(true);
      if (o.status === 'OPEN') expect([o.resolvedOn, p?.status]).toEqual([null, 'PUBLICISED']);
      else {
        expect(o.resolution).toBeTruthy();
        expect((o.resolvedOn as string) <= TODAY).toBe(true);
        if (p?.resultsSubmittedOn) expect((o.resolvedOn as string) < p.resultsSubmittedOn).toBe(true);
      }
    }
    expect(new Set(d.objections.map((o) => o.status))).toEqual(new Set(['OPEN', 'UPHELD', 'DISMISSED']));
  });

  it('traces every certificate back to a passed candidate with part scores in a submitted plan, the holder’s own ID', () => {
    const planOf = byId(d.evaluationPlans);
    const candidateOf = byId(d.candidates);
    const workerOf = byId(d.workers);
    const scoresOf = groupBy(d.scores, (s) => s.candidateId);
    for (const c of d.certificates) {
      const k = candidateOf.get(c.candidateId as string);
      const p = planOf.get(c.planId as string);
      const w = workerOf.get(k?.workerId as string);
      expect(k?.planId).toBe(c.planId);
      expect(k?.result).toBe('PASSED');
      expect(p?.status).toBe('SUBMITTED');
      expect((p?.resultsSubmittedOn as string) <= c.issuedOn && c.issuedOn > (p?.publicityEndsOn as string)).toBe(true);
      expect(scoresOf.get(k?.id as string)?.length).toBeGreaterThanOrEqual(1);
      expect([c.holderName, c.holderResidentId, c.holderResidentIdHmac]).toEqual([
        w?.name,
        w?.residentId,
        w?.residentIdHmac,
      ]);
      expect({ e: c.enterpriseId, o: c.occupationCode, l: c.level }).toEqual({
        e: p?.enterpriseId,
        o: p?.occupationCode,
        l: p?.level,
      });
      expect(c.issuedOn <= TODAY).toBe(true);
    }
    // One certificate per candidate, and per person.
    expect(new Set(d.certificates.map((c) => c.candidateId)).size).toBe(d.certificates.length);
    expect(new Set(d.certificates.map((c) => c.holderResidentId)).size).toBe(d.certificates.length);
  });

  it('issues nothing outside the confirmed scope (no 超范围认定 signal in the demo)', async () => {
    expect(await outOfScopeCertificates(h.db)).toEqual([]);
  });

  it('counts candidates ≥ certificates in every 市州, with a plausible pass rate', async () => {
    const rows = await assessmentStatistics(h.db, {}, ['PREFECTURE']);
    expect(rows.map((r) => r.keys[0]).sort()).toEqual(PREFECTURES.map((p) => p.code).sort());
    for (const r of rows) expect(r.candidates, String(r.keys[0])).toBeGreaterThanOrEqual(r.issued);
    const all = rows.reduce((s, r) => ({ c: s.c + r.candidates, p: s.p + r.passed }), { c: 0, p: 0 });
    expect(all.c).toBe(d.candidates.length);
    expect(all.p / all.c).toBeGreaterThan(0.75);
    expect(all.p / all.c).toBeLessThan(0.95);
  });

  it('has a plan at every step today at the story institution, each ready for its next command', async () => {
    const planOf = byId(d.evaluationPlans);
    const plan = (step: StoryStep) => planOf.get(story[step] as string) as (typeof d.evaluationPlans)[number];
    const own = (step: StoryStep) => d.candidates.filter((c) => c.planId === story[step]);
    const scored = (step: StoryStep) => own(step).filter((c) => d.scores.some((s) => s.candidateId === c.id));
    const institution = d.enterprises.find((e) => e.institutionCode === '010001');
    expect(institution?.qualification).toBe('CONFIRMED');
    for (const id of Object.values(story)) expect(planOf.get(id as string)?.enterpriseId).toBe(institution?.id);
    expect(new Set(d.evaluationPlans.map((p) => p.status))).toEqual(
      new Set(['REPORTED', 'REVIEWED', 'PUBLICISED', 'SUBMITTED']),
    );

    // addCandidate (until the report deadline), then the evaluation.
    const upcoming = plan('UPCOMING');
    expect(upcoming.status).toBe('REPORTED');
    expect(upcoming.reportedOn <= TODAY && TODAY <= (upcoming.reportDeadline as string)).toBe(true);
    expect(own('UPCOMING').length).toBeGreaterThan(0);
    expect(scored('UPCOMING')).toEqual([]);
    expect(await isInConfirmedScope(h.db, { ...upcoming, onDate: TODAY })).toBe(true);
    // recordScores for the rest.
    const scoring = plan('BEING_SCORED');
    expect([scoring.status, scoring.evaluationDate <= TODAY]).toEqual(['REPORTED', true]);
    expect(scored('BEING_SCORED').length).toBeGreaterThan(0);
    expect(scored('BEING_SCORED').length).toBeLessThan(own('BEING_SCORED').length);
    // reviewResults: everyone scored.
    expect([plan('SCORED').status, plan('SCORED').evaluationDate <= TODAY]).toEqual(['REPORTED', true]);
    expect(scored('SCORED')).toHaveLength(own('SCORED').length);
    // startPublicity from today on.
    expect([plan('REVIEWED').status, (plan('REVIEWED').reviewedOn as string) <= TODAY]).toEqual(['REVIEWED', true]);
    // raiseObjection / resolveObjection: publicity runs today, an objection open.
    const now = plan('IN_PUBLICITY');
    expect(now.status).toBe('PUBLICISED');
    expect((now.publicityStartsOn as string) <= TODAY && TODAY <= (now.publicityEndsOn as string)).toBe(true);
    expect(d.objections.filter((o) => o.planId === now.id).map((o) => o.status)).toEqual(['OPEN']);
    // submitResults (on time) and issueCertificates: publicity over, nothing open.
    const ended = plan('PUBLICITY_ENDED');
    expect([ended.status, (ended.publicityEndsOn as string) < TODAY]).toEqual(['PUBLICISED', true]);
    expect(dayNumber(TODAY) - dayNumber(ended.publicityEndsOn as string)).toBeLessThan(20);
    expect(d.objections.filter((o) => o.planId === ended.id).map((o) => o.status)).toEqual(['DISMISSED']);
    // issueCertificates: submitted, passed candidates without certificates.
    const submitted = plan('SUBMITTED');
    expect(submitted.status).toBe('SUBMITTED');
    expect(own('SUBMITTED').some((c) => c.result === 'PASSED')).toBe(true);
    expect(d.certificates.filter((c) => c.planId === submitted.id)).toEqual([]);
    // submitResults, late: publicity ended 50 days ago (past any 20-working-day deadline), nothing submitted.
    const overdue = plan('RESULTS_OVERDUE');
    expect([overdue.status, overdue.resultsSubmittedOn]).toEqual(['PUBLICISED', null]);
    expect(addDays(overdue.publicityEndsOn as string, 45) < TODAY).toBe(true);
  });

  it('holds the demo certificate: 张三’s, VALID, numbered as the README says, his only one', async () => {
    const c = d.certificates.find((x) => x.number === DEMO_CERTIFICATE.number);
    expect(c).toMatchObject({
      holderName: DEMO_CERTIFICATE.holderName,
      holderResidentId: DEMO_CERTIFICATE.holderResidentId,
      status: 'VALID',
      level: DEMO_CERTIFICATE.level,
      issuedOn: DEMO_CERTIFICATE.issuedOn,
    });
    expect(isValidResidentId(DEMO_CERTIFICATE.holderResidentId)).toBe(true);
    expect(d.certificates.filter((x) => x.holderResidentId === DEMO_CERTIFICATE.holderResidentId)).toHaveLength(1);
    expect(await isInConfirmedScope(h.db, { ...(c as NonNullable<typeof c>), onDate: DEMO_CERTIFICATE.issuedOn })).toBe(
      true,
    );
    const issuer = d.enterprises.find((e) => e.id === c?.enterpriseId);
    expect(issuer?.institutionCode).toBe('010001');
    expect(d.evaluationPlans.find((p) => p.id === c?.planId)).toMatchObject({
      evaluationDate: DEMO_PLAN.evaluationDate,
      reportDeadline: DEMO_PLAN.reportDeadline,
      status: 'SUBMITTED',
    });
  });

  it('numbers certificates Y|S 0000 43 institution year level serial, consecutive per (institution, year, level)', () => {
    const enterpriseOf = byId(d.enterprises);
    const kindOf = new Map(d.filings.map((f) => [f.enterpriseId, f.kind]));
    const serials = new Map<string, number[]>();
    for (const c of d.certificates) {
      expect(c.number).toHaveLength(22);
      expect(c.number).toMatch(/^[YS]000043\d{6}\d{2}[1-5]\d{6}$/);
      const e = enterpriseOf.get(c.enterpriseId);
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
      expect(
        d.certificateSerials.find((s) => `${s.institutionCode}${String(s.year).slice(2)}${s.level}` === key)?.last,
      ).toBe(sorted.length);
    }
    // Serials follow issue dates.
    const ordered = [...d.certificates].sort((a, b) => (a.number < b.number ? -1 : 1));
    for (let i = 1; i < ordered.length; i++) {
      const [a, b] = [ordered[i - 1], ordered[i]];
      if (a && b && a.number.slice(0, 16) === b.number.slice(0, 16)) expect(a.issuedOn <= b.issuedOn).toBe(true);
    }
  });

  it('gives holders valid Hunan resident IDs of people 20–58 at the evaluation, and 2–3 character names', () => {
    const planOf = byId(d.evaluationPlans);
    for (const c of d.certificates) {
      expect(isValidResidentId(c.holderResidentId), c.holderResidentId).toBe(true);
      expect(c.holderResidentId.slice(0, 2)).toBe('43');
      const birth = `${c.holderResidentId.slice(6, 10)}-${c.holderResidentId.slice(10, 12)}-${c.holderResidentId.slice(12, 14)}`;
      const age = (dayNumber(planOf.get(c.planId as string)?.evaluationDate as string) - dayNumber(birth)) / 365.25;
      expect(age >= 19.9 && age <= 58.1, `${c.number} ${age}`).toBe(true);
      expect([...c.holderName].length === 2 || [...c.holderName].length === 3, c.holderName).toBe(true);
      expect(c.holderName).toMatch(/^\p{Script=Han}+$/u);
    }
  });

  it('revokes about 1% and uploads most certificates, in batches', () => {
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
    const batchOf = byId(d.uploadBatches);
    for (const c of d.certificates) {
      if (!c.uploadedOn) expect(c.uploadBatchId).toBeNull();
      else {
        expect(c.uploadedOn >= c.issuedOn && c.uploadedOn <= TODAY).toBe(true);
        expect(batchOf.get(c.uploadBatchId as string)).toMatchObject({
          institutionId: c.enterpriseId,
          uploadedOn: c.uploadedOn,
        });
      }
    }
    for (const b of d.uploadBatches)
      expect(d.certificates.filter((c) => c.uploadBatchId === b.id)).toHaveLength(b.count);
  });

  it('opens cases in the enterprise’s own 市州, behind every suspension and revocation, and one in every state', () => {
    const enterpriseOf = byId(d.enterprises);
    for (const c of d.cases) {
      expect(c.prefectureCode).toBe(enterpriseOf.get(c.enterpriseId)?.prefectureCode);
      expect(c.openedOn >= addDays(TODAY, -700) && c.openedOn <= TODAY).toBe(true);
      expect(c.violationTypes.length).toBeGreaterThanOrEqual(1);
      expect(c.summary).toMatch(/\p{Script=Han}/u);
      expect(['RANDOM_INSPECTION', 'RISK_SIGNAL']).not.toContain(c.source); // those name a draw or a signal
      if (c.closedOn) expect(c.closedOn >= c.openedOn && c.closedOn <= TODAY).toBe(true);
    }
    for (const f of d.filings.filter((x) => x.status === 'SUSPENDED' || x.status === 'REVOKED')) {
      const own = d.cases.filter((c) => c.enterpriseId === f.enterpriseId);
      expect(own.length).toBeGreaterThanOrEqual(1);
      if (f.status === 'REVOKED') expect(own.some((c) => c.status === 'QUALIFICATION_REVOKED')).toBe(true);
    }
    expect(new Set(d.cases.map((c) => c.status))).toEqual(new Set(caseStatus.enumValues));
    // Each open state's next step can be taken today.
    const one = (status: (typeof caseStatus.enumValues)[number]) => d.cases.filter((c) => c.status === status);
    expect(one('RECTIFICATION_ORDERED').some((c) => (c.rectificationDueOn as string) > TODAY)).toBe(true);
    for (const c of one('RECTIFIED')) expect((c.rectifiedOn as string) <= (c.rectificationDueOn as string)).toBe(true);
    for (const c of one('ESCALATED')) {
      expect(c.escalatedOn && c.escalatedOn <= TODAY && c.notifiedOn === c.escalatedOn).toBeTruthy();
      if (c.rectificationDueOn) expect((c.escalatedOn as string) > c.rectificationDueOn).toBe(true);
      expect(enterpriseOf.get(c.enterpriseId)?.qualification).toBe('CONFIRMED');
    }
  });

  it('gives every case past OPEN findings with evidence, and a history ending in its status', () => {
    for (const c of d.cases) {
      const steps = d.caseEvents.filter((e) => e.caseId === c.id);
      expect(steps[0]).toMatchObject({ fromStatus: null, toStatus: 'OPEN' });
      for (let i = 1; i < steps.length; i++) expect(steps[i]?.fromStatus).toBe(steps[i - 1]?.toStatus);
      expect(steps.at(-1)?.toStatus).toBe(c.status);
      for (const s of steps) expect(chinaDay(s.at as Date) <= TODAY).toBe(true);
      expect(c.version).toBe(steps.length);
      const found = d.caseFindings.filter((f) => f.caseId === c.id);
      if (c.status !== 'OPEN') expect(found.length).toBeGreaterThanOrEqual(1);
      for (const f of found) expect(f.evidence.length).toBeGreaterThanOrEqual(1);
      if (c.status === 'RECTIFICATION_ORDERED') expect(c.rectificationDueOn && c.notifiedOn).toBeTruthy();
    }
    expect(d.inspectors.filter((i) => i.level === 'PROVINCE' && i.prefectureCode === null).length).toBeGreaterThan(0);
  });

  it('keeps complaints in every state; a case from a complaint or media report names its converted complaint', () => {
    expect(new Set(d.complaints.map((c) => c.status))).toEqual(new Set(complaintStatus.enumValues));
    const qualified = new Set(d.enterprises.filter((e) => e.qualification !== 'NONE').map((e) => e.id));
    for (const c of d.complaints) {
      expect(qualified.has(c.enterpriseId)).toBe(true);
      expect(c.receivedOn <= TODAY).toBe(true);
      expect(c.content.length).toBeGreaterThanOrEqual(10);
      expect(c.kind === 'MEDIA_REPORT').toBe(c.mediaOutlet !== null);
      expect(c.status === 'RECEIVED').toBe(c.triagedAt === null);
      if (c.status === 'DISMISSED') expect(c.triageNote).toBeTruthy();
      const opened = d.cases.filter((k) => k.complaintId === c.id);
      expect(opened.length).toBe(c.status === 'CONVERTED' ? 1 : 0);
      for (const k of opened) {
        expect(k.source).toBe(c.kind === 'MEDIA_REPORT' ? 'MEDIA_REPORT' : 'COMPLAINT');
        expect(c.receivedOn <= k.openedOn).toBe(true);
      }
    }
    for (const k of d.cases.filter((x) => x.source === 'COMPLAINT' || x.source === 'MEDIA_REPORT'))
      expect(k.complaintId).toBeTruthy();
  });

  it('dispatches external supervisors to 二级/一级 plans only, of the plan’s 市州, never to their own or a former employer', () => {
    const planOf = byId(d.evaluationPlans);
    const pool = byId(d.inspectors);
    expect(d.supervisorDispatches.length).toBeGreaterThan(0);
    for (const x of d.supervisorDispatches) {
      const p = planOf.get(x.planId);
      const s = pool.get(x.supervisorId);
      expect(p?.level).toBeLessThanOrEqual(2);
      expect(x.enterpriseId).toBe(p?.enterpriseId);
      expect(s?.kind).toBe('EXTERNAL_SUPERVISOR');
      expect([null, p?.prefectureCode]).toContain(s?.prefectureCode);
      expect(s?.employerId).not.toBe(p?.enterpriseId);
      expect(s?.formerEmployerIds).not.toContain(p?.enterpriseId);
      const on = chinaDay(x.dispatchedAt as Date);
      expect(on > (p?.reportedOn as string) && on < (p?.evaluationDate as string) && on <= TODAY).toBe(true);
    }
  });

  it('writes the same rows, ids included, on a second fresh database', async () => {
    const h2 = await fresh();
    try {
      await seed(h2, { size: SIZE, today: TODAY });
      const d2 = await dump(h2);
      for (const table of Object.keys(d) as (keyof Dump)[]) {
        expect(hash(d2[table]), table).toBe(hash(d[table]));
      }
    } finally {
      await h2.drop();
    }
  }, 180_000);
});

describe('demo seed of size 0', () => {
  let h: TestDb;
  beforeAll(async () => {
    h = await fresh();
    await seed(h, { size: 0, today: TODAY });
  }, 120_000);
  afterAll(() => h?.drop());

  it('has no certificates and nothing overdue, only the story’s plans on their way', async () => {
    const [none] = await h.db.select({ n: sql<number>`count(*)::int` }).from(certificates);
    expect(none?.n).toBe(0);
    const plans = await h.db.select().from(evaluationPlans);
    expect(plans.length).toBeGreaterThan(0);
    expect(new Set(plans.map((p) => p.status))).toEqual(new Set(['REPORTED', 'REVIEWED', 'PUBLICISED', 'SUBMITTED']));
    for (const p of plans) {
      // Nothing a risk signal would pick up: no publicity under 5 days, no results anywhere near their deadline.
      if (p.publicityEndsOn) {
        expect(dayNumber(p.publicityEndsOn) - dayNumber(p.publicityStartsOn as string) + 1).toBeGreaterThanOrEqual(5);
        expect(dayNumber(p.resultsSubmittedOn ?? TODAY) - dayNumber(p.publicityEndsOn)).toBeLessThanOrEqual(22);
      }
    }
  });
});

describe('demo seed dates', () => {
  const data = new Map<string, DemoData>([
    [TODAY, generateDemoData(400, TODAY)],
    [LATER, generateDemoData(400, LATER)],
  ]);

  /** Every date of every row, by field. */
  function dates(d: DemoData) {
    const out: { table: string; field: string; day: string }[] = [];
    for (const [table, rows] of Object.entries(d)) {
      if (!Array.isArray(rows)) continue;
      for (const row of rows as Record<string, unknown>[]) {
        for (const [field, v] of Object.entries(row)) {
          if (v instanceof Date) out.push({ table, field, day: chinaDay(v) });
          else if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) out.push({ table, field, day: v });
        }
      }
    }
    return out;
  }

  for (const today of [TODAY, LATER]) {
    it(`puts history before ${today}, and after it only evaluations, deadlines, a running publicity's end`, () => {
      const d = data.get(today) as DemoData;
      expect(d.today).toBe(today);
      const after = dates(d).filter((x) => x.day > today);
      expect(new Set(after.map((x) => `${x.table}.${x.field}`))).toEqual(
        new Set([
          'evaluationPlans.evaluationDate',
          'evaluationPlans.reportDeadline',
          'evaluationPlans.publicityEndsOn',
          'cases.rectificationDueOn',
          'complaints.handlingDueOn',
        ]),
      );
      for (const x of after) expect(x.day <= addDays(today, 100), `${x.table}.${x.field} ${x.day}`).toBe(true);
      // Evaluations from about 28 months back (the demo certificate's December 2024 aside).
      const evaluated = d.evaluationPlans.map((p) => p.evaluationDate).filter((e) => e !== DEMO_PLAN.evaluationDate);
      expect(evaluated.every((e) => e >= addDays(today, -853))).toBe(true);
      expect(d.cases.every((c) => c.openedOn >= addDays(today, -700))).toBe(true);
      // Every step of the story stands where today puts it.
      expect(Object.keys(d.story).sort()).toEqual(
        [
          'UPCOMING',
          'BEING_SCORED',
          'SCORED',
          'REVIEWED',
          'IN_PUBLICITY',
          'PUBLICITY_ENDED',
          'SUBMITTED',
          'RESULTS_OVERDUE',
        ].sort(),
      );
      expect(d.certificates.some((c) => c.number === DEMO_CERTIFICATE.number)).toBe(true);
      expect(d.certificates.every((c) => c.issuedOn <= today)).toBe(true);
    });
  }

  it('gives the same rows for the same (size, today), and moves them with today', () => {
    expect(hash(generateDemoData(400, LATER))).toBe(hash(data.get(LATER)));
    const [a, b] = [data.get(TODAY) as DemoData, data.get(LATER) as DemoData];
    expect(a.certificates).toHaveLength(400);
    expect(b.certificates).toHaveLength(400);
    const lastIssue = (x: DemoData) =>
      x.certificates
        .map((c) => c.issuedOn)
        .sort()
        .at(-1) as string;
    expect(dayNumber(lastIssue(b)) - dayNumber(lastIssue(a))).toBeGreaterThan(400);
  });

  it('has no demo certificate for a today before DEMO_FROM, and refuses a malformed today', () => {
    expect(generateDemoData(400, '2025-01-15').certificates.some((c) => c.number === DEMO_CERTIFICATE.number)).toBe(
      false,
    );
    expect(() => generateDemoData(400, '2026-13-45x')).toThrow(RangeError);
  });
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

  it('counts days and working days in plain arithmetic, as the calendar does', () => {
    for (let day = dayNumber('1960-01-01'); day < dayNumber('2040-01-01'); day += 37) {
      const iso = new Date(day * 86_400_000).toISOString().slice(0, 10);
      expect(dayNumber(iso)).toBe(day);
      expect(addDays(iso, 0)).toBe(iso);
    }
    expect(addWorkdays('2026-11-06', 1)).toBe('2026-11-09'); // Friday → Monday
    expect(addWorkdays('2026-11-09', -5)).toBe('2026-11-02');
  });
});
