import { isValidCreditCode } from '@hub/vocabulary/credit-code';
import { PREFECTURES } from '@hub/vocabulary/prefectures';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isInConfirmedScope } from '../src/read/scope.ts';
import { enterprises } from '../src/schema/enterprise.ts';
import { caseStatus, complaintStatus } from '../src/schema/supervision.ts';
import { DEMO_PLAN } from '../src/seed/demo.ts';
import { isSeeded, type SeedSummary, seed } from '../src/seed/index.ts';
import { PLACES } from '../src/seed/names.ts';
import { addDays, addWorkdays, weekday } from '../src/seed/random.ts';
import type { TestDb } from '../src/testing.ts';
import {
  byId,
  chinaDay,
  type Dump,
  dump,
  ENTERPRISES,
  fresh,
  hash,
  SIZE,
  seededDemo,
  TODAY,
  weekdaysBetween,
} from './seed-fixtures.ts';

/** The demo seed (db/src/seed): enterprises, filings, plans reported, supervision, and the same rows every time. */
describe('demo seed', () => {
  let h: TestDb;
  let summary: SeedSummary;
  let d: Dump;
  let progress: [number, number, string][] = [];

  beforeAll(async () => {
    ({ h, summary, d, progress } = await seededDemo());
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

  it('states the 龙头企业 grounds of every 社会评价组织 filing (and only those), with evidence and the centres’ opinions', () => {
    const social = new Set(d.filings.filter((f) => f.kind === 'SOCIAL_EVALUATION_ORGANIZATION').map((f) => f.id));
    expect(new Set(d.filingLeadingGrounds.map((g) => g.filingId))).toEqual(social);
    for (const id of social) expect(d.filingGroundsEvidence.some((e) => e.filingId === id)).toBe(true);
    for (const t of d.filingTransitions) {
      const passed = t.toStatus === 'CITY_REVIEWED' || t.toStatus === 'PROVINCE_REVIEWED';
      expect(t.groundsAccepted, `${t.filingId} ${t.toStatus}`).toBe(social.has(t.filingId) && passed ? true : null);
    }
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
