import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caller,
  findInstitution,
  type Institution,
  institutionToken,
  publishYearlyAnnouncement,
  recordExamined,
  registerTeam,
  residentId,
} from './assessments-fixtures.ts';
import { dayFrom, gql, partnerToken, startTestHub, type TestHub, token } from './helpers.ts';

/**
 * 评价工作委员会 (#25 point 4), through the gateway on the hub's own date: the institution names its
 * committee (a 主任, staff and an external expert; a member leaves, with the date and reason); its
 * partner HR system prepares the results but may neither sign them off nor appoint members; the
 * members present sign off under the quorum (the 主任 and more than half of those serving); the city
 * centre reads who signed in the plan's archive, and the committee's history.
 */

let hub: TestHub;
let inst: Institution;
let run: ReturnType<typeof caller>;
let evaluationDate: string;
beforeAll(async () => {
  hub = await startTestHub(400);
  evaluationDate = dayFrom(hub, 21);
  inst = await findInstitution(hub, [4], { onDate: evaluationDate });
  run = caller(hub.url, await institutionToken(inst.id));
});
afterAll(async () => {
  await hub?.stop();
});

const codes = (p: { errors: { code: string }[] }) => p.errors.map((e) => e.code).sort();
const APPOINT = `mutation($i: AppointCommitteeMemberInput!) {
  appointCommitteeMember(input: $i) { member { id name role affiliation organization joinedOn serving } errors { code message field } } }`;
const REMOVE = `mutation($m: ID!, $r: String!, $d: Date) {
  removeCommitteeMember(memberId: $m, reason: $r, leftOn: $d) { member { leftOn leaveReason serving } errors { code message } } }`;
const REVIEW = `mutation($p: ID!, $s: [ID!]!) {
  reviewResults(planId: $p, signatories: $s, note: "经委员会审核无误") { plan { status reviewedOn } errors { code message field } } }`;
const ARCHIVE = `query($p: ID!) { evaluationPlan(id: $p) { status archive { signOff {
  signedOn membersServing quorum signatories { name role affiliation organization } } } } }`;

describe('the 评价工作委员会 signs the results off; the archive shows who', () => {
  const m: Record<string, string> = {};
  let team: string[];
  let planId: string;
  let candidateId: string;

  it('sets up a 技能操作 plan at 四级 with one candidate and its 题库 on record', async () => {
    team = await registerTeam(run, ['ASSESSOR', 'ASSESSOR', 'ASSESSOR', 'QUALITY_SUPERVISOR']);
    const announcementId = await publishYearlyAnnouncement(run, inst.occupationCode, evaluationDate);
    const p = await run(
      `mutation($i: ReportEvaluationPlanInput!) { reportEvaluationPlan(input: $i) { plan { id } errors { code message } } }`,
      {
        i: {
          announcementId,
          occupationCode: inst.occupationCode,
          level: 'LEVEL_4',
          method: 'SKILL_OPERATION',
          evaluationDate,
          site: '实训车间',
          assessorIds: team.slice(0, 3),
          supervisorIds: [team[3]],
        },
      },
    );
    expect(p.reportEvaluationPlan.errors).toEqual([]);
    planId = p.reportEvaluationPlan.plan.id;
    const w = await run(
      `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { worker { id } errors { code message } } }`,
      { i: { name: '邓操作', residentId: residentId(91), employedSince: '2016-09-01' } },
    );
    const c = await run(
      `mutation($i: AddCandidateInput!) { addCandidate(input: $i) { candidate { id } errors { code message } } }`,
      { i: { planId, workerId: w.registerWorker.worker.id } },
    );
    expect(c.addCandidate.errors).toEqual([]);
    candidateId = c.addCandidate.candidate.id;
    await recordExamined(run, planId, ['SKILL']);
  });

  it('names the committee: a 主任, staff members and an external expert; one 主任 at a time', async () => {
    const today = hub.clock.today();
    for (const [key, i] of [
      ['chair', { name: '韩主任', role: 'CHAIR', affiliation: 'STAFF', organization: '副总经理' }],
      ['staff', { name: '彭委员', role: 'MEMBER', affiliation: 'STAFF', organization: '人力资源部' }],
      [
        'expert',
        { name: '曾教授', role: 'MEMBER', affiliation: 'EXTERNAL_EXPERT', organization: '湖南某职业技术学院' },
      ],
      ['third', { name: '谢委员', role: 'MEMBER', affiliation: 'STAFF' }],
      ['former', { name: '唐委员', role: 'MEMBER', affiliation: 'STAFF', joinedOn: dayFrom(hub, -60) }],
    ] as const) {
      const d = await run(APPOINT, { i });
      expect(d.appointCommitteeMember.errors).toEqual([]);
      expect(d.appointCommitteeMember.member).toMatchObject({ name: i.name, serving: true });
      m[key] = d.appointCommitteeMember.member.id;
    }
    const second = await run(APPOINT, { i: { name: '另一主任', role: 'CHAIR', affiliation: 'STAFF' } });
    expect(codes(second.appointCommitteeMember)).toEqual(['COMMITTEE_CHAIR_SERVING']);
    expect(second.appointCommitteeMember.errors[0].message).toContain('韩主任');
    const bare = await run(APPOINT, { i: { name: '无单位专家', role: 'MEMBER', affiliation: 'EXTERNAL_EXPERT' } });
    expect(codes(bare.appointCommitteeMember)).toEqual(['COMMITTEE_EXPERT_ORGANIZATION_MISSING']);

    const left = await run(REMOVE, { m: m.former, r: '退休离任', d: today });
    expect(left.removeCommitteeMember).toEqual({
      member: { leftOn: today, leaveReason: '退休离任', serving: false },
      errors: [],
    });
    expect(codes((await run(REMOVE, { m: m.former, r: '再次离任' })).removeCommitteeMember)).toEqual([
      'COMMITTEE_MEMBER_ALREADY_LEFT',
    ]);
  });

  it('lets the partner HR system prepare the results, never sign them off nor appoint members', async () => {
    hub.clock.set(evaluationDate, 'test');
    const partner = await partnerToken(hub, inst.id, { canWrite: true, name: '合作HR系统' });
    const scored = await gql(
      hub.url,
      `mutation($i: RecordScoresInput!) { recordScores(input: $i) { candidate { id } errors { code message } } }`,
      {
        token: partner,
        variables: {
          i: { candidateId, scores: team.slice(0, 3).map((assessorId) => ({ assessorId, part: 'SKILL', score: 84 })) },
        },
      },
    );
    expect(scored.errors).toBeUndefined();
    expect(scored.data?.recordScores.errors).toEqual([]);
    const signed = await gql(hub.url, REVIEW, {
      token: partner,
      variables: { p: planId, s: [m.chair, m.staff, m.expert] },
    });
    expect(signed.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(signed.data?.reviewResults ?? null).toBeNull();
    const appointed = await gql(hub.url, APPOINT, {
      token: partner,
      variables: { i: { name: '系统代任委员', role: 'MEMBER', affiliation: 'STAFF' } },
    });
    expect(appointed.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect((await run(ARCHIVE, { p: planId })).evaluationPlan).toEqual({
      status: 'REPORTED',
      archive: { signOff: null },
    });
  });

  it('refuses a sign-off without a quorum, without the 主任, or signed by a former member — and changes nothing', async () => {
    // Four serving (the former member left): three signatures, the 主任 among them.
    const half = await run(REVIEW, { p: planId, s: [m.chair, m.staff] });
    expect(codes(half.reviewResults)).toEqual(['SIGN_OFF_NO_QUORUM']);
    expect(half.reviewResults.errors[0].message).toContain('在任4名，至少3名');
    const noChair = await run(REVIEW, { p: planId, s: [m.staff, m.expert, m.third] });
    expect(codes(noChair.reviewResults)).toEqual(['SIGN_OFF_WITHOUT_CHAIR']);
    const former = await run(REVIEW, { p: planId, s: [m.chair, m.staff, m.former] });
    expect(codes(former.reviewResults)).toEqual(['SIGNATORY_NOT_ON_COMMITTEE', 'SIGN_OFF_NO_QUORUM']);
    expect((await run(ARCHIVE, { p: planId })).evaluationPlan).toEqual({
      status: 'REPORTED',
      archive: { signOff: null },
    });
  });

  it('is signed off by the 主任 and two members present, and a signatory cannot be recorded as gone before it', async () => {
    const ok = await run(REVIEW, { p: planId, s: [m.chair, m.expert, m.staff] });
    expect(ok.reviewResults).toEqual({ plan: { status: 'REVIEWED', reviewedOn: evaluationDate }, errors: [] });
    const backdated = await run(REMOVE, { m: m.staff, r: '调任其他岗位', d: evaluationDate });
    expect(codes(backdated.removeCommitteeMember)).toEqual(['COMMITTEE_LEFT_BEFORE_SIGNATURE']);
  });

  it('shows the city centre who signed, in the plan’s archive, and the committee’s history', async () => {
    const city = await token({ role: 'city_center', prefecture: inst.prefectureCode, sub: 'city-committee' });
    const r = await gql(hub.url, ARCHIVE, { token: city, variables: { p: planId } });
    expect(r.errors).toBeUndefined();
    const signOff = r.data?.evaluationPlan.archive.signOff;
    expect(signOff).toMatchObject({ signedOn: evaluationDate, membersServing: 4, quorum: 3 });
    expect(signOff.signatories.map((s: { name: string }) => s.name).sort()).toEqual(
      ['彭委员', '曾教授', '韩主任'].sort(),
    );
    expect(signOff.signatories).toContainEqual({
      name: '曾教授',
      role: 'MEMBER',
      affiliation: 'EXTERNAL_EXPERT',
      organization: '湖南某职业技术学院',
    });
    const h = await gql(
      hub.url,
      `query($e: ID!, $d: Date!) { enterprise(id: $e) {
        all: committeeMembers { name joinedOn leftOn leaveReason }
        then: committeeMembers(servingOn: $d) { name } } }`,
      { token: city, variables: { e: inst.id, d: dayFrom(hub, -30) } },
    );
    expect(h.errors).toBeUndefined();
    expect(h.data?.enterprise.all).toHaveLength(5);
    expect(h.data?.enterprise.all[0]).toMatchObject({ name: '唐委员', leaveReason: '退休离任' });
    // Thirty days before the evaluation only the member who has since left was serving.
    expect(h.data?.enterprise.then).toEqual([{ name: '唐委员' }]);
  });
});
