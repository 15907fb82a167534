import { candidates, certificates, enterprises, evaluationPlans } from '@hub/db';
import { and, eq, isNull, lt, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caller,
  findInstitution,
  institutionToken,
  publishYearlyAnnouncement,
  registerTeam,
} from './assessments-fixtures.ts';
import { dayFrom, startTestHub, type TestHub, token } from './helpers.ts';

/**
 * Issue #24 point 3, the assessments side, through the gateway: plans and certificates only for
 * 技能类职业（工种）. A plan for a 2-02 (专业技术人员) occupation is refused with OCCUPATION_NOT_SKILL;
 * once the province centre marks an occupation not skill, a waiting plan of it gets no certificates.
 */

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub(300);
});
afterAll(async () => {
  await hub?.stop();
});

const countPlans = async () =>
  (await hub.db.db.select({ n: sql<number>`count(*)::int` }).from(evaluationPlans))[0]?.n ?? 0;

describe('技能类职业（工种） only (#24 point 3)', () => {
  it('refuses a plan for a 2-02 occupation with OCCUPATION_NOT_SKILL, writing nothing', async () => {
    const evaluationDate = dayFrom(hub, 21);
    const inst = await findInstitution(hub, [4], { onDate: evaluationDate });
    const run = caller(hub.url, await institutionToken(inst.id));
    const team = await registerTeam(run, ['ASSESSOR', 'ASSESSOR', 'ASSESSOR', 'QUALITY_SUPERVISOR']);
    const announcementId = await publishYearlyAnnouncement(run, inst.occupationCode, evaluationDate);
    const before = await countPlans();
    const r = await run(
      `mutation($i: ReportEvaluationPlanInput!) {
        reportEvaluationPlan(input: $i) { plan { id } errors { code message field } } }`,
      {
        i: {
          announcementId,
          occupationCode: '2-02-10-01',
          level: 'LEVEL_4',
          method: 'SKILL_OPERATION',
          evaluationDate,
          site: '实训车间',
          assessorIds: team.slice(0, 3),
          supervisorIds: [team[3]],
        },
      },
    );
    expect(r.reportEvaluationPlan.plan).toBeNull();
    const notSkill = r.reportEvaluationPlan.errors.find((e: any) => e.code === 'OCCUPATION_NOT_SKILL');
    expect(notSkill).toMatchObject({ field: 'occupationCode' });
    expect(notSkill.message).toContain('仅限技能类职业（工种）');
    expect(await countPlans()).toBe(before);
  });

  it('issues no certificate for a plan whose occupation the province centre marked not skill', async () => {
    const [story] = await hub.db.db.select().from(enterprises).where(eq(enterprises.institutionCode, '010001'));
    if (!story) throw new Error('the seed has no story institution 010001');
    const [waiting] = await hub.db.db
      .selectDistinct({ id: evaluationPlans.id, occupationCode: evaluationPlans.occupationCode })
      .from(evaluationPlans)
      .innerJoin(candidates, eq(candidates.planId, evaluationPlans.id))
      .leftJoin(certificates, eq(certificates.candidateId, candidates.id))
      .where(
        and(
          eq(evaluationPlans.enterpriseId, story.id),
          ne(evaluationPlans.status, 'CANCELLED'),
          isNull(evaluationPlans.workTypeCode),
          lt(evaluationPlans.publicityEndsOn, hub.clock.today()),
          eq(candidates.result, 'PASSED'),
          isNull(certificates.number),
        ),
      )
      .limit(1);
    if (!waiting) throw new Error('the story institution has no plan waiting for certificates');
    const province = caller(hub.url, await token({ role: 'province_center', sub: 'e2e-province-skill' }));
    const marked = await province(
      `mutation($code: OccupationCode!, $reason: String!) {
        setSkillMark(occupationCode: $code, isSkill: false, reason: $reason) { errors { code } } }`,
      { code: waiting.occupationCode, reason: '示例：按职业分类大典更正为非技能类' },
    );
    expect(marked.setSkillMark.errors).toEqual([]);

    const r = await caller(hub.url, await institutionToken(story.id))(
      `mutation($p: ID!) { issueCertificates(planId: $p) { certificates { number } errors { code message } } }`,
      {
        p: waiting.id,
      },
    );
    expect(r.issueCertificates.errors.map((e: any) => e.code)).toEqual(['OCCUPATION_NOT_SKILL']);
    const [issued] = await hub.db.db
      .select({ n: sql<number>`count(*)::int` })
      .from(certificates)
      .where(eq(certificates.planId, waiting.id));
    expect(issued?.n).toBe(0);
  });
});
