import { candidates, certificates, enterprises, evaluationPlans } from '@hub/db';
import { and, eq, isNull, lt, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, institutionToken } from './assessments-fixtures.ts';
import { startTestHub, type TestHub, token } from './helpers.ts';

/**
 * Issue #24 point 13, the issuing side, through the gateway: after 取消备案资质 the candidates of a
 * plan the institution ran in scope get their certificates once the centre authorises that plan;
 * while it has not decided they wait, and a plan it refused gets none.
 */

let hub: TestHub;
let inst: { id: string; prefectureCode: string };
let centre: ReturnType<typeof caller>;
let institution: ReturnType<typeof caller>;

const ISSUE = `mutation($p: ID!) { issueCertificates(planId: $p) { certificates { number issuedOn } errors { code message field } } }`;
const DECIDE = `mutation($c: ID!, $p: ID!, $d: CertificateDecision!, $r: String!) {
  decideCertificatesAfterRevocation(caseId: $c, planId: $p, decision: $d, reason: $r) { errors { code } } }`;

/** The story institution's plans whose publicity is over and whose passed candidates still wait for certificates. */
async function issuablePlans(enterpriseId: string): Promise<string[]> {
  const rows = await hub.db.db
    .selectDistinct({ id: evaluationPlans.id })
    .from(evaluationPlans)
    .innerJoin(candidates, eq(candidates.planId, evaluationPlans.id))
    .leftJoin(certificates, eq(certificates.candidateId, candidates.id))
    .where(
      and(
        eq(evaluationPlans.enterpriseId, enterpriseId),
        ne(evaluationPlans.status, 'CANCELLED'),
        lt(evaluationPlans.publicityEndsOn, hub.clock.today()),
        eq(candidates.result, 'PASSED'),
        isNull(certificates.number),
      ),
    );
  return rows.map((r) => r.id).sort();
}

const issuedFor = async (planId: string) =>
  (
    await hub.db.db.select({ n: sql<number>`count(*)::int` }).from(certificates).where(eq(certificates.planId, planId))
  )[0]?.n ?? 0;

beforeAll(async () => {
  hub = await startTestHub(300);
  const [story] = await hub.db.db
    .select({ id: enterprises.id, prefectureCode: enterprises.prefectureCode })
    .from(enterprises)
    .where(eq(enterprises.institutionCode, '010001'));
  if (!story) throw new Error('the seed has no story institution 010001');
  inst = story;
  centre = caller(hub.url, await token({ role: 'city_center', prefecture: inst.prefectureCode, sub: 'centre-after' }));
  institution = caller(hub.url, await institutionToken(inst.id));
});
afterAll(async () => {
  await hub?.stop();
});

describe('issuing after 取消备案资质 (#24 point 13)', () => {
  it('issues a plan evaluated before the revocation only after the centre authorises it; a refused plan gets none', async () => {
    const [authorised, refused] = await issuablePlans(inst.id);
    if (!authorised || !refused)
      throw new Error('the story institution has fewer than two plans waiting for certificates');

    // Revocation through the supervision case.
    const opened = await centre(
      `mutation($i: OpenCaseInput!) { openCase(input: $i) { supervisionCase { id } errors { code } } }`,
      {
        i: {
          enterpriseId: inst.id,
          source: 'SPECIAL_INSPECTION',
          violationTypes: ['DISHONESTY'],
          summary: '专项督查发现伪造考评记录。',
        },
      },
    );
    const caseId = opened.openCase.supervisionCase.id;
    await centre(
      `mutation($id: ID!, $f: CaseFindingInput!) { recordFinding(id: $id, input: $f) { errors { code } } }`,
      {
        id: caseId,
        f: { violationType: 'DISHONESTY', description: '考评记录与监控不符', evidence: ['video://0412'] },
      },
    );
    await centre(`mutation($id: ID!) { escalateCase(id: $id, reason: "伪造考评记录，问题严重") { errors { code } } }`, {
      id: caseId,
    });
    const revoked = await centre(
      `mutation($id: ID!) { revokeQualification(id: $id, reason: "伪造考评记录，取消资质") { errors { code } } }`,
      { id: caseId },
    );
    expect(revoked.revokeQualification.errors).toEqual([]);

    // No decision yet: the certificates wait, nothing is written.
    const waiting = (await institution(ISSUE, { p: authorised })).issueCertificates;
    expect(waiting.errors.map((e: any) => e.code)).toEqual(['CERTIFICATES_AWAIT_CENTRE_DECISION']);
    expect(waiting.errors[0].message).toContain('评价中心');
    expect(await issuedFor(authorised)).toBe(0);

    for (const [p, d, r] of [
      [authorised, 'AUTHORISE', '考核程序规范，考生无过错，仍予发证'],
      [refused, 'REFUSE', '该批次考核记录系伪造'],
    ] as const) {
      expect((await centre(DECIDE, { c: caseId, p, d, r })).decideCertificatesAfterRevocation.errors).toEqual([]);
    }

    const issued = (await institution(ISSUE, { p: authorised })).issueCertificates;
    expect(issued.errors).toEqual([]);
    expect(issued.certificates.length).toBeGreaterThan(0);
    expect(issued.certificates.every((c: any) => c.issuedOn === hub.clock.today())).toBe(true);

    const denied = (await institution(ISSUE, { p: refused })).issueCertificates;
    expect(denied.errors.map((e: any) => e.code)).toEqual(['CERTIFICATES_REFUSED_AFTER_REVOCATION']);
    expect(await issuedFor(refused)).toBe(0);
  });
});
