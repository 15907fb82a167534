import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caller,
  constituteCommittee,
  findInstitution,
  type Institution,
  institutionToken,
  publishYearlyAnnouncement,
  recordEvidence,
  registerTeam,
  residentId,
} from './assessments-fixtures.ts';
import { dayFrom, gql, startTestHub, type TestHub, token } from './helpers.ts';

/**
 * 评价内容 (#25 point 6), through the gateway on the hub's own date: an exam plan records the paper
 * and item bank (reference and version) of each part it scores, a direct-recognition plan the 评价表
 * of its level; the committee review waits for them, after it they are fixed, and the city centre
 * reads them in the plan's archive (档案).
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
const RECORD = `mutation($i: RecordExaminedMaterialInput!) {
  recordExaminedMaterial(input: $i) { material { kind part level reference version recordedOn } errors { code message field } } }`;
const REVIEW = `mutation($p: ID!, $s: [ID!]!) { reviewResults(planId: $p, signatories: $s) { plan { status } errors { code message } } }`;
const ARCHIVE = `query($id: ID!) { evaluationPlan(id: $id) { status archive { examined { kind part level reference version } } } }`;

describe('what was examined goes into the plan’s archive', () => {
  const team: string[] = [];
  const plans: Record<string, string> = {};
  const cands: Record<string, string> = {};
  let signers: string[];

  it('sets up an integrated exam and a direct recognition at 四级, one candidate in each', async () => {
    team.push(...(await registerTeam(run, ['ASSESSOR', 'ASSESSOR', 'ASSESSOR', 'QUALITY_SUPERVISOR'])));
    signers = await constituteCommittee(run);
    const announcementId = await publishYearlyAnnouncement(run, inst.occupationCode, evaluationDate);
    const w = await run(
      `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { worker { id } errors { code message } } }`,
      { i: { name: '何考核', residentId: residentId(61), employedSince: '2014-05-01' } },
    );
    for (const [key, method] of [
      ['exam', 'INTEGRATED'],
      ['direct', 'DIRECT_RECOGNITION'],
    ] as const) {
      const d = await run(
        `mutation($i: ReportEvaluationPlanInput!) { reportEvaluationPlan(input: $i) { plan { id } errors { code message } } }`,
        {
          i: {
            announcementId,
            occupationCode: inst.occupationCode,
            level: 'LEVEL_4',
            method,
            evaluationDate,
            site: '实训中心',
            assessorIds: team.slice(0, 3),
            supervisorIds: [team[3]],
          },
        },
      );
      expect(d.reportEvaluationPlan.errors).toEqual([]);
      plans[key] = d.reportEvaluationPlan.plan.id;
      const c = await run(
        `mutation($i: AddCandidateInput!) { addCandidate(input: $i) { candidate { id } errors { code message } } }`,
        { i: { planId: plans[key], workerId: w.registerWorker.worker.id } },
      );
      expect(c.addCandidate.errors).toEqual([]);
      cands[key] = c.addCandidate.candidate.id;
    }
  });

  it('refuses a 评价表 for an exam, a paper for a direct recognition, a paper without its part — and records nothing', async () => {
    const form = { kind: 'EVALUATION_FORM', reference: 'PJB-四级-01', version: '2027版' };
    const paper = { kind: 'EXAM_PAPER', part: 'THEORY', reference: 'LL-四级-A', version: 'V1' };
    expect(codes((await run(RECORD, { i: { planId: plans.exam, ...form } })).recordExaminedMaterial)).toEqual([
      'EXAMINED_KIND_NOT_FOR_METHOD',
    ]);
    expect(codes((await run(RECORD, { i: { planId: plans.direct, ...paper } })).recordExaminedMaterial)).toEqual([
      'EXAMINED_KIND_NOT_FOR_METHOD',
    ]);
    const noPart = await run(RECORD, { i: { planId: plans.exam, ...paper, part: null, version: ' ' } });
    expect(noPart.recordExaminedMaterial.errors.map((e: { code: string; field: string }) => [e.code, e.field])).toEqual(
      [
        ['EXAMINED_PART_MISSING', 'part'],
        ['EXAMINED_VERSION_MISSING', 'version'],
      ],
    );
    expect(noPart.recordExaminedMaterial.errors[0].message).toContain('理论知识或技能操作');
    for (const id of [plans.exam, plans.direct]) {
      expect((await run(ARCHIVE, { id })).evaluationPlan.archive.examined).toEqual([]);
    }
  });

  it('waits with the review until each part’s paper or item bank is on record', async () => {
    const theory = await run(RECORD, {
      i: { planId: plans.exam, kind: 'EXAM_PAPER', part: 'THEORY', reference: 'LL-四级-A', version: 'V1' },
    });
    expect(theory.recordExaminedMaterial).toEqual({
      material: {
        kind: 'EXAM_PAPER',
        part: 'THEORY',
        level: 'LEVEL_4',
        reference: 'LL-四级-A',
        version: 'V1',
        recordedOn: hub.clock.today(),
      },
      errors: [],
    });
    hub.clock.set(evaluationDate, 'test');
    const sheet = team
      .slice(0, 3)
      .flatMap((assessorId) => ['THEORY', 'SKILL'].map((part) => ({ assessorId, part, score: 75 })));
    const scored = await run(
      `mutation($i: RecordScoresInput!) { recordScores(input: $i) { candidate { id } errors { code message } } }`,
      { i: { candidateId: cands.exam, scores: sheet } },
    );
    expect(scored.recordScores.errors).toEqual([]);
    const early = await run(REVIEW, { p: plans.exam, s: signers });
    expect(codes(early.reviewResults)).toEqual(['REVIEW_EXAMINED_MISSING']);
    expect(early.reviewResults.errors[0].message).toContain('技能操作');
    expect((await run(ARCHIVE, { id: plans.exam })).evaluationPlan.status).toBe('REPORTED');

    // The skill part drew on an item bank; the theory paper is corrected to the version used (it replaces).
    for (const i of [
      { kind: 'ITEM_BANK', part: 'SKILL', reference: '企业技能操作题库', version: '2027.1' },
      { kind: 'EXAM_PAPER', part: 'THEORY', reference: 'LL-四级-A', version: 'V2' },
    ]) {
      expect((await run(RECORD, { i: { planId: plans.exam, ...i } })).recordExaminedMaterial.errors).toEqual([]);
    }
    expect((await run(REVIEW, { p: plans.exam, s: signers })).reviewResults).toEqual({
      plan: { status: 'REVIEWED' },
      errors: [],
    });
    const after = await run(RECORD, {
      i: { planId: plans.exam, kind: 'EXAM_PAPER', part: 'THEORY', reference: 'LL-四级-B', version: 'V3' },
    });
    expect(codes(after.recordExaminedMaterial)).toEqual(['EXAMINED_AFTER_REVIEW']);
  });

  it('waits with a direct recognition’s review until the 评价表 of its level is on record', async () => {
    const scored = await run(
      `mutation($i: RecordScoresInput!) { recordScores(input: $i) { candidate { id } errors { code message } } }`,
      {
        i: {
          candidateId: cands.direct,
          scores: team
            .slice(0, 3)
            .flatMap((assessorId) => ['ABILITY', 'PERFORMANCE'].map((part) => ({ assessorId, part, score: 80 }))),
        },
      },
    );
    expect(scored.recordScores.errors).toEqual([]);
    await recordEvidence(run, cands.direct as string);
    const early = await run(REVIEW, { p: plans.direct, s: signers });
    expect(codes(early.reviewResults)).toEqual(['REVIEW_EXAMINED_MISSING']);
    expect(early.reviewResults.errors[0].message).toContain('评价表');
    const form = await run(RECORD, {
      i: { planId: plans.direct, kind: 'EVALUATION_FORM', reference: 'PJB-四级-01', version: '2027版' },
    });
    expect(form.recordExaminedMaterial.errors).toEqual([]);
    expect((await run(REVIEW, { p: plans.direct, s: signers })).reviewResults.errors).toEqual([]);
  });

  it('shows the city centre what each plan examined, in its archive', async () => {
    const city = await token({ role: 'city_center', prefecture: inst.prefectureCode, sub: 'city-archive' });
    const r = await gql(
      hub.url,
      `query($e: ID!, $d: ID!) {
        exam: evaluationPlan(id: $e) { archive { examined { kind part level reference version } } }
        direct: evaluationPlan(id: $d) { archive { examined { kind part level reference version } } } }`,
      { token: city, variables: { e: plans.exam, d: plans.direct } },
    );
    expect(r.errors).toBeUndefined();
    const byPart = (list: { part: string | null }[]) =>
      [...list].sort((a, b) => String(a.part).localeCompare(String(b.part)));
    expect(byPart(r.data?.exam.archive.examined)).toEqual([
      { kind: 'ITEM_BANK', part: 'SKILL', level: 'LEVEL_4', reference: '企业技能操作题库', version: '2027.1' },
      { kind: 'EXAM_PAPER', part: 'THEORY', level: 'LEVEL_4', reference: 'LL-四级-A', version: 'V2' },
    ]);
    expect(r.data?.direct.archive.examined).toEqual([
      { kind: 'EVALUATION_FORM', part: null, level: 'LEVEL_4', reference: 'PJB-四级-01', version: '2027版' },
    ]);
  });
});
