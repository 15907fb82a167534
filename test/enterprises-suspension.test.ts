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
const staff: string[] = [];

const SUSPEND = `mutation($id: ID!, $days: Int!, $r: String!) { suspendInstitution(enterpriseId: $id, days: $days, reason: $r) { enterprise { id qualificationStatus } errors { code message field } } }`;
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
  });

  it('suspends with reasons and a period: the catalog says so, and a suspended institution cannot report a plan', async () => {
    const out = await gql(hub.url, SUSPEND, {
      token: await a.city(inst.prefectureCode),
      variables: { id: inst.id, days: 90, r: '考评人员配备不足，限期整改' },
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
    const refused = await run(REPORT, { i: plan() });
    expect(refused.reportEvaluationPlan.plan).toBeNull();
    expect(refused.reportEvaluationPlan.errors.map((e: any) => e.code)).toContain('PLAN_OUT_OF_SCOPE');
  });

  it('resumes with reasons: listed as CONFIRMED again, and the same plan is no longer refused for scope', async () => {
    const out = await gql(hub.url, RESUME, {
      token: a.province,
      variables: { id: inst.id, r: '整改到位，恢复评价' },
    });
    expect(out.data?.resumeInstitution).toMatchObject({ errors: [], enterprise: { qualificationStatus: 'CONFIRMED' } });
    expect(await entry()).toMatchObject({ status: 'CONFIRMED', suspendedUntil: null, suspensionReason: null });
    const again = await run(REPORT, { i: plan() });
    expect(again.reportEvaluationPlan.errors.map((e: any) => e.code)).not.toContain('PLAN_OUT_OF_SCOPE');
    const twice = await gql(hub.url, RESUME, { token: a.province, variables: { id: inst.id, r: '再次恢复' } });
    expect(twice.data?.resumeInstitution.errors.map((e: any) => e.code)).toEqual(['NOT_SUSPENDED']);
  });
});
