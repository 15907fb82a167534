import {
  candidates,
  certificates,
  enterprises,
  evaluationPlans,
  rowsOf,
  sealWorkerResidentId,
  statisticsSource,
  workers,
} from '@hub/db';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentId } from './assessments-fixtures.ts';
import { gql, startTestHub, type TestHub, token } from './helpers.ts';

/** 评价统计: figures from SQL agree with direct counts over the same data, for every dimension; 属地 holds. */

let hub: TestHub;
let dashboard: string;

const DIMENSIONS = [
  'PREFECTURE',
  'OCCUPATION',
  'OCCUPATION_MAJOR_GROUP',
  'LEVEL',
  'ENTERPRISE_NATURE',
  'METHOD',
  'MONTH',
] as const;
type Dim = (typeof DIMENSIONS)[number];

/** One fact row, read straight from the base tables: what each dimension's value is, and what it counts. */
interface Fact {
  keys: Record<Dim, string | null>;
  day: string;
  candidates: number;
  passed: number;
  issued: number;
  revoked: number;
}
let facts: Fact[] = [];
/** Candidates the demo seed wrote (every certificate traces back to one), before the test adds 60. */
let seededCandidates = 0;

const STATS = `query($filter: StatisticsFilter, $groupBy: [StatisticsDimension!]!) {
  assessmentStatistics(filter: $filter, groupBy: $groupBy) {
    keys { dimension value label } candidates passed passRate certificatesIssued certificatesRevoked
  }
}`;

async function readFacts(): Promise<Fact[]> {
  const db = hub.db.db;
  const certs = await db
    .select({
      prefecture: certificates.prefectureCode,
      occupation: certificates.occupationCode,
      level: certificates.level,
      day: certificates.issuedOn,
      status: certificates.status,
      method: evaluationPlans.method,
      nature: enterprises.nature,
    })
    .from(certificates)
    .leftJoin(evaluationPlans, eq(evaluationPlans.id, certificates.planId))
    .innerJoin(enterprises, eq(enterprises.id, certificates.enterpriseId));
  const cands = await db
    .select({
      prefecture: evaluationPlans.prefectureCode,
      occupation: evaluationPlans.occupationCode,
      level: evaluationPlans.level,
      day: evaluationPlans.evaluationDate,
      result: candidates.result,
      method: evaluationPlans.method,
      nature: enterprises.nature,
    })
    .from(candidates)
    .innerJoin(evaluationPlans, eq(evaluationPlans.id, candidates.planId))
    .innerJoin(enterprises, eq(enterprises.id, evaluationPlans.enterpriseId));
  const keys = (r: {
    prefecture: string;
    occupation: string;
    level: number;
    day: string;
    method: string | null;
    nature: string;
  }) => ({
    PREFECTURE: r.prefecture,
    OCCUPATION: r.occupation,
    OCCUPATION_MAJOR_GROUP: `${r.occupation.split('-')[0]}-00-00-00`,
    LEVEL: `LEVEL_${r.level}`,
    ENTERPRISE_NATURE: r.nature,
    METHOD: r.method,
    MONTH: r.day.slice(0, 7),
  });
  return [
    ...certs.map((c) => ({
      keys: keys(c),
      day: c.day,
      candidates: 0,
      passed: 0,
      issued: 1,
      revoked: c.status === 'REVOKED' ? 1 : 0,
    })),
    ...cands.map((c) => ({
      keys: keys(c),
      day: c.day,
      candidates: 1,
      passed: c.result === 'PASSED' ? 1 : 0,
      issued: 0,
      revoked: 0,
    })),
  ];
}

/** Direct count: group the fact rows in the test, keyed like the API's rows. */
function expected(dims: readonly Dim[], keep: (f: Fact) => boolean = () => true) {
  const out = new Map<string, { candidates: number; passed: number; issued: number; revoked: number }>();
  for (const f of facts.filter(keep)) {
    const k = JSON.stringify(dims.map((d) => f.keys[d]));
    const t = out.get(k) ?? { candidates: 0, passed: 0, issued: 0, revoked: 0 };
    t.candidates += f.candidates;
    t.passed += f.passed;
    t.issued += f.issued;
    t.revoked += f.revoked;
    out.set(k, t);
  }
  return out;
}

function actual(
  rows: {
    keys: { value: string | null }[];
    candidates: number;
    passed: number;
    certificatesIssued: number;
    certificatesRevoked: number;
  }[],
) {
  return new Map(
    rows.map((r) => [
      JSON.stringify(r.keys.map((k) => k.value)),
      { candidates: r.candidates, passed: r.passed, issued: r.certificatesIssued, revoked: r.certificatesRevoked },
    ]),
  );
}

async function stats(tok: string, groupBy: readonly Dim[], filter?: Record<string, unknown>) {
  return gql(hub.url, STATS, { token: tok, variables: { groupBy, filter } });
}

beforeAll(async () => {
  // The date filters below are written on the 2024–2026 history of a seed made on this day.
  hub = await startTestHub(1500, { today: '2026-11-01' });
  dashboard = await token({ role: 'dashboard', sub: 'province-wall' });
  const db = hub.db.db;
  [{ n: seededCandidates }] = (await db.select({ n: sql<number>`count(*)::int` }).from(candidates)) as [{ n: number }];
  // Candidates for a dozen plans (more than the demo seed's), written as the subgraph
  // writes them: the rollup triggers must count them, and later changes of result.
  const plans = await db.select().from(evaluationPlans).orderBy(asc(evaluationPlans.id)).limit(12);
  let seq = 0;
  for (const p of plans) {
    const ws = await db
      .insert(workers)
      .values(
        Array.from({ length: 5 }, () => ({
          institutionId: p.enterpriseId,
          employerCreditCode: '91430100MA4L000000',
          employerName: '测试用人单位',
          name: `测试${seq}`,
          ...sealWorkerResidentId(residentId(seq++, '19880808')),
          employedSince: '2015-01-01',
        })),
      )
      .returning({ id: workers.id });
    await db
      .insert(candidates)
      .values(
        ws.map((w, i) => ({ planId: p.id, workerId: w.id, result: i < 3 ? ('PASSED' as const) : ('FAILED' as const) })),
      );
  }
  // A later review changes one result, and a certificate is revoked: updates must move the figures.
  await db.execute(
    sql`update assessment.candidates set result = 'PASSED' where id = (select min(id::text)::uuid from assessment.candidates where result = 'FAILED')`,
  );
  await db.execute(
    sql`update assessment.certificates set status = 'REVOKED', revoked_on = issued_on + 40 where number = (select min(number) from assessment.certificates where status = 'VALID')`,
  );
  facts = await readFacts();
});
afterAll(async () => {
  await hub?.stop();
});

describe('assessmentStatistics', () => {
  it.each(DIMENSIONS.map((d) => [d]))('sums by %s agree with a direct count over the base tables', async (dim) => {
    const r = await stats(dashboard, [dim]);
    expect(r.errors).toBeUndefined();
    expect(actual(r.data?.assessmentStatistics)).toEqual(expected([dim]));
  });

  it('sums by PREFECTURE×LEVEL×MONTH agree, and the grand total equals the row counts', async () => {
    const r = await stats(dashboard, ['PREFECTURE', 'LEVEL', 'MONTH']);
    expect(actual(r.data?.assessmentStatistics)).toEqual(expected(['PREFECTURE', 'LEVEL', 'MONTH']));
    const [total] = (await stats(dashboard, [])).data?.assessmentStatistics ?? [];
    const [{ n }] = (await hub.db.db.select({ n: sql<number>`count(*)::int` }).from(certificates)) as [{ n: number }];
    const [{ c, p }] = (await hub.db.db
      .select({ c: sql<number>`count(*)::int`, p: sql<number>`count(*) filter (where result = 'PASSED')::int` })
      .from(candidates)) as [{ c: number; p: number }];
    expect(total).toMatchObject({
      certificatesIssued: n,
      candidates: c,
      passed: p,
      passRate: Math.round((p / c) * 10000) / 10000,
    });
    expect(c).toBe(seededCandidates + 60);
  });

  it('groups by nothing when groupBy is left out: one total row, the same as groupBy: [] (zeros when nothing matches)', async () => {
    const TOTAL = `query($filter: StatisticsFilter) { assessmentStatistics(filter: $filter) {
      keys { dimension } candidates passed certificatesIssued certificatesRevoked } }`;
    const omitted = await gql(hub.url, TOTAL, { token: dashboard });
    expect(omitted.errors).toBeUndefined();
    const [total] = (await stats(dashboard, [])).data?.assessmentStatistics ?? [];
    expect(omitted.data?.assessmentStatistics).toEqual([
      {
        keys: [],
        candidates: total.candidates,
        passed: total.passed,
        certificatesIssued: total.certificatesIssued,
        certificatesRevoked: total.certificatesRevoked,
      },
    ]);
    expect(total.candidates).toBeGreaterThan(0);
    const none = await gql(hub.url, TOTAL, { token: dashboard, variables: { filter: { methods: [] } } });
    expect(none.data?.assessmentStatistics).toEqual([
      { keys: [], candidates: 0, passed: 0, certificatesIssued: 0, certificatesRevoked: 0 },
    ]);
  });

  it('filters by level, method, nature and dates exactly as a direct count does', async () => {
    const filter = {
      levels: ['LEVEL_4', 'LEVEL_3'],
      enterpriseNatures: ['PRIVATE', 'STATE_OWNED'],
      from: '2025-01-01',
      to: '2025-12-31',
    };
    const r = await stats(dashboard, ['METHOD'], filter);
    expect(r.errors).toBeUndefined();
    const keep = (f: Fact) =>
      ['LEVEL_4', 'LEVEL_3'].includes(f.keys.LEVEL as string) &&
      ['PRIVATE', 'STATE_OWNED'].includes(f.keys.ENTERPRISE_NATURE as string) &&
      f.day >= '2025-01-01' &&
      f.day <= '2025-12-31';
    expect(actual(r.data?.assessmentStatistics)).toEqual(expected(['METHOD'], keep));
  });

  it.each([
    ['whole months', '2025-03-01', '2025-08-31', 'monthly'],
    ['part months', '2025-03-15', '2025-08-20', 'daily'],
    ['from a first day only', '2025-06-01', null, 'monthly'],
    ['to a month end only', null, '2025-06-30', 'monthly'],
  ] as const)(
    'date range over %s: agrees with a direct count, whichever rollup answers',
    async (_, from, to, source) => {
      const groupBy = ['PREFECTURE', 'LEVEL', 'MONTH'] as const;
      const filter = { levels: ['LEVEL_4', 'LEVEL_3', 'LEVEL_5'], from, to };
      expect(statisticsSource({ levels: [4, 3, 5], from, to }, groupBy)).toBe(source);
      const r = await stats(dashboard, groupBy, filter);
      expect(r.errors).toBeUndefined();
      const keep = (f: Fact) =>
        ['LEVEL_4', 'LEVEL_3', 'LEVEL_5'].includes(f.keys.LEVEL as string) &&
        (from == null || f.day >= from) &&
        (to == null || f.day <= to);
      const want = expected(groupBy, keep);
      expect(want.size).toBeGreaterThan(0);
      expect(actual(r.data?.assessmentStatistics)).toEqual(want);
    },
  );

  it('reads the daily rollup when a query needs what the monthly one does not keep', () => {
    expect(statisticsSource({}, ['PREFECTURE', 'LEVEL', 'METHOD', 'MONTH'])).toBe('monthly');
    expect(statisticsSource({}, ['OCCUPATION'])).toBe('daily');
    expect(statisticsSource({}, ['OCCUPATION_MAJOR_GROUP'])).toBe('daily');
    expect(statisticsSource({}, ['ENTERPRISE_NATURE'])).toBe('daily');
    expect(statisticsSource({ occupationCodes: ['6-18-01-01'] }, ['LEVEL'])).toBe('daily');
    expect(statisticsSource({ enterpriseNatures: ['PRIVATE'] }, ['LEVEL'])).toBe('daily');
    expect(statisticsSource({ to: '2025-02-28' }, ['LEVEL'])).toBe('monthly');
    expect(statisticsSource({ to: '2024-02-28' }, ['LEVEL'])).toBe('daily');
    expect(statisticsSource({ to: '2024-02-29' }, ['LEVEL'])).toBe('monthly');
    expect(statisticsSource({ from: '2025-02-02' }, ['LEVEL'])).toBe('daily');
  });

  it('keeps the monthly rollup equal to the daily one through inserts, updates and deletes', async () => {
    // Rows of one that the other lacks, both ways: none, after the writes of beforeAll (inserts,
    // their ON CONFLICT updates of the daily rows, a changed result, a revocation) …
    const drift = sql`
      (select prefecture_code, level, method, month, sum(candidates)::int c, sum(passed)::int p, sum(issued)::int i, sum(revoked)::int r
         from assessment.statistics_daily group by 1, 2, 3, 4
       except select prefecture_code, level, method, month, candidates, passed, issued, revoked from assessment.statistics_monthly)
      union all
      (select prefecture_code, level, method, month, candidates, passed, issued, revoked from assessment.statistics_monthly
         where candidates <> 0 or passed <> 0 or issued <> 0 or revoked <> 0
       except select prefecture_code, level, method, month, sum(candidates)::int, sum(passed)::int, sum(issued)::int, sum(revoked)::int
         from assessment.statistics_daily group by 1, 2, 3, 4)`;
    const db = hub.db.db;
    const [{ n }] = rowsOf(await db.execute(sql`select count(*)::int as n from assessment.statistics_monthly`)) as [
      { n: number },
    ];
    expect(n).toBeGreaterThan(0);
    expect(rowsOf(await db.execute(drift))).toEqual([]);
    // … and after deleting candidates and a certificate (rolled back: the other tests' counts stay).
    const rollback = new Error('rollback');
    await expect(
      db.transaction(async (tx) => {
        const before = rowsOf(
          await tx.execute(sql`select sum(candidates)::int as c from assessment.statistics_monthly`),
        );
        await tx.execute(
          // Candidates without a certificate: a certificate's candidate cannot go (certificates trace back to it).
          sql`delete from assessment.candidates where id in (select c.id from assessment.candidates c where not exists (select 1 from assessment.certificates x where x.candidate_id = c.id) limit 7)`,
        );
        await tx.execute(
          sql`delete from assessment.certificates where number = (select min(number) from assessment.certificates)`,
        );
        const after = rowsOf(
          await tx.execute(sql`select sum(candidates)::int as c from assessment.statistics_monthly`),
        );
        expect((after[0] as { c: number }).c).toBe((before[0] as { c: number }).c - 7);
        expect(rowsOf(await tx.execute(drift))).toEqual([]);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
  });

  it('labels keys in Chinese', async () => {
    const rows = (await stats(dashboard, ['PREFECTURE', 'LEVEL'])).data?.assessmentStatistics;
    const changsha = rows.find((r: any) => r.keys[0].value === '430100' && r.keys[1].value === 'LEVEL_4');
    expect(changsha?.keys.map((k: any) => k.label)).toEqual(['长沙市', '四级/中级工']);
  });
});

describe('属地: who may read statistics', () => {
  it("shows a city centre its own 市州's figures only, equal to the direct count", async () => {
    const city = await token({ role: 'city_center', prefecture: '430100', sub: 'cs' });
    const r = await stats(city, ['PREFECTURE', 'LEVEL']);
    expect(r.errors).toBeUndefined();
    const rows = r.data?.assessmentStatistics as { keys: { value: string }[] }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((x) => x.keys[0]?.value))).toEqual(new Set(['430100']));
    expect(actual(r.data?.assessmentStatistics)).toEqual(
      expected(['PREFECTURE', 'LEVEL'], (f) => f.keys.PREFECTURE === '430100'),
    );
  });

  it("refuses a city centre that asks for another 市州's figures", async () => {
    const city = await token({ role: 'city_center', prefecture: '430100', sub: 'cs' });
    const r = await stats(city, ['LEVEL'], { prefectures: ['430200'] });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(r.data?.assessmentStatistics ?? null).toBeNull();
  });

  it('refuses the public and enterprises', async () => {
    const pub = await gql(hub.url, STATS, { variables: { groupBy: ['LEVEL'] } });
    expect(pub.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const [e] = await hub.db.db.select({ id: enterprises.id }).from(enterprises).limit(1);
    const ent = await stats(await token({ role: 'enterprise', enterpriseId: e?.id as string, sub: 'x' }), ['LEVEL']);
    expect(ent.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
