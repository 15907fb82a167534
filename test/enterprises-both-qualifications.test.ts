import { addCalendarDays, makeCreditCode } from '@hub/vocabulary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caller,
  constituteCommittee,
  institutionToken,
  recordExamined,
  registerTeam,
  residentId,
} from './assessments-fixtures.ts';
import {
  type Actors,
  actors,
  fileAndSubmit,
  filingForm,
  GROUNDS_ACCEPTED,
  newCreditCode,
  REVIEW,
  register,
  socialForm,
} from './enterprises-fixtures.ts';
import { gql, startTestHub, type TestHub } from './helpers.ts';

/**
 * #24 point 1, both qualifications at once: 「地方行业龙头企业可另申请备案为社会评价组织」. An enterprise
 * confirmed for 企业自主评价 (车工), then as a 社会评价组织 (铣工 and 车工四级, serving a supply-chain
 * partner) on 龙头企业 grounds, then a later 企业自主评价 amendment — the latest confirmation. Each
 * plan states its qualification; eligibility, the Y/S prefix and the scope check follow it only.
 */

const TURNER = '6-18-01-01'; // 车工
const MILLER = '6-18-01-02'; // 铣工
const PARTNER = { creditCode: newCreditCode('430200'), name: '株洲链上配套零部件有限公司', kind: 'SUPPLY_CHAIN' };

let hub: TestHub;
let a: Actors;
let id: string;
let run: ReturnType<typeof caller>;
let announcementId: string;
let team: string[];
const plans: { self?: string; social?: string } = {};
const workers: Record<'own' | 'own2' | 'partner' | 'stranger', string> = {} as never;

const codes = (p: { errors: { code: string }[] }) => p.errors.map((e) => e.code).sort();
const REPORT = `mutation($i: ReportEvaluationPlanInput!) { reportEvaluationPlan(input: $i) { plan { id qualification } errors { code message field } } }`;
const ADD = `mutation($i: AddCandidateInput!) { addCandidate(input: $i) { candidate { id } errors { code message } } }`;
const CATALOG = `query($p: String, $k: FilingKind) { catalog(prefecture: $p, kind: $k, first: 100) { edges { node {
  enterprise { id } kinds institutionCode
  qualifications { kind confirmedOn scope { occupationCode levels } servedParties { creditCode kind } }
} } } }`;

/** Files, reviews (市州, province, 人社部) and confirms a filing of the enterprise; its id. */
async function confirm(form: Record<string, unknown>): Promise<string> {
  const f = await fileAndSubmit(hub.url, await a.enterprise(id), {
    ...form,
    commitmentSignedOn: addCalendarDays(hub.clock.today(), -7),
  });
  const social = form.kind === 'SOCIAL_EVALUATION_ORGANIZATION';
  for (const by of [await a.city('430200'), a.province, a.ministry]) {
    const g = social && by !== a.ministry ? GROUNDS_ACCEPTED : undefined;
    const r = await gql(hub.url, REVIEW, { token: by, variables: { id: f.id, d: 'APPROVE', o: '同意', g } });
    expect(r.data?.reviewFiling.errors, JSON.stringify(r.errors)).toEqual([]);
  }
  return f.id;
}

const plan = (over: Record<string, unknown>) => ({
  announcementId,
  occupationCode: TURNER,
  level: 'LEVEL_4',
  method: 'THEORY_EXAM',
  evaluationDate: '2026-12-14',
  site: '一号车间',
  assessorIds: team.slice(0, 3),
  supervisorIds: [team[3]],
  ...over,
});

async function catalogEntry(kind?: string) {
  const r = await gql(hub.url, CATALOG, { variables: { p: '430200', k: kind ?? null } });
  expect(r.errors).toBeUndefined();
  return ((r.data?.catalog.edges ?? []) as any[]).find((e) => e.node.enterprise.id === id)?.node ?? null;
}

async function registerWorker(name: string, seq: number, employer?: { creditCode: string; name: string }) {
  const d = await run(
    `mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { worker { id } errors { code } } }`,
    {
      i: {
        name,
        residentId: residentId(seq),
        employedSince: '2018-03-01',
        ...(employer ? { employerCreditCode: employer.creditCode, employerName: employer.name } : {}),
      },
    },
  );
  expect(d.registerWorker.errors).toEqual([]);
  return d.registerWorker.worker.id as string;
}

beforeAll(async () => {
  hub = await startTestHub(0, { today: '2026-12-01' });
  a = await actors();
  id = await register(hub.url, await a.city('430200'), { form: { name: '株洲双资质轨道装备有限公司' } });
  await confirm(
    filingForm({
      scope: [{ occupationCode: TURNER, levels: ['LEVEL_5', 'LEVEL_4', 'LEVEL_3'], basis: 'NATIONAL_STANDARD' }],
    }),
  );
  run = caller(hub.url, await institutionToken(id));
  team = await registerTeam(run, [
    ...['SENIOR_ASSESSOR', 'ASSESSOR', 'ASSESSOR', 'QUALITY_SUPERVISOR'],
    ...['SENIOR_ASSESSOR', 'ASSESSOR', 'ASSESSOR', 'QUALITY_SUPERVISOR'],
  ]);
  const published = await run(
    `mutation($i: PublishAnnouncementInput!) { publishAnnouncement(input: $i) { announcement { id } errors { code } } }`,
    {
      i: {
        title: '2026 年职业技能等级认定公告（本企业及产业链配套企业）',
        period: 'YEARLY',
        year: 2026,
        conditions: '本企业及产业链配套企业在岗职工',
        process: '单位推荐、资格审核',
        useOfResults: '岗位聘任和技能津贴',
        openings: [
          { occupationCode: TURNER, levels: ['LEVEL_4', 'LEVEL_3'] },
          { occupationCode: MILLER, levels: ['LEVEL_4'] },
        ],
      },
    },
  );
  expect(published.publishAnnouncement.errors).toEqual([]);
  announcementId = published.publishAnnouncement.announcement.id;
});
afterAll(() => hub?.stop());

describe('both qualifications at once (#24 point 1)', () => {
  it('refuses a qualification the enterprise does not hold, and runs a plan under its only one by default', async () => {
    const social = await run(REPORT, { i: plan({ qualification: 'SOCIAL_EVALUATION_ORGANIZATION' }) });
    expect(social.reportEvaluationPlan.plan).toBeNull();
    expect(social.reportEvaluationPlan.errors).toEqual([
      expect.objectContaining({ code: 'QUALIFICATION_NOT_HELD', field: 'qualification' }),
    ]);
    expect(social.reportEvaluationPlan.errors[0].message).toContain('社会评价组织');
    const self = await run(REPORT, { i: plan({}) });
    expect(self.reportEvaluationPlan.errors).toEqual([]);
    expect(self.reportEvaluationPlan.plan.qualification).toBe('ENTERPRISE_SELF_EVALUATION');
    plans.self = self.reportEvaluationPlan.plan.id;
  });

  it('confirms it as a 社会评价组织 too, then a later 企业自主评价 amendment: the catalog lists both with their own scopes', async () => {
    await confirm(
      socialForm({
        servedParties: [PARTNER],
        scope: [
          { occupationCode: MILLER, levels: ['LEVEL_5', 'LEVEL_4'], basis: 'NATIONAL_STANDARD' },
          { occupationCode: TURNER, levels: ['LEVEL_4'], basis: 'NATIONAL_STANDARD' },
        ],
      }),
    );
    // The amendment (变更备案) restates the whole 企业自主评价 scope and is now the latest confirmed filing.
    await confirm(
      filingForm({
        scope: [
          { occupationCode: TURNER, levels: ['LEVEL_5', 'LEVEL_4', 'LEVEL_3', 'LEVEL_2'], basis: 'NATIONAL_STANDARD' },
        ],
      }),
    );
    const entry = await catalogEntry();
    expect(entry.kinds).toEqual(['ENTERPRISE_SELF_EVALUATION', 'SOCIAL_EVALUATION_ORGANIZATION']);
    expect(entry.qualifications).toEqual([
      {
        kind: 'ENTERPRISE_SELF_EVALUATION',
        confirmedOn: '2026-12-01',
        scope: [{ occupationCode: TURNER, levels: ['LEVEL_5', 'LEVEL_4', 'LEVEL_3', 'LEVEL_2'] }],
        servedParties: [],
      },
      {
        kind: 'SOCIAL_EVALUATION_ORGANIZATION',
        confirmedOn: '2026-12-01',
        scope: [
          { occupationCode: TURNER, levels: ['LEVEL_4'] },
          { occupationCode: MILLER, levels: ['LEVEL_5', 'LEVEL_4'] },
        ],
        servedParties: [{ creditCode: PARTNER.creditCode, kind: 'SUPPLY_CHAIN' }],
      },
    ]);
    // Listed under either kind.
    expect((await catalogEntry('SOCIAL_EVALUATION_ORGANIZATION'))?.enterprise.id).toBe(id);
    expect((await catalogEntry('ENTERPRISE_SELF_EVALUATION'))?.enterprise.id).toBe(id);
  });

  it('makes a plan name its qualification now, and checks each plan against its own qualification’s scope', async () => {
    const unnamed = await run(REPORT, { i: plan({ occupationCode: MILLER }) });
    expect(codes(unnamed.reportEvaluationPlan)).toEqual(['QUALIFICATION_REQUIRED']);
    expect(unnamed.reportEvaluationPlan.errors[0].message).toContain('同时具有');

    // 铣工 is in the 社会评价组织 scope only: not for a 企业自主评价 plan …
    const selfMiller = await run(REPORT, {
      i: plan({ occupationCode: MILLER, qualification: 'ENTERPRISE_SELF_EVALUATION', assessorIds: team.slice(4, 7) }),
    });
    expect(codes(selfMiller.reportEvaluationPlan)).toEqual(['PLAN_OUT_OF_SCOPE']);
    expect(selfMiller.reportEvaluationPlan.errors[0].message).toContain('它在社会评价组织的备案范围内');
    // … and 车工三级 in the 企业自主评价 scope only: not for a 社会评价组织 plan.
    const socialTurner3 = await run(REPORT, {
      i: plan({ level: 'LEVEL_3', qualification: 'SOCIAL_EVALUATION_ORGANIZATION', assessorIds: team.slice(4, 7) }),
    });
    expect(codes(socialTurner3.reportEvaluationPlan)).toEqual(['PLAN_OUT_OF_SCOPE']);

    const social = await run(REPORT, {
      i: plan({
        occupationCode: MILLER,
        qualification: 'SOCIAL_EVALUATION_ORGANIZATION',
        site: '合作院校实训楼',
        assessorIds: team.slice(4, 7),
        supervisorIds: [team[7]],
      }),
    });
    expect(social.reportEvaluationPlan.errors).toEqual([]);
    expect(social.reportEvaluationPlan.plan.qualification).toBe('SOCIAL_EVALUATION_ORGANIZATION');
    plans.social = social.reportEvaluationPlan.plan.id;
  });

  it('admits candidates by the plan’s qualification: own workers only under 企业自主评价, served parties’ under 社会评价组织', async () => {
    workers.own = await registerWorker('本厂职工甲', 701);
    workers.own2 = await registerWorker('本厂职工乙', 702);
    workers.partner = await registerWorker('链上职工', 703, PARTNER);
    workers.stranger = await registerWorker('无关职工', 704, {
      creditCode: makeCreditCode('9', '1', '430100', 'MA4L0B24'),
      name: '无合作关系公司',
    });

    // The 企业自主评价 amendment was confirmed last, yet the 社会评价组织 plan takes the served worker …
    const served = await run(ADD, { i: { planId: plans.social, workerId: workers.partner } });
    expect(served.addCandidate.errors).toEqual([]);
    const stranger = await run(ADD, { i: { planId: plans.social, workerId: workers.stranger } });
    expect(codes(stranger.addCandidate)).toEqual(['CANDIDATE_EMPLOYER_NOT_SERVED']);
    // … and the 企业自主评价 plan refuses that worker, though the enterprise serves the employer.
    const refused = await run(ADD, { i: { planId: plans.self, workerId: workers.partner } });
    expect(codes(refused.addCandidate)).toEqual(['CANDIDATE_NOT_OWN_WORKER']);
    expect(refused.addCandidate.errors[0].message).toContain('企业自主评价');

    // The Excel import (参评人员导入) follows the plan's qualification the same way.
    const IMPORT = `mutation($p: ID!, $r: [ImportCandidateRow!]!, $dry: Boolean) { importCandidates(planId: $p, rows: $r, dryRun: $dry) {
      imported problems { row code } errors { code } } }`;
    const rows = [
      { residentId: residentId(701), name: '本厂职工甲' },
      { residentId: residentId(703), name: '链上职工' },
    ];
    const selfImport = await run(IMPORT, { p: plans.self, r: rows, dry: true });
    expect(selfImport.importCandidates.problems).toEqual([{ row: 2, code: 'CANDIDATE_NOT_OWN_WORKER' }]);
    const ownImport = await run(IMPORT, {
      p: plans.self,
      r: [rows[0], { residentId: residentId(702), name: '本厂职工乙' }],
    });
    expect(ownImport.importCandidates).toMatchObject({ imported: 2, problems: [], errors: [] });
    const socialImport = await run(IMPORT, {
      p: plans.social,
      r: [{ residentId: residentId(703), name: '链上职工' }],
      dry: true,
    });
    expect(socialImport.importCandidates.problems).toEqual([{ row: 1, code: 'CANDIDATE_ALREADY_ON_PLAN' }]);
  });

  it('numbers the 企业自主评价 plan’s certificates Y and the 社会评价组织 plan’s S, under one institution code', async () => {
    const committee = await constituteCommittee(run);
    hub.clock.set('2026-12-14', 'test');
    for (const [planId, scorers] of [
      [plans.self as string, team.slice(1, 3)],
      [plans.social as string, team.slice(5, 7)],
    ] as const) {
      const candidates = await run(
        `query($p: ID!) { evaluationPlan(id: $p) { candidates(first: 10) { edges { node { id } } } } }`,
        { p: planId },
      );
      for (const { node } of candidates.evaluationPlan.candidates.edges) {
        const s = await run(
          `mutation($i: RecordScoresInput!) { recordScores(input: $i) { errors { code message } } }`,
          {
            i: {
              candidateId: node.id,
              scores: scorers.map((assessorId) => ({ assessorId, part: 'THEORY', score: 81 })),
            },
          },
        );
        expect(s.recordScores.errors).toEqual([]);
      }
      await recordExamined(run, planId, ['THEORY']);
      const reviewed = await run(
        `mutation($p: ID!, $s: [ID!]!) { reviewResults(planId: $p, signatories: $s) { errors { code message } } }`,
        { p: planId, s: committee },
      );
      expect(reviewed.reviewResults.errors).toEqual([]);
      const pub = await run(
        `mutation($p: ID!) { startPublicity(planId: $p, startsOn: "2026-12-14", endsOn: "2026-12-18") { errors { code } } }`,
        { p: planId },
      );
      expect(pub.startPublicity.errors).toEqual([]);
    }
    hub.clock.set('2026-12-19', 'test');
    const ISSUE = `mutation($p: ID!) { issueCertificates(planId: $p) { certificates { number holderName } errors { code message } } }`;
    const own = await run(ISSUE, { p: plans.self });
    const social = await run(ISSUE, { p: plans.social });
    expect(own.issueCertificates.errors).toEqual([]);
    expect(social.issueCertificates.errors).toEqual([]);
    const entry = await catalogEntry();
    const y = new RegExp(`^Y000043${entry.institutionCode}264\\d{6}$`);
    const s = new RegExp(`^S000043${entry.institutionCode}264\\d{6}$`);
    expect(own.issueCertificates.certificates.map((c: any) => c.holderName).sort()).toEqual([
      '本厂职工乙',
      '本厂职工甲',
    ]);
    for (const c of own.issueCertificates.certificates) expect(c.number).toMatch(y);
    expect(social.issueCertificates.certificates).toEqual([
      { number: expect.stringMatching(s), holderName: '链上职工' },
    ]);
  });

  it('suspends and resumes both qualifications together: each kind’s filing in force moves', async () => {
    const STANDING = `query($id: ID!) { enterprise(id: $id) { qualificationStatus filings { kind status confirmedAt } } }`;
    const inForce = async () => {
      const r = await gql(hub.url, STANDING, { token: a.province, variables: { id } });
      const latest = new Map<string, string>();
      for (const f of [...(r.data?.enterprise.filings ?? [])]
        .filter((f: any) => f.confirmedAt)
        .sort((x: any, y: any) => (x.confirmedAt < y.confirmedAt ? 1 : -1)))
        if (!latest.has(f.kind)) latest.set(f.kind, f.status);
      return { standing: r.data?.enterprise.qualificationStatus, filings: Object.fromEntries(latest) };
    };
    const city = await a.city('430200');
    const suspended = await gql(
      hub.url,
      `mutation($id: ID!) { suspendInstitution(enterpriseId: $id, days: 30, reason: "考务管理不规范，限期整改") { errors { code } } }`,
      { token: city, variables: { id } },
    );
    expect(suspended.data?.suspendInstitution.errors).toEqual([]);
    expect(await inForce()).toEqual({
      standing: 'SUSPENDED',
      filings: { ENTERPRISE_SELF_EVALUATION: 'SUSPENDED', SOCIAL_EVALUATION_ORGANIZATION: 'SUSPENDED' },
    });
    const resumed = await gql(
      hub.url,
      `mutation($id: ID!) { resumeInstitution(enterpriseId: $id, reason: "整改到位") { errors { code } } }`,
      { token: city, variables: { id } },
    );
    expect(resumed.data?.resumeInstitution.errors).toEqual([]);
    expect(await inForce()).toEqual({
      standing: 'CONFIRMED',
      filings: { ENTERPRISE_SELF_EVALUATION: 'CONFIRMED', SOCIAL_EVALUATION_ORGANIZATION: 'CONFIRMED' },
    });
  });
});
