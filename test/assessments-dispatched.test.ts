import { addCalendarDays } from '@hub/vocabulary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caller,
  findInstitution,
  type Institution,
  institutionToken,
  publishYearlyAnnouncement,
  registerTeam,
  residentId,
} from './assessments-fixtures.ts';
import { dayFrom, startTestHub, type TestHub } from './helpers.ts';

/**
 * 劳务派遣 and the one-year rule (#25 point 1): 「参评的劳务派遣人员应在参评单位工作满一年」 stands
 * under 四(二) 直接认定. A dispatched worker of 90 days sits a 理论知识考试 and is refused only from
 * a 直接认定 plan. On the hub's real date: every date is counted from its clock.
 */

let hub: TestHub;
let inst: Institution;
let run: ReturnType<typeof caller>;
let evaluationDate: string;
beforeAll(async () => {
  hub = await startTestHub(400);
  // Three weeks ahead: 5 working days' notice whatever holidays fall in between.
  evaluationDate = dayFrom(hub, 21);
  inst = await findInstitution(hub, [4], { onDate: evaluationDate });
  run = caller(hub.url, await institutionToken(inst.id));
});
afterAll(async () => {
  await hub?.stop();
});

const codes = (p: { errors: { code: string }[] }) => p.errors.map((e) => e.code).sort();

describe('the 劳务派遣 one-year rule belongs to 直接认定 only', () => {
  it('takes a dispatched worker of 90 days into a theory exam and refuses them from direct recognition', async () => {
    const team = await registerTeam(run, ['SENIOR_ASSESSOR', 'ASSESSOR', 'ASSESSOR', 'QUALITY_SUPERVISOR']);
    const announcementId = await publishYearlyAnnouncement(run, inst.occupationCode, evaluationDate);
    const report = async (method: string) => {
      const d = await run(
        `mutation($i: ReportEvaluationPlanInput!) { reportEvaluationPlan(input: $i) { plan { id } errors { code message } } }`,
        {
          i: {
            announcementId,
            occupationCode: inst.occupationCode,
            level: 'LEVEL_4',
            method,
            evaluationDate,
            site: '培训中心',
            assessorIds: team.slice(0, 3),
            supervisorIds: [team[3]],
          },
        },
      );
      expect(d.reportEvaluationPlan.errors).toEqual([]);
      return d.reportEvaluationPlan.plan.id as string;
    };
    const theory = await report('THEORY_EXAM');
    const direct = await report('DIRECT_RECOGNITION');

    const w = await run(
      `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { worker { id } errors { code message } } }`,
      {
        i: {
          name: '周派遣',
          residentId: residentId(91),
          employedSince: addCalendarDays(evaluationDate, -90),
          dispatched: true,
          declaredCredentials: [],
        },
      },
    );
    expect(w.registerWorker.errors).toEqual([]);
    const workerId = w.registerWorker.worker.id;
    const ADD = `mutation($i: AddCandidateInput!) { addCandidate(input: $i) { candidate { id } errors { code message } } }`;

    const sits = await run(ADD, { i: { planId: theory, workerId } });
    expect(sits.addCandidate.errors).toEqual([]);
    expect(sits.addCandidate.candidate.id).toBeTruthy();

    const refused = await run(ADD, { i: { planId: direct, workerId } });
    expect(codes(refused.addCandidate)).toEqual(['DISPATCHED_UNDER_ONE_YEAR']);
    expect(refused.addCandidate.candidate).toBeNull();
  });
});
