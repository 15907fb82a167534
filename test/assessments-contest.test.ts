import { addCalendarDays } from '@hub/vocabulary';
import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caller,
  constituteCommittee,
  findInstitution,
  type Institution,
  institutionToken,
  publishYearlyAnnouncement,
  registerTeam,
  residentId,
} from './assessments-fixtures.ts';
import { gql, startTestHub, type TestHub, token } from './helpers.ts';
import { fetchPaper, openWorkbook, rowText } from './paperwork-helpers.ts';

/**
 * 竞赛选拔 under a 竞赛方案 (#25 point 3), through the gateway on the hub's own clock: the plan records
 * the 方案's rule from rank to level when reported, the ranks the competition gave are entered, and
 * the committee's review derives the results from them — through to certificates.
 */

let hub: TestHub;
let inst: Institution;
let run: ReturnType<typeof caller>;
let start: string;
const day = (n: number) => addCalendarDays(start, n);
beforeAll(async () => {
  hub = await startTestHub(400);
  start = hub.clock.today();
  inst = await findInstitution(hub, [3], { onDate: day(21) });
  run = caller(hub.url, await institutionToken(inst.id));
});
afterAll(async () => {
  await hub?.stop();
});

const codes = (p: { errors: { code: string }[] }) => p.errors.map((e) => e.code).sort();
const REPORT = `mutation($i: ReportEvaluationPlanInput!) { reportEvaluationPlan(input: $i) {
  plan { id contestRule { scheme basis tiers { upToRank level } } } errors { code message field } } }`;
const PLACE = `mutation($c: ID!, $r: Int, $a: ContestAward) { recordContestPlacing(candidateId: $c, rank: $r, award: $a) {
  candidate { contestPlacing { rank earnedLevel } } errors { code message } } }`;
const REVIEW = `mutation($p: ID!, $s: [ID!]!) { reviewResults(planId: $p, signatories: $s) {
  plan { candidates { edges { node { id total result } } } } errors { code message } } }`;

describe('a 竞赛选拔 plan decided by ranking under its 竞赛方案, from report to certificate', () => {
  const rule = {
    scheme: '2027年职业技能竞赛方案',
    basis: 'RANK',
    tiers: [
      { upToRank: 3, level: 'LEVEL_2' },
      { upToRank: 10, level: 'LEVEL_3' },
    ],
  };
  let signers: string[];
  let planId: string;
  const candidate: Record<string, string> = {};

  it('refuses the plan without its 竞赛方案 rule, or with one that gives no 三级, and reports it with one', async () => {
    const team = await registerTeam(run, ['ASSESSOR', 'ASSESSOR', 'ASSESSOR', 'QUALITY_SUPERVISOR']);
    signers = await constituteCommittee(run);
    const base = {
      announcementId: await publishYearlyAnnouncement(run, inst.occupationCode, day(21), ['LEVEL_3']),
      occupationCode: inst.occupationCode,
      level: 'LEVEL_3',
      method: 'COMPETITION',
      evaluationDate: day(21),
      site: '技能竞赛赛场',
      assessorIds: team.slice(0, 3),
      supervisorIds: [team[3]],
    };
    expect(codes((await run(REPORT, { i: base })).reportEvaluationPlan)).toEqual(['PLAN_CONTEST_RULE_MISSING']);
    const topOnly = { ...rule, tiers: [{ upToRank: 3, level: 'LEVEL_2' }] };
    expect(codes((await run(REPORT, { i: { ...base, contestRule: topOnly } })).reportEvaluationPlan)).toEqual([
      'PLAN_CONTEST_LEVEL_NOT_IN_RULE',
    ]);
    const ok = await run(REPORT, { i: { ...base, contestRule: rule } });
    expect(ok.reportEvaluationPlan.errors).toEqual([]);
    expect(ok.reportEvaluationPlan.plan.contestRule).toEqual(rule);
    planId = ok.reportEvaluationPlan.plan.id;
    for (const [key, name, seq] of [
      ['second', '符第二', 41],
      ['eighth', '易第八', 42],
      ['fifteenth', '戴十五', 43],
    ] as const) {
      const w = await run(
        `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { worker { id } errors { code message } } }`,
        { i: { name, residentId: residentId(seq), employedSince: '2012-03-01' } },
      );
      expect(w.registerWorker.errors).toEqual([]);
      const c = await run(
        `mutation($i: AddCandidateInput!) { addCandidate(input: $i) { candidate { id } errors { code message } } }`,
        { i: { planId, workerId: w.registerWorker.worker.id } },
      );
      expect(c.addCandidate.errors).toEqual([]);
      candidate[key] = c.addCandidate.candidate.id;
    }
  });

  it('takes the ranks from the competition day, not an award, and waits for every rank before the review', async () => {
    expect(codes((await run(PLACE, { c: candidate.second, r: 2 })).recordContestPlacing)).toEqual([
      'SCORES_BEFORE_EVALUATION',
    ]);
    hub.clock.set(day(21), 'test');
    expect(codes((await run(PLACE, { c: candidate.second, a: 'FIRST' })).recordContestPlacing)).toEqual([
      'CONTEST_PLACING_RANK',
    ]);
    const second = await run(PLACE, { c: candidate.second, r: 2 });
    expect(second.recordContestPlacing).toEqual({
      candidate: { contestPlacing: { rank: 2, earnedLevel: 'LEVEL_2' } },
      errors: [],
    });
    expect((await run(PLACE, { c: candidate.eighth, r: 8 })).recordContestPlacing.errors).toEqual([]);
    // Placed candidates mean the competition took place: the plan no longer moves.
    const moved = await run(
      `mutation($p: ID!, $d: Date!) { reschedulePlan(planId: $p, evaluationDate: $d, reason: "赛场另行安排") { errors { code } } }`,
      { p: planId, d: day(35) },
    );
    expect(codes(moved.reschedulePlan)).toContain('PLAN_RESCHEDULE_AFTER_SCORING');
    const early = await run(REVIEW, { p: planId, s: signers });
    expect(codes(early.reviewResults)).toEqual(['REVIEW_MISSING_PLACING']);
    expect((await run(PLACE, { c: candidate.fifteenth, r: 15 })).recordContestPlacing.errors).toEqual([]);
  });

  it('derives the results from the ranks, and issues 三级 certificates to the first ten', async () => {
    hub.clock.set(day(22), 'test');
    const reviewed = await run(REVIEW, { p: planId, s: signers });
    expect(reviewed.reviewResults.errors).toEqual([]);
    const results = Object.fromEntries(
      reviewed.reviewResults.plan.candidates.edges.map((e: any) => [e.node.id, [e.node.total, e.node.result]]),
    );
    expect(results[candidate.second as string]).toEqual([null, 'PASSED']);
    expect(results[candidate.eighth as string]).toEqual([null, 'PASSED']);
    expect(results[candidate.fifteenth as string]).toEqual([null, 'FAILED']);
    const late = await run(PLACE, { c: candidate.fifteenth, r: 9 });
    expect(codes(late.recordContestPlacing)).toEqual(['SCORES_AFTER_REVIEW']);

    const p = await run(
      `mutation($p: ID!, $s: Date!, $e: Date!) { startPublicity(planId: $p, startsOn: $s, endsOn: $e) { errors { code message } } }`,
      { p: planId, s: day(23), e: day(27) },
    );
    expect(p.startPublicity.errors).toEqual([]);
    hub.clock.set(day(28), 'test');
    const s = await run(`mutation($p: ID!) { submitResults(planId: $p) { errors { code message } } }`, { p: planId });
    expect(s.submitResults.errors).toEqual([]);
    const issued = await run(
      `mutation($p: ID!) { issueCertificates(planId: $p) { certificates { number level } errors { code message } } }`,
      { p: planId },
    );
    expect(issued.issueCertificates.errors).toEqual([]);
    expect(issued.issueCertificates.certificates.map((c: { level: string }) => c.level)).toEqual([
      'LEVEL_3',
      'LEVEL_3',
    ]);

    const province = await token({ role: 'province_center', sub: 'e2e' });
    const r = await gql(
      hub.url,
      `query($n: String!) { certificate(number: $n) {
        plan { method contestRule { scheme basis } } candidate { result contestPlacing { rank earnedLevel } } } }`,
      { token: province, variables: { n: issued.issueCertificates.certificates[0].number } },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.certificate.plan).toEqual({
      method: 'COMPETITION',
      contestRule: { scheme: '2027年职业技能竞赛方案', basis: 'RANK' },
    });
    expect(r.data?.certificate.candidate.result).toBe('PASSED');
    expect([2, 8]).toContain(r.data?.certificate.candidate.contestPlacing.rank);
  });

  it('writes each placing in the 成绩汇总表: the rank and the level it earns', async () => {
    const got = await fetchPaper(hub.url, `/plans/${planId}/results.xlsx`, await institutionToken(inst.id));
    expect(got.status, got.bytes.toString('utf8').slice(0, 300)).toBe(200);
    const sheet = (await openWorkbook(got.bytes)).getWorksheet('成绩汇总表') as ExcelJS.Worksheet;
    const header = rowText(sheet, 2);
    expect(header).toEqual(expect.arrayContaining(['名次', '奖项', '获得等级', '评价结果']));
    const rows = [3, 4, 5].map((r) => rowText(sheet, r));
    const byRank = (rank: string) => rows.find((r) => r[header.indexOf('名次')] === rank) as string[];
    expect(byRank('8')[header.indexOf('获得等级')]).toBe('三级/高级工');
    expect(byRank('8')[header.indexOf('评价结果')]).toBe('合格');
    expect(byRank('15')[header.indexOf('获得等级')]).toBe('');
    expect(byRank('15')[header.indexOf('评价结果')]).toBe('不合格');
  });
});
