import { statisticsDaily } from '@hub/db';
import { addCalendarDays } from '@hub/vocabulary';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caller,
  constituteCommittee,
  findInstitution,
  type Institution,
  institutionToken,
  publishYearlyAnnouncement,
  recordExamined,
  registerTeam,
  residentId,
} from './assessments-fixtures.ts';
import { dayFrom, gql, startTestHub, type TestHub, token } from './helpers.ts';

/**
 * 报备后变更 (#25 point 7), through the gateway on the hub's own date: the institution reschedules a
 * reported plan (5 working days ahead of the new date), withdraws a candidate and cancels another
 * plan, each with its reason; the city centre reads both plans' history; the statistics follow.
 */

let hub: TestHub;
let inst: Institution;
let run: ReturnType<typeof caller>;
let firstDate: string;
let newDate: string;
beforeAll(async () => {
  hub = await startTestHub(400);
  // Four weeks ahead, and the new date a week later in the same year (the announcement's period).
  firstDate = dayFrom(hub, 28);
  if (firstDate.slice(0, 4) !== addCalendarDays(firstDate, 7).slice(0, 4)) firstDate = addCalendarDays(firstDate, 10);
  newDate = addCalendarDays(firstDate, 7);
  inst = await findInstitution(hub, [4], { onDate: newDate });
  run = caller(hub.url, await institutionToken(inst.id));
});
afterAll(async () => {
  await hub?.stop();
});

const codes = (p: { errors: { code: string }[] }) => p.errors.map((e) => e.code).sort();
const RESCHEDULE = `mutation($p: ID!, $d: Date!, $r: String!) {
  reschedulePlan(planId: $p, evaluationDate: $d, reason: $r) { plan { evaluationDate reportDeadline { date } } errors { code message field } } }`;
const CANCEL = `mutation($p: ID!, $r: String!) { cancelPlan(planId: $p, reason: $r) { plan { status cancellation { on reason } } errors { code message } } }`;
const WITHDRAW = `mutation($c: ID!, $r: String!) { withdrawCandidate(candidateId: $c, reason: $r) { candidate { withdrawal { on reason } } errors { code message } } }`;
const ADD = `mutation($i: AddCandidateInput!) { addCandidate(input: $i) { candidate { id } errors { code message } } }`;
const SCORE = `mutation($i: RecordScoresInput!) { recordScores(input: $i) { candidate { id } errors { code message } } }`;
const candidatesOn = async (day: string) =>
  (
    await hub.db.db
      .select({ n: sql<number>`coalesce(sum(${statisticsDaily.candidates}), 0)::int` })
      .from(statisticsDaily)
      .where(and(eq(statisticsDaily.enterpriseId, inst.id), eq(statisticsDaily.day, day)))
  )[0]?.n ?? 0;

describe('changes after reporting: reschedule, withdraw, cancel — and the centre sees the history', () => {
  const team: string[] = [];
  const plans: Record<string, string> = {};
  const cands: Record<string, string> = {};

  it('sets up two reported plans with candidates', async () => {
    team.push(...(await registerTeam(run, ['SENIOR_ASSESSOR', 'ASSESSOR', 'ASSESSOR', 'QUALITY_SUPERVISOR'])));
    const announcementId = await publishYearlyAnnouncement(run, inst.occupationCode, firstDate);
    for (const [key, method] of [
      ['moved', 'SKILL_OPERATION'],
      ['dropped', 'THEORY_EXAM'],
    ]) {
      const d = await run(
        `mutation($i: ReportEvaluationPlanInput!) { reportEvaluationPlan(input: $i) { plan { id } errors { code message } } }`,
        {
          i: {
            announcementId,
            occupationCode: inst.occupationCode,
            level: 'LEVEL_4',
            method,
            evaluationDate: firstDate,
            site: '培训中心',
            assessorIds: team.slice(0, 3),
            supervisorIds: [team[3]],
          },
        },
      );
      expect(d.reportEvaluationPlan.errors).toEqual([]);
      plans[key as string] = d.reportEvaluationPlan.plan.id;
    }
    for (const [i, key] of ['stays', 'leaves'].entries()) {
      const w = await run(
        `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { worker { id } errors { code message } } }`,
        {
          i: {
            name: key === 'stays' ? '李留下' : '王退出',
            residentId: residentId(71 + i),
            employedSince: '2015-03-01',
            dispatched: false,
            declaredCredentials: [],
          },
        },
      );
      const c = await run(ADD, { i: { planId: plans.moved, workerId: w.registerWorker.worker.id } });
      expect(c.addCandidate.errors).toEqual([]);
      cands[key] = c.addCandidate.candidate.id;
      if (key === 'stays') {
        const d = await run(ADD, { i: { planId: plans.dropped, workerId: w.registerWorker.worker.id } });
        expect(d.addCandidate.errors).toEqual([]);
      }
    }
    expect(await candidatesOn(firstDate)).toBe(3);
  });

  it('refuses a new date under 5 working days away, or a change without its reason, and changes nothing', async () => {
    const late = await run(RESCHEDULE, { p: plans.moved, d: dayFrom(hub, 2), r: '场地冲突，需调整日期' });
    expect(codes(late.reschedulePlan)).toEqual(['PLAN_REPORTED_LATE']);
    const bare = await run(RESCHEDULE, { p: plans.moved, d: newDate, r: '' });
    expect(codes(bare.reschedulePlan)).toEqual(['CHANGE_REASON_MISSING']);
    const p = await run(`query($id: ID!) { evaluationPlan(id: $id) { evaluationDate changes { kind } } }`, {
      id: plans.moved,
    });
    expect(p.evaluationPlan).toEqual({ evaluationDate: firstDate, changes: [] });
  });

  it('reschedules, withdraws a candidate and cancels the other plan, each with its reason', async () => {
    const moved = await run(RESCHEDULE, { p: plans.moved, d: newDate, r: '考场设备检修，改期一周' });
    expect(moved.reschedulePlan.errors).toEqual([]);
    expect(moved.reschedulePlan.plan.evaluationDate).toBe(newDate);
    // The report deadline follows the new date (candidates may still be entered until then).
    expect(moved.reschedulePlan.plan.reportDeadline.date > dayFrom(hub, 0)).toBe(true);

    const left = await run(WITHDRAW, { c: cands.leaves, r: '本人因病申请退出' });
    expect(left.withdrawCandidate).toEqual({
      candidate: { withdrawal: { on: hub.clock.today(), reason: '本人因病申请退出' } },
      errors: [],
    });
    expect(codes(await run(WITHDRAW, { c: cands.leaves, r: '再次退出' }).then((d) => d.withdrawCandidate))).toEqual([
      'CANDIDATE_ALREADY_WITHDRAWN',
    ]);

    const dropped = await run(CANCEL, { p: plans.dropped, r: '参评人数不足，本期不再组织' });
    expect(dropped.cancelPlan).toEqual({
      plan: { status: 'CANCELLED', cancellation: { on: hub.clock.today(), reason: '参评人数不足，本期不再组织' } },
      errors: [],
    });
    const again = await run(RESCHEDULE, { p: plans.dropped, d: newDate, r: '恢复评价' });
    expect(codes(again.reschedulePlan)).toEqual(['PLAN_CANCELLED']);
    expect(codes((await run(CANCEL, { p: plans.dropped, r: '再次取消' })).cancelPlan)).toEqual([
      'PLAN_ALREADY_CANCELLED',
    ]);
  });

  it('tells the institution’s partner systems through the change feed: one event per change made', async () => {
    const feed = await run(`{
      planEvents(first: 50) { edges { node { type planId status evaluationDate } } }
      candidateResultEvents(first: 50) { edges { node { type candidateId planId result decidedOn } } }
    }`);
    const mine = new Set([plans.moved, plans.dropped]);
    expect(
      feed.planEvents.edges
        .map((e: { node: { planId: string } }) => e.node)
        .filter((n: { planId: string }) => mine.has(n.planId)),
    ).toEqual([
      { type: 'PLAN_RESCHEDULED', planId: plans.moved, status: 'REPORTED', evaluationDate: newDate },
      { type: 'PLAN_CANCELLED', planId: plans.dropped, status: 'CANCELLED', evaluationDate: firstDate },
    ]);
    expect(
      feed.candidateResultEvents.edges
        .map((e: { node: { planId: string } }) => e.node)
        .filter((n: { planId: string }) => mine.has(n.planId)),
    ).toEqual([
      {
        type: 'CANDIDATE_WITHDRAWN',
        candidateId: cands.leaves,
        planId: plans.moved,
        result: null,
        decidedOn: hub.clock.today(),
      },
    ]);
  });

  it('shows the city centre both plans’ history: the two dates, the withdrawal and the cancellation', async () => {
    const city = await token({ role: 'city_center', prefecture: inst.prefectureCode, sub: 'city-desk' });
    const r = await gql(
      hub.url,
      `query($a: ID!, $b: ID!) {
        moved: evaluationPlan(id: $a) { evaluationDate status
          changes { kind changedOn changedBy reason previousDate newDate candidate { id worker { name } } }
          candidates(first: 1) { totalCount edges { node { id } } } }
        cancelled: evaluationPlans(status: CANCELLED, first: 5) { totalCount edges { node { id } } }
        dropped: evaluationPlan(id: $b) { status cancellation { reason } changes { kind reason } } }`,
      { token: city, variables: { a: plans.moved, b: plans.dropped } },
    );
    expect(r.errors).toBeUndefined();
    const today = hub.clock.today();
    // totalCount counts the whole list (the withdrawn candidate stays on record), whatever the page.
    expect(r.data?.moved.candidates.totalCount).toBe(2);
    expect(r.data?.moved.candidates.edges).toHaveLength(1);
    expect(r.data?.cancelled).toEqual({ totalCount: 1, edges: [{ node: { id: plans.dropped } }] });
    delete r.data?.moved.candidates;
    expect(r.data?.moved).toEqual({
      evaluationDate: newDate,
      status: 'REPORTED',
      changes: [
        {
          kind: 'RESCHEDULED',
          changedOn: today,
          changedBy: 'enterprise:committee-clerk',
          reason: '考场设备检修，改期一周',
          previousDate: firstDate,
          newDate,
          candidate: null,
        },
        {
          kind: 'CANDIDATE_WITHDRAWN',
          changedOn: today,
          changedBy: 'enterprise:committee-clerk',
          reason: '本人因病申请退出',
          previousDate: null,
          newDate: null,
          candidate: { id: cands.leaves, worker: { name: '王退出' } },
        },
      ],
    });
    expect(r.data?.dropped).toEqual({
      status: 'CANCELLED',
      cancellation: { reason: '参评人数不足，本期不再组织' },
      changes: [{ kind: 'CANCELLED', reason: '参评人数不足，本期不再组织' }],
    });
  });

  it('moves the statistics with the plan: nobody on the old day, the one standing candidate on the new', async () => {
    expect(await candidatesOn(firstDate)).toBe(0);
    expect(await candidatesOn(newDate)).toBe(1);
  });

  it('neither scores nor waits for a withdrawn candidate, and refuses changes once the results are reviewed', async () => {
    hub.clock.set(newDate, 'test');
    const sheet = (candidateId: string) => ({
      candidateId,
      scores: team.slice(0, 3).map((assessorId) => ({ assessorId, part: 'SKILL', score: 80 })),
    });
    expect(codes((await run(SCORE, { i: sheet(cands.leaves as string) })).recordScores)).toEqual([
      'CANDIDATE_WITHDRAWN',
    ]);
    expect((await run(SCORE, { i: sheet(cands.stays as string) })).recordScores.errors).toEqual([]);
    await recordExamined(run, plans.moved as string, ['SKILL']);
    const review = await run(
      `mutation($p: ID!, $s: [ID!]!) { reviewResults(planId: $p, signatories: $s) { plan { status } errors { code message } } }`,
      { p: plans.moved, s: await constituteCommittee(run) },
    );
    expect(review.reviewResults).toEqual({ plan: { status: 'REVIEWED' }, errors: [] });
    const late = await run(RESCHEDULE, { p: plans.moved, d: addCalendarDays(newDate, 21), r: '结果审核后改期' });
    expect(codes(late.reschedulePlan)).toEqual(['PLAN_RESCHEDULE_AFTER_RESULTS']);
    expect(codes((await run(WITHDRAW, { c: cands.stays, r: '审核后退出' })).withdrawCandidate)).toEqual([
      'CANDIDATE_WITHDRAW_AFTER_REVIEW',
    ]);
  });
});
