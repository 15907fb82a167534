import { enterprises, planChanges, planStaff } from '@hub/db';
import { eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caller,
  constituteCommittee,
  findInstitution,
  type Institution,
  institutionToken,
  publishYearlyAnnouncement,
  recordExamined,
  residentId,
} from './assessments-fixtures.ts';
import { dayFrom, gql, partnerToken, startTestHub, type TestHub, token } from './helpers.ts';

/**
 * 更换考评员或内部质量督导员 (#25 point 7), through the gateway: the institution replaces an assessor
 * of a reported 二级 plan after they scored, its write-enabled partner HR system replaces the
 * supervisor, each with the reason; the newcomer must meet the report's rules; the replaced
 * assessor's score stays theirs; another enterprise is refused; the city centre reads who was
 * replaced by whom and why; nothing changes once the committee has reviewed the results.
 */

let hub: TestHub;
let inst: Institution;
let run: ReturnType<typeof caller>;
let partner: ReturnType<typeof caller>;
let evaluationDate: string;
beforeAll(async () => {
  hub = await startTestHub(400);
  evaluationDate = dayFrom(hub, 21);
  inst = await findInstitution(hub, [2], { onDate: evaluationDate });
  run = caller(hub.url, await institutionToken(inst.id));
  partner = caller(hub.url, await partnerToken(hub, inst.id, { canWrite: true, name: 'replacement partner' }));
});
afterAll(async () => {
  await hub?.stop();
});

const codes = (p: { errors: { code: string }[] }) => p.errors.map((e) => e.code).sort();
const REPLACE = `mutation($p: ID!, $out: ID!, $in: ID!, $r: String!) {
  replacePlanStaff(planId: $p, replacedId: $out, replacementId: $in, reason: $r) {
    plan { staff { role assessor { id name } } } errors { code message field } } }`;
const SCORE = `mutation($i: RecordScoresInput!) { recordScores(input: $i) { candidate { id } errors { code message } } }`;
const staffCount = async () => (await hub.db.db.select({ n: sql<number>`count(*)::int` }).from(planStaff))[0]?.n ?? 0;
const changeCount = async () =>
  (await hub.db.db.select({ n: sql<number>`count(*)::int` }).from(planChanges))[0]?.n ?? 0;

describe('replacing an assessor or the supervisor of a reported plan', () => {
  const people: Record<string, string> = {};
  let planId: string;
  let candidateId: string;

  it('sets up a reported 二级 skill plan: a 高级考评员, two 考评员, a 督导员 — and others on the bench', async () => {
    for (const [key, name, role] of [
      ['senior', '高考评', 'SENIOR_ASSESSOR'],
      ['a1', '甲考评', 'ASSESSOR'],
      ['a2', '乙考评', 'ASSESSOR'],
      ['sup', '丙督导', 'QUALITY_SUPERVISOR'],
      ['a3', '丁考评', 'ASSESSOR'],
      ['sup2', '戊督导', 'QUALITY_SUPERVISOR'],
    ] as const) {
      const d = await run(
        `mutation($i: RegisterAssessorInput!) { registerAssessor(input: $i) { assessor { id } errors { code } } }`,
        { i: { name, role } },
      );
      expect(d.registerAssessor.errors).toEqual([]);
      people[key] = d.registerAssessor.assessor.id;
    }
    const announcementId = await publishYearlyAnnouncement(run, inst.occupationCode, evaluationDate, ['LEVEL_2']);
    const p = await run(
      `mutation($i: ReportEvaluationPlanInput!) { reportEvaluationPlan(input: $i) { plan { id } errors { code message } } }`,
      {
        i: {
          announcementId,
          occupationCode: inst.occupationCode,
          level: 'LEVEL_2',
          method: 'SKILL_OPERATION',
          evaluationDate,
          site: '实训车间',
          assessorIds: [people.senior, people.a1, people.a2],
          supervisorIds: [people.sup],
        },
      },
    );
    expect(p.reportEvaluationPlan.errors).toEqual([]);
    planId = p.reportEvaluationPlan.plan.id;
    const w = await run(
      `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { worker { id } errors { code message } } }`,
      { i: { name: '周参评', residentId: residentId(451), employedSince: '2012-05-01' } },
    );
    const c = await run(
      `mutation($i: AddCandidateInput!) { addCandidate(input: $i) { candidate { id } errors { code message } } }`,
      { i: { planId, workerId: w.registerWorker.worker.id } },
    );
    expect(c.addCandidate.errors).toEqual([]);
    candidateId = c.addCandidate.candidate.id;
  });

  it('refuses a newcomer who breaks the report’s rules, and writes nothing', async () => {
    const before = [await staffCount(), await changeCount()];
    const reason = '原考评员出差，无法到场';
    // The only 高级考评员 of a 二级 plan gives way to an ordinary 考评员: none left.
    const senior = await run(REPLACE, { p: planId, out: people.senior, in: people.a3, r: reason });
    expect(codes(senior.replacePlanStaff)).toEqual(['PLAN_NEEDS_SENIOR_ASSESSOR']);
    expect(senior.replacePlanStaff.errors[0].field).toBe('replacementId');
    // A 督导员 does not take an assessor's place, nor a 考评员 the supervisor's.
    const kind = await run(REPLACE, { p: planId, out: people.a1, in: people.sup2, r: reason });
    expect(codes(kind.replacePlanStaff)).toEqual(['PLAN_STAFF_UNKNOWN']);
    const other = await run(REPLACE, { p: planId, out: people.sup, in: people.a3, r: reason });
    expect(codes(other.replacePlanStaff)).toEqual(['PLAN_STAFF_UNKNOWN']);
    // Someone already on the team, someone not on it, no reason.
    expect(
      codes((await run(REPLACE, { p: planId, out: people.a1, in: people.a2, r: reason })).replacePlanStaff),
    ).toEqual(['STAFF_ALREADY_ON_PLAN']);
    expect(
      codes((await run(REPLACE, { p: planId, out: people.a3, in: people.a1, r: reason })).replacePlanStaff),
    ).toEqual(['STAFF_NOT_ON_PLAN']);
    expect(codes((await run(REPLACE, { p: planId, out: people.a1, in: people.a3, r: '' })).replacePlanStaff)).toEqual([
      'CHANGE_REASON_MISSING',
    ]);
    expect([await staffCount(), await changeCount()]).toEqual(before);
  });

  it('refuses another enterprise: the plan is not found, nothing changes', async () => {
    const [other] = await hub.db.db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(ne(enterprises.id, inst.id))
      .limit(1);
    const stranger = caller(hub.url, await token({ role: 'enterprise', enterpriseId: other?.id, sub: 'stranger' }));
    const before = [await staffCount(), await changeCount()];
    const d = await stranger(REPLACE, { p: planId, out: people.a1, in: people.a3, r: '他人替换考评员' });
    expect(codes(d.replacePlanStaff)).toEqual(['PLAN_NOT_FOUND']);
    expect([await staffCount(), await changeCount()]).toEqual(before);
  });

  it('replaces an assessor after their score: the score stays theirs, the newcomer scores, the leaver no more', async () => {
    hub.clock.set(evaluationDate, 'test');
    const first = await run(SCORE, {
      i: { candidateId, scores: [{ assessorId: people.a1, part: 'SKILL', score: 70 }] },
    });
    expect(first.recordScores.errors).toEqual([]);

    const d = await run(REPLACE, { p: planId, out: people.a1, in: people.a3, r: '甲考评员突发疾病，由丁考评员接替' });
    expect(d.replacePlanStaff.errors).toEqual([]);
    const team = d.replacePlanStaff.plan.staff.map((s: { assessor: { id: string } }) => s.assessor.id).sort();
    expect(team).toEqual([people.senior, people.a2, people.a3, people.sup].sort());

    const late = await run(SCORE, {
      i: { candidateId, scores: [{ assessorId: people.a1, part: 'SKILL', score: 99 }] },
    });
    expect(codes(late.recordScores)).toEqual(['SCORE_ASSESSOR_NOT_ON_PLAN']);
    const rest = await run(SCORE, {
      i: {
        candidateId,
        scores: [people.senior, people.a2, people.a3].map((assessorId) => ({ assessorId, part: 'SKILL', score: 90 })),
      },
    });
    expect(rest.recordScores.errors).toEqual([]);
    const c = await run(
      `query($p: ID!) { evaluationPlan(id: $p) { candidates(first: 1) { edges { node {
        scores { assessor { id name } score } partScores { part score } } } } } }`,
      { p: planId },
    );
    const node = c.evaluationPlan.candidates.edges[0].node;
    expect(node.scores).toContainEqual({ assessor: { id: people.a1, name: '甲考评' }, score: 70 });
    expect(node.scores).toHaveLength(4);
    // The leaver's score counts in the mean: (70 + 90 × 3) / 4.
    expect(node.partScores).toEqual([{ part: 'SKILL', score: 85 }]);
  });

  it('lets the write-enabled partner HR system replace the supervisor', async () => {
    const d = await partner(REPLACE, { p: planId, out: people.sup, in: people.sup2, r: '督导员工作调动，更换督导员' });
    expect(d.replacePlanStaff.errors).toEqual([]);
    expect(d.replacePlanStaff.plan.staff).toContainEqual({
      role: 'QUALITY_SUPERVISOR',
      assessor: { id: people.sup2, name: '戊督导' },
    });
  });

  it('shows the city centre who was replaced by whom, when, by whom and why, oldest first', async () => {
    const city = await token({ role: 'city_center', prefecture: inst.prefectureCode, sub: 'city-desk' });
    const r = await gql(
      hub.url,
      `query($p: ID!) { evaluationPlan(id: $p) {
        changes { kind changedOn changedBy reason replaced { name role } replacement { name role } }
        staff { role assessor { name } } } }`,
      { token: city, variables: { p: planId } },
    );
    expect(r.errors).toBeUndefined();
    const today = hub.clock.today();
    expect(r.data?.evaluationPlan.changes).toEqual([
      {
        kind: 'STAFF_REPLACED',
        changedOn: today,
        changedBy: 'enterprise:committee-clerk',
        reason: '甲考评员突发疾病，由丁考评员接替',
        replaced: { name: '甲考评', role: 'ASSESSOR' },
        replacement: { name: '丁考评', role: 'ASSESSOR' },
      },
      {
        kind: 'STAFF_REPLACED',
        changedOn: today,
        changedBy: expect.stringMatching(/^hr_partner:/),
        reason: '督导员工作调动，更换督导员',
        replaced: { name: '丙督导', role: 'QUALITY_SUPERVISOR' },
        replacement: { name: '戊督导', role: 'QUALITY_SUPERVISOR' },
      },
    ]);
    const names = r.data?.evaluationPlan.staff.map((s: { assessor: { name: string } }) => s.assessor.name).sort();
    expect(names).toEqual(['丁考评', '乙考评', '戊督导', '高考评'].sort());
  });

  it('refuses a replacement once the committee has reviewed the results', async () => {
    await recordExamined(run, planId, ['SKILL']);
    const review = await run(
      `mutation($p: ID!, $s: [ID!]!) { reviewResults(planId: $p, signatories: $s) { plan { status } errors { code message } } }`,
      { p: planId, s: await constituteCommittee(run) },
    );
    expect(review.reviewResults).toEqual({ plan: { status: 'REVIEWED' }, errors: [] });
    const late = await run(REPLACE, { p: planId, out: people.a2, in: people.a1, r: '审核后更换考评员' });
    expect(codes(late.replacePlanStaff)).toEqual(['STAFF_REPLACE_AFTER_REVIEW']);
    const kept = await hub.db.db.select().from(planChanges).where(eq(planChanges.planId, planId));
    expect(kept.map((c) => c.kind)).toEqual(['STAFF_REPLACED', 'STAFF_REPLACED']);
  });
});
