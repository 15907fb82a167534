import { requiredParts } from '@hub/vocabulary';
import { PREFECTURES } from '@hub/vocabulary/prefectures';
import { isValidResidentId } from '@hub/vocabulary/resident-id';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outOfScopeCertificates } from '../src/read/assessment-signals.ts';
import { isInConfirmedScope } from '../src/read/scope.ts';
import { assessmentStatistics } from '../src/read/statistics.ts';
import { DEMO_PLAN } from '../src/seed/demo.ts';
import { DEMO_CERTIFICATE, type StoryStep } from '../src/seed/index.ts';
import { addDays, dayNumber } from '../src/seed/random.ts';
import type { TestDb } from '../src/testing.ts';
import { byId, chinaDay, type Dump, groupBy, SIZE, seededDemo, TODAY } from './seed-fixtures.ts';

/** The demo seed's assessments: staff, candidates, scores, publicity, certificates, as the assessments domain requires. */
describe('demo seed: assessments', () => {
  let h: TestDb;
  let d: Dump;
  let story: Partial<Record<StoryStep, string>>;

  beforeAll(async () => {
    ({ h, d, story } = await seededDemo());
  }, 180_000);

  afterAll(async () => {
    await h?.drop();
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
});
