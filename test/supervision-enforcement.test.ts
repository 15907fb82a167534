import {
  campaignAssignments,
  campaigns,
  cases,
  catalogInstitutions,
  enterprises,
  filings,
  filingTransitions,
  inspectors,
  isInConfirmedScope,
} from '@hub/db';
import { draw, recordedInput } from '@hub/supervision/rules/draw';
import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { caller, findInstitution, type Institution, institutionToken } from './assessments-fixtures.ts';
import { gql, startTestHub, type TestHub, token } from './helpers.ts';

/**
 * 三(四): 双随机、一公开 draws, and a complaint followed to 取消备案资质 — through the gateway,
 * on a real database: complaint → case → 责令限期整改 → the deadline passes unrectified →
 * escalation → revocation → the institution is gone from the catalog and its new plans are refused.
 */

let hub: TestHub;
let inst: Institution;
let cityInspector: string;
let provinceInspector: string;
const PUBLIC = {};

const CAMPAIGN_FIELDS = `id status seed algorithm institutionPool inspectorPoolSize exclusionCount previousCampaignId
  drawn { position enterprise { id } prefecture { code } inspectors { id } outcome resultSummary }
  replay { matches enterpriseIds }`;
const CREATE_CAMPAIGN = `mutation($i: InspectionCampaignInput!) { createInspectionCampaign(input: $i) { campaign { id seed status } errors { code message } } }`;
const DRAW = `mutation($id: ID!) { drawInspectionCampaign(id: $id) { campaign { ${CAMPAIGN_FIELDS} } errors { code message } } }`;
const PUBLISH = `mutation($id: ID!) { publishInspectionCampaign(id: $id) { campaign { id status } errors { code message } } }`;
const CAMPAIGN = `query($id: ID!) { inspectionCampaign(id: $id) { ${CAMPAIGN_FIELDS} } }`;
const CASE_FIELDS = `id status version source violationTypes rectificationDueOn notifiedOn escalatedOn revokedOn
  findings { violationType evidence } history { action toStatus }
  complaint { id complainantName complainantContact }`;
const CASE = `query($id: ID!) { supervisionCase(id: $id) { ${CASE_FIELDS} } }`;
const payload = (name: string, args: string, vars: string) =>
  `mutation(${vars}) { ${name}(${args}) { supervisionCase { ${CASE_FIELDS} } errors { code message field } } }`;

async function catalogIds(prefecture: string): Promise<string[]> {
  const r = await gql(
    hub.url,
    `query($p: String) { catalog(prefecture: $p, first: 100) { edges { node { enterprise { id } } } } }`,
    {
      variables: { p: prefecture },
    },
  );
  return (r.data?.catalog.edges ?? []).map((e: any) => e.node.enterprise.id);
}

beforeAll(async () => {
  hub = await startTestHub(400, { today: '2026-12-01' });
  inst = await findInstitution(hub, [4], { minCertificates: 3 });
  cityInspector = await token({ role: 'inspector', prefecture: inst.prefectureCode, sub: 'inspector-local' });
  provinceInspector = await token({ role: 'inspector', sub: 'inspector-province' });
});
afterAll(async () => {
  await hub?.stop();
});

describe('双随机、一公开', () => {
  it('draws by a recorded seed (re-running it gives the same result), avoids conflicts and the previous campaign’s pairs, and publishes', async () => {
    const run = caller(hub.url, provinceInspector);
    const input = (seed: string) => ({
      kind: 'RANDOM_INSPECTION',
      title: '2026年第四季度企业职业技能等级认定质量随机抽查',
      prefecture: inst.prefectureCode,
      periodStartsOn: '2026-12-01',
      periodEndsOn: '2026-12-31',
      institutionCount: 2,
      inspectorsPerInstitution: 2,
      seed,
    });
    const created = await run(CREATE_CAMPAIGN, { i: input('湘-2026Q4-0001') });
    const id = created.createInspectionCampaign.campaign.id;
    expect(created.createInspectionCampaign.campaign).toMatchObject({ seed: '湘-2026Q4-0001', status: 'PLANNED' });
    expect((await gql(hub.url, CAMPAIGN, { variables: { id } })).data?.inspectionCampaign).toBeNull(); // not public yet

    const drawn = (await run(DRAW, { id })).drawInspectionCampaign;
    expect(drawn.errors).toEqual([]);
    const c = drawn.campaign;
    expect(c.drawn).toHaveLength(
      Math.min(2, (await catalogInstitutions(hub.db.db, { prefecture: inst.prefectureCode })).length),
    );
    expect(c.replay.matches).toBe(true);
    expect(c.replay.enterpriseIds).toEqual(c.drawn.map((d: any) => d.enterprise.id));
    // The same recorded seed and pools give the same draw outside the hub too.
    const [row] = await hub.db.db.select().from(campaigns).where(eq(campaigns.id, id));
    const recorded = row ? recordedInput(row) : null;
    if (!recorded) throw new Error('the draw was not recorded');
    const again = draw(recorded);
    expect(again.drawn.map((d) => [d.enterpriseId, ...d.inspectorIds])).toEqual(
      c.drawn.map((d: any) => [d.enterprise.id, ...d.inspectors.map((i: any) => i.id).sort()]),
    );

    // No inspector meets a current or former employer; city inspectors stay in their 市州.
    const pool = await hub.db.db.select().from(inspectors);
    for (const d of c.drawn) {
      expect(d.inspectors).toHaveLength(2);
      for (const i of d.inspectors) {
        const who = pool.find((p) => p.id === i.id);
        expect(who?.employerId).not.toBe(d.enterprise.id);
        expect(who?.formerEmployerIds).not.toContain(d.enterprise.id);
        if (who?.prefectureCode) expect(who.prefectureCode).toBe(d.prefecture.code);
      }
    }

    // The next campaign of the same scope, same seed: none of the previous pairs again.
    const second = (await run(CREATE_CAMPAIGN, { i: input('湘-2026Q4-0001') })).createInspectionCampaign.campaign.id;
    const next = (await run(DRAW, { id: second })).drawInspectionCampaign.campaign;
    expect(next.previousCampaignId).toBe(id);
    const before = await hub.db.db.select().from(campaignAssignments).where(eq(campaignAssignments.campaignId, id));
    const after = await hub.db.db.select().from(campaignAssignments).where(eq(campaignAssignments.campaignId, second));
    for (const a of after) {
      expect(before.some((b) => b.inspectorId === a.inspectorId && b.enterpriseId === a.enterpriseId)).toBe(false);
    }

    expect((await run(PUBLISH, { id })).publishInspectionCampaign).toMatchObject({
      errors: [],
      campaign: { status: 'PUBLISHED' },
    });
    const published = (await gql(hub.url, CAMPAIGN, { variables: { id } })).data?.inspectionCampaign;
    expect(published).toMatchObject({ status: 'PUBLISHED', seed: '湘-2026Q4-0001', replay: { matches: true } });
    expect(published.drawn.map((d: any) => d.enterprise.id)).toEqual(c.drawn.map((d: any) => d.enterprise.id));
    for (const d of published.drawn) expect(d.inspectors).toBeNull(); // who inspects is not public
    const list = await gql(hub.url, '{ inspectionCampaigns(first: 50) { edges { node { id status } } } }', PUBLIC);
    expect(list.data?.inspectionCampaigns.edges.map((e: any) => e.node.id)).toEqual([id]);
  });

  it('refuses a province-wide campaign to a city inspector', async () => {
    const r = await gql(hub.url, CREATE_CAMPAIGN, {
      token: cityInspector,
      variables: {
        i: {
          kind: 'SPECIAL_INSPECTION',
          title: '专项督查',
          periodStartsOn: '2026-12-01',
          periodEndsOn: '2026-12-31',
          institutionCount: 3,
          inspectorsPerInstitution: 1,
        },
      },
    });
    expect(r.data?.createInspectionCampaign.errors.map((e: any) => e.code)).toEqual(['PROVINCE_SCOPE_ONLY']);
  });
});

describe('from a worker’s complaint to 取消备案资质', () => {
  it('takes a public complaint, opens a case, orders rectification, escalates after the deadline, revokes: the institution leaves the catalog and its new plans are refused', async () => {
    const errors = vi.spyOn(console, 'error');
    const logs = vi.spyOn(console, 'log');
    const warns = vi.spyOn(console, 'warn');
    hub.clock.set('2026-12-01', 'test');
    const run = caller(hub.url, cityInspector);
    const own = caller(hub.url, await institutionToken(inst.id));

    // A plan reported while in good standing is accepted (so the later refusal is the revocation's).
    const staff: string[] = [];
    for (const role of ['SENIOR_ASSESSOR', 'ASSESSOR', 'ASSESSOR', 'QUALITY_SUPERVISOR']) {
      const d = await own(
        `mutation($i: RegisterAssessorInput!) { registerAssessor(input: $i) { assessor { id } errors { code } } }`,
        { i: { name: '考评人', role } },
      );
      staff.push(d.registerAssessor.assessor.id);
    }
    const a = await own(
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
          openings: [{ occupationCode: inst.occupationCode, levels: ['LEVEL_4'] }],
        },
      },
    );
    const plan = (evaluationDate: string) => ({
      announcementId: a.publishAnnouncement.announcement.id,
      occupationCode: inst.occupationCode,
      level: 'LEVEL_4',
      method: 'SKILL_OPERATION',
      evaluationDate,
      site: '一号车间',
      assessorIds: staff.slice(0, 3),
      supervisorIds: [staff[3]],
    });
    const REPORT = `mutation($i: ReportEvaluationPlanInput!) { reportEvaluationPlan(input: $i) { plan { id } errors { code message } } }`;
    expect((await own(REPORT, { i: plan('2026-12-14') })).reportEvaluationPlan.errors).toEqual([]);

    // 职工投诉, anonymous to everyone but the handling authority.
    const complained = await gql(
      hub.url,
      `mutation($i: ComplaintInput!) { submitComplaint(input: $i) { receipt { reference receivedOn } errors { code } } }`,
      {
        variables: {
          i: {
            institutionCreditCode: inst.creditCode,
            content: '本单位组织的四级技能操作考核只考了十分钟，考评员未到场，直接发证。',
            complainantName: '举报人甲',
            complainantContact: '13900000001',
          },
        },
      },
    );
    const receipt = complained.data?.submitComplaint.receipt;
    expect(receipt.receivedOn).toBe('2026-12-01');
    const triaged = await run(
      `mutation($id: ID!) { triageComplaint(id: $id, decision: ACCEPT, note: "反映问题具体，予以受理", suspectedViolations: [LOWERED_STANDARDS]) { complaint { status complainantName } errors { code } } }`,
      { id: receipt.reference },
    );
    expect(triaged.triageComplaint.complaint).toEqual({ status: 'ACCEPTED', complainantName: '举报人甲' });
    const opened = await run(payload('openCaseFromComplaint', 'complaintId: $c, summary: $s', '$c: ID!, $s: String!'), {
      c: receipt.reference,
      s: '职工投诉反映技能操作考核时间严重不足、考评员未到场。',
    });
    const kase = opened.openCaseFromComplaint.supervisionCase;
    expect(kase).toMatchObject({ status: 'OPEN', source: 'COMPLAINT', violationTypes: ['LOWERED_STANDARDS'] });
    expect(kase.complaint).toMatchObject({ complainantName: '举报人甲', complainantContact: '13900000001' });
    const ministry = await gql(hub.url, CASE, { token: await token({ role: 'ministry' }), variables: { id: kase.id } });
    expect(ministry.data?.supervisionCase.complaint).toMatchObject({ complainantName: null, complainantContact: null });
    // Not yet told: the enterprise does not see the case.
    const early = await gql(hub.url, CASE, { token: await institutionToken(inst.id), variables: { id: kase.id } });
    expect(early.errors).toBeUndefined();
    expect(early.data?.supervisionCase).toBeNull(); // not even that a case exists

    const found = await run(payload('recordFinding', 'id: $id, input: $f', '$id: ID!, $f: CaseFindingInput!'), {
      id: kase.id,
      f: {
        violationType: 'LOWERED_STANDARDS',
        description: '技能操作考核时长10分钟，低于标准规定的90分钟',
        evidence: ['archive://考核记录/2026-11-20', 'video://考场监控/0301'],
      },
    });
    expect(found.recordFinding.supervisionCase).toMatchObject({
      status: 'INVESTIGATING',
      findings: [{ evidence: ['archive://考核记录/2026-11-20', 'video://考场监控/0301'] }],
    });
    const ordered = await run(
      payload('orderRectification', 'id: $id, requirements: $r, dueOn: $d', '$id: ID!, $r: String!, $d: Date!'),
      { id: kase.id, r: '重新组织考核，补齐考评记录，报送整改报告。', d: '2026-12-04' },
    );
    expect(ordered.orderRectification.supervisionCase).toMatchObject({
      status: 'RECTIFICATION_ORDERED',
      rectificationDueOn: '2026-12-04',
      notifiedOn: '2026-12-01',
    });
    // Now told: the enterprise sees its case, but not who complained.
    const told = await gql(hub.url, CASE, { token: await institutionToken(inst.id), variables: { id: kase.id } });
    expect(told.data?.supervisionCase).toMatchObject({ status: 'RECTIFICATION_ORDERED', complaint: null });

    const ESCALATE = payload('escalateCase', 'id: $id, reason: $r', '$id: ID!, $r: String!');
    const early2 = await run(ESCALATE, { id: kase.id, r: '逾期未整改' });
    expect(early2.escalateCase.errors.map((e: any) => e.code)).toEqual(['RECTIFICATION_DEADLINE_NOT_PASSED']);

    hub.clock.set('2026-12-05', 'test'); // the deadline passed unrectified
    const late = await run(payload('recordRectification', 'id: $id, report: $r', '$id: ID!, $r: String!'), {
      id: kase.id,
      r: '已整改',
    });
    expect(late.recordRectification.errors.map((e: any) => e.code)).toEqual(['RECTIFICATION_DEADLINE_PASSED']);
    const escalated = await run(ESCALATE, { id: kase.id, r: '整改期满未整改，问题严重' });
    expect(escalated.escalateCase.supervisionCase).toMatchObject({ status: 'ESCALATED', escalatedOn: '2026-12-05' });

    expect(await catalogIds(inst.prefectureCode)).toContain(inst.id);
    const revoked = await run(payload('revokeQualification', 'id: $id, reason: $r', '$id: ID!, $r: String!'), {
      id: kase.id,
      r: '降低评价标准，逾期未整改，取消企业职业技能等级认定资质',
    });
    expect(revoked.revokeQualification.supervisionCase).toMatchObject({
      status: 'QUALIFICATION_REVOKED',
      revokedOn: '2026-12-05',
    });
    expect(revoked.revokeQualification.supervisionCase.history.map((h: any) => h.toStatus)).toEqual([
      'OPEN',
      'INVESTIGATING',
      'RECTIFICATION_ORDERED',
      'ESCALATED',
      'QUALIFICATION_REVOKED',
    ]);

    // Gone from the catalog at once; the filing is REVOKED with the case as its reference.
    expect(await catalogIds(inst.prefectureCode)).not.toContain(inst.id);
    const [e] = await hub.db.db.select().from(enterprises).where(eq(enterprises.id, inst.id));
    expect(e?.qualification).toBe('REVOKED');
    const steps = await hub.db.db
      .select({ to: filingTransitions.toStatus, opinion: filingTransitions.opinion })
      .from(filingTransitions)
      .innerJoin(filings, eq(filings.id, filingTransitions.filingId))
      .where(and(eq(filings.enterpriseId, inst.id), eq(filingTransitions.toStatus, 'REVOKED')));
    expect(steps).toHaveLength(1);
    expect(steps[0]?.opinion).toContain(`case:${kase.id}`);
    expect(
      await isInConfirmedScope(hub.db.db, {
        enterpriseId: inst.id,
        occupationCode: inst.occupationCode,
        level: 4,
        onDate: '2026-12-21',
      }),
    ).toBe(false);

    // Its new plans are refused by the assessments domain (超范围: no confirmed scope any more).
    const refused = await own(REPORT, { i: plan('2026-12-21') });
    expect(refused.reportEvaluationPlan.plan).toBeNull();
    expect(refused.reportEvaluationPlan.errors.map((x: any) => x.code)).toContain('PLAN_OUT_OF_SCOPE');

    // Revocation lists the certificates to review; revoking them is an explicit order, per certificate or batch.
    const REVIEW_LIST = `query($id: ID!) { supervisionCase(id: $id) { certificatesToReview(first: 100) { edges { node { number valid revocationOrder { batchId } certificate { number status } } } } } }`;
    const listed = (await run(REVIEW_LIST, { id: kase.id })).supervisionCase.certificatesToReview.edges.map(
      (e: any) => e.node,
    );
    expect(listed.length).toBeGreaterThanOrEqual(3);
    for (const c of listed) expect(c.revocationOrder).toBeNull();
    for (const c of listed) expect(c.certificate.status).toBe(c.valid ? 'VALID' : 'REVOKED');
    const ORDER = `mutation($id: ID!, $n: [String!]!, $r: String!) { orderCertificateRevocation(caseId: $id, numbers: $n, reason: $r) { supervisionCase { certificateRevocationOrders { batchId certificate { number } } } errors { code } } }`;
    const valid = listed.filter((c: any) => c.valid).map((c: any) => c.number);
    const batch = await run(ORDER, { id: kase.id, n: valid.slice(0, 2), r: '考核时长不足，证书违规发放' });
    const single = await run(ORDER, { id: kase.id, n: [valid[2]], r: '考评员未到场' });
    expect(single.orderCertificateRevocation.errors).toEqual([]);
    const orders = single.orderCertificateRevocation.supervisionCase.certificateRevocationOrders;
    expect(orders.map((o: any) => o.certificate.number).sort()).toEqual(valid.slice(0, 3).sort());
    expect(new Set(orders.map((o: any) => o.batchId)).size).toBe(2);
    expect(batch.orderCertificateRevocation.errors).toEqual([]);
    const again = await run(ORDER, { id: kase.id, n: [valid[0]], r: '重复' });
    expect(again.orderCertificateRevocation.errors.map((e: any) => e.code)).toEqual(['ALREADY_ORDERED']);
    // The assessments domain carries an order out; the case's list shows the result.
    const carried = await run(
      `mutation($n: String!) { revokeCertificate(number: $n, reason: "依督导案件决定撤销") { certificate { status } errors { code } } }`,
      { n: valid[0] },
    );
    expect(carried.revokeCertificate.certificate.status).toBe('REVOKED');
    const relisted = (await run(REVIEW_LIST, { id: kase.id })).supervisionCase.certificatesToReview.edges.map(
      (e: any) => e.node,
    );
    expect(relisted.find((c: any) => c.number === valid[0])).toMatchObject({
      valid: false,
      certificate: { status: 'REVOKED' },
    });

    // The complainant's identity never reached a log.
    const logged = JSON.stringify([errors.mock.calls, logs.mock.calls, warns.mock.calls]);
    expect(logged).not.toContain('举报人甲');
    expect(logged).not.toContain('13900000001');
  });
});

describe('属地管理', () => {
  it('gives a city inspector of 430100 no data and a clear authorization error for a case of 430300, and lets it change nothing there', async () => {
    const [xiangtan] = await hub.db.db
      .select()
      .from(enterprises)
      .where(eq(enterprises.prefectureCode, '430300'))
      .limit(1);
    if (!xiangtan) throw new Error('the seed has no enterprise in 湘潭');
    const opened = await caller(hub.url, provinceInspector)(
      `mutation($i: OpenCaseInput!) { openCase(input: $i) { supervisionCase { id version } errors { code } } }`,
      {
        i: {
          enterpriseId: xiangtan.id,
          source: 'PERIODIC_INSPECTION',
          violationTypes: ['MISMANAGEMENT'],
          summary: '定期检查发现评价档案缺失。',
        },
      },
    );
    const { id, version } = opened.openCase.supervisionCase;
    const changsha = await token({ role: 'inspector', prefecture: '430100', sub: 'inspector-changsha' });

    const r = await gql(hub.url, CASE, { token: changsha, variables: { id } });
    expect(r.data?.supervisionCase ?? null).toBeNull();
    expect(r.errors).toHaveLength(1);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_YOUR_PREFECTURE' });
    expect(r.errors?.[0]?.message).toMatch(/属地管理.*湘潭市（430300）.*长沙市（430100）/);
    expect(JSON.stringify(r)).not.toContain('定期检查发现'); // no data of the case leaks

    const list = await gql(hub.url, `{ supervisionCases(prefecture: "430300", first: 5) { edges { node { id } } } }`, {
      token: changsha,
    });
    expect(list.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const own = await gql(hub.url, `{ supervisionCases(first: 100) { edges { node { prefecture { code } } } } }`, {
      token: changsha,
    });
    for (const e of own.data?.supervisionCases.edges ?? []) expect(e.node.prefecture.code).toBe('430100');

    const acted = await gql(hub.url, payload('startInvestigation', 'id: $id', '$id: ID!'), {
      token: changsha,
      variables: { id },
    });
    expect(acted.data?.startInvestigation.errors.map((e: any) => e.code)).toEqual(['NOT_YOUR_PREFECTURE']);
    const [still] = await hub.db.db.select().from(cases).where(eq(cases.id, id));
    expect([still?.status, still?.version]).toEqual(['OPEN', version]);
    expect(
      await hub.db.db
        .select()
        .from(cases)
        .where(and(eq(cases.id, id), ne(cases.status, 'OPEN'))),
    ).toEqual([]);
  });
});

describe('concurrent decisions', () => {
  it('lets exactly one of two simultaneous escalations of the same case win; the other changes nothing', async () => {
    const [e] = await hub.db.db.select().from(enterprises).where(eq(enterprises.prefectureCode, '430400')).limit(1);
    if (!e) throw new Error('the seed has no enterprise in 衡阳');
    const run = caller(hub.url, provinceInspector);
    const opened = await run(
      `mutation($i: OpenCaseInput!) { openCase(input: $i) { supervisionCase { id } errors { code } } }`,
      {
        i: {
          enterpriseId: e.id,
          source: 'SPECIAL_INSPECTION',
          violationTypes: ['DISHONESTY'],
          summary: '专项督查发现伪造考评记录。',
        },
      },
    );
    const id = opened.openCase.supervisionCase.id;
    const found = await run(payload('recordFinding', 'id: $id, input: $f', '$id: ID!, $f: CaseFindingInput!'), {
      id,
      f: { violationType: 'DISHONESTY', description: '考评记录与监控不符', evidence: ['video://0412'] },
    });
    const version = found.recordFinding.supervisionCase.version;
    const ESCALATE = payload(
      'escalateCase',
      'id: $id, reason: $r, expectedVersion: $v',
      '$id: ID!, $r: String!, $v: Int',
    );
    const both = await Promise.all(['问题严重', '伪造记录'].map((r) => run(ESCALATE, { id, r, v: version })));
    const outcomes = both.map((x) => x.escalateCase.errors.map((err: any) => err.code).join() || 'OK').sort();
    expect(outcomes[1]).toBe('OK');
    expect(['CASE_CHANGED', 'CASE_WRONG_STATE']).toContain(outcomes[0]);
    const [row] = await hub.db.db.select().from(cases).where(eq(cases.id, id));
    expect([row?.status, row?.version]).toEqual(['ESCALATED', version + 1]);
  });
});
