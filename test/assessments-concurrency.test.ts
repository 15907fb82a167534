import {
  assessors,
  candidates,
  certificateSerials,
  certificates,
  evaluationPlans,
  feedEvents,
  planStaff,
  sealWorkerResidentId,
  workers,
} from '@hub/db';
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInstitution, type Institution, institutionToken, residentId } from './assessments-fixtures.ts';
import { gql, startTestHub, type TestHub } from './helpers.ts';

/**
 * Certificate serials under concurrent issuing. Runs on PostgreSQL only: PGlite is one
 * in-process connection, so nothing there is concurrent and the test would prove nothing.
 */
const onPostgres = !!process.env.DATABASE_URL;
const N = 1000;

let hub: TestHub;
let inst: Institution;
let candidateIds: string[] = [];

describe.runIf(onPostgres)('certificate numbers under concurrent issuing', () => {
  beforeAll(async () => {
    // A burst of 1,000 issues queues on 5 pooled connections and one counter row for ~20 s:
    // the gateway's 10 s per-call deadline would cut the tail off, and latency is not what this test measures.
    process.env.HUB_SUBGRAPH_TIMEOUT_MS = '120000';
    hub = await startTestHub(300, { today: '2026-12-22' });
    inst = await findInstitution(hub, [4]);
    const { db } = hub.db;
    // Setup straight into the assessments tables: a reviewed, publicised plan of level 4 with N passed candidates.
    const [a] = await db
      .insert(assessors)
      .values({ institutionId: inst.id, name: '王考评', role: 'SENIOR_ASSESSOR' })
      .returning();
    const [plan] = await db
      .insert(evaluationPlans)
      .values({
        enterpriseId: inst.id,
        prefectureCode: inst.prefectureCode,
        qualification: inst.kind,
        occupationCode: inst.occupationCode,
        level: 4,
        method: 'SKILL_OPERATION',
        evaluationDate: '2026-12-14',
        reportedOn: '2026-12-01',
        reportDeadline: '2026-12-07',
        site: '实训中心',
        status: 'SUBMITTED',
        reviewedOn: '2026-12-14',
        publicityStartsOn: '2026-12-15',
        publicityEndsOn: '2026-12-19',
        resultsSubmittedOn: '2026-12-21',
      })
      .returning();
    if (!a || !plan) throw new Error('setup failed');
    await db.insert(planStaff).values({ planId: plan.id, assessorId: a.id, role: 'SENIOR_ASSESSOR' });
    const people = await db
      .insert(workers)
      .values(
        Array.from({ length: N }, (_, i) => ({
          institutionId: inst.id,
          employerCreditCode: inst.creditCode,
          employerName: inst.name,
          name: `工人${i}`,
          ...sealWorkerResidentId(residentId(i, `19${String(70 + (i % 30)).padStart(2, '0')}0101`.slice(0, 8))),
          employedSince: '2020-01-01',
        })),
      )
      .returning({ id: workers.id });
    const rows = await db
      .insert(candidates)
      .values(people.map((p) => ({ planId: plan.id, workerId: p.id, result: 'PASSED' as const, total: 80 })))
      .returning({ id: candidates.id });
    candidateIds = rows.map((r) => r.id);
  }, 180_000);
  afterAll(async () => {
    delete process.env.HUB_SUBGRAPH_TIMEOUT_MS;
    await hub?.stop();
  });

  it(`gives ${N} concurrent issues for one institution, year and level ${N} distinct consecutive serials (PostgreSQL only)`, async () => {
    hub.clock.set('2026-12-22', 'test');
    const counter = () =>
      hub.db.db
        .select()
        .from(certificateSerials)
        .where(
          and(
            eq(certificateSerials.institutionCode, inst.institutionCode),
            eq(certificateSerials.year, 2026),
            eq(certificateSerials.level, 4),
          ),
        );
    const before = (await counter())[0]?.last ?? 0;
    const tok = await institutionToken(inst.id);
    const started = performance.now();
    const results = await Promise.all(
      candidateIds.map((id) =>
        gql(
          hub.url,
          'mutation($c: ID!) { issueCertificate(candidateId: $c) { certificates { number } errors { code message } } }',
          { token: tok, variables: { c: id } },
        ),
      ),
    );
    const ms = performance.now() - started;
    console.log(`${N} concurrent issueCertificate calls through the gateway on PostgreSQL: ${Math.round(ms)} ms`);
    for (const r of results) {
      expect(r.errors).toBeUndefined();
      expect(r.data?.issueCertificate.errors).toEqual([]);
    }
    const numbers = results.map((r) => r.data?.issueCertificate.certificates[0].number as string);
    expect(new Set(numbers).size).toBe(N);
    const prefix = `Y000043${inst.institutionCode}264`;
    for (const n of numbers) expect(n.slice(0, 16)).toBe(prefix);
    const serials = numbers.map((n) => Number(n.slice(16))).sort((x, y) => x - y);
    expect(serials).toEqual(Array.from({ length: N }, (_, i) => before + 1 + i));
    expect((await counter())[0]?.last).toBe(before + N);
    const stored = await hub.db.db
      .select({ n: certificates.number })
      .from(certificates)
      .where(eq(certificates.enterpriseId, inst.id));
    expect(stored.filter((s) => s.n.startsWith(prefix))).toHaveLength(before + N);
    // 变更推送: one event per certificate, written with it, at gapless positions in commit order (#30 point 4).
    const feed = await hub.db.db
      .select({ position: feedEvents.position, subject: feedEvents.subject, type: feedEvents.type })
      .from(feedEvents)
      .where(eq(feedEvents.enterpriseId, inst.id))
      .orderBy(asc(feedEvents.position));
    expect(feed.map((e) => e.position)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    expect(feed.every((e) => e.type === 'CERTIFICATE_ISSUED')).toBe(true);
    expect(feed.map((e) => e.subject)).toEqual([...numbers].sort());
  }, 180_000);

  it('records a person once when 8 registrations of the same person race: one worker, the rest WORKER_ALREADY_RECORDED (PostgreSQL only)', async () => {
    const tok = await institutionToken(inst.id);
    const id = residentId(N + 77, '19850505');
    const results = await Promise.all(
      Array.from({ length: 8 }, () =>
        gql(
          hub.url,
          'mutation($i: RegisterWorkerInput!) { registerWorker(input: $i) { worker { id } errors { code } } }',
          { token: tok, variables: { i: { name: '并发登记', residentId: id, employedSince: '2020-01-01' } } },
        ),
      ),
    );
    for (const r of results) expect(r.errors).toBeUndefined();
    const made = results.filter((r) => r.data?.registerWorker.worker);
    const refused = results.flatMap((r) => r.data?.registerWorker.errors.map((e: { code: string }) => e.code) ?? []);
    expect(made).toHaveLength(1);
    expect(refused).toEqual(Array(7).fill('WORKER_ALREADY_RECORDED'));
    const sealed = sealWorkerResidentId(id);
    const rows = await hub.db.db
      .select({ id: workers.id })
      .from(workers)
      .where(and(eq(workers.institutionId, inst.id), eq(workers.residentIdHmac, sealed.residentIdHmac)));
    expect(rows).toHaveLength(1);
  });
});

describe.skipIf(onPostgres)('certificate numbers under concurrent issuing (skipped)', () => {
  it.skip('needs PostgreSQL (DATABASE_URL): PGlite serves one connection, so concurrency cannot be shown there', () => {});
});
