import { auditEvents, candidates, certificates, enterprises, workerRecordChanges, workers } from '@hub/db';
import { and, desc, eq, isNotNull, ne, sql } from 'drizzle-orm';
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
import { dayFrom, gql, partnerToken, startTestHub, type TestHub, token } from './helpers.ts';

/**
 * 职工信息变更 (#25 point 7), through the gateway: the institution corrects a worker's name and its
 * write-enabled partner HR system records the end of an employment, each with the reason; every
 * field changed is kept in the record's history and audited without the name or resident ID; a
 * worker whose employment ended is not put forward for a later plan, while earlier candidacies,
 * results and certificates (under the name they were issued with) stay; another enterprise is
 * refused; the city centre reads the history.
 */

let hub: TestHub;
let inst: Institution;
let run: ReturnType<typeof caller>;
let partner: ReturnType<typeof caller>;
let evaluationDate: string;
beforeAll(async () => {
  hub = await startTestHub(400);
  evaluationDate = dayFrom(hub, 28);
  inst = await findInstitution(hub, [4], { onDate: evaluationDate, minCertificates: 1 });
  run = caller(hub.url, await institutionToken(inst.id));
  partner = caller(hub.url, await partnerToken(hub, inst.id, { canWrite: true, name: 'records partner' }));
});
afterAll(async () => {
  await hub?.stop();
});

const codes = (p: { errors: { code: string }[] }) => p.errors.map((e) => e.code).sort();
const UPDATE = `mutation Update($i: UpdateWorkerRecordInput!) { updateWorkerRecord(input: $i) {
  worker { id name employmentEndedOn recordChanges { field previousValue newValue previousName newName changedOn changedBy reason } }
  errors { code message field } } }`;
const REGISTER = `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { worker { id } errors { code message } } }`;
const ADD = `mutation($i: AddCandidateInput!) { addCandidate(input: $i) { candidate { id } errors { code message } } }`;
const historyCount = async () =>
  (await hub.db.db.select({ n: sql<number>`count(*)::int` }).from(workerRecordChanges))[0]?.n ?? 0;

describe('worker record changes: a corrected name, an ended employment, with history and audit', () => {
  const ids: Record<string, string> = {};
  let planId: string;

  it('sets up two workers and a reported plan four weeks ahead, one worker already its candidate', async () => {
    for (const [key, name, seq] of [
      ['renamed', '张山', 501],
      ['leaver', '李离', 502],
    ] as const) {
      const w = await run(REGISTER, { i: { name, residentId: residentId(seq), employedSince: '2016-09-01' } });
      expect(w.registerWorker.errors).toEqual([]);
      ids[key] = w.registerWorker.worker.id;
    }
    const team = await registerTeam(run, ['SENIOR_ASSESSOR', 'ASSESSOR', 'ASSESSOR', 'QUALITY_SUPERVISOR']);
    const announcementId = await publishYearlyAnnouncement(run, inst.occupationCode, evaluationDate);
    const p = await run(
      `mutation($i: ReportEvaluationPlanInput!) { reportEvaluationPlan(input: $i) { plan { id } errors { code message } } }`,
      {
        i: {
          announcementId,
          occupationCode: inst.occupationCode,
          level: 'LEVEL_4',
          method: 'SKILL_OPERATION',
          evaluationDate,
          site: '培训中心',
          assessorIds: team.slice(0, 3),
          supervisorIds: [team[3]],
        },
      },
    );
    expect(p.reportEvaluationPlan.errors).toEqual([]);
    planId = p.reportEvaluationPlan.plan.id;
    const c = await run(ADD, { i: { planId, workerId: ids.renamed } });
    expect(c.addCandidate.errors).toEqual([]);
  });

  it('corrects a name as the enterprise: the history keeps both names, who, when and why', async () => {
    const d = await run(UPDATE, { i: { workerId: ids.renamed, name: '张珊', reason: '核对身份证件，姓名录入有误' } });
    expect(d.updateWorkerRecord.errors).toEqual([]);
    expect(d.updateWorkerRecord.worker).toMatchObject({ name: '张珊', employmentEndedOn: null });
    expect(d.updateWorkerRecord.worker.recordChanges).toEqual([
      {
        field: 'NAME',
        previousValue: null,
        newValue: null,
        previousName: '张山',
        newName: '张珊',
        changedOn: hub.clock.today(),
        changedBy: 'enterprise:committee-clerk',
        reason: '核对身份证件，姓名录入有误',
      },
    ]);
  });

  it('audits the change through the audit log, without the names or the resident ID', async () => {
    const [row] = await hub.db.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.field, 'updateWorkerRecord'))
      .orderBy(desc(auditEvents.id))
      .limit(1);
    expect(row).toMatchObject({ service: 'assessments', role: 'enterprise', enterpriseId: inst.id, outcome: 'OK' });
    expect(row?.targetIds).toContain(ids.renamed);
    const text = JSON.stringify(row);
    for (const secret of ['张山', '张珊', residentId(501)]) expect(text).not.toContain(secret);
    expect((row?.args as { input?: Record<string, unknown> } | undefined)?.input).toMatchObject({ name: '[removed]' });
  });

  it('records the end of an employment through the write-enabled partner; a resident ID in the reason is masked', async () => {
    const today = hub.clock.today();
    for (const [key, reason] of [
      ['leaver', `劳动合同期满终止（身份证 ${residentId(502)}）`],
      ['renamed', '本人辞职，已办理离职手续'],
    ] as const) {
      const d = await partner(UPDATE, { i: { workerId: ids[key], employmentEndedOn: today, reason } });
      expect(d.updateWorkerRecord.errors).toEqual([]);
      expect(d.updateWorkerRecord.worker.employmentEndedOn).toBe(today);
    }
    const [stored] = await hub.db.db
      .select()
      .from(workerRecordChanges)
      .where(eq(workerRecordChanges.workerId, ids.leaver as string));
    expect(stored).toMatchObject({ field: 'EMPLOYMENT_ENDED', previousValue: null, newValue: today });
    expect(stored?.changedBy).toMatch(/^hr_partner:/);
    expect(stored?.reason).not.toContain(residentId(502));
    expect(stored?.reason).toMatch(/^劳动合同期满终止（身份证 430\*+\d{2}）$/);
  });

  it('puts an ended worker forward for no later plan, one by one or by import; the earlier candidacy stays', async () => {
    const d = await run(ADD, { i: { planId, workerId: ids.leaver } });
    expect(codes(d.addCandidate)).toEqual(['CANDIDATE_EMPLOYMENT_ENDED']);
    const imported = await run(
      `mutation($p: ID!, $rows: [ImportCandidateRow!]!) { importCandidates(planId: $p, rows: $rows, dryRun: true) {
        problems { row code } errors { code } } }`,
      { p: planId, rows: [{ residentId: residentId(502), name: '李离' }] },
    );
    expect(imported.importCandidates.problems).toEqual([{ row: 1, code: 'CANDIDATE_EMPLOYMENT_ENDED' }]);
    const plan = await run(
      `query($p: ID!) { evaluationPlan(id: $p) { candidates(first: 5) { totalCount edges { node { worker { id name } } } } } }`,
      { p: planId },
    );
    expect(plan.evaluationPlan.candidates.edges).toEqual([{ node: { worker: { id: ids.renamed, name: '张珊' } } }]);
  });

  it('keeps an issued certificate under the name it was issued with, and the result it came from', async () => {
    const [issued] = await hub.db.db
      .select({ number: certificates.number, holderName: certificates.holderName, workerId: candidates.workerId })
      .from(certificates)
      .innerJoin(candidates, eq(candidates.id, certificates.candidateId))
      .where(and(eq(certificates.enterpriseId, inst.id), isNotNull(certificates.candidateId)))
      .limit(1);
    if (!issued) throw new Error('the seed gave the institution no certificate from a plan');
    const corrected = `${issued.holderName}更`;
    const d = await run(UPDATE, {
      i: { workerId: issued.workerId, name: corrected, employmentEndedOn: hub.clock.today(), reason: '姓名更正并离职' },
    });
    expect(d.updateWorkerRecord.errors).toEqual([]);
    expect(d.updateWorkerRecord.worker.recordChanges.map((c: { field: string }) => c.field)).toEqual([
      'NAME',
      'EMPLOYMENT_ENDED',
    ]);
    const c = await run(
      `query($n: String!) { certificate(number: $n) { holderName status candidate { result worker { name } } } }`,
      { n: issued.number },
    );
    expect(c.certificate).toEqual({
      holderName: issued.holderName,
      status: 'VALID',
      candidate: { result: 'PASSED', worker: { name: corrected } },
    });
  });

  it('refuses another enterprise, an end before the start, a future end, and a change of nothing — writing nothing', async () => {
    const [other] = await hub.db.db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(ne(enterprises.id, inst.id))
      .limit(1);
    const stranger = caller(hub.url, await token({ role: 'enterprise', enterpriseId: other?.id, sub: 'stranger' }));
    const before = await historyCount();
    const nameBefore = (
      await hub.db.db
        .select()
        .from(workers)
        .where(eq(workers.id, ids.renamed as string))
    )[0]?.name;
    const theirs = await stranger(UPDATE, { i: { workerId: ids.renamed, name: '王冒', reason: '他人更正姓名' } });
    expect(codes(theirs.updateWorkerRecord)).toEqual(['WORKER_NOT_FOUND']);
    const early = await run(UPDATE, {
      i: { workerId: ids.leaver, employmentEndedOn: '2016-08-31', reason: '离职日期更正' },
    });
    expect(codes(early.updateWorkerRecord)).toEqual(['WORKER_ENDED_BEFORE_EMPLOYED']);
    const future = await run(UPDATE, {
      i: { workerId: ids.leaver, employmentEndedOn: dayFrom(hub, 30), reason: '预计离职' },
    });
    expect(codes(future.updateWorkerRecord)).toEqual(['DATE_OUT_OF_RANGE']);
    const same = await run(UPDATE, { i: { workerId: ids.renamed, name: '张珊', reason: '再次更正姓名' } });
    expect(codes(same.updateWorkerRecord)).toEqual(['WORKER_RECORD_UNCHANGED']);
    expect(await historyCount()).toBe(before);
    expect(
      (
        await hub.db.db
          .select()
          .from(workers)
          .where(eq(workers.id, ids.renamed as string))
      )[0]?.name,
    ).toBe(nameBefore);
  });

  it('shows the city centre the record with its history, oldest first', async () => {
    const city = await token({ role: 'city_center', prefecture: inst.prefectureCode, sub: 'city-desk' });
    const r = await gql(
      hub.url,
      `query($w: ID!) { worker(id: $w) { name employmentEndedOn recordChanges { field previousName newName newValue changedBy reason } } }`,
      { token: city, variables: { w: ids.renamed } },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.worker).toEqual({
      name: '张珊',
      employmentEndedOn: hub.clock.today(),
      recordChanges: [
        {
          field: 'NAME',
          previousName: '张山',
          newName: '张珊',
          newValue: null,
          changedBy: 'enterprise:committee-clerk',
          reason: '核对身份证件，姓名录入有误',
        },
        {
          field: 'EMPLOYMENT_ENDED',
          previousName: null,
          newName: null,
          newValue: hub.clock.today(),
          changedBy: expect.stringMatching(/^hr_partner:/),
          reason: '本人辞职，已办理离职手续',
        },
      ],
    });
    // Another 市州's centre does not reach the record at all.
    const away = await token({
      role: 'city_center',
      prefecture: inst.prefectureCode === '430100' ? '430200' : '430100',
    });
    const far = await gql(hub.url, `query($w: ID!) { worker(id: $w) { name recordChanges { reason } } }`, {
      token: away,
      variables: { w: ids.renamed },
    });
    expect(far.data?.worker ?? null).toBeNull();
  });
});
