import { certificateDecisionsAfterRevocation, enterprises, evaluationPlans } from '@hub/db';
import { and, eq, lte, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from './assessments-fixtures.ts';
import { gql, startTestHub, type TestHub, token } from './helpers.ts';

/**
 * Issue #24 point 13, through the gateway: after 取消备案资质 the centre decides, plan by plan,
 * whether the candidates who passed while the institution was in scope may still get their
 * certificates — with reasons, once, in the case history — and the assessments domain reads it.
 */

let hub: TestHub;
let inst: { id: string; prefectureCode: string };
let centre: ReturnType<typeof caller>;

const CASE = `supervisionCase { id status version revokedOn history { action note actorRole }
  certificateDecisions { planId decision reason decidedOn decidedRole } } errors { code message field }`;
const DECIDE = `mutation($c: ID!, $p: ID!, $d: CertificateDecision!, $r: String!) {
  decideCertificatesAfterRevocation(caseId: $c, planId: $p, decision: $d, reason: $r) { ${CASE} } }`;

async function openCaseOn(enterpriseId: string): Promise<string> {
  const opened = await centre(
    `mutation($i: OpenCaseInput!) { openCase(input: $i) { supervisionCase { id } errors { code } } }`,
    {
      i: {
        enterpriseId,
        source: 'SPECIAL_INSPECTION',
        violationTypes: ['DISHONESTY'],
        summary: '专项督查发现伪造考评记录。',
      },
    },
  );
  const id = opened.openCase.supervisionCase.id;
  await centre(`mutation($id: ID!, $f: CaseFindingInput!) { recordFinding(id: $id, input: $f) { errors { code } } }`, {
    id,
    f: { violationType: 'DISHONESTY', description: '考评记录与监控不符', evidence: ['video://0412'] },
  });
  return id;
}

/** Plans of an enterprise evaluated on or before today. */
const pastPlans = (enterpriseId: string) =>
  hub.db.db
    .select({ id: evaluationPlans.id })
    .from(evaluationPlans)
    .where(
      and(
        eq(evaluationPlans.enterpriseId, enterpriseId),
        lte(evaluationPlans.evaluationDate, hub.clock.today()),
        ne(evaluationPlans.status, 'CANCELLED'),
      ),
    );

beforeAll(async () => {
  hub = await startTestHub(300);
  // A confirmed institution with at least two plans evaluated by today.
  const [row] = await hub.db.db
    .select({ id: enterprises.id, prefectureCode: enterprises.prefectureCode })
    .from(enterprises)
    .innerJoin(evaluationPlans, eq(evaluationPlans.enterpriseId, enterprises.id))
    .where(
      and(
        eq(enterprises.qualification, 'CONFIRMED'),
        lte(evaluationPlans.evaluationDate, hub.clock.today()),
        ne(evaluationPlans.status, 'CANCELLED'),
      ),
    )
    .groupBy(enterprises.id, enterprises.prefectureCode)
    .having(sql`count(*) >= 2`)
    .limit(1);
  if (!row) throw new Error('the seed has no institution with two past plans');
  inst = row;
  centre = caller(hub.url, await token({ role: 'city_center', prefecture: inst.prefectureCode, sub: 'centre-decide' }));
});
afterAll(async () => {
  await hub?.stop();
});

describe('certificates after 取消备案资质 (#24 point 13)', () => {
  it('lets the centre authorise or refuse each plan evaluated before the revocation, once, with reasons, for the assessments domain to read', async () => {
    const id = await openCaseOn(inst.id);
    // Not revoked yet: nothing to decide.
    const [first, second] = await pastPlans(inst.id);
    if (!first || !second) throw new Error('fewer than two past plans');
    const early = (await centre(DECIDE, { c: id, p: first.id, d: 'AUTHORISE', r: '考生无过错' }))
      .decideCertificatesAfterRevocation;
    expect(early.errors.map((e: any) => e.code)).toEqual(['QUALIFICATION_NOT_REVOKED']);

    await centre(`mutation($id: ID!) { escalateCase(id: $id, reason: "伪造考评记录，问题严重") { errors { code } } }`, {
      id,
    });
    const revoked = await centre(
      `mutation($id: ID!) { revokeQualification(id: $id, reason: "伪造考评记录，取消资质") { ${CASE} } }`,
      { id },
    );
    expect(revoked.revokeQualification.supervisionCase.status).toBe('QUALIFICATION_REVOKED');

    const reason = '该批次考核经复核程序规范，考生无过错，仍予发证';
    const authorised = (await centre(DECIDE, { c: id, p: first.id, d: 'AUTHORISE', r: reason }))
      .decideCertificatesAfterRevocation;
    expect(authorised.errors).toEqual([]);
    expect(authorised.supervisionCase.certificateDecisions).toEqual([
      { planId: first.id, decision: 'AUTHORISE', reason, decidedOn: hub.clock.today(), decidedRole: 'city_center' },
    ]);
    expect(authorised.supervisionCase.history.at(-1)).toMatchObject({
      action: 'DECIDE_CERTIFICATES',
      actorRole: 'city_center',
    });
    expect(authorised.supervisionCase.history.at(-1).note).toContain(reason);

    const refused = (await centre(DECIDE, { c: id, p: second.id, d: 'REFUSE', r: '该批次考核记录系伪造' }))
      .decideCertificatesAfterRevocation;
    expect(refused.errors).toEqual([]);

    const again = (await centre(DECIDE, { c: id, p: first.id, d: 'REFUSE', r: '改变主意' }))
      .decideCertificatesAfterRevocation;
    expect(again.errors.map((e: any) => e.code)).toEqual(['PLAN_ALREADY_DECIDED']);
    const noReason = (await centre(DECIDE, { c: id, p: first.id, d: 'REFUSE', r: ' ' }))
      .decideCertificatesAfterRevocation;
    expect(noReason.errors.map((e: any) => e.code)).toEqual(['DECISION_NEEDS_REASON']);

    // What the assessments domain calls before issuing for a revoked institution.
    const read = await certificateDecisionsAfterRevocation(hub.db.db, [first.id, second.id]);
    expect(read.get(first.id)).toMatchObject({ decision: 'AUTHORISE', caseId: id, reason });
    expect(read.get(second.id)).toMatchObject({ decision: 'REFUSE', caseId: id });
  });

  it('refuses a plan of another institution, changing nothing', async () => {
    const id = await openCaseOn((await otherInstitution()).id);
    await centre(`mutation($id: ID!) { escalateCase(id: $id, reason: "问题严重") { errors { code } } }`, { id });
    await centre(`mutation($id: ID!) { revokeQualification(id: $id, reason: "取消资质") { errors { code } } }`, { id });
    const [foreign] = await pastPlans(inst.id);
    if (!foreign) throw new Error('no past plan');
    const r = (await centre(DECIDE, { c: id, p: foreign.id, d: 'AUTHORISE', r: '考生无过错' }))
      .decideCertificatesAfterRevocation;
    expect(r.errors.map((e: any) => e.code)).toEqual(['PLAN_NOT_OF_INSTITUTION']);
    expect((await certificateDecisionsAfterRevocation(hub.db.db, [foreign.id])).get(foreign.id)?.caseId).not.toBe(id);
  });

  it('keeps the decision to the centres: an inspector is refused at the door', async () => {
    const inspector = await token({ role: 'inspector', prefecture: inst.prefectureCode, sub: 'inspector-decide' });
    const r = await gql(hub.url, DECIDE, {
      token: inspector,
      variables: {
        c: '00000000-0000-4000-8000-000000000000',
        p: '00000000-0000-4000-8000-000000000000',
        d: 'REFUSE',
        r: 'x',
      },
    });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

/** Another enterprise of the same 市州 (the centre acts there). */
async function otherInstitution() {
  const [e] = await hub.db.db
    .select()
    .from(enterprises)
    .where(and(eq(enterprises.prefectureCode, inst.prefectureCode), ne(enterprises.id, inst.id)))
    .limit(1);
  if (!e) throw new Error('no other enterprise in the 市州');
  return e;
}
