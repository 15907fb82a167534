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
