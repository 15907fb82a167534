import { HubClock } from '@hub/vocabulary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caller,
  constituteCommittee,
  findInstitution,
  institutionToken,
  recordExamined,
  residentId,
} from './assessments-fixtures.ts';
import { dayFrom, gql, startTestHub, type TestHub, token } from './helpers.ts';

/**
 * 沙盒时钟: outside production an admin moves the hub's date through /admin/clock, and a plan
 * reported today walks to its certificates in minutes; every answer names the sandbox date; in
 * production the date cannot be set.
 */

let hub: TestHub;
const admin = () => token({ role: 'admin', sub: 'trainer' });
const clockAt = (h: TestHub) => h.url.replace(/\/graphql$/, '/admin/clock');

async function setClock(h: TestHub, body: unknown, tok?: string) {
  const res = await fetch(clockAt(h), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${tok ?? (await admin())}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

beforeAll(async () => {
  hub = await startTestHub(300);
});
afterAll(() => hub?.stop());

describe('the sandbox clock (outside production)', () => {
  it('is set by an admin only, names its date in every answer, and clears', async () => {
    const plain = await gql(hub.url, '{ occupations(first: 1) { edges { node { code } } } }');
    expect(plain.extensions?.sandboxClock).toBeUndefined();

    const refused = await setClock(hub, { date: '2030-05-06' }, await token({ role: 'province_center' }));
    expect(refused.status).toBe(403);
    const bad = await setClock(hub, { date: '2030-02-30' });
    expect([bad.status, bad.body.errors[0].extensions.code]).toEqual([400, 'INVALID_DATE']);

    const set = await setClock(hub, { date: '2030-05-06' });
    expect(set.status).toBe(200);
    expect(set.body.sandbox).toMatchObject({ setDate: '2030-05-06', today: '2030-05-06', setBy: 'trainer' });
    const during = await gql(hub.url, '{ occupations(first: 1) { edges { node { code } } } }');
    expect(during.extensions?.sandboxClock).toMatchObject({ today: '2030-05-06' });
    const dated = await gql(
      hub.url,
      'query($d: Date!) { planReportDeadline(evaluationDate: $d) { date calendarConfirmed } }',
      { variables: { d: '2030-05-20' } },
    );
    expect(dated.extensions?.sandboxClock?.today).toBe('2030-05-06');

    expect((await setClock(hub, { advanceDays: 3 })).body.today).toBe('2030-05-09');
    const cleared = await setClock(hub, { clear: true });
    expect(cleared.body.sandbox).toBeNull();
    expect(cleared.body.today).toBe(hub.clock.today());
    const after = await gql(hub.url, '{ occupations(first: 1) { edges { node { code } } } }');
    expect(after.extensions?.sandboxClock).toBeUndefined();
  });

  it('walks a plan reported today through publicity to a certificate anyone can verify', async () => {
    const inst = await findInstitution(hub, [4]);
    const run = caller(hub.url, await institutionToken(inst.id));
    const evaluationDay = dayFrom(hub, 21); // at least 5 working days ahead, whatever the holidays
    const staff: string[] = [];
    for (const role of ['ASSESSOR', 'ASSESSOR', 'ASSESSOR', 'QUALITY_SUPERVISOR']) {
      const d = await run(
        `mutation($i: RegisterAssessorInput!) { registerAssessor(input: $i) { assessor { id } errors { code } } }`,
        { i: { name: '沙盒考评员', role } },
      );
      staff.push(d.registerAssessor.assessor.id);
    }
    const w = await run(
      `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { worker { id } errors { code message } } }`,
      { i: { name: '沙盒学员', residentId: residentId(77, '19900307'), employedSince: '2015-03-01' } },
    );
    expect(w.registerWorker.errors).toEqual([]);
    const a = await run(
      `mutation($i: PublishAnnouncementInput!) { publishAnnouncement(input: $i) { announcement { id } errors { code message } } }`,
      {
        i: {
          title: '职业技能等级认定评价公告（沙盒演练）',
          period: 'YEARLY',
          year: Number(evaluationDay.slice(0, 4)),
          conditions: '本企业在岗职工',
          process: '个人申报、资格审核',
          useOfResults: '与岗位聘任挂钩',
          openings: [{ occupationCode: inst.occupationCode, levels: ['LEVEL_4'] }],
        },
      },
    );
    expect(a.publishAnnouncement.errors).toEqual([]);
    const r = await run(
      `mutation($i: ReportEvaluationPlanInput!) { reportEvaluationPlan(input: $i) { plan { id status } errors { code message } } }`,
      {
        i: {
          announcementId: a.publishAnnouncement.announcement.id,
          occupationCode: inst.occupationCode,
          level: 'LEVEL_4',
          method: 'SKILL_OPERATION',
          evaluationDate: evaluationDay,
          site: '实训车间',
          assessorIds: staff.slice(0, 3),
          supervisorIds: [staff[3]],
        },
      },
    );
    expect(r.reportEvaluationPlan.errors).toEqual([]);
    const planId = r.reportEvaluationPlan.plan.id;
    const c = await run(
      `mutation($i: AddCandidateInput!) { addCandidate(input: $i) { candidate { id } errors { code message } } }`,
      { i: { planId, workerId: w.registerWorker.worker.id } },
    );
    expect(c.addCandidate.errors).toEqual([]);

    // The evaluation day: scores, review, and publicity from the next day for 5 days.
    expect((await setClock(hub, { date: evaluationDay })).status).toBe(200);
    const scored = await run(
      `mutation($i: RecordScoresInput!) { recordScores(input: $i) { candidate { id } errors { code message } } }`,
      {
        i: {
          candidateId: c.addCandidate.candidate.id,
          scores: staff.slice(0, 3).map((assessorId) => ({ assessorId, part: 'SKILL', score: 82 })),
        },
      },
    );
    expect(scored.recordScores.errors).toEqual([]);
    await recordExamined(run, planId, ['SKILL']);
    const reviewed = await run(
      `mutation($p: ID!, $s: [ID!]!) { reviewResults(planId: $p, note: "审核无误", signatories: $s) { plan { status } errors { code message } } }`,
      { p: planId, s: await constituteCommittee(run) },
    );
    expect(reviewed.reviewResults.errors).toEqual([]);
    const from = dayFrom(hub, 1);
    const to = dayFrom(hub, 5);
    const pub = await run(
      `mutation($p: ID!, $s: Date!, $e: Date!) { startPublicity(planId: $p, startsOn: $s, endsOn: $e) { plan { status } errors { code message } } }`,
      { p: planId, s: from, e: to },
    );
    expect(pub.startPublicity.errors).toEqual([]);

    // After publicity: submit and issue.
    expect((await setClock(hub, { advanceDays: 6 })).body.today).toBe(dayFrom(hub, 0));
    const submitted = await run(
      `mutation($p: ID!) { submitResults(planId: $p) { plan { status resultsSubmittedOn } errors { code message } } }`,
      { p: planId },
    );
    expect(submitted.submitResults.errors).toEqual([]);
    expect(submitted.submitResults.plan.resultsSubmittedOn).toBe(hub.clock.today());
    const issued = await run(
      `mutation($p: ID!) { issueCertificates(planId: $p) { certificates { number issuedOn } errors { code message } } }`,
      { p: planId },
    );
    expect(issued.issueCertificates.errors).toEqual([]);
    const [cert] = issued.issueCertificates.certificates;
    expect(cert.issuedOn).toBe(hub.clock.today());

    const verified = await gql(
      hub.url,
      `query($n: String!, $h: String!) { verifyCertificate(number: $n, holderName: $h) { status } }`,
      { variables: { n: cert.number, h: '沙盒学员' } },
    );
    expect(verified.data?.verifyCertificate.status).toBe('VALID');
    expect(verified.extensions?.sandboxClock?.today).toBe(hub.clock.today());
    await setClock(hub, { clear: true });
  });
});

describe('the sandbox clock in production', () => {
  it('refuses to set the date, and the hub keeps the real one', async () => {
    const prod = await startTestHub(0, { clock: new HubClock({ production: true }) });
    try {
      const before = prod.clock.today();
      const r = await setClock(prod, { date: '2031-01-06' });
      expect([r.status, r.body.errors[0].extensions.code]).toEqual([409, 'SANDBOX_CLOCK_IN_PRODUCTION']);
      expect(prod.clock.sandbox()).toBeNull();
      expect(prod.clock.today()).toBe(before);
      expect(() => prod.clock.set('2031-01-06', 'anyone')).toThrow(/production/);
    } finally {
      await prod.stop();
    }
  });
});
