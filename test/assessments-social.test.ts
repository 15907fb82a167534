import { filingServedParties, filings } from '@hub/db';
import { makeCreditCode } from '@hub/vocabulary';
import { and, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caller,
  constituteCommittee,
  findInstitution,
  type Institution,
  institutionToken,
  recordExamined,
  residentId,
} from './assessments-fixtures.ts';
import { gql, startTestHub, type TestHub } from './helpers.ts';

/** A 社会评价组织 evaluates workers of the parties it serves, and numbers its certificates with S. */

let hub: TestHub;
let org: Institution;
let run: ReturnType<typeof caller>;
let served: { creditCode: string; name: string };

beforeAll(async () => {
  hub = await startTestHub(400, { today: '2026-12-01' });
  org = await findInstitution(hub, [4], { kind: 'SOCIAL_EVALUATION_ORGANIZATION' });
  const [party] = await hub.db.db
    .select({ creditCode: filingServedParties.creditCode, name: filingServedParties.name })
    .from(filingServedParties)
    .innerJoin(filings, eq(filings.id, filingServedParties.filingId))
    .where(and(eq(filings.enterpriseId, org.id), isNotNull(filings.confirmedAt)))
    .limit(1);
  if (!party) throw new Error('the 社会评价组织 serves no party');
  served = party;
  run = caller(hub.url, await institutionToken(org.id));
});
afterAll(async () => {
  await hub?.stop();
});

const codes = (p: { errors: { code: string }[] }) => p.errors.map((e) => e.code).sort();

describe('社会评价组织', () => {
  it('takes a served party’s worker, refuses another employer’s, and issues an S-numbered certificate', async () => {
    hub.clock.set('2026-12-01', 'test');
    const staff: string[] = [];
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
          title: '产业链企业职工技能等级认定公告',
          period: 'YEARLY',
          year: 2026,
          conditions: '服务对象企业在岗职工',
          process: '企业推荐、资格审核',
          useOfResults: '纳入技能人才统计',
          openings: [{ occupationCode: org.occupationCode, levels: ['LEVEL_4'] }],
        },
      },
    );
    const p = await run(
      `mutation($i: ReportEvaluationPlanInput!) { reportEvaluationPlan(input: $i) { plan { id } errors { code message } } }`,
      {
        i: {
          announcementId: a.publishAnnouncement.announcement.id,
          occupationCode: org.occupationCode,
          level: 'LEVEL_4',
          method: 'THEORY_EXAM',
          evaluationDate: '2026-12-14',
          site: '合作院校实训楼',
          assessorIds: staff.slice(0, 3),
          supervisorIds: [staff[3]],
        },
      },
    );
    expect(p.reportEvaluationPlan.errors).toEqual([]);
    const planId = p.reportEvaluationPlan.plan.id;
    const REG = `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { worker { id employerName } errors { code } } }`;
    const ADD = `mutation($i: AddCandidateInput!) { addCandidate(input: $i) { candidate { id } errors { code } } }`;
    const partner = await run(REG, {
      i: {
        name: '链上职工',
        residentId: residentId(601),
        employedSince: '2018-01-01',
        employerCreditCode: served.creditCode,
        employerName: served.name,
      },
    });
    const stranger = await run(REG, {
      i: {
        name: '无关职工',
        residentId: residentId(602),
        employedSince: '2018-01-01',
        employerCreditCode: makeCreditCode('9', '1', '430100', 'MA4L0001'),
        employerName: '无合作关系公司',
      },
    });
    const refused = await run(ADD, { i: { planId, workerId: stranger.registerWorker.worker.id } });
    expect(codes(refused.addCandidate)).toEqual(['CANDIDATE_EMPLOYER_NOT_SERVED']);
    const added = await run(ADD, { i: { planId, workerId: partner.registerWorker.worker.id } });
    expect(added.addCandidate.errors).toEqual([]);

    hub.clock.set('2026-12-14', 'test');
    const score = await run(
      `mutation($i: RecordScoresInput!) { recordScores(input: $i) { candidate { id } errors { code } } }`,
      {
        i: {
          candidateId: added.addCandidate.candidate.id,
          scores: staff.slice(0, 2).map((assessorId) => ({ assessorId, part: 'THEORY', score: 78 })),
        },
      },
    );
    expect(score.recordScores.errors).toEqual([]);
    await recordExamined(run, planId, ['THEORY']);
    expect(
      (
        await run(`mutation($p: ID!, $s: [ID!]!) { reviewResults(planId: $p, signatories: $s) { errors { code } } }`, {
          p: planId,
          s: await constituteCommittee(run),
        })
      ).reviewResults.errors,
    ).toEqual([]);
    const pub = await run(
      `mutation($p: ID!) { startPublicity(planId: $p, startsOn: "2026-12-14", endsOn: "2026-12-18") { errors { code } } }`,
      { p: planId },
    );
    expect(pub.startPublicity.errors).toEqual([]);
    hub.clock.set('2026-12-19', 'test');
    const issued = await run(
      `mutation($p: ID!) { issueCertificates(planId: $p) { certificates { number } errors { code } } }`,
      {
        p: planId,
      },
    );
    expect(issued.issueCertificates.errors).toEqual([]);
    expect(issued.issueCertificates.certificates[0].number).toMatch(
      new RegExp(`^S000043${org.institutionCode}264\\d{6}$`),
    );
  });

  it('lists its plans on the Enterprise entity across subgraphs, for itself', async () => {
    const r = await gql(
      hub.url,
      `query($id: ID!) { enterprise(id: $id) { name evaluationPlans(first: 5) { edges { node { level method status } } } } }`,
      {
        token: await institutionToken(org.id),
        variables: { id: org.id },
      },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.enterprise.name).toBe(org.name);
    expect(r.data?.enterprise.evaluationPlans.edges).toContainEqual({
      node: { level: 'LEVEL_4', method: 'THEORY_EXAM', status: 'PUBLICISED' },
    });
  });

  it('rejects a resident ID with a wrong GB 11643 check character', async () => {
    const good = residentId(603);
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const r = await gql(
      hub.url,
      `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { worker { id } errors { code } } }`,
      {
        token: await institutionToken(org.id),
        variables: { i: { name: '错号', residentId: bad, employedSince: '2020-01-01' } },
      },
    );
    expect(r.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
