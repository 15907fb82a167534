import { candidates, certificates, enterprises, evaluationPlans } from '@hub/db';
import { and, eq, isNull, lt, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, findInstitution, type Institution, institutionToken } from './assessments-fixtures.ts';
import { type Actors, actors } from './enterprises-fixtures.ts';
import { dayFrom, gql, startTestHub, type TestHub } from './helpers.ts';

/** #24 point 7: a centre suspends an institution with reasons and a period, and resumes it. */

let hub: TestHub;
let a: Actors;
let inst: Institution;
let run: ReturnType<typeof caller>;
let evaluationDate: string;
let announcementId: string;
let reportedPlanId: string;
const staff: string[] = [];

const SUSPEND = `mutation($id: ID!, $days: Int!, $r: String!, $ref: String) { suspendInstitution(enterpriseId: $id, days: $days, reason: $r, reference: $ref) { enterprise { id qualificationStatus } errors { code message field } } }`;
const RESUME = `mutation($id: ID!, $r: String!) { resumeInstitution(enterpriseId: $id, reason: $r) { enterprise { id qualificationStatus } errors { code message field } } }`;
const ENTRY = `query($p: String) { catalog(prefecture: $p, first: 100) { edges { node { enterprise { id } status suspendedUntil suspensionReason } } } }`;
const REPORT = `mutation($i: ReportEvaluationPlanInput!) { reportEvaluationPlan(input: $i) { plan { id } errors { code message field } } }`;

async function entry() {
  const r = await gql(hub.url, ENTRY, { variables: { p: inst.prefectureCode } });
  return ((r.data?.catalog.edges ?? []) as any[]).find((e) => e.node.enterprise.id === inst.id)?.node ?? null;
}

const plan = () => ({
  announcementId,
  occupationCode: inst.occupationCode,
  level: 'LEVEL_4',
  method: 'SKILL_OPERATION',
  evaluationDate,
  site: '一号车间',
  assessorIds: staff.slice(0, 3),
  supervisorIds: [staff[3]],
});

beforeAll(async () => {
  hub = await startTestHub(400);
  a = await actors();
  evaluationDate = dayFrom(hub, 21);
  inst = await findInstitution(hub, [4], { onDate: evaluationDate });
  run = caller(hub.url, await institutionToken(inst.id));
  for (const role of ['SENIOR_ASSESSOR', 'ASSESSOR', 'ASSESSOR', 'QUALITY_SUPERVISOR']) {
    const d = await run(
      `mutation($i: RegisterAssessorInput!) { registerAssessor(input: $i) { assessor { id } errors { code } } }`,
      { i: { name: '考评人', role } },
    );
    staff.push(d.registerAssessor.assessor.id);
  }
  const [year, month] = evaluationDate.split('-').map(Number) as [number, number];
  const published = await run(
    `mutation($i: PublishAnnouncementInput!) { publishAnnouncement(input: $i) { announcement { id } errors { code } } }`,
    {
      i: {
        title: '评价公告',
        period: 'QUARTERLY',
        year,
        quarter: Math.ceil(month / 3),
        conditions: '在岗满一年',
        process: '个人申报、资格审核',
        useOfResults: '岗位晋升参考',
        openings: [{ occupationCode: inst.occupationCode, levels: ['LEVEL_4'] }],
      },
    },
  );
  announcementId = published.publishAnnouncement.announcement.id;
});
afterAll(() => hub?.stop());

describe('暂停 and 恢复 (#24 point 7)', () => {
  it('refuses a centre of another 市州, a period over a year and a suspension without reasons; changes nothing', async () => {
    const other = inst.prefectureCode === '430100' ? '430200' : '430100';
    const elsewhere = await gql(hub.url, SUSPEND, {
      token: await a.city(other),
      variables: { id: inst.id, days: 30, r: '考务管理不规范' },
    });
    expect(elsewhere.data?.suspendInstitution.errors.map((e: any) => e.code)).toEqual(['NOT_YOUR_PREFECTURE']);
    const tooLong = await gql(hub.url, SUSPEND, {
      token: a.province,
      variables: { id: inst.id, days: 400, r: '理由' },
    });
    expect(tooLong.data?.suspendInstitution.errors.map((e: any) => e.code)).toEqual(['PERIOD_OUT_OF_RANGE']);
    const blank = await gql(hub.url, SUSPEND, { token: a.province, variables: { id: inst.id, days: 30, r: ' ' } });
    expect(blank.data?.suspendInstitution.errors.map((e: any) => e.code)).toEqual(['REASON_REQUIRED']);
    expect((await entry())?.status).toBe('CONFIRMED');
    // A plan reported while in good standing, to be rescheduled once suspended (below).
    const reported = await run(REPORT, { i: plan() });
    expect(reported.reportEvaluationPlan.errors).toEqual([]);
    reportedPlanId = reported.reportEvaluationPlan.plan.id;
  });

  it('suspends with reasons and a period: the catalog says so, and a suspended institution cannot report a plan', async () => {
    const out = await gql(hub.url, SUSPEND, {
      token: await a.city(inst.prefectureCode),
      // A case's decision names the case (or its 决定文号) as the reference.
      variables: { id: inst.id, days: 90, r: '考评人员配备不足，限期整改', ref: '湘鉴督〔2026〕7号' },
    });
    expect(out.data?.suspendInstitution).toMatchObject({
      errors: [],
      enterprise: { qualificationStatus: 'SUSPENDED' },
    });
    expect(await entry()).toMatchObject({
      status: 'SUSPENDED',
      suspendedUntil: dayFrom(hub, 90),
      suspensionReason: '考评人员配备不足，限期整改',
    });
    // Kept on the filing's history with its reason and reference, for every reviewer to read.
    const history = await gql(
      hub.url,
      `query($id: ID!) { enterprise(id: $id) { filings { transitions { toStatus actorRole opinion } } } }`,
      { token: await a.city(inst.prefectureCode), variables: { id: inst.id } },
    );
    const steps = (history.data?.enterprise.filings ?? []).flatMap((f: any) => f.transitions);
    expect(steps).toContainEqual({
      toStatus: 'SUSPENDED',
      actorRole: 'city_center',
      opinion: expect.stringMatching(/考评人员配备不足.*湘鉴督〔2026〕7号/),
    });
    const refused = await run(REPORT, { i: plan() });
    expect(refused.reportEvaluationPlan.plan).toBeNull();
    // Told it is suspended, not that the occupation is out of its scope (超范围认定).
    const codes = refused.reportEvaluationPlan.errors.map((e: any) => e.code);
    expect(codes).toContain('INSTITUTION_SUSPENDED');
    expect(codes).not.toContain('PLAN_OUT_OF_SCOPE');
    // Its plan reported before the suspension cannot be moved either, and is told why.
    const moved = await run(
      `mutation($p: ID!, $d: Date!) { reschedulePlan(planId: $p, evaluationDate: $d, reason: "车间检修，顺延一天") { plan { id } errors { code } } }`,
      { p: reportedPlanId, d: dayFrom(hub, 22) },
    );
    expect(moved.reschedulePlan.plan).toBeNull();
    const movedCodes = moved.reschedulePlan.errors.map((e: any) => e.code);
    expect(movedCodes).toContain('INSTITUTION_SUSPENDED');
    expect(movedCodes).not.toContain('PLAN_OUT_OF_SCOPE');
  });

  it('resumes with reasons: listed as CONFIRMED again, and the same plan is no longer refused for scope', async () => {
    const out = await gql(hub.url, RESUME, {
      token: a.province,
      variables: { id: inst.id, r: '整改到位，恢复评价' },
    });
    expect(out.data?.resumeInstitution).toMatchObject({ errors: [], enterprise: { qualificationStatus: 'CONFIRMED' } });
    expect(await entry()).toMatchObject({ status: 'CONFIRMED', suspendedUntil: null, suspensionReason: null });
    const again = await run(REPORT, { i: plan() });
    const after = again.reportEvaluationPlan.errors.map((e: any) => e.code);
    expect(after).not.toContain('INSTITUTION_SUSPENDED');
    expect(after).not.toContain('PLAN_OUT_OF_SCOPE');
    const twice = await gql(hub.url, RESUME, { token: a.province, variables: { id: inst.id, r: '再次恢复' } });
    expect(twice.data?.resumeInstitution.errors.map((e: any) => e.code)).toEqual(['NOT_SUSPENDED']);
  });
});

describe('a suspended institution issues no certificates (#24 point 7)', () => {
  const ISSUE = `mutation($p: ID!) { issueCertificates(planId: $p) { certificates { number issuedOn } errors { code message } } }`;
  const issued = async (planId: string) =>
    (
      await hub.db.db
        .select({ n: sql<number>`count(*)::int` })
        .from(certificates)
        .where(eq(certificates.planId, planId))
    )[0]?.n ?? 0;

  it('refuses to issue while suspended, writing nothing, and issues the same plan once resumed', async () => {
    // The story institution (010001): plans whose publicity is over and whose passed candidates wait.
    const [story] = await hub.db.db
      .select({ id: enterprises.id, prefectureCode: enterprises.prefectureCode })
      .from(enterprises)
      .where(eq(enterprises.institutionCode, '010001'));
    if (!story) throw new Error('the seed has no story institution 010001');
    const [waiting] = await hub.db.db
      .selectDistinct({ id: evaluationPlans.id })
      .from(evaluationPlans)
      .innerJoin(candidates, eq(candidates.planId, evaluationPlans.id))
      .leftJoin(certificates, eq(certificates.candidateId, candidates.id))
      .where(
        and(
          eq(evaluationPlans.enterpriseId, story.id),
          ne(evaluationPlans.status, 'CANCELLED'),
          lt(evaluationPlans.publicityEndsOn, hub.clock.today()),
          eq(candidates.result, 'PASSED'),
          isNull(certificates.number),
        ),
      )
      .orderBy(evaluationPlans.id)
      .limit(1);
    if (!waiting) throw new Error('the story institution has no plan waiting for certificates');
    const centre = await a.city(story.prefectureCode);
    const storyRun = caller(hub.url, await institutionToken(story.id));
    const before = await issued(waiting.id);

    const suspended = await gql(hub.url, SUSPEND, {
      token: centre,
      variables: { id: story.id, days: 30, r: '证书发放管理不规范，暂停整改' },
    });
    expect(suspended.data?.suspendInstitution.errors).toEqual([]);
    const refused = (await storyRun(ISSUE, { p: waiting.id })).issueCertificates;
    expect(refused.certificates ?? []).toEqual([]);
    expect(new Set(refused.errors.map((e: any) => e.code))).toEqual(new Set(['INSTITUTION_SUSPENDED']));
    expect(refused.errors[0].message).toContain('暂停');
    expect(await issued(waiting.id)).toBe(before);

    const resumed = await gql(hub.url, RESUME, { token: centre, variables: { id: story.id, r: '整改到位，恢复发证' } });
    expect(resumed.data?.resumeInstitution.errors).toEqual([]);
    const out = (await storyRun(ISSUE, { p: waiting.id })).issueCertificates;
    expect(out.errors).toEqual([]);
    expect(out.certificates.length).toBeGreaterThan(0);
    expect(out.certificates.every((c: any) => c.issuedOn === hub.clock.today())).toBe(true);
    expect(await issued(waiting.id)).toBe(before + out.certificates.length);
  });
});
