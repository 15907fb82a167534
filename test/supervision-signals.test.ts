import {
  certificates,
  enterprises,
  evaluationPlans,
  isInConfirmedScope,
  outOfScopeCertificates,
  sealCertificateHolder,
} from '@hub/db';
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from './assessments-fixtures.ts';
import { actors, fileAndSubmit, filingForm, REVIEW, register } from './enterprises-fixtures.ts';
import { datesAsOf, gql, startTestHub, type TestHub, token } from './helpers.ts';

/**
 * 风险信号 over a test seed: five confirmed 车工 institutions in 株洲 with clean certificates and plans
 * (nothing raised), then one planted anomaly of each kind — each found, explained, and nothing else.
 * Certificates not uploaded to the national query system in time (#24 point 6) raise one signal
 * per institution until they are uploaded.
 */

let hub: TestHub;
/** The scenario was written on 2026-11-27; its dates move with the hub's today. */
let d: (day: string) => string;
let province: ReturnType<typeof caller>;
const OCC = '6-18-01-01';
const ids: Record<'A' | 'B' | 'C' | 'D' | 'E', string> = { A: '', B: '', C: '', D: '', E: '' };
const SIGNALS = `query($p: String) { riskSignals(prefecture: $p, first: 100) { edges { node {
  key kind enterprise { id } planId occupationCode level certificates share peerMedian threshold peers
  deadline submittedOn daysLate publicityDays suggestedViolation explanation openedCase { id } } } } }`;

let serial = 0;
async function issue(enterpriseId: string, level: number, n: number, over: Record<string, unknown> = {}) {
  const [e] = await hub.db.db.select().from(enterprises).where(eq(enterprises.id, enterpriseId));
  const rows = Array.from({ length: n }, () => {
    serial += 1;
    return {
      number: `Y000043${e?.institutionCode}26${level}${String(serial).padStart(6, '0')}`,
      enterpriseId,
      prefectureCode: '430200',
      occupationCode: OCC,
      level,
      holderName: '测试人',
      ...sealCertificateHolder(`43020219900101${String(serial).padStart(4, '0')}`),
      issuedOn: d('2026-11-30'),
      ...over,
    };
  });
  await hub.db.db.insert(certificates).values(rows);
}

async function plan(enterpriseId: string, over: Record<string, unknown>): Promise<string> {
  const [row] = await hub.db.db
    .insert(evaluationPlans)
    .values({
      enterpriseId,
      prefectureCode: '430200',
      qualification: 'ENTERPRISE_SELF_EVALUATION',
      occupationCode: OCC,
      level: 3,
      method: 'SKILL_OPERATION',
      evaluationDate: d('2026-11-27'),
      reportedOn: d('2026-11-18'),
      site: '实训车间',
      status: 'SUBMITTED',
      ...over,
    })
    .returning({ id: evaluationPlans.id });
  return row?.id as string;
}

const keys = async (tok = province) =>
  ((await tok(SIGNALS, {})).riskSignals.edges as any[]).map((e) => e.node.key).sort();

beforeAll(async () => {
  hub = await startTestHub(0);
  d = datesAsOf(hub, '2026-11-27');
  const a = await actors();
  const city = await a.city('430200');
  for (const [k, name] of Object.entries({ A: '株洲甲', B: '株洲乙', C: '株洲丙', D: '株洲丁', E: '株洲戊' })) {
    const id = await register(hub.url, city, { prefecture: '430200', form: { name: `${name}机械制造有限公司` } });
    const filing = await fileAndSubmit(
      hub.url,
      await a.enterprise(id),
      filingForm({
        scope: [
          {
            occupationCode: OCC,
            levels: ['LEVEL_5', 'LEVEL_4', 'LEVEL_3', 'LEVEL_2', 'LEVEL_1'],
            basis: 'NATIONAL_STANDARD',
          },
        ],
      }),
    );
    for (const by of [city, a.province, a.ministry]) {
      const r = await gql(hub.url, REVIEW, { token: by, variables: { id: filing.id, d: 'APPROVE', o: '同意' } });
      expect(r.data?.reviewFiling.errors).toEqual([]);
    }
    ids[k as keyof typeof ids] = id;
  }
  province = caller(hub.url, await token({ role: 'inspector', sub: 'province-inspector' }));
});
afterAll(() => hub?.stop());

describe('risk signals (风险信号)', () => {
  it('raise nothing on a clean seed: shares near the peers, publicity of exactly 5 days, results on the deadline day, supervised 技师 plans', async () => {
    expect(await keys()).toEqual([]); // the demo seed of size 0
    await issue(ids.A, 4, 18);
    await issue(ids.A, 2, 2);
    await issue(ids.C, 4, 17);
    await issue(ids.C, 1, 3);
    await issue(ids.D, 3, 18);
    await issue(ids.D, 2, 2);
    await plan(ids.A, {
      publicityStartsOn: d('2026-12-01'),
      publicityEndsOn: d('2026-12-05'),
      resultDeadline: d('2026-12-31'),
      resultsSubmittedOn: d('2026-12-31'),
    });
    // A 技师 plan gets its external supervisor before the evaluation, then certificates.
    const keeper = caller(hub.url, await token({ role: 'city_center', prefecture: '430200' }));
    const reg = await keeper(
      `mutation($i: InspectorInput!) { registerInspector(input: $i) { inspector { id level } errors { code } } }`,
      {
        i: {
          kind: 'EXTERNAL_SUPERVISOR',
          name: '周督导',
          prefecture: '430200',
          qualifications: ['高级考评员'],
          occupationCodes: ['6-18'],
        },
      },
    );
    expect(reg.registerInspector.inspector.level).toBe('CITY');
    const supervised = await plan(ids.B, { level: 2, status: 'REPORTED', evaluationDate: d('2026-12-20') });
    const sent = await province(
      `mutation($p: [ID!]!) { dispatchExternalSupervisors(planIds: $p, seed: "株洲-技师-1") { dispatches { planId seed supervisor { kind prefecture { code } } } errors { code message } } }`,
      { p: [supervised] },
    );
    expect(sent.dispatchExternalSupervisors.errors).toEqual([]);
    expect(sent.dispatchExternalSupervisors.dispatches).toEqual([
      { planId: supervised, seed: '株洲-技师-1', supervisor: expect.objectContaining({ kind: 'EXTERNAL_SUPERVISOR' }) },
    ]);
    await issue(ids.B, 4, 18);
    await issue(ids.B, 2, 2, { planId: supervised });
    expect(await keys()).toEqual([]);
  });

  it('find each planted anomaly, explained, and nothing else', async () => {
    await issue(ids.A, 4, 1, { occupationCode: '6-18-01-02' }); // 铣工: not in A's scope
    await issue(ids.E, 4, 8);
    await issue(ids.E, 2, 10);
    const unsupervised = await plan(ids.E, { level: 1, evaluationDate: d('2026-11-27') });
    await issue(ids.E, 1, 2, { planId: unsupervised }); // E: 12 of 20 at 二级/一级
    const late = await plan(ids.C, {
      publicityStartsOn: d('2026-12-01'),
      publicityEndsOn: d('2026-12-07'),
      resultDeadline: d('2026-12-31'),
      resultsSubmittedOn: d('2027-01-04'),
    });
    const overdue = await plan(ids.D, {
      publicityStartsOn: d('2026-10-01'),
      publicityEndsOn: d('2026-10-07'),
      resultDeadline: d('2026-11-04'),
    });
    const short = await plan(ids.D, {
      publicityStartsOn: d('2026-12-01'),
      publicityEndsOn: d('2026-12-04'),
      resultDeadline: d('2026-12-31'),
      resultsSubmittedOn: d('2026-12-10'),
    });

    const found = ((await province(SIGNALS, {})).riskSignals.edges as any[]).map((e) => e.node);
    expect(found.map((s) => s.key).sort()).toEqual(
      [
        `OUT_OF_SCOPE_CERTIFICATES:${ids.A}:6-18-01-02:4`,
        `HIGH_LEVEL_SHARE:${ids.E}:${OCC}`,
        `LATE_RESULT_SUBMISSION:${late}`,
        `LATE_RESULT_SUBMISSION:${overdue}`,
        `SHORT_PUBLICITY:${short}`,
        `MISSING_EXTERNAL_SUPERVISION:${unsupervised}`,
      ].sort(),
    );
    const by = (kind: string, plan?: string) => found.find((s) => s.kind === kind && (!plan || s.planId === plan));
    expect(by('HIGH_LEVEL_SHARE')).toMatchObject({
      share: 0.6,
      peerMedian: 0.1,
      threshold: 0.35,
      peers: 4,
      certificates: 20,
    });
    expect(by('HIGH_LEVEL_SHARE').explanation).toMatch(/60\.0%.*10\.0%.*35\.0%/);
    expect(by('OUT_OF_SCOPE_CERTIFICATES')).toMatchObject({
      certificates: 1,
      level: 4,
      suggestedViolation: 'OUT_OF_SCOPE',
    });
    expect(by('LATE_RESULT_SUBMISSION', late)).toMatchObject({
      deadline: d('2026-12-31'),
      submittedOn: d('2027-01-04'),
      daysLate: 4,
    });
    expect(by('LATE_RESULT_SUBMISSION', overdue).explanation).toMatch(/仍未提交/);
    expect(by('SHORT_PUBLICITY')).toMatchObject({ publicityDays: 4 });
    expect(by('MISSING_EXTERNAL_SUPERVISION')).toMatchObject({ level: 1, certificates: 2 });
    for (const s of found) expect(s.explanation.length).toBeGreaterThan(20);

    // The set-based 超范围 read agrees with the enterprises domain's isInConfirmedScope, certificate by
    // certificate, under the qualification its number names (Y 企业自主评价, S 社会评价组织).
    const groups = await outOfScopeCertificates(hub.db.db, {});
    for (const c of await hub.db.db.select().from(certificates)) {
      const inScope = await isInConfirmedScope(hub.db.db, {
        kind: c.number.startsWith('S') ? 'SOCIAL_EVALUATION_ORGANIZATION' : 'ENTERPRISE_SELF_EVALUATION',
        enterpriseId: c.enterpriseId,
        occupationCode: c.occupationCode,
        workTypeCode: c.workTypeCode,
        level: c.level,
        onDate: c.issuedOn,
      });
      const flagged = groups.some(
        (g) => g.enterpriseId === c.enterpriseId && g.occupationCode === c.occupationCode && g.level === c.level,
      );
      expect(flagged, c.number).toBe(!inScope);
    }

    // The institution's own signals, on the Enterprise entity.
    const e = await province(`query($id: ID!) { enterprise(id: $id) { name riskSignals { kind } } }`, { id: ids.E });
    expect(e.enterprise.riskSignals.map((s: any) => s.kind).sort()).toEqual([
      'HIGH_LEVEL_SHARE',
      'MISSING_EXTERNAL_SUPERVISION',
    ]);
  });

  it('keep a city inspector to its own 市州, and open one case per signal in one click', async () => {
    const changsha = caller(hub.url, await token({ role: 'inspector', prefecture: '430100' }));
    expect(await keys(changsha)).toEqual([]);
    const refused = await gql(hub.url, SIGNALS, {
      token: await token({ role: 'inspector', prefecture: '430100' }),
      variables: { p: '430200' },
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const publicCall = await gql(hub.url, SIGNALS, {});
    expect(publicCall.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const zhuzhou = caller(hub.url, await token({ role: 'inspector', prefecture: '430200' }));
    const key = `HIGH_LEVEL_SHARE:${ids.E}:${OCC}`;
    const OPEN = `mutation($k: String!) { openCaseFromSignal(key: $k) { supervisionCase { id source violationTypes summary enterprise { id } } errors { code } } }`;
    const opened = await zhuzhou(OPEN, { k: key });
    expect(opened.openCaseFromSignal.supervisionCase).toMatchObject({
      source: 'RISK_SIGNAL',
      violationTypes: ['LOWERED_STANDARDS'],
      enterprise: { id: ids.E },
    });
    expect(opened.openCaseFromSignal.supervisionCase.summary).toMatch(/60\.0%/);
    expect((await zhuzhou(OPEN, { k: key })).openCaseFromSignal.errors.map((e: any) => e.code)).toEqual([
      'SIGNAL_ALREADY_OPENED',
    ]);
    expect((await changsha(OPEN, { k: key })).openCaseFromSignal.errors.map((e: any) => e.code)).toEqual([
      'NOT_YOUR_PREFECTURE',
    ]);
    const after = ((await province(SIGNALS, {})).riskSignals.edges as any[]).find((e) => e.node.key === key);
    expect(after.node.openedCase.id).toBe(opened.openCaseFromSignal.supervisionCase.id);
  });

  it('raise an overdue national upload per institution until the certificates are uploaded (#24 point 6)', async () => {
    // HUB_NATIONAL_UPLOAD_DAYS is 30: issued 38 days ago is 8 days late; issued 30 days ago is due today.
    await issue(ids.B, 4, 3, { issuedOn: d('2026-10-20') });
    await issue(ids.B, 4, 1, { issuedOn: d('2026-10-28') });
    await issue(ids.B, 4, 2, { issuedOn: d('2026-10-10'), uploadedOn: d('2026-10-12') });
    const overdue = async () =>
      ((await province(SIGNALS, {})).riskSignals.edges as any[])
        .map((e) => e.node)
        .filter((s) => s.kind === 'OVERDUE_NATIONAL_UPLOAD');
    const [signal, ...more] = await overdue();
    expect(more).toEqual([]);
    expect(signal).toMatchObject({
      key: `OVERDUE_NATIONAL_UPLOAD:${ids.B}`,
      enterprise: { id: ids.B },
      certificates: 3,
      deadline: d('2026-11-19'),
      daysLate: 8,
      suggestedViolation: 'MISMANAGEMENT',
    });
    expect(signal.explanation).toMatch(/逾期未上报全国证书查询系统: 3 张/);

    const zhuzhou = caller(hub.url, await token({ role: 'inspector', prefecture: '430200' }));
    const opened = await zhuzhou(
      `mutation($k: String!) { openCaseFromSignal(key: $k) { supervisionCase { violationTypes summary } errors { code } } }`,
      { k: signal.key },
    );
    expect(opened.openCaseFromSignal).toMatchObject({
      errors: [],
      supervisionCase: { violationTypes: ['MISMANAGEMENT'], summary: signal.explanation },
    });

    // The next day the one issued 30 days ago is late too; once all are uploaded the signal is gone.
    hub.clock.set(d('2026-11-28'), 'test');
    try {
      expect((await overdue()).map((s) => s.certificates)).toEqual([4]);
      await hub.db.db
        .update(certificates)
        .set({ uploadedOn: d('2026-11-28') })
        .where(and(eq(certificates.enterpriseId, ids.B), isNull(certificates.uploadedOn)));
      expect(await overdue()).toEqual([]);
    } finally {
      hub.clock.clear();
    }
  });
});
