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
 * 模块化考核 (#25 point 3), through the gateway on the hub's own clock: a plan over three weeks with
 * three modules is reported 5 working days before its first day, each module is scored as it is
 * held, the committee combines them by the plan's weights and marks, and those who pass get
 * certificates — counted under their method in 评价统计.
 */

let hub: TestHub;
let inst: Institution;
let run: ReturnType<typeof caller>;
let start: string;
/** The day `n` days after the test's first day (the hub's today when it started). */
const day = (n: number) => addCalendarDays(start, n);
beforeAll(async () => {
  hub = await startTestHub(400);
  start = hub.clock.today();
  inst = await findInstitution(hub, [4], { onDate: day(21) });
  run = caller(hub.url, await institutionToken(inst.id));
});
afterAll(async () => {
  await hub?.stop();
});

const codes = (p: { errors: { code: string }[] }) => p.errors.map((e) => e.code).sort();
const REPORT = `mutation($i: ReportEvaluationPlanInput!) { reportEvaluationPlan(input: $i) {
  plan { id method evaluationDate reportDeadline { date } period { startsOn endsOn days } modules { id name weight passMark } }
  errors { code message field } } }`;
const MODULE_SCORE = `mutation($i: RecordModuleScoresInput!) { recordModuleScores(input: $i) {
  candidate { moduleResults { module { name } score passed } } errors { code message } } }`;
const REVIEW = `mutation($p: ID!, $s: [ID!]!) { reviewResults(planId: $p, signatories: $s) {
  plan { status candidates { edges { node { id total result } } } } errors { code message } } }`;

describe('a 模块化考核 plan over three weeks with three modules, from report to certificate', () => {
  const modules = [
    { name: '安全操作', weight: 20, passMark: 60 },
    { name: '设备维护', weight: 30, passMark: 60 },
    { name: '故障排除', weight: 50, passMark: 70 },
  ];
  let team: string[];
  let signers: string[];
  let plan: { id: string; modules: { id: string; name: string }[] };
  const candidate: Record<string, string> = {};
  let base: Record<string, unknown>;

  it('refuses the plan without its period or its modules, and reports it 5 working days before the first day', async () => {
    team = await registerTeam(run, ['ASSESSOR', 'ASSESSOR', 'ASSESSOR', 'QUALITY_SUPERVISOR']);
    signers = await constituteCommittee(run);
    base = {
      announcementId: await publishYearlyAnnouncement(run, inst.occupationCode, day(21)),
      occupationCode: inst.occupationCode,
      level: 'LEVEL_4',
      method: 'MODULAR_ASSESSMENT',
      evaluationDate: day(21),
      site: '生产车间',
      assessorIds: team.slice(0, 3),
      supervisorIds: [team[3]],
    };
    const noPeriod = await run(REPORT, { i: { ...base, modules } });
    expect(codes(noPeriod.reportEvaluationPlan)).toEqual(['PLAN_PERIOD_MISSING']);
    const noModules = await run(REPORT, { i: { ...base, periodEndsOn: day(41) } });
    expect(codes(noModules.reportEvaluationPlan)).toEqual(['PLAN_MODULES_MISSING']);
    const skillWithPeriod = await run(REPORT, { i: { ...base, method: 'SKILL_OPERATION', periodEndsOn: day(41) } });
    expect(codes(skillWithPeriod.reportEvaluationPlan)).toEqual(['PLAN_PERIOD_NOT_FOR_METHOD']);

    const ok = await run(REPORT, { i: { ...base, periodEndsOn: day(41), modules } });
    expect(ok.reportEvaluationPlan.errors).toEqual([]);
    plan = ok.reportEvaluationPlan.plan;
    expect(ok.reportEvaluationPlan.plan).toMatchObject({
      method: 'MODULAR_ASSESSMENT',
      evaluationDate: day(21),
      period: { startsOn: day(21), endsOn: day(41), days: 21 },
      modules: modules.map((m) => expect.objectContaining(m)),
    });
    // The 5-working-day rule counts to the period's first day.
    expect(ok.reportEvaluationPlan.plan.reportDeadline.date < day(21)).toBe(true);
    expect(ok.reportEvaluationPlan.plan.reportDeadline.date >= start).toBe(true);
  });

  it('enters three candidates', async () => {
    for (const [key, name, seq] of [
      ['steady', '罗稳定', 31],
      ['strong', '段出色', 32],
      ['uneven', '龚偏科', 33],
    ] as const) {
      const w = await run(
        `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { worker { id } errors { code message } } }`,
        { i: { name, residentId: residentId(seq), employedSince: '2016-03-01', dispatched: false } },
      );
      expect(w.registerWorker.errors).toEqual([]);
      const c = await run(
        `mutation($i: AddCandidateInput!) { addCandidate(input: $i) { candidate { id } errors { code message } } }`,
        { i: { planId: plan.id, workerId: w.registerWorker.worker.id } },
      );
      expect(c.addCandidate.errors).toEqual([]);
      candidate[key] = c.addCandidate.candidate.id;
    }
  });

  /** Every assessor gives `marks[i]` for the module, assessed today. */
  const score = (key: string, module: number, marks: number[], assessedOn?: string) =>
    run(MODULE_SCORE, {
      i: {
        candidateId: candidate[key],
        moduleId: plan.modules[module]?.id,
        assessedOn,
        scores: marks.map((s, i) => ({ assessorId: team[i], score: s })),
      },
    });

  it('scores each module as it is held within the period, never before it or ahead of today', async () => {
    hub.clock.set(day(20), 'test');
    expect(codes((await score('steady', 0, [80, 80, 80])).recordModuleScores)).toEqual(['MODULE_SCORE_OUTSIDE_PERIOD']);
    hub.clock.set(day(23), 'test'); // week one: 安全操作
    expect(codes((await score('steady', 0, [80, 80, 80], day(24))).recordModuleScores)).toEqual([
      'MODULE_SCORE_IN_FUTURE',
    ]);
    const skill = await run(`mutation($i: RecordScoresInput!) { recordScores(input: $i) { errors { code } } }`, {
      i: { candidateId: candidate.steady, scores: [{ assessorId: team[0], part: 'SKILL', score: 80 }] },
    });
    expect(codes(skill.recordScores)).toEqual(['SCORE_PART_NOT_IN_METHOD']);
    for (const [key, marks] of [
      ['steady', [70, 75, 80]],
      ['strong', [90, 92, 94]],
      ['uneven', [95, 95, 95]],
    ] as const) {
      expect((await score(key, 0, [...marks])).recordModuleScores.errors).toEqual([]);
    }
    hub.clock.set(day(30), 'test'); // week two: 设备维护
    for (const [key, marks] of [
      ['steady', [70, 70, 70]],
      ['strong', [88, 90, 92]],
      ['uneven', [90, 90, 90]],
    ] as const) {
      expect((await score(key, 1, [...marks])).recordModuleScores.errors).toEqual([]);
    }
    const partial = await score('steady', 1, [70, 70, 70]);
    expect(partial.recordModuleScores.candidate.moduleResults).toEqual([
      { module: { name: '安全操作' }, score: 75, passed: true },
      { module: { name: '设备维护' }, score: 70, passed: true },
      { module: { name: '故障排除' }, score: null, passed: null },
    ]);
  });

  it('imports module scores from a sheet: all rows or none, each problem by row', async () => {
    const IMPORT = `mutation($p: ID!, $r: [ImportModuleScoreRow!]!) { importModuleScores(planId: $p, rows: $r) {
      imported checked problems { row field code } errors { code } } }`;
    const row = (assessor: number, module: string, score: number, assessedOn: string) => ({
      residentId: residentId(32),
      name: '段出色',
      assessorName: team[assessor],
      module,
      score,
      assessedOn,
    });
    const bad = await run(IMPORT, {
      p: plan.id,
      r: [row(0, '设备维护', 88, day(30)), row(1, '不存在的模块', 90, day(30)), row(2, '设备维护', 92, day(20))],
    });
    expect(bad.importModuleScores).toEqual({
      imported: 0,
      checked: 3,
      problems: [
        { row: 2, field: 'module', code: 'MODULE_NOT_ON_PLAN' },
        { row: 3, field: 'assessedOn', code: 'MODULE_SCORE_OUTSIDE_PERIOD' },
      ],
      errors: [{ code: 'IMPORT_REFUSED' }],
    });
    // The same scores the assessors gave in week two, entered again from the sheet: replaced, unchanged.
    const good = await run(IMPORT, {
      p: plan.id,
      r: [row(0, '设备维护', 88, day(30)), row(1, '设备维护', 90, day(30)), row(2, '设备 维护', 92, '2027年1月99日')],
    });
    expect(good.importModuleScores.problems).toEqual([{ row: 3, field: 'assessedOn', code: 'MODULE_SCORE_DATE' }]);
    const fixed = await run(IMPORT, {
      p: plan.id,
      r: [row(0, '设备维护', 88, day(30)), row(1, '设备维护', 90, day(30)), row(2, '设备 维护', 92, day(30))],
    });
    expect(fixed.importModuleScores).toEqual({ imported: 3, checked: 3, problems: [], errors: [] });
  });

  it('refuses the review while a module is unscored, then combines the modules by the plan’s rule', async () => {
    const early = await run(REVIEW, { p: plan.id, s: signers });
    expect(codes(early.reviewResults)).toEqual([
      'REVIEW_MISSING_MODULE_SCORES',
      'REVIEW_MISSING_MODULE_SCORES',
      'REVIEW_MISSING_MODULE_SCORES',
    ]);
    hub.clock.set(day(40), 'test'); // week three: 故障排除
    for (const [key, marks] of [
      ['steady', [72, 74, 76]],
      ['strong', [86, 88, 90]],
      ['uneven', [60, 62, 64]], // under the module's 合格线 of 70, whatever the total
    ] as const) {
      expect((await score(key, 2, [...marks])).recordModuleScores.errors).toEqual([]);
    }
    hub.clock.set(day(42), 'test');
    const reviewed = await run(REVIEW, { p: plan.id, s: signers });
    expect(reviewed.reviewResults.errors).toEqual([]);
    const results = Object.fromEntries(
      reviewed.reviewResults.plan.candidates.edges.map((e: any) => [e.node.id, [e.node.total, e.node.result]]),
    );
    expect(results[candidate.steady as string]).toEqual([73, 'PASSED']); // (20·75 + 30·70 + 50·74) / 100
    expect(results[candidate.strong as string]).toEqual([89.4, 'PASSED']); // (20·92 + 30·90 + 50·88) / 100
    expect(results[candidate.uneven as string]).toEqual([77, 'FAILED']); // 故障排除 62 < 70
    const late = await score('uneven', 2, [90, 90, 90], day(41));
    expect(codes(late.recordModuleScores)).toEqual(['SCORES_AFTER_REVIEW']);
  });

  it('publicises, submits and issues 四级 certificates to the two who passed, traceable to the module scores', async () => {
    const p = await run(
      `mutation($p: ID!, $s: Date!, $e: Date!) { startPublicity(planId: $p, startsOn: $s, endsOn: $e) { errors { code message } } }`,
      { p: plan.id, s: day(43), e: day(47) },
    );
    expect(p.startPublicity.errors).toEqual([]);
    hub.clock.set(day(48), 'test');
    const s = await run(`mutation($p: ID!) { submitResults(planId: $p) { plan { status } errors { code message } } }`, {
      p: plan.id,
    });
    expect(s.submitResults).toEqual({ plan: { status: 'SUBMITTED' }, errors: [] });
    const issued = await run(
      `mutation($p: ID!) { issueCertificates(planId: $p) { certificates { number level } errors { code message } } }`,
      { p: plan.id },
    );
    expect(issued.issueCertificates.errors).toEqual([]);
    const certs = issued.issueCertificates.certificates;
    expect(certs.map((c: { level: string }) => c.level)).toEqual(['LEVEL_4', 'LEVEL_4']);

    const province = await token({ role: 'province_center', sub: 'e2e' });
    const r = await gql(
      hub.url,
      `query($n: String!) { certificate(number: $n) {
        plan { method period { days } modules { name } }
        candidate { result moduleResults { module { name } score passed } moduleScores { module { name } score assessedOn } }
      } }`,
      { token: province, variables: { n: certs[0].number } },
    );
    expect(r.errors).toBeUndefined();
    const c = r.data?.certificate;
    expect(c.plan).toEqual({
      method: 'MODULAR_ASSESSMENT',
      period: { days: 21 },
      modules: [{ name: '安全操作' }, { name: '设备维护' }, { name: '故障排除' }],
    });
    expect(c.candidate.result).toBe('PASSED');
    expect(c.candidate.moduleScores).toHaveLength(9);
    for (const m of c.candidate.moduleScores) {
      expect(m.assessedOn >= day(21) && m.assessedOn <= day(41)).toBe(true);
    }
  });

  it('writes each module’s score in the 成绩汇总表, in the plan’s order, beside the total and result', async () => {
    const got = await fetchPaper(hub.url, `/plans/${plan.id}/results.xlsx`, await institutionToken(inst.id));
    expect(got.status, got.bytes.toString('utf8').slice(0, 300)).toBe(200);
    const sheet = (await openWorkbook(got.bytes)).getWorksheet('成绩汇总表') as ExcelJS.Worksheet;
    const header = rowText(sheet, 2);
    const at = (h: string) => header.indexOf(h);
    expect(at('模块：安全操作')).toBeGreaterThan(at('等级'));
    expect([at('模块：设备维护'), at('模块：故障排除'), at('总成绩')]).toEqual([
      at('模块：安全操作') + 1,
      at('模块：安全操作') + 2,
      at('模块：安全操作') + 3,
    ]);
    const rows = [3, 4, 5].map((r) => rowText(sheet, r));
    const strong = rows.find((r) => r[at('姓名')] === '段出色') as string[];
    expect(strong.slice(at('模块：安全操作'), at('总成绩') + 2)).toEqual(['92', '90', '88', '89.4', '合格']);
    const uneven = rows.find((r) => r[at('姓名')] === '龚偏科') as string[];
    expect(uneven[at('模块：故障排除')]).toBe('62');
    expect(uneven[at('评价结果')]).toBe('不合格');
  });

  it('counts the plan under 模块化考核 in 评价统计, from both rollups', async () => {
    const province = await token({ role: 'province_center', sub: 'e2e' });
    const stats = (groupBy: string[]) =>
      gql(
        hub.url,
        `query($f: StatisticsFilter, $g: [StatisticsDimension!]) { assessmentStatistics(filter: $f, groupBy: $g) {
          keys { value label } candidates passed certificatesIssued } }`,
        {
          token: province,
          variables: { f: { prefectures: [inst.prefectureCode], methods: ['MODULAR_ASSESSMENT'] }, g: groupBy },
        },
      );
    const monthly = await stats(['METHOD']);
    expect(monthly.errors).toBeUndefined();
    expect(monthly.data?.assessmentStatistics).toEqual([
      {
        keys: [{ value: 'MODULAR_ASSESSMENT', label: '模块化考核' }],
        candidates: 3,
        passed: 2,
        certificatesIssued: 2,
      },
    ]);
    const daily = await stats(['METHOD', 'OCCUPATION']);
    expect(daily.errors).toBeUndefined();
    expect(daily.data?.assessmentStatistics).toEqual([
      expect.objectContaining({ candidates: 3, passed: 2, certificatesIssued: 2 }),
    ]);
  });
});

describe('modules from the 工作方案, and a stand-alone 业绩评审', () => {
  let base: Record<string, unknown>;
  const ADOPT = `mutation($i: AdoptWorkSchemeInput!) { adoptWorkScheme(input: $i) { scheme { version } errors { code message } } }`;

  it('refuses modules on a method without them, and reports a 过程化考核 with the 方案’s modules', async () => {
    hub.clock.set(start, 'test');
    const team = await registerTeam(run, ['ASSESSOR', 'ASSESSOR', 'ASSESSOR', 'QUALITY_SUPERVISOR']);
    base = {
      announcementId: await publishYearlyAnnouncement(run, inst.occupationCode, day(22)),
      occupationCode: inst.occupationCode,
      level: 'LEVEL_4',
      evaluationDate: day(22),
      site: '生产车间',
      assessorIds: team.slice(0, 3),
      supervisorIds: [team[3]],
    };
    const stages = [
      { name: '阶段一：岗前准备', weight: 40 },
      { name: '阶段二：独立作业', weight: 60, passMark: 70 },
    ];
    const wrong = await run(ADOPT, {
      i: { title: '工作方案', methods: [{ method: 'SKILL_OPERATION', modules: stages }] },
    });
    expect(codes(wrong.adoptWorkScheme)).toEqual(['WORK_SCHEME_MODULES_NOT_FOR_METHOD']);
    const adopted = await run(ADOPT, {
      i: { title: '工作方案', methods: [{ method: 'PROCESS_ASSESSMENT', passMark: 65, modules: stages }] },
    });
    expect(adopted.adoptWorkScheme.errors).toEqual([]);

    const plan = await run(REPORT, { i: { ...base, method: 'PROCESS_ASSESSMENT', periodEndsOn: day(50) } });
    expect(plan.reportEvaluationPlan.errors).toEqual([]);
    expect(plan.reportEvaluationPlan.plan).toMatchObject({
      period: { startsOn: day(22), endsOn: day(50), days: 29 },
      modules: [
        { name: '阶段一：岗前准备', weight: 40, passMark: 60 },
        { name: '阶段二：独立作业', weight: 60, passMark: 70 },
      ],
    });
    // 改期 moves the whole period, its length kept; the new first day is reported 5 working days ahead
    // (a week later, or earlier when later would leave the announcement's year).
    const to = day(29).slice(0, 4) === day(22).slice(0, 4) ? 29 : 15;
    const moved = await run(
      `mutation($p: ID!, $d: Date!) { reschedulePlan(planId: $p, evaluationDate: $d, reason: "车间检修，整体顺延一周") {
        plan { evaluationDate period { startsOn endsOn days } } errors { code message } } }`,
      { p: plan.reportEvaluationPlan.plan.id, d: day(to) },
    );
    expect(moved.reschedulePlan).toEqual({
      plan: { evaluationDate: day(to), period: { startsOn: day(to), endsOn: day(to + 28), days: 29 } },
      errors: [],
    });
  });

  it('reports a 业绩评审 on one day, scored on 业绩 alone', async () => {
    const period = await run(REPORT, { i: { ...base, method: 'PERFORMANCE_REVIEW', periodEndsOn: day(29) } });
    expect(codes(period.reportEvaluationPlan)).toEqual(['PLAN_PERIOD_NOT_FOR_METHOD']);
    const ok = await run(REPORT, { i: { ...base, method: 'PERFORMANCE_REVIEW' } });
    expect(ok.reportEvaluationPlan.errors).toEqual([]);
    expect(ok.reportEvaluationPlan.plan).toMatchObject({ method: 'PERFORMANCE_REVIEW', period: null, modules: [] });
    const w = await run(
      `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { worker { id } errors { code message } } }`,
      { i: { name: '聂业绩', residentId: residentId(34), employedSince: '2014-03-01' } },
    );
    const c = await run(
      `mutation($i: AddCandidateInput!) { addCandidate(input: $i) { candidate { id } errors { code message } } }`,
      { i: { planId: ok.reportEvaluationPlan.plan.id, workerId: w.registerWorker.worker.id } },
    );
    expect(c.addCandidate.errors).toEqual([]);
    hub.clock.set(day(22), 'test');
    const SCORE = `mutation($i: RecordScoresInput!) { recordScores(input: $i) { candidate { partScores { part score } } errors { code } } }`;
    const [assessorId] = base.assessorIds as string[];
    const skill = await run(SCORE, {
      i: { candidateId: c.addCandidate.candidate.id, scores: [{ assessorId, part: 'SKILL', score: 80 }] },
    });
    expect(codes(skill.recordScores)).toEqual(['SCORE_PART_NOT_IN_METHOD']);
    const perf = await run(SCORE, {
      i: { candidateId: c.addCandidate.candidate.id, scores: [{ assessorId, part: 'PERFORMANCE', score: 82 }] },
    });
    expect(perf.recordScores).toEqual({ candidate: { partScores: [{ part: 'PERFORMANCE', score: 82 }] }, errors: [] });
  });
});
