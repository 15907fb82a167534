import {
  appointments,
  candidates,
  cases,
  certificates,
  decryptResidentId,
  enterprises,
  evaluationPlans,
  filings,
  residentIdTarget,
  supervisorDispatches,
  workers,
} from '@hub/db';
import { addCalendarDays } from '@hub/vocabulary';
import { and, asc, eq, inArray, isNotNull, ne, notInArray, sql } from 'drizzle-orm';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql, partnerToken, startTestHub, type TestHub, token } from './helpers.ts';
import {
  type Facts,
  type Finding,
  judge,
  loadFacts,
  type Row,
  type Samples,
  type Traversal,
  traversals,
  type Who,
} from './object-access-walk.ts';

/**
 * 按对象授权 (issue #26, deliver 2): the object-level twin of the access matrix. From the committed
 * supergraph it generates traversals of every object-valued field, up to four objects deep, from
 * every Query field; runs each as every kind of caller (two enterprises in two 市州 and their partner
 * HR systems, the city centres and city inspectors of both 市州, the province, the public); and
 * checks every object that comes back against the caller's reach by the record's *own* owner and
 * 市州 — read from the database, not from the answer. The seed has the links that leaked before:
 * one person certified by two institutions in two 市州, and an enterprise that moved 市州.
 */

let hub: TestHub;
let facts: Facts;
let callers: Who[];
let walks: Traversal[];
/** The person certified by two institutions in two 市州, and the records around them. */
let person: {
  name: string;
  residentId: string;
  workerAtA: string;
  workerAtB: string;
  certificateOfA: string;
  certificateOfB: string;
};
let A: { id: string; prefecture: string };
let B: { id: string; prefecture: string };
/** The enterprise that moved from another 市州 to A's after issuing certificates there. */
let moved: { id: string; from: string; to: string; certificate: string; plan: string };
/** An enterprise with a notified, an un-notified and a notified case, in id order (point 4). */
let casesOf: { enterpriseId: string; first: string; hidden: string; last: string };

/** A 430100 and a 430200 institution that issued certificates from plans with candidates. */
async function institutionIn(prefecture: string, not: string[] = []) {
  const [row] = await hub.db.db
    .select({ id: certificates.enterpriseId, n: sql<number>`count(*)::int` })
    .from(certificates)
    .innerJoin(enterprises, eq(enterprises.id, certificates.enterpriseId))
    .where(
      and(
        eq(certificates.prefectureCode, prefecture),
        eq(enterprises.prefectureCode, prefecture),
        isNotNull(certificates.candidateId),
        not.length ? notInArray(certificates.enterpriseId, not) : undefined,
      ),
    )
    .groupBy(certificates.enterpriseId)
    .orderBy(sql`count(*) desc`)
    .limit(1);
  if (!row) throw new Error(`the seed has no institution with certificates in ${prefecture}`);
  return row.id;
}

beforeAll(async () => {
  hub = await startTestHub(600);
  const db = hub.db.db;
  A = { id: await institutionIn('430100'), prefecture: '430100' };
  B = { id: await institutionIn('430200'), prefecture: '430200' };

  // One person, certified by B in 430200, then taken on by A in 430100 and certified there too.
  const [atB] = await db
    .select({ worker: workers, certificate: certificates.number })
    .from(certificates)
    .innerJoin(candidates, eq(candidates.id, certificates.candidateId))
    .innerJoin(workers, eq(workers.id, candidates.workerId))
    .where(eq(certificates.enterpriseId, B.id))
    .orderBy(asc(certificates.number))
    .limit(1);
  if (!atB) throw new Error('B has no certificate with a worker');
  const [aEnt] = await db.select().from(enterprises).where(eq(enterprises.id, A.id));
  const [planOfA] = await db
    .select()
    .from(evaluationPlans)
    .where(and(eq(evaluationPlans.enterpriseId, A.id), eq(evaluationPlans.prefectureCode, '430100')))
    .orderBy(asc(evaluationPlans.id))
    .limit(1);
  if (!aEnt?.institutionCode || !planOfA) throw new Error('A has no institution code or plan');
  const [workerAtA] = await db
    .insert(workers)
    .values({
      institutionId: A.id,
      employerCreditCode: aEnt.creditCode,
      employerName: aEnt.name,
      name: atB.worker.name,
      residentIdEnc: atB.worker.residentIdEnc,
      residentIdHmac: atB.worker.residentIdHmac,
      employedSince: addCalendarDays(hub.clock.today(), -400),
    })
    .returning();
  const [candidacy] = await db
    .insert(candidates)
    .values({ planId: planOfA.id, workerId: workerAtA?.id as string, total: 88, result: 'PASSED' })
    .returning();
  const numberOfA = `Y000043${aEnt.institutionCode}${hub.clock.today().slice(2, 4)}${planOfA.level}999001`;
  await db.insert(certificates).values({
    number: numberOfA,
    planId: planOfA.id,
    candidateId: candidacy?.id as string,
    enterpriseId: A.id,
    prefectureCode: '430100',
    occupationCode: planOfA.occupationCode,
    workTypeCode: planOfA.workTypeCode,
    level: planOfA.level,
    holderName: atB.worker.name,
    holderResidentIdEnc: atB.worker.residentIdEnc,
    holderResidentIdHmac: atB.worker.residentIdHmac,
    issuedOn: hub.clock.today(),
  });
  person = {
    name: atB.worker.name,
    residentId: decryptResidentId(atB.worker.residentIdEnc),
    workerAtA: workerAtA?.id as string,
    workerAtB: atB.worker.id,
    certificateOfA: numberOfA,
    certificateOfB: atB.certificate,
  };

  // An institution of a third 市州 with certificates and plans moves to A's 市州: its old records keep theirs.
  const [m] = await db
    .select({ id: certificates.enterpriseId, p: certificates.prefectureCode, number: certificates.number })
    .from(certificates)
    .innerJoin(enterprises, eq(enterprises.id, certificates.enterpriseId))
    .where(
      and(
        ne(certificates.prefectureCode, '430100'),
        ne(certificates.prefectureCode, '430200'),
        eq(enterprises.prefectureCode, certificates.prefectureCode),
        isNotNull(certificates.planId),
      ),
    )
    .orderBy(asc(certificates.number))
    .limit(1);
  if (!m) throw new Error('the seed has no institution with certificates outside 430100/430200');
  const [mPlan] = await db
    .select({ id: evaluationPlans.id })
    .from(evaluationPlans)
    .where(eq(evaluationPlans.enterpriseId, m.id))
    .limit(1);
  await db.update(enterprises).set({ prefectureCode: '430100' }).where(eq(enterprises.id, m.id));
  // A worker of the moved institution holds an appointment, so its standing records are walked too.
  const [mWorker] = await db.select().from(workers).where(eq(workers.institutionId, m.id)).limit(1);
  if (mWorker) {
    await db.insert(appointments).values({
      institutionId: m.id,
      workerId: mWorker.id,
      title: 'CHIEF_TECHNICIAN',
      occupationCode: '6-18-01-01',
      termStartsOn: addCalendarDays(hub.clock.today(), -30),
      termEndsOn: addCalendarDays(hub.clock.today(), 700),
      appointedOn: addCalendarDays(hub.clock.today(), -30),
    });
  }
  moved = { id: m.id, from: m.p, to: '430100', certificate: m.number, plan: mPlan?.id as string };

  // Cases of one enterprise without any yet: notified, un-notified, notified, in id order.
  const [quiet] = await db
    .select({ id: enterprises.id, p: enterprises.prefectureCode })
    .from(enterprises)
    .where(sql`${enterprises.id} not in (select enterprise_id from supervision.cases)`)
    .orderBy(asc(enterprises.id))
    .limit(1);
  if (!quiet) throw new Error('every enterprise has a case');
  const ids = [
    '00000000-0000-4000-8000-000000000261',
    '00000000-0000-4000-8000-000000000262',
    '00000000-0000-4000-8000-000000000263',
  ];
  const opened = addCalendarDays(hub.clock.today(), -20);
  await db.insert(cases).values(
    ids.map((id, i) => ({
      id,
      enterpriseId: quiet.id,
      prefectureCode: quiet.p,
      source: 'RISK_SIGNAL' as const,
      summary: `issue #26 paging case ${i + 1}`,
      openedOn: opened,
      notifiedOn: i === 1 ? null : addCalendarDays(opened, 2),
    })),
  );
  casesOf = { enterpriseId: quiet.id, first: ids[0] as string, hidden: ids[1] as string, last: ids[2] as string };

  const [dispatched] = await db.select({ plan: supervisorDispatches.planId }).from(supervisorDispatches).limit(1);
  const [caseOfB] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(inArray(cases.enterpriseId, [B.id, moved.id]))
    .limit(1);
  const [filingOfMoved] = await db
    .select({ id: filings.id })
    .from(filings)
    .where(eq(filings.enterpriseId, moved.id))
    .limit(1);
  const [planOfB] = await db
    .select({ plan: certificates.planId })
    .from(certificates)
    .where(eq(certificates.number, person.certificateOfB));

  const samples: Samples = {
    planReportDeadline: [{ evaluationDate: addCalendarDays(hub.clock.today(), 30) }],
    resultSubmissionDeadline: [{ publicityEndDate: hub.clock.today() }],
    holidayCalendar: [{ year: Number(hub.clock.today().slice(0, 4)) }],
    certificate: [person.certificateOfA, person.certificateOfB, moved.certificate].map((number) => ({ number })),
    worker: [person.workerAtA, person.workerAtB].map((id) => ({ id })),
    evaluationPlan: [planOfB?.plan, moved.plan].filter(Boolean).map((id) => ({ id })),
    verifyCertificate: [{ number: person.certificateOfB, holderName: person.name }],
    verifyCertificatesByIdentity: [{ residentId: person.residentId, holderName: person.name }],
    assessmentStatistics: [{ groupBy: ['PREFECTURE'] }],
    enterprise: [A.id, B.id, moved.id].map((id) => ({ id })),
    filing: filingOfMoved ? [{ id: filingOfMoved.id }] : [],
    partnerCredentials: [{ enterpriseId: A.id }],
    occupation: [{ code: '6-18-01-01' }],
    workType: [],
    matchOccupations: [{ title: '数控车工' }],
    jobRoleMapping: [],
    supervisionCase: caseOfB ? [{ id: caseOfB.id }] : [],
    inspectionCampaign: [],
    // Public, by receipt number and 查询码 only; answers a status and dates, no record of anyone.
    complaintStatus: [],
    externalSupervision: dispatched ? [{ planId: dispatched.plan }] : [],
  };
  walks = traversals(samples);

  const who = async (w: Omit<Who, 'token'>): Promise<Who> => {
    switch (w.role) {
      case 'public':
        return w;
      case 'hr_partner':
        return { ...w, token: await partnerToken(hub, w.enterpriseId as string, { name: `${w.name} walk` }) };
      default:
        return {
          ...w,
          token: await token({
            role: w.role,
            sub: `walk-${w.name}`,
            ...(w.enterpriseId ? { enterpriseId: w.enterpriseId } : {}),
            ...(w.prefecture ? { prefecture: w.prefecture } : {}),
          }),
        };
    }
  };
  callers = await Promise.all([
    who({ name: 'enterprise A (430100)', role: 'enterprise', enterpriseId: A.id }),
    who({ name: 'partner of A', role: 'hr_partner', enterpriseId: A.id }),
    who({ name: 'enterprise B (430200)', role: 'enterprise', enterpriseId: B.id }),
    who({ name: 'partner of B', role: 'hr_partner', enterpriseId: B.id }),
    who({ name: 'city centre 430100', role: 'city_center', prefecture: '430100' }),
    who({ name: 'city centre 430200', role: 'city_center', prefecture: '430200' }),
    who({ name: 'city inspector 430100', role: 'inspector', prefecture: '430100' }),
    who({ name: 'city inspector 430200', role: 'inspector', prefecture: '430200' }),
    who({ name: 'province centre', role: 'province_center' }),
    who({ name: 'public', role: 'public' }),
  ]);
  // After the partner credentials above: the database is as the walk will find it.
  facts = await loadFacts(hub);
});

afterAll(async () => {
  await hub?.stop();
});

/** Runs `work` over `items` with at most `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i] as T);
      }
    }),
  );
  return out;
}

/** Refusals are answers; anything else (an internal error, a limit, a bad query) is a broken walk. */
const REFUSALS = new Set([
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'TOO_MANY_REQUESTS',
  'LOOKUP_BUDGET_EXCEEDED',
]);

describe('authorization by object (按对象授权)', () => {
  it('generates a traversal of every object-valued field reachable from a Query field, four objects deep', () => {
    const fields = new Set<string>();
    for (const w of walks) for (const m of w.query.matchAll(/(\w+)(?:\(first: \d+\))? \{/g)) fields.add(m[1] as string);
    console.log(`object access: ${walks.length} traversals, ${fields.size} distinct object-valued field names`);
    expect(walks.length).toBeGreaterThan(30);
    for (const w of walks) expect(() => parse(w.query), w.name).not.toThrow();
  });

  it('returns no object outside the caller’s reach by the record’s own owner and 市州, on any path, to any caller', async () => {
    const started = Date.now();
    const cells = callers.flatMap((who) => walks.map((walk) => ({ who, walk })));
    const out = { findings: [] as Finding[], objects: 0 };
    const broken: string[] = [];
    await pool(cells, 4, async ({ who, walk }) => {
      const r = await gql(hub.url, walk.query, {
        variables: walk.variables,
        ...(who.token ? { token: who.token } : {}),
      });
      for (const e of r.errors ?? []) {
        const code = String(e.extensions?.code ?? '?');
        if (!REFUSALS.has(code)) broken.push(`${who.name} ${walk.name}: ${code} ${e.message} @${e.path?.join('.')}`);
      }
      if (r.data) judge(facts, who, walk.name, r.data, out);
    });
    const byCheck = new Map<string, number>();
    for (const f of out.findings) {
      const k = `${f.who} · ${f.type} (${f.why}) via ${f.traversal}`;
      byCheck.set(k, (byCheck.get(k) ?? 0) + 1);
    }
    console.log(
      `object access: ${cells.length} requests (${walks.length} traversals × ${callers.length} callers), ` +
        `${out.objects} records judged, ${out.findings.length} out of reach, ${broken.length} broken, in ${Date.now() - started} ms`,
    );
    for (const [k, n] of [...byCheck].slice(0, 60)) console.log(`  ${n} × ${k}`);
    expect(broken.slice(0, 20)).toEqual([]);
    expect(out.objects).toBeGreaterThan(500);
    expect(out.findings.slice(0, 20)).toEqual([]);
  }, 240_000);

  it('an employer who takes on a worker certified elsewhere sees only the public facts of that certificate', async () => {
    const q = `query($id: ID!) { worker(id: $id) { name certificates { number level status issuedOn issuer { id }
      holderName holderResidentId plan { id } candidate { id } } } }`;
    const asA = callers[0] as Who;
    const r = await gql(hub.url, q, { token: asA.token, variables: { id: person.workerAtA } });
    expect(r.errors).toBeUndefined();
    const certs: Row[] = r.data?.worker.certificates;
    const own = certs.find((c) => c.number === person.certificateOfA);
    const other = certs.find((c) => c.number === person.certificateOfB);
    expect(own).toMatchObject({ holderName: person.name, holderResidentId: person.residentId });
    expect(own?.plan).not.toBeNull();
    expect(other).toMatchObject({ status: 'VALID', issuer: { id: B.id }, plan: null, candidate: null });
    expect(other?.holderName).not.toBe(person.name);
    expect(other?.holderResidentId).not.toBe(person.residentId);
  });

  it('a city centre of 430100 sees no 430200 personal data by any path: not through its worker’s certificates', async () => {
    const q = `query($id: ID!) { worker(id: $id) { certificates { number holderName holderResidentId
      plan { candidates(first: 5) { edges { node { worker { name residentId } } } } } } } }`;
    const city = callers[4] as Who;
    const r = await gql(hub.url, q, { token: city.token, variables: { id: person.workerAtA } });
    const other = (r.data?.worker?.certificates ?? []).find((c: Row) => c.number === person.certificateOfB);
    expect(other).toBeDefined();
    expect(other.holderName).not.toBe(person.name);
    expect(other.holderResidentId).not.toBe(person.residentId);
    expect(other.plan).toBeNull();
  });

  it('after an enterprise moves, the new 市州’s centre does not read what it issued under the old one', async () => {
    const q = `query($id: ID!) { enterprise(id: $id) { certificates(first: 100) { edges { node { number prefecture { code } } } }
      evaluationPlans(first: 100) { edges { node { id prefecture { code } } } } } }`;
    const city = callers[4] as Who;
    const r = await gql(hub.url, q, { token: city.token, variables: { id: moved.id } });
    const e = r.data?.enterprise;
    const codes = [
      ...(e?.certificates?.edges ?? []).map((x: Row) => x.node.prefecture.code),
      ...(e?.evaluationPlans?.edges ?? []).map((x: Row) => x.node.prefecture.code),
    ];
    expect(codes).not.toContain(moved.from);
    const old = await gql(hub.url, q, {
      token: await token({ role: 'city_center', prefecture: moved.from, sub: 'walk-old-city' }),
      variables: { id: moved.id },
    });
    const numbers = (old.data?.enterprise?.certificates?.edges ?? []).map((x: Row) => x.node.number);
    expect(numbers).toContain(moved.certificate);
  });

  it('pages an enterprise’s own cases before the un-notified one is dropped: hasNextPage tells nothing of it', async () => {
    const q = `query($id: ID!, $after: String) { enterprise(id: $id) { supervisionCases(first: 1, after: $after) {
      pageInfo { hasNextPage endCursor } edges { node { id } } } } }`;
    const tok = await token({ role: 'enterprise', enterpriseId: casesOf.enterpriseId, sub: 'walk-cases' });
    const first = await gql(hub.url, q, { token: tok, variables: { id: casesOf.enterpriseId } });
    const page1 = first.data?.enterprise.supervisionCases;
    expect(page1.edges.map((e: Row) => e.node.id)).toEqual([casesOf.first]);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const second = await gql(hub.url, q, {
      token: tok,
      variables: { id: casesOf.enterpriseId, after: page1.pageInfo.endCursor },
    });
    const page2 = second.data?.enterprise.supervisionCases;
    expect(page2.edges.map((e: Row) => e.node.id)).toEqual([casesOf.last]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
  });

  it('audits reads of personal data: one event per request — who, through which field, the person masked', async () => {
    const sub = 'walk-audited-reader';
    const reader = await token({ role: 'city_center', prefecture: '430100', sub });
    const q = `query Audited($id: ID!) { worker(id: $id) { name residentId certificates { number holderName holderResidentId } } }`;
    const r = await gql(hub.url, q, { token: reader, variables: { id: person.workerAtA } });
    expect(r.data?.worker.residentId).toBe(person.residentId);
    const list = await gql(
      hub.url,
      `query { auditEvents(filter: { role: "city_center", field: "worker" }, first: 20) {
        edges { node { service field sub prefecture outcome codes targetIds args } } } }`,
      { token: await token({ role: 'province_center', sub: 'walk-auditor' }) },
    );
    expect(list.errors).toBeUndefined();
    const mine = list.data?.auditEvents.edges.map((e: Row) => e.node).filter((n: Row) => n.sub === sub);
    // One request to the assessments subgraph: one event, however many fields and people it read.
    expect(mine).toHaveLength(1);
    const event = mine[0];
    expect(event).toMatchObject({
      service: 'assessments',
      prefecture: '430100',
      outcome: 'OK',
      codes: ['PERSONAL_DATA_READ'],
    });
    expect(event.targetIds).toContain(`worker:${person.workerAtA}`);
    expect(event.targetIds).toContain(`certificate:${person.certificateOfA}`);
    // Which person, joinable to their records: the resident ID's lookup HMAC, as the mutation events keep it.
    expect(event.targetIds).toContain(residentIdTarget(person.residentId));
    // The other institution's certificate was shown masked: not a read in full, not in the log.
    expect(event.targetIds).not.toContain(`certificate:${person.certificateOfB}`);
    const args = JSON.parse(event.args);
    expect(Object.keys(args.read)).toEqual(
      expect.arrayContaining([
        'Worker.name',
        'Worker.residentId',
        'Certificate.holderName',
        'Certificate.holderResidentId',
      ]),
    );
    // Masked in the log itself: neither the resident ID nor the full name is stored.
    const stored = JSON.stringify(event);
    expect(stored).not.toContain(person.residentId);
    expect(stored).not.toContain(person.name);
  });
});
