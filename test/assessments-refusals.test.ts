import {
  assessors,
  candidates,
  certificateSerials,
  certificates,
  evaluationPlans,
  occupations,
  planStaff,
  scores,
  sealWorkerResidentId,
  workers,
} from '@hub/db';
import { makeCreditCode } from '@hub/vocabulary';
import { and, eq, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, findInstitution, type Institution, institutionToken, residentId } from './assessments-fixtures.ts';
import { gql, startTestHub, type TestHub, token } from './helpers.ts';

/** Refused actions name their rule and change nothing; plus the rules best seen end to end. */

let hub: TestHub;
let inst: Institution;
let run: ReturnType<typeof caller>;
const staff: string[] = [];
let announcementId: string;

const codes = (p: { errors: { code: string }[] }) => p.errors.map((e) => e.code).sort();
const count = async (table: any, where?: any) =>
  (await hub.db.db.select({ n: sql<number>`count(*)::int` }).from(table).where(where))[0]?.n ?? 0;

const REPORT = `mutation($i: ReportEvaluationPlanInput!) { reportEvaluationPlan(input: $i) { plan { id } errors { code message field } } }`;

beforeAll(async () => {
  hub = await startTestHub(400, { today: '2026-12-01' });
  // Level 4 in scope, level 1 not: for the 超范围 refusal.
  inst = await findInstitution(hub, [4], { onDate: '2026-12-14', absent: 1 });
  run = caller(hub.url, await institutionToken(inst.id));
  hub.clock.set('2026-12-01', 'test');
  for (const role of ['SENIOR_ASSESSOR', 'ASSESSOR', 'ASSESSOR', 'QUALITY_SUPERVISOR']) {
    const d = await run(
      `mutation($i: RegisterAssessorInput!) { registerAssessor(input: $i) { assessor { id } errors { code } } }`,
      {
        i: { name: '考评人', role },
      },
    );
    staff.push(d.registerAssessor.assessor.id);
  }
  const a = await run(
    `mutation($i: PublishAnnouncementInput!) { publishAnnouncement(input: $i) { announcement { id } errors { code } } }`,
    {
      i: {
        title: '2026年第四季度评价公告',
        period: 'QUARTERLY',
        year: 2026,
        quarter: 4,
        conditions: '在岗满一年',
        process: '个人申报、资格审核',
        useOfResults: '岗位晋升参考',
        openings: [{ occupationCode: inst.occupationCode, levels: ['LEVEL_4', 'LEVEL_1'] }],
      },
    },
  );
  announcementId = a.publishAnnouncement.announcement.id;
});
afterAll(async () => {
  await hub?.stop();
});

const plan = (over: Record<string, unknown> = {}) => ({
  announcementId,
  occupationCode: inst.occupationCode,
  level: 'LEVEL_4',
  method: 'SKILL_OPERATION',
  evaluationDate: '2026-12-14',
  site: '一号车间',
  assessorIds: staff.slice(0, 3),
  supervisorIds: [staff[3]],
  ...over,
});

describe('refused actions change nothing and say which rule refused them', () => {
  it('refuses 超范围认定 (a level outside the confirmed scope) and writes no plan and no staff', async () => {
    const before = [await count(evaluationPlans), await count(planStaff)];
    const d = await run(REPORT, { i: plan({ level: 'LEVEL_1' }) });
    expect(d.reportEvaluationPlan.plan).toBeNull();
    expect(codes(d.reportEvaluationPlan)).toContain('PLAN_OUT_OF_SCOPE');
    expect(d.reportEvaluationPlan.errors.find((e: any) => e.code === 'PLAN_OUT_OF_SCOPE').message).toMatch(
      /超范围认定/,
    );
    expect([await count(evaluationPlans), await count(planStaff)]).toEqual(before);
  });

  it('refuses an occupation the institution never filed', async () => {
    const [other] = await hub.db.db
      .select({ code: occupations.code })
      .from(occupations)
      // A 技能类职业 (a non-skill one is also refused OCCUPATION_NOT_SKILL: test/assessments-skill-only.test.ts).
      .where(and(eq(occupations.level, 4), eq(occupations.isSkill, true), ne(occupations.code, inst.occupationCode)))
      .limit(1);
    const d = await run(REPORT, { i: plan({ occupationCode: other?.code }) });
    expect(codes(d.reportEvaluationPlan)).toEqual(['ANNOUNCEMENT_DOES_NOT_OPEN', 'PLAN_OUT_OF_SCOPE']);
  });

  it('refuses a plan reported 4 working days ahead (Tue 12-08 for Mon 12-14) and accepts it on Mon 12-07', async () => {
    hub.clock.set('2026-12-08', 'test');
    const late = await run(REPORT, { i: plan() });
    expect(codes(late.reportEvaluationPlan)).toEqual(['PLAN_REPORTED_LATE']);
    hub.clock.set('2026-12-07', 'test');
    const onTime = await run(REPORT, { i: plan() });
    expect(onTime.reportEvaluationPlan.errors).toEqual([]);
  });

  it('refuses a plan short of assessors and without a supervisor', async () => {
    hub.clock.set('2026-12-01', 'test');
    const d = await run(REPORT, { i: plan({ assessorIds: staff.slice(0, 2), supervisorIds: [] }) });
    expect(codes(d.reportEvaluationPlan)).toEqual(['PLAN_NEEDS_SUPERVISOR', 'PLAN_TOO_FEW_ASSESSORS']);
  });

  it('refuses a candidate who is not the enterprise’s own worker (企业自主评价)', async () => {
    hub.clock.set('2026-12-01', 'test');
    const p = await run(REPORT, { i: plan() });
    const w = await run(
      `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { worker { id } errors { code } } }`,
      {
        i: {
          name: '外单位职工',
          residentId: residentId(901),
          employedSince: '2015-01-01',
          employerCreditCode: makeCreditCode('9', '1', '430100', 'MA4L7C1Q'),
          employerName: '长沙某配套厂',
        },
      },
    );
    const before = await count(candidates);
    const d = await run(
      `mutation($i: AddCandidateInput!) { addCandidate(input: $i) { candidate { id } errors { code } } }`,
      {
        i: { planId: p.reportEvaluationPlan.plan.id, workerId: w.registerWorker.worker.id },
      },
    );
    expect(codes(d.addCandidate)).toEqual(['CANDIDATE_NOT_OWN_WORKER']);
    expect(await count(candidates)).toBe(before);
  });

  it('rolls back a write already made when a later rule refuses (serial counter exhausted: no certificate, counter unchanged)', async () => {
    const { db } = hub.db;
    const [a] = await db
      .select()
      .from(assessors)
      .where(eq(assessors.id, staff[0] as string));
    const [p] = await db
      .insert(evaluationPlans)
      .values({
        enterpriseId: inst.id,
        prefectureCode: inst.prefectureCode,
        qualification: inst.kind,
        occupationCode: inst.occupationCode,
        level: 4,
        method: 'SKILL_OPERATION',
        evaluationDate: '2026-12-14',
        reportedOn: '2026-12-01',
        site: '一号车间',
        status: 'SUBMITTED',
        reviewedOn: '2026-12-14',
        publicityStartsOn: '2026-12-15',
        publicityEndsOn: '2026-12-19',
      })
      .returning();
    const [w] = await db
      .insert(workers)
      .values({
        institutionId: inst.id,
        employerCreditCode: inst.creditCode,
        employerName: inst.name,
        name: '满号',
        ...sealWorkerResidentId(residentId(902)),
        employedSince: '2015-01-01',
      })
      .returning();
    if (!p || !w || !a) throw new Error('setup');
    await db.insert(planStaff).values({ planId: p.id, assessorId: a.id, role: a.role });
    await db.insert(candidates).values({ planId: p.id, workerId: w.id, result: 'PASSED', total: 90 });
    const key = and(
      eq(certificateSerials.institutionCode, inst.institutionCode),
      eq(certificateSerials.year, 2026),
      eq(certificateSerials.level, 4),
    );
    await db
      .insert(certificateSerials)
      .values({ institutionCode: inst.institutionCode, year: 2026, level: 4, last: 999_999 })
      .onConflictDoUpdate({
        target: [certificateSerials.institutionCode, certificateSerials.year, certificateSerials.level],
        set: { last: 999_999 },
      });
    hub.clock.set('2026-12-21', 'test');
    const d = await run(
      `mutation($p: ID!) { issueCertificates(planId: $p) { certificates { number } errors { code } } }`,
      {
        p: p.id,
      },
    );
    expect(codes(d.issueCertificates)).toEqual(['SERIALS_EXHAUSTED']);
    expect(d.issueCertificates.certificates).toBeNull();
    expect((await db.select().from(certificateSerials).where(key))[0]?.last).toBe(999_999);
    expect(await count(certificates, eq(certificates.planId, p.id))).toBe(0);
  });
});

describe('revocation, appointments and the archive', () => {
  it('lets an authority over the 市州 revoke an irregular certificate with a reason, and records who', async () => {
    const [c] = await hub.db.db.select().from(certificates).where(eq(certificates.status, 'VALID')).limit(1);
    if (!c) throw new Error('seed has no valid certificate');
    const REVOKE = `mutation($n: String!, $r: String!) { revokeCertificate(number: $n, reason: $r) { certificate { status revokedOn revocationReason revokedBy } errors { code } } }`;
    const elsewhere = c.prefectureCode === '430100' ? '430200' : '430100';
    const foreign = await gql(hub.url, REVOKE, {
      token: await token({ role: 'city_center', prefecture: elsewhere, sub: 'other-city' }),
      variables: { n: c.number, r: '考评过程存在替考行为' },
    });
    expect(codes(foreign.data?.revokeCertificate)).toEqual(['CERTIFICATE_NOT_FOUND']);
    hub.clock.set('2026-12-21', 'test');
    const city = await token({ role: 'city_center', prefecture: c.prefectureCode, sub: 'city-inspector-7' });
    const done = await gql(hub.url, REVOKE, { token: city, variables: { n: c.number, r: '考评过程存在替考行为' } });
    expect(done.data?.revokeCertificate).toEqual({
      certificate: {
        status: 'REVOKED',
        revokedOn: '2026-12-21',
        revocationReason: '考评过程存在替考行为',
        revokedBy: 'city_center:city-inspector-7',
      },
      errors: [],
    });
    const again = await gql(hub.url, REVOKE, { token: city, variables: { n: c.number, r: '重复撤销' } });
    expect(codes(again.data?.revokeCertificate)).toEqual(['CERTIFICATE_ALREADY_REVOKED']);
  });

  it('appoints a 首席技师 only from holders of 一级 in the occupation', async () => {
    hub.clock.set('2026-12-01', 'test');
    const APPOINT = `mutation($i: AppointTechnicianInput!) { appointTechnician(input: $i) { appointment { title termEndsOn } errors { code } } }`;
    const REG = `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { worker { id } errors { code } } }`;
    const master = await run(REG, {
      i: {
        name: '高级技师甲',
        residentId: residentId(903, '19750101'),
        employedSince: '2000-01-01',
        declaredCredentials: [
          {
            kind: 'SKILL_LEVEL_CERTIFICATE',
            occupationCode: inst.occupationCode,
            level: 'LEVEL_1',
            number: 'Y000043430000201000001',
            issuer: '某集团',
            issuedOn: '2020-12-01',
          },
        ],
      },
    });
    const plain = await run(REG, { i: { name: '技师乙', residentId: residentId(904), employedSince: '2010-01-01' } });
    const term = {
      title: 'CHIEF_TECHNICIAN',
      occupationCode: inst.occupationCode,
      termStartsOn: '2027-01-01',
      termEndsOn: '2029-12-31',
    };
    const refused = await run(APPOINT, { i: { ...term, workerId: plain.registerWorker.worker.id } });
    expect(codes(refused.appointTechnician)).toEqual(['APPOINTMENT_NEEDS_LEVEL_1']);
    const ok = await run(APPOINT, { i: { ...term, workerId: master.registerWorker.worker.id } });
    expect(ok.appointTechnician).toEqual({
      appointment: { title: 'CHIEF_TECHNICIAN', termEndsOn: '2029-12-31' },
      errors: [],
    });
  });

  it('destroys a plan’s score sheets only after the retention period, with a ledger entry', async () => {
    const { db } = hub.db;
    const [p] = await db
      .insert(evaluationPlans)
      .values({
        enterpriseId: inst.id,
        prefectureCode: inst.prefectureCode,
        qualification: inst.kind,
        occupationCode: inst.occupationCode,
        level: 4,
        method: 'THEORY_EXAM',
        evaluationDate: '2026-06-10',
        reportedOn: '2026-06-01',
        site: '培训楼',
        status: 'SUBMITTED',
        resultsSubmittedOn: '2026-07-01',
        retentionYears: 3,
      })
      .returning();
    const [w] = await db
      .insert(workers)
      .values({
        institutionId: inst.id,
        employerCreditCode: inst.creditCode,
        employerName: inst.name,
        name: '归档人',
        ...sealWorkerResidentId(residentId(905)),
        employedSince: '2015-01-01',
      })
      .returning();
    if (!p || !w) throw new Error('setup');
    const [c] = await db
      .insert(candidates)
      .values({ planId: p.id, workerId: w.id, result: 'PASSED', total: 70 })
      .returning();
    await db.insert(scores).values({
      candidateId: c?.id as string,
      assessorId: staff[1] as string,
      part: 'THEORY',
      score: 70,
      recordedOn: '2026-06-10',
    });
    const DESTROY = `mutation($p: ID!, $e: String!) { destroyPlanRecords(planId: $p, entry: $e) {
      plan { archive { retainedUntil destructions { destroyedOn entry } } } errors { code } } }`;
    const entry = '2026年6月理论考试评分表1份，经档案室与纪检监督销毁';
    hub.clock.set('2029-06-30', 'test');
    const early = await run(DESTROY, { p: p.id, e: entry });
    expect(codes(early.destroyPlanRecords)).toEqual(['ARCHIVE_RETENTION_NOT_OVER']);
    expect(await count(scores, eq(scores.candidateId, c?.id as string))).toBe(1);
    hub.clock.set('2029-07-01', 'test');
    const done = await run(DESTROY, { p: p.id, e: entry });
    expect(done.destroyPlanRecords.errors).toEqual([]);
    expect(done.destroyPlanRecords.plan.archive).toEqual({
      retainedUntil: '2029-07-01',
      destructions: [{ destroyedOn: '2029-07-01', entry }],
    });
    expect(await count(scores, eq(scores.candidateId, c?.id as string))).toBe(0);
  });
});
