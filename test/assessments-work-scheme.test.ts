import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caller,
  findInstitution,
  type Institution,
  institutionToken,
  publishYearlyAnnouncement,
  registerTeam,
} from './assessments-fixtures.ts';
import { dayFrom, gql, startTestHub, type TestHub, token } from './helpers.ts';

/**
 * 工作方案 over the hub's numbers (#25 point 2, first step), through the gateway on the hub's own
 * date: an institution whose 方案 asks for two 考评员 reports a 技能操作考核 plan with two; without
 * a 方案 the documented default (three) applies. The city centre reads the 方案's versions.
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
  adoptWorkScheme(input: $i) { scheme { version adoptedOn } errors { code message } } }`;

describe('the 工作方案 states the assessors a plan needs; the default applies where it is silent', () => {
  const team: string[] = [];
  let report: () => Promise<Record<string, any>>;

  it('refuses a skill plan with two assessors while the institution has no 方案 (default: three)', async () => {
    team.push(...(await registerTeam(run, ['ASSESSOR', 'ASSESSOR', 'QUALITY_SUPERVISOR'])));
    const announcementId = await publishYearlyAnnouncement(run, inst.occupationCode, evaluationDate);
    report = () =>
      run(
        `mutation($i: ReportEvaluationPlanInput!) {
          reportEvaluationPlan(input: $i) { plan { id staff { role } } errors { code message } } }`,
        {
          i: {
            announcementId,
            occupationCode: inst.occupationCode,
            level: 'LEVEL_4',
            method: 'SKILL_OPERATION',
            evaluationDate,
            site: '实训车间',
            assessorIds: team.slice(0, 2),
            supervisorIds: [team[2]],
          },
        },
      );
    const refused = await report();
    expect(codes(refused.reportEvaluationPlan)).toEqual(['PLAN_TOO_FEW_ASSESSORS']);
    expect(refused.reportEvaluationPlan.errors[0].message).toContain('默认值');
  });

  it('refuses a 方案 that asks for one assessor (a team is two or more), and adopts one that asks for two', async () => {
    const one = await run(ADOPT, {
      i: { title: '职业技能等级认定工作方案', assessorCounts: [{ method: 'SKILL_OPERATION', assessors: 1 }] },
    });
    expect(codes(one.adoptWorkScheme)).toEqual(['WORK_SCHEME_ASSESSORS']);
    const two = await run(ADOPT, {
      i: { title: '职业技能等级认定工作方案', assessorCounts: [{ method: 'SKILL_OPERATION', assessors: 2 }] },
    });
    expect(two.adoptWorkScheme).toEqual({ scheme: { version: 1, adoptedOn: hub.clock.today() }, errors: [] });
  });

  it('reports the skill plan with the two assessors the 方案 asks for', async () => {
    const ok = await report();
    expect(ok.reportEvaluationPlan.errors).toEqual([]);
    expect(ok.reportEvaluationPlan.plan.staff.map((s: { role: string }) => s.role).sort()).toEqual([
      'ASSESSOR',
      'ASSESSOR',
      'QUALITY_SUPERVISOR',
    ]);
  });

  it('shows the city centre the 方案: what it states, and the defaults where it is silent', async () => {
    const city = await token({ role: 'city_center', prefecture: inst.prefectureCode, sub: 'city-desk' });
    const r = await gql(
      hub.url,
      `query($id: ID!) { enterprise(id: $id) { workSchemes { version title assessorCounts { method assessors stated } } } }`,
      { token: city, variables: { id: inst.id } },
    );
    expect(r.errors).toBeUndefined();
    const [scheme] = r.data?.enterprise.workSchemes ?? [];
    expect(scheme.version).toBe(1);
    const counts = Object.fromEntries(
      scheme.assessorCounts.map((c: { method: string; assessors: number; stated: boolean }) => [
        c.method,
        [c.assessors, c.stated],
      ]),
    );
    expect(counts.SKILL_OPERATION).toEqual([2, true]);
    expect(counts.INTEGRATED).toEqual([3, false]);
    expect(counts.THEORY_EXAM).toEqual([2, false]);
  });
});

describe('the 工作方案 says when a 高级考评员 sits on the panel, and whether a plan keeps to its announcement’s year', () => {
  const REPORT = `mutation($i: ReportEvaluationPlanInput!) {
    reportEvaluationPlan(input: $i) { plan { id staff { role } } errors { code message } } }`;
  let team: string[] = [];
  let thisYear: string;
  let nextYear: string;
  const report = (announcementId: string) =>
    run(REPORT, {
      i: {
        announcementId,
        occupationCode: inst.occupationCode,
        level: 'LEVEL_4',
        method: 'SKILL_OPERATION',
        evaluationDate,
        site: '实训车间',
        assessorIds: team.slice(0, 2),
        supervisorIds: [team[2]],
      },
    });

  it('refuses a 四级 plan without a 高级考评员 under a 方案 that asks for one from 四级 up', async () => {
    team = await registerTeam(run, ['ASSESSOR', 'ASSESSOR', 'QUALITY_SUPERVISOR']);
    thisYear = await publishYearlyAnnouncement(run, inst.occupationCode, evaluationDate);
    const adopted = await run(ADOPT, {
      i: {
        title: '职业技能等级认定工作方案（修订）',
        assessorCounts: [{ method: 'SKILL_OPERATION', assessors: 2 }],
        seniorAssessorFromLevel: 4,
      },
    });
    expect(adopted.adoptWorkScheme.errors).toEqual([]);
    const refused = await report(thisYear);
    expect(codes(refused.reportEvaluationPlan)).toEqual(['PLAN_NEEDS_SENIOR_ASSESSOR']);
    expect(refused.reportEvaluationPlan.errors[0].message).toContain(
      `工作方案第${adopted.adoptWorkScheme.scheme.version}版`,
    );
  });

  it('holds a plan to its announcement’s year by default, and admits it once the 方案 says any announcement serves', async () => {
    // An announcement for the year after the evaluation's, published today.
    const next = Number(evaluationDate.slice(0, 4)) + 1;
    const published = await run(
      `mutation($i: PublishAnnouncementInput!) { publishAnnouncement(input: $i) { announcement { id } errors { code message } } }`,
      {
        i: {
          title: `${next}年度评价公告`,
          period: 'YEARLY',
          year: next,
          conditions: '本企业在岗职工',
          process: '个人申报、资格审核',
          useOfResults: '岗位聘任参考',
          openings: [{ occupationCode: inst.occupationCode, levels: ['LEVEL_4'] }],
        },
      },
    );
    expect(published.publishAnnouncement.errors).toEqual([]);
    nextYear = published.publishAnnouncement.announcement.id;
    expect(codes((await report(nextYear)).reportEvaluationPlan)).toEqual([
      'ANNOUNCEMENT_PERIOD_MISMATCH',
      'PLAN_NEEDS_SENIOR_ASSESSOR',
    ]);
    const adopted = await run(ADOPT, {
      i: {
        title: '职业技能等级认定工作方案（第三版）',
        assessorCounts: [{ method: 'SKILL_OPERATION', assessors: 2 }],
        seniorAssessorFromLevel: 0,
        plansWithinAnnouncementPeriod: false,
      },
    });
    expect(adopted.adoptWorkScheme.errors).toEqual([]);
    const ok = await report(nextYear);
    expect(ok.reportEvaluationPlan.errors).toEqual([]);
    expect(ok.reportEvaluationPlan.plan.staff.map((s: { role: string }) => s.role).sort()).toEqual([
      'ASSESSOR',
      'ASSESSOR',
      'QUALITY_SUPERVISOR',
    ]);
    // A level outside 0–5 is refused by name.
    const bad = await run(ADOPT, { i: { title: '方案', seniorAssessorFromLevel: 6 } });
    expect(codes(bad.adoptWorkScheme)).toEqual(['WORK_SCHEME_SENIOR_ASSESSOR_LEVEL']);
  });

  it('shows both rules on each version: stated by the 方案, or the default', async () => {
    const r = await run(
      `query($id: ID!) { enterprise(id: $id) { workSchemes { version
        seniorAssessorFromLevel { value stated } plansWithinAnnouncementPeriod { value stated } } } }`,
      { id: inst.id },
    );
    const byVersion = Object.fromEntries(
      r.enterprise.workSchemes.map((s: { version: number }) => [s.version, s]),
    ) as Record<number, { seniorAssessorFromLevel: unknown; plansWithinAnnouncementPeriod: unknown }>;
    expect(byVersion[1]).toMatchObject({
      seniorAssessorFromLevel: { value: 2, stated: false },
      plansWithinAnnouncementPeriod: { value: true, stated: false },
    });
    expect(byVersion[3]).toMatchObject({
      seniorAssessorFromLevel: { value: 0, stated: true },
      plansWithinAnnouncementPeriod: { value: false, stated: true },
    });
  });
});
