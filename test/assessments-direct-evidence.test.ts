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
 * 直接认定的依据 (#25 point 8), through the gateway on the hub's own date: a 直接认定二级 plan records
 * each candidate's ability and 业绩 evidence (references to attachments) and the on-site review or
 * defence (date, panel of the plan's assessors, result). The committee review records a pass only
 * with both; a failed defence fails the candidate whatever the scores; the city centre reads it all
 * with the candidates.
 */

let hub: TestHub;
let inst: Institution;
let run: ReturnType<typeof caller>;
let evaluationDate: string;
beforeAll(async () => {
  hub = await startTestHub(400);
  evaluationDate = dayFrom(hub, 21);
  inst = await findInstitution(hub, [2], { onDate: evaluationDate });
  run = caller(hub.url, await institutionToken(inst.id));
});
afterAll(async () => {
  await hub?.stop();
});

const codes = (p: { errors: { code: string }[] }) => p.errors.map((e) => e.code).sort();
const EVIDENCE = `mutation($c: ID!, $e: [DirectRecognitionEvidenceInput!]!) {
  recordCandidateEvidence(candidateId: $c, evidence: $e) { candidate { evidence { kind title attachment } } errors { code message field } } }`;
const DEFENCE = `mutation($i: RecordReviewDefenceInput!) {
  recordReviewDefence(input: $i) { candidate { reviewDefence { form heldOn result panel { name } } } errors { code message field } } }`;
const REVIEW = `mutation($p: ID!, $s: [ID!]!) { reviewResults(planId: $p, signatories: $s) { plan { status } errors { code message } } }`;
const ability = { kind: 'ABILITY', title: '技师岗位能力评分表', attachment: 'FJ-2027-NL-07.pdf' };
const performance = { kind: 'PERFORMANCE', title: '主持数控产线改造项目验收报告', attachment: '档案室 2027-业绩-012' };

describe('a 直接认定二级 plan: evidence, the defence record, and the results they back', () => {
  let team: string[];
  let planId: string;
  let signers: string[];
  const cands: Record<string, string> = {};

  it('sets up the plan, its 评价表 and two candidates holding 三级', async () => {
    team = await registerTeam(run, ['SENIOR_ASSESSOR', 'ASSESSOR', 'ASSESSOR', 'QUALITY_SUPERVISOR']);
    signers = await constituteCommittee(run);
    const announcementId = await publishYearlyAnnouncement(run, inst.occupationCode, evaluationDate, ['LEVEL_2']);
    const d = await run(
      `mutation($i: ReportEvaluationPlanInput!) { reportEvaluationPlan(input: $i) { plan { id } errors { code message } } }`,
      {
        i: {
          announcementId,
          occupationCode: inst.occupationCode,
          level: 'LEVEL_2',
          method: 'DIRECT_RECOGNITION',
          evaluationDate,
          site: '技能大师工作室',
          assessorIds: team.slice(0, 3),
          supervisorIds: [team[3]],
        },
      },
    );
    expect(d.reportEvaluationPlan.errors).toEqual([]);
    planId = d.reportEvaluationPlan.plan.id;
    await recordExamined(run, planId, [null]);
    for (const [i, [key, name]] of [
      ['backed', '罗技师'],
      ['defeated', '江技师'],
    ].entries()) {
      const w = await run(
        `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { worker { id } errors { code message } } }`,
        {
          i: {
            name,
            residentId: residentId(81 + i, '19820101'),
            employedSince: '2008-07-01',
            declaredCredentials: [
              {
                kind: 'SKILL_LEVEL_CERTIFICATE',
                occupationCode: inst.occupationCode,
                level: 'LEVEL_3',
                number: `Y00004301000121300000${i}`,
                issuer: '本省某评价机构',
                issuedOn: '2021-06-30',
              },
            ],
          },
        },
      );
      expect(w.registerWorker.errors).toEqual([]);
      const c = await run(
        `mutation($i: AddCandidateInput!) { addCandidate(input: $i) { candidate { id } errors { code message } } }`,
        { i: { planId, workerId: w.registerWorker.worker.id } },
      );
      expect(c.addCandidate.errors).toEqual([]);
      cands[key as string] = c.addCandidate.candidate.id;
    }
  });

  it('refuses evidence without its attachment, and a defence not yet held or before a panel of one', async () => {
    const bare = await run(EVIDENCE, { c: cands.backed, e: [ability, { ...performance, attachment: ' ' }] });
    expect(bare.recordCandidateEvidence.errors.map((e: { code: string; field: string }) => [e.code, e.field])).toEqual([
      ['EVIDENCE_ATTACHMENT_MISSING', 'evidence.1.attachment'],
    ]);
    const early = await run(DEFENCE, {
      i: { candidateId: cands.backed, form: 'DEFENCE', heldOn: evaluationDate, panelIds: [team[0]], result: 'PASSED' },
    });
    expect(codes(early.recordReviewDefence)).toEqual(['REVIEW_DEFENCE_IN_FUTURE', 'REVIEW_DEFENCE_PANEL_TOO_SMALL']);
    const supervised = await run(DEFENCE, {
      i: {
        candidateId: cands.backed,
        form: 'DEFENCE',
        heldOn: evaluationDate,
        panelIds: [team[0], team[3]],
        result: 'PASSED',
      },
    });
    expect(codes(supervised.recordReviewDefence)).toContain('REVIEW_DEFENCE_PANEL_NOT_ON_PLAN');
    const r = await run(
      `query($p: ID!) { evaluationPlan(id: $p) { candidates(first: 5) { edges { node { evidence { kind } reviewDefence { result } } } } } }`,
      { p: planId },
    );
    for (const e of r.evaluationPlan.candidates.edges) expect(e.node).toEqual({ evidence: [], reviewDefence: null });
  });

  it('records no pass without the defence record or the 业绩 evidence', async () => {
    hub.clock.set(evaluationDate, 'test');
    for (const id of Object.values(cands)) {
      const scored = await run(
        `mutation($i: RecordScoresInput!) { recordScores(input: $i) { candidate { id } errors { code message } } }`,
        {
          i: {
            candidateId: id,
            scores: team
              .slice(0, 3)
              .flatMap((assessorId) =>
                ['ABILITY', 'PERFORMANCE', 'REVIEW_DEFENCE'].map((part) => ({ assessorId, part, score: 82 })),
              ),
          },
        },
      );
      expect(scored.recordScores.errors).toEqual([]);
    }
    expect((await run(EVIDENCE, { c: cands.backed, e: [ability] })).recordCandidateEvidence.errors).toEqual([]);
    const refused = await run(REVIEW, { p: planId, s: signers });
    expect(codes(refused.reviewResults)).toEqual([
      'DIRECT_RECOGNITION_EVIDENCE_MISSING',
      'DIRECT_RECOGNITION_EVIDENCE_MISSING',
      'DIRECT_RECOGNITION_REVIEW_DEFENCE_RECORD_MISSING',
      'DIRECT_RECOGNITION_REVIEW_DEFENCE_RECORD_MISSING',
    ]);
    const messages = refused.reviewResults.errors.map((e: { message: string }) => e.message).join('\n');
    expect(messages).toContain('罗技师');
    expect(messages).toContain('工作业绩');
    const r = await run(`query($p: ID!) { evaluationPlan(id: $p) { status } }`, { p: planId });
    expect(r.evaluationPlan.status).toBe('REPORTED');
  });

  it('records the evidence and the defences; a failed defence fails its candidate though the scores pass', async () => {
    const listed = await run(EVIDENCE, { c: cands.backed, e: [ability, performance] });
    expect(listed.recordCandidateEvidence).toEqual({
      candidate: {
        evidence: [
          { kind: 'ABILITY', title: ability.title, attachment: ability.attachment },
          { kind: 'PERFORMANCE', title: performance.title, attachment: performance.attachment },
        ],
      },
      errors: [],
    });
    const held = await run(DEFENCE, {
      i: {
        candidateId: cands.backed,
        form: 'DEFENCE',
        heldOn: evaluationDate,
        panelIds: [team[0], team[1]],
        result: 'PASSED',
      },
    });
    expect(held.recordReviewDefence.errors).toEqual([]);
    expect(held.recordReviewDefence.candidate.reviewDefence).toMatchObject({
      form: 'DEFENCE',
      heldOn: evaluationDate,
      result: 'PASSED',
    });
    expect(held.recordReviewDefence.candidate.reviewDefence.panel).toHaveLength(2);
    const failed = await run(DEFENCE, {
      i: {
        candidateId: cands.defeated,
        form: 'ON_SITE_REVIEW',
        heldOn: evaluationDate,
        panelIds: [team[0], team[1], team[2]],
        result: 'FAILED',
      },
    });
    expect(failed.recordReviewDefence.errors).toEqual([]);

    const reviewed = await run(
      `mutation($p: ID!, $s: [ID!]!) { reviewResults(planId: $p, signatories: $s) { plan { status candidates(first: 5) { edges { node { id result } } } } errors { code message } } }`,
      { p: planId, s: signers },
    );
    expect(reviewed.reviewResults.errors).toEqual([]);
    const results = Object.fromEntries(
      reviewed.reviewResults.plan.candidates.edges.map((e: { node: { id: string; result: string } }) => [
        e.node.id,
        e.node.result,
      ]),
    );
    expect(results).toEqual({ [cands.backed as string]: 'PASSED', [cands.defeated as string]: 'FAILED' });
    const late = await run(EVIDENCE, { c: cands.defeated, e: [ability] });
    expect(codes(late.recordCandidateEvidence)).toEqual(['EVIDENCE_AFTER_REVIEW']);
  });

  it('shows the city centre each candidate’s evidence and defence record', async () => {
    const city = await token({ role: 'city_center', prefecture: inst.prefectureCode, sub: 'city-direct' });
    const r = await gql(
      hub.url,
      `query($p: ID!) { evaluationPlan(id: $p) { candidates(first: 5) { edges { node { id result
        evidence { kind attachment } reviewDefence { form heldOn result panel { role } } } } } } }`,
      { token: city, variables: { p: planId } },
    );
    expect(r.errors).toBeUndefined();
    const byId = Object.fromEntries(
      r.data?.evaluationPlan.candidates.edges.map((e: { node: { id: string } }) => [e.node.id, e.node]),
    );
    expect(byId[cands.backed as string]).toMatchObject({
      result: 'PASSED',
      evidence: [
        { kind: 'ABILITY', attachment: ability.attachment },
        { kind: 'PERFORMANCE', attachment: performance.attachment },
      ],
      reviewDefence: { form: 'DEFENCE', heldOn: evaluationDate, result: 'PASSED' },
    });
    expect(byId[cands.backed as string].reviewDefence.panel.map((p: { role: string }) => p.role).sort()).toEqual([
      'ASSESSOR',
      'SENIOR_ASSESSOR',
    ]);
    expect(byId[cands.defeated as string]).toMatchObject({
      result: 'FAILED',
      evidence: [],
      reviewDefence: { form: 'ON_SITE_REVIEW', result: 'FAILED' },
    });
  });
});
