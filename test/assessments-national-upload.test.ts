import { candidates, certificates, enterprises, evaluationPlans, overdueNationalUploads } from '@hub/db';
import { and, eq, isNull, lt, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, institutionToken } from './assessments-fixtures.ts';
import { dayFrom, startTestHub, type TestHub, token } from './helpers.ts';

/**
 * Issue #24 point 6, through the gateway: every certificate reaches the national query system
 * (全部纳入全国证书查询系统). Within HUB_NATIONAL_UPLOAD_DAYS (default 30) after issue it is pending,
 * then overdue; the city centre lists both with `certificates(nationalUpload:)`; the upload clears
 * them; a revocation of an uploaded certificate marks the national record as needing correction
 * until it is uploaded again. Supervision's named read counts the overdue ones per institution.
 */

let hub: TestHub;
let story: { id: string; prefectureCode: string };
let institution: ReturnType<typeof caller>;
let centre: ReturnType<typeof caller>;

const LIST = `query($f: NationalUploadFilter!, $o: OccupationCode, $l: SkillLevel) {
  certificates(nationalUpload: $f, occupationCode: $o, level: $l, first: 100) {
    totalCount edges { node { number uploadedOn nationalUpload nationalUploadDueOn } } } }`;
const UPLOAD = `mutation($n: [String!]!, $b: String!) { recordUpload(numbers: $n, batchReference: $b) { batch { count } errors { code } } }`;

beforeAll(async () => {
  hub = await startTestHub(300);
  const [row] = await hub.db.db
    .select({ id: enterprises.id, prefectureCode: enterprises.prefectureCode })
    .from(enterprises)
    .where(eq(enterprises.institutionCode, '010001'));
  if (!row) throw new Error('the seed has no story institution 010001');
  story = row;
  institution = caller(hub.url, await institutionToken(story.id));
  centre = caller(
    hub.url,
    await token({ role: 'city_center', prefecture: story.prefectureCode, sub: 'centre-upload' }),
  );
});
afterAll(async () => {
  hub?.clock.clear();
  await hub?.stop();
});

describe('every certificate reaches the national query system (#24 point 6)', () => {
  it('lists new certificates as pending, then overdue after the deadline; the upload clears them; a revocation needs correcting until re-uploaded', async () => {
    const [plan] = await hub.db.db
      .selectDistinct({
        id: evaluationPlans.id,
        occupationCode: evaluationPlans.occupationCode,
        level: evaluationPlans.level,
      })
      .from(evaluationPlans)
      .innerJoin(candidates, eq(candidates.planId, evaluationPlans.id))
      .leftJoin(certificates, eq(certificates.candidateId, candidates.id))
      .where(
        and(
          eq(evaluationPlans.enterpriseId, story.id),
          ne(evaluationPlans.status, 'CANCELLED'),
          lt(evaluationPlans.publicityEndsOn, hub.clock.today()),
          eq(candidates.result, 'PASSED'),
          isNull(certificates.number),
        ),
      )
      .limit(1);
    if (!plan) throw new Error('the story institution has no plan waiting for certificates');
    const issued = (
      await institution(
        `mutation($p: ID!) { issueCertificates(planId: $p) { certificates { number nationalUpload nationalUploadDueOn } errors { code } } }`,
        { p: plan.id },
      )
    ).issueCertificates;
    expect(issued.errors).toEqual([]);
    const numbers: string[] = issued.certificates.map((c: any) => c.number);
    expect(issued.certificates[0]).toMatchObject({ nationalUpload: 'PENDING', nationalUploadDueOn: dayFrom(hub, 30) });

    const listed = async (f: string) =>
      ((await centre(LIST, { f, o: plan.occupationCode, l: `LEVEL_${plan.level}` })).certificates.edges as any[]).map(
        (e) => e.node,
      );
    const mine = (nodes: any[]) =>
      nodes
        .filter((n) => numbers.includes(n.number))
        .map((n) => n.number)
        .sort();

    // Within the deadline: not uploaded, not overdue.
    expect(mine(await listed('NOT_UPLOADED'))).toEqual([...numbers].sort());
    expect(mine(await listed('OVERDUE'))).toEqual([]);

    // The day after the deadline: overdue, for the centre and for supervision's read.
    hub.clock.set(dayFrom(hub, 31), 'test');
    const overdue = await listed('OVERDUE');
    expect(mine(overdue)).toEqual([...numbers].sort());
    expect(overdue.every((n) => n.uploadedOn === null && n.nationalUpload === 'OVERDUE')).toBe(true);
    const signal = await overdueNationalUploads(hub.db.db, {
      issuedOnOrBefore: dayFrom(hub, -31),
      prefectureCode: story.prefectureCode,
    });
    expect(signal.find((g) => g.enterpriseId === story.id)?.count).toBeGreaterThanOrEqual(numbers.length);

    // Uploaded: off both lists.
    expect((await institution(UPLOAD, { n: numbers, b: 'OSTA-UPLOAD-0001' })).recordUpload.errors).toEqual([]);
    expect(mine(await listed('NOT_UPLOADED'))).toEqual([]);
    expect(mine(await listed('OVERDUE'))).toEqual([]);

    // A revocation after upload: the national record needs correcting until uploaded again.
    const [first] = numbers;
    const revoked = await centre(
      `mutation($n: String!) { revokeCertificate(number: $n, reason: "考评记录不实，撤销证书") { certificate { status nationalUpload } errors { code } } }`,
      { n: first },
    );
    expect(revoked.revokeCertificate.certificate).toEqual({ status: 'REVOKED', nationalUpload: 'NEEDS_CORRECTION' });
    expect(mine(await listed('NEEDS_CORRECTION'))).toEqual([first]);
    expect((await institution(UPLOAD, { n: [first], b: 'OSTA-UPLOAD-0002' })).recordUpload.errors).toEqual([]);
    expect(mine(await listed('NEEDS_CORRECTION'))).toEqual([]);
    // Corrected once: a second upload of the same revocation is refused.
    expect(
      (await institution(UPLOAD, { n: [first], b: 'OSTA-UPLOAD-0003' })).recordUpload.errors.map((e: any) => e.code),
    ).toEqual(['ALREADY_UPLOADED']);
  });
});
