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
 * 工作方案 申报条件 and 合格线 (#25 points 2 and 5), through the gateway on the hub's own date: a
 * 方案 asking four years in the trade refuses a candidate with two (nothing written) and admits him
 * with an override reason, recorded and shown to the city centre in the plan's archive; a pass mark
 * of 70 fails the 65 the default passes; a later 方案 version changes neither the conditions nor the
 * results of a plan reported under the earlier one.
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
const ADOPT = `mutation($i: AdoptWorkSchemeInput!) {
  adoptWorkScheme(input: $i) { scheme { version } errors { code message field } } }`;
const ADD = `mutation($i: AddCandidateInput!) { addCandidate(input: $i) {
  candidate { id application { tradeYears } conditionOverride { reason schemeVersion unmet } }
  errors { code message field } } }`;
const PLAN = `query($p: ID!) { evaluationPlan(id: $p) {
  standard { schemeVersion passMark parts { part weight passMark } committeeMinMembers }
  candidates(first: 10) { totalCount edges { node { id total result worker { name } } } }
  archive { conditionOverrides { worker { name } conditionOverride { reason schemeVersion unmet } } } } }`;

async function reportSkillPlan(announcementId: string): Promise<{ planId: string; assessors: string[] }> {
  const team = await registerTeam(run, ['ASSESSOR', 'ASSESSOR', 'ASSESSOR', 'QUALITY_SUPERVISOR']);
  const d = await run(
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
  expect(d.reportEvaluationPlan.errors).toEqual([]);
  return { planId: d.reportEvaluationPlan.plan.id, assessors: team.slice(0, 3) };
}

async function registerWorker(name: string, seq: number): Promise<string> {
  const d = await run(
    `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { worker { id } errors { code message } } }`,
    { i: { name, residentId: residentId(seq), employedSince: '2018-09-01' } },
  );
  expect(d.registerWorker.errors).toEqual([]);
  return d.registerWorker.worker.id;
}

async function scoreAll(candidateId: string, assessors: string[], score: number) {
  const d = await run(`mutation($i: RecordScoresInput!) { recordScores(input: $i) { errors { code message } } }`, {
    i: { candidateId, scores: assessors.map((assessorId) => ({ assessorId, part: 'SKILL', score })) },
  });
  expect(d.recordScores.errors).toEqual([]);
}

describe('the 工作方案’s 申报条件 and 合格线, and a later version', () => {
  let announcementId: string;
  let earlier: { planId: string; assessors: string[] };
  let later: { planId: string; assessors: string[] };
  const w: Record<string, string> = {};
  const c: Record<string, string> = {};
  const reason = '经评价工作委员会研究，其在省级技能竞赛中获奖，同意破例参评';

  it('adopts a 方案: four years in the trade for 四级, and 70 on the skill part', async () => {
    const d = await run(ADOPT, {
      i: {
        title: '职业技能等级认定工作方案（2027年版）',
        conditions: [{ occupationCode: inst.occupationCode, level: 'LEVEL_4', yearsInTrade: 4 }],
        methods: [{ method: 'SKILL_OPERATION', parts: [{ part: 'SKILL', passMark: 70 }] }],
      },
    });
    expect(d.adoptWorkScheme).toEqual({ scheme: { version: 1 }, errors: [] });
    announcementId = await publishYearlyAnnouncement(run, inst.occupationCode, evaluationDate);
    earlier = await reportSkillPlan(announcementId);
    const plan = (await run(PLAN, { p: earlier.planId })).evaluationPlan;
    expect(plan.standard).toEqual({
      schemeVersion: 1,
      passMark: 60,
      parts: [{ part: 'SKILL', weight: 1, passMark: 70 }],
      committeeMinMembers: 3,
    });
  });

  it('refuses a candidate with two years in the trade, naming the condition, and writes nothing', async () => {
    w.short = await registerWorker('陈短年', 301);
    const refused = await run(ADD, {
      i: { planId: earlier.planId, workerId: w.short, application: { tradeYears: 2 } },
    });
    expect(refused.addCandidate.candidate).toBeNull();
    expect(refused.addCandidate.errors).toEqual([
      {
        code: 'CANDIDATE_CONDITION_NOT_MET',
        field: 'yearsInTrade',
        message: '工作方案第1版申报条件：从事本职业（工种）工作须满4年，申报2年',
      },
    ]);
    const tooShort = await run(ADD, {
      i: { planId: earlier.planId, workerId: w.short, application: { tradeYears: 2 }, overrideReason: '同意' },
    });
    expect(codes(tooShort.addCandidate)).toEqual(['CONDITION_OVERRIDE_REASON_TOO_SHORT']);
    const plan = (await run(PLAN, { p: earlier.planId })).evaluationPlan;
    expect(plan.candidates.totalCount).toBe(0);
    expect(plan.archive.conditionOverrides).toEqual([]);
  });

  it('refuses the same row in an Excel import, on its 从事本职业年限 column', async () => {
    const d = await run(
      `mutation($p: ID!, $rows: [ImportCandidateRow!]!) { importCandidates(planId: $p, rows: $rows, dryRun: true) {
        imported problems { row field code } } }`,
      { p: earlier.planId, rows: [{ residentId: residentId(301), name: '陈短年', tradeYears: 2 }] },
    );
    expect(d.importCandidates).toEqual({
      imported: 0,
      problems: [{ row: 1, field: 'tradeYears', code: 'CANDIDATE_CONDITION_NOT_MET' }],
    });
  });

  it('admits him with an override reason, recorded on the candidate', async () => {
    const ok = await run(ADD, {
      i: { planId: earlier.planId, workerId: w.short, application: { tradeYears: 2 }, overrideReason: reason },
    });
    expect(ok.addCandidate.errors).toEqual([]);
    expect(ok.addCandidate.candidate.conditionOverride).toEqual({
      reason,
      schemeVersion: 1,
      unmet: ['工作方案第1版申报条件：从事本职业（工种）工作须满4年，申报2年'],
    });
    c.short = ok.addCandidate.candidate.id;
  });

  it('adopts a second version (ten years, default marks); the earlier plan keeps the first’s', async () => {
    const d = await run(ADOPT, {
      i: {
        title: '职业技能等级认定工作方案（修订）',
        conditions: [{ occupationCode: inst.occupationCode, level: 'LEVEL_4', yearsInTrade: 10 }],
      },
    });
    expect(d.adoptWorkScheme).toEqual({ scheme: { version: 2 }, errors: [] });
    later = await reportSkillPlan(announcementId);
    w.five = await registerWorker('李五年', 302);
    w.twelve = await registerWorker('王十二', 303);
    // Five years meet the first version's four: the earlier plan admits him.
    const earlierPlan = await run(ADD, {
      i: { planId: earlier.planId, workerId: w.five, application: { tradeYears: 5 } },
    });
    expect(earlierPlan.addCandidate.errors).toEqual([]);
    expect(earlierPlan.addCandidate.candidate.conditionOverride).toBeNull();
    c.five = earlierPlan.addCandidate.candidate.id;
    // The later plan asks the second version's ten.
    const laterPlan = await run(ADD, { i: { planId: later.planId, workerId: w.five, application: { tradeYears: 5 } } });
    expect(laterPlan.addCandidate.errors).toMatchObject([
      { code: 'CANDIDATE_CONDITION_NOT_MET', field: 'yearsInTrade', message: expect.stringContaining('第2版') },
    ]);
    const twelve = await run(ADD, { i: { planId: later.planId, workerId: w.twelve, application: { tradeYears: 12 } } });
    expect(twelve.addCandidate.errors).toEqual([]);
    c.twelve = twelve.addCandidate.candidate.id;
    expect((await run(PLAN, { p: earlier.planId })).evaluationPlan.standard).toMatchObject({
      schemeVersion: 1,
      parts: [{ part: 'SKILL', passMark: 70 }],
    });
    expect((await run(PLAN, { p: later.planId })).evaluationPlan.standard).toMatchObject({
      schemeVersion: 2,
      parts: [{ part: 'SKILL', passMark: 60 }],
    });
  });

  it('fails a 65 under the first version’s 70, and passes a 65 under the defaults', async () => {
    const committee = await constituteCommittee(run);
    hub.clock.set(evaluationDate, 'test');
    await scoreAll(c.short as string, earlier.assessors, 72);
    await scoreAll(c.five as string, earlier.assessors, 65);
    await scoreAll(c.twelve as string, later.assessors, 65);
    for (const plan of [earlier, later]) {
      await recordExamined(run, plan.planId, ['SKILL']);
      const d = await run(
        `mutation($p: ID!, $s: [ID!]!) { reviewResults(planId: $p, signatories: $s) { errors { code message } } }`,
        { p: plan.planId, s: committee },
      );
      expect(d.reviewResults.errors).toEqual([]);
    }
    const results = async (planId: string) =>
      Object.fromEntries(
        (await run(PLAN, { p: planId })).evaluationPlan.candidates.edges.map(
          (e: { node: { worker: { name: string }; total: number; result: string } }) => [
            e.node.worker.name,
            [e.node.total, e.node.result],
          ],
        ),
      );
    expect(await results(earlier.planId)).toEqual({ 陈短年: [72, 'PASSED'], 李五年: [65, 'FAILED'] });
    expect(await results(later.planId)).toEqual({ 王十二: [65, 'PASSED'] });
  });

  it('shows the city centre the override in the plan’s archive', async () => {
    const city = await token({ role: 'city_center', prefecture: inst.prefectureCode, sub: 'city-scheme' });
    const r = await gql(hub.url, PLAN, { token: city, variables: { p: earlier.planId } });
    expect(r.errors).toBeUndefined();
    expect(r.data?.evaluationPlan.archive.conditionOverrides).toEqual([
      {
        worker: { name: '陈短年' },
        conditionOverride: {
          reason,
          schemeVersion: 1,
          unmet: ['工作方案第1版申报条件：从事本职业（工种）工作须满4年，申报2年'],
        },
      },
    ]);
    const schemes = await gql(
      hub.url,
      `query($e: ID!) { enterprise(id: $e) { workSchemes { version conditions { level yearsInTrade }
        methods { method parts { part passMark stated } } } } }`,
      { token: city, variables: { e: inst.id } },
    );
    expect(schemes.errors).toBeUndefined();
    const [second, first] = schemes.data?.enterprise.workSchemes ?? [];
    expect(second.conditions).toEqual([{ level: 'LEVEL_4', yearsInTrade: 10 }]);
    const skill = (s: { methods: { method: string; parts: unknown[] }[] }) =>
      s.methods.find((m) => m.method === 'SKILL_OPERATION')?.parts;
    expect(skill(first)).toEqual([{ part: 'SKILL', passMark: 70, stated: true }]);
    expect(skill(second)).toEqual([{ part: 'SKILL', passMark: 60, stated: false }]);
  });
});
