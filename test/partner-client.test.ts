import { certificates, workers } from '@hub/db';
import {
  createPartnerClient,
  HubError,
  HubRefusal,
  type PartnerClient,
  verifyWebhookSignature,
} from '@hub/partner-client';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caller,
  findInstitution,
  type Institution,
  institutionToken,
  publishYearlyAnnouncement,
  residentId,
} from './assessments-fixtures.ts';
import { dayFrom, gql, partnerToken, startTestHub, type TestHub } from './helpers.ts';
import { Receiver, waitFor } from './webhook-receiver.ts';

/**
 * The partner client (@hub/partner-client, issue #30 point 5) against the real gateway, as a
 * partner HR system runs its sync: workers in, candidates of a plan in, the plan and its results
 * out, every certificate of the institution out page by page; refusals as typed errors; another
 * enterprise's partner sees none of it.
 */

let hub: TestHub;
let inst: Institution;
let partner: PartnerClient;
let planId: string;
const BIRTH = '19880612';
const people = Array.from({ length: 5 }, (_, i) => ({
  row: i + 2,
  name: `同步职工${i + 1}`,
  residentId: residentId(7000 + i, BIRTH),
}));

const collect = async <T>(items: AsyncIterable<T>) => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};

beforeAll(async () => {
  hub = await startTestHub(300);
  inst = await findInstitution(hub, [4], { onDate: dayFrom(hub, 21), minCertificates: 3 });
  // A small page, so that every list is read over several pages.
  partner = createPartnerClient({
    url: hub.url,
    token: await partnerToken(hub, inst.id, { canWrite: true }),
    pageSize: 2,
  });
});
afterAll(async () => {
  await hub?.stop();
});

describe('a partner HR system syncs through the typed client', () => {
  it('imports workers: a dry run checks and writes nothing, then all are written', async () => {
    const rows = people.map((p) => ({ ...p, employedSince: '2019-03-01' }));
    const countWorkers = async () =>
      (
        await hub.db.db
          .select({ n: sql<number>`count(*)::int` })
          .from(workers)
          .where(eq(workers.institutionId, inst.id))
      )[0]?.n ?? 0;
    const before = await countWorkers();
    const dry = await partner.importWorkers(rows, { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, checked: people.length, imported: 0, problems: [] });
    expect(await countWorkers()).toBe(before);
    const done = await partner.importWorkers(rows);
    expect(done).toMatchObject({ dryRun: false, imported: people.length, problems: [] });
    expect(await countWorkers()).toBe(before + people.length);
  });

  it('gets a rule refusal as a HubRefusal with the hub’s code', async () => {
    const first = people[0] as (typeof people)[number];
    const err = await partner
      .registerWorker({ name: first.name, residentId: first.residentId, employedSince: '2019-03-01' })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(HubRefusal);
    expect((err as HubRefusal).errors.length).toBeGreaterThan(0);
    expect((err as HubRefusal).code).toMatch(/^[A-Z_]+$/);
  });

  it('adds the workers as candidates of a plan the institution reported, and reads the plan and its results', async () => {
    const run = caller(hub.url, await institutionToken(inst.id));
    const team: string[] = [];
    for (const [name, role] of [
      ['周考评', 'SENIOR_ASSESSOR'],
      ['吴考评', 'ASSESSOR'],
      ['郑考评', 'ASSESSOR'],
      ['冯督导', 'QUALITY_SUPERVISOR'],
    ] as const) {
      const d = await run(
        'mutation($i: RegisterAssessorInput!) { registerAssessor(input: $i) { assessor { id } errors { code } } }',
        { i: { name, role } },
      );
      team.push(d.registerAssessor.assessor.id);
    }
    const evaluationDate = dayFrom(hub, 21);
    const announcementId = await publishYearlyAnnouncement(run, inst.occupationCode, evaluationDate);
    const d = await run(
      'mutation($i: ReportEvaluationPlanInput!) { reportEvaluationPlan(input: $i) { plan { id } errors { code message } } }',
      {
        i: {
          announcementId,
          occupationCode: inst.occupationCode,
          level: 'LEVEL_4',
          method: 'SKILL_OPERATION',
          evaluationDate,
          site: '实训中心',
          assessorIds: team.slice(0, 3),
          supervisorIds: team.slice(3),
        },
      },
    );
    expect(d.reportEvaluationPlan.errors).toEqual([]);
    planId = d.reportEvaluationPlan.plan.id;

    const added = await partner.importCandidates(
      planId,
      people.map(({ row, name, residentId }) => ({ row, name, residentId })),
    );
    expect(added).toMatchObject({ imported: people.length, problems: [] });

    const plans = await collect(partner.plans({ status: 'REPORTED' }));
    expect(plans.map((p) => p.id)).toContain(planId);
    expect(plans.every((p) => p.status === 'REPORTED')).toBe(true);
    const results = await collect(partner.planResults(planId));
    expect(results.map((c) => c.worker.name).sort()).toEqual(people.map((p) => p.name).sort());
    expect(results.every((c) => c.result === null && c.certificate === null)).toBe(true);
  });

  it('reads every certificate of the institution, page after page, and no other', async () => {
    const got = await collect(partner.certificates());
    const inDb = await hub.db.db
      .select({ number: certificates.number })
      .from(certificates)
      .where(eq(certificates.enterpriseId, inst.id));
    expect(inDb.length).toBeGreaterThanOrEqual(3);
    expect(got.map((c) => c.number).sort()).toEqual(inDb.map((c) => c.number).sort());
    expect(new Set(got.map((c) => c.number)).size).toBe(got.length);
  });

  it('refuses a read-only credential’s write with a HubError, and shows another enterprise none of it', async () => {
    const readOnly = createPartnerClient({ url: hub.url, token: await partnerToken(hub, inst.id) });
    const err = await readOnly.importWorkers([{ row: 2, name: '只读', residentId: residentId(7999, BIRTH) }]).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(HubError);
    expect((err as HubError).code).toBe('FORBIDDEN');

    const [other] = await hub.db.db
      .select({ id: certificates.enterpriseId })
      .from(certificates)
      .where(and(sql`${certificates.enterpriseId} <> ${inst.id}`))
      .limit(1);
    const stranger = createPartnerClient({
      url: hub.url,
      token: await partnerToken(hub, (other as { id: string }).id),
    });
    const theirs = await collect(stranger.certificates());
    expect(theirs.length).toBeGreaterThan(0);
    const ours = new Set((await collect(partner.certificates())).map((c) => c.number));
    expect(theirs.some((c) => ours.has(c.number))).toBe(false);
    expect((await collect(stranger.plans())).some((p) => p.id === planId)).toBe(false);
    expect(await stranger.request((await import('@hub/partner-client')).operations.PlanResults, { planId })).toEqual({
      evaluationPlan: null,
    });
  });
});

describe('a partner HR system follows the change feed through the typed client', () => {
  const secret = 'partner-client-secret-0123456789-abcdef';
  const nowSeconds = () => Math.floor(hub.clock.now().getTime() / 1000);
  let receiver: Receiver;
  afterAll(() => receiver?.stop());

  it('registers a webhook, gets a signed delivery of the event the feed lists, and verifies it', async () => {
    const feedBefore = await collect(partner.certificateEvents());
    const from = feedBefore.at(-1)?.cursor ?? null;
    receiver = new Receiver(secret, nowSeconds);
    await receiver.start();
    const hook = await partner.registerWebhook({ url: receiver.url, secret, topics: ['CERTIFICATE'] });
    expect(hook).toMatchObject({ status: 'ACTIVE', topics: ['CERTIFICATE'], url: receiver.url });

    // A change to one of the institution's certificates: it goes into the national query system.
    const [pending] = await collect(partner.certificates({ nationalUpload: 'NOT_UPLOADED' }));
    if (!pending) throw new Error('the institution has no certificate waiting for upload');
    const upload = await gql(
      hub.url,
      `mutation($n: [String!]!) { recordUpload(numbers: $n, batchReference: "OSTA-CLIENT-0001") { errors { code } } }`,
      { variables: { n: [pending.number] }, token: await institutionToken(inst.id) },
    );
    expect(upload.data?.recordUpload.errors).toEqual([]);

    const events = await collect(partner.certificateEvents({ after: from }));
    expect(events.map((e) => [e.type, e.number])).toEqual([['CERTIFICATE_UPLOADED', pending.number]]);
    const [event] = events;
    const delivery = await waitFor('the webhook delivery', async () => receiver.deliveries[0]);
    expect(delivery.key).toBe(event?.id);
    expect(delivery.body.cursor).toBe(event?.cursor);

    // The client's check agrees with the hub's signature, and refuses a tampered, foreign or stale one.
    const now = nowSeconds();
    expect(verifyWebhookSignature(secret, delivery.signature, delivery.raw, { nowSeconds: now })).toBe(true);
    expect(verifyWebhookSignature(secret, delivery.signature, delivery.raw.replace('UPLOADED', 'REVOKED'))).toBe(false);
    expect(verifyWebhookSignature(`${secret}x`, delivery.signature, delivery.raw, { nowSeconds: now })).toBe(false);
    expect(verifyWebhookSignature(secret, delivery.signature, delivery.raw, { nowSeconds: now + 3600 })).toBe(false);
    expect(verifyWebhookSignature(secret, undefined, delivery.raw, { nowSeconds: now })).toBe(false);
  });

  it('pauses, resumes and removes the webhook; the removed one is listed only when asked', async () => {
    const [hook] = await partner.webhooks();
    if (!hook) throw new Error('no webhook registered');
    expect((await partner.pauseWebhook(hook.id))?.status).toBe('PAUSED');
    expect((await partner.resumeWebhook(hook.id))?.status).toBe('ACTIVE');
    expect((await partner.removeWebhook(hook.id))?.removedAt).not.toBeNull();
    expect(await partner.webhooks()).toEqual([]);
    expect((await partner.webhooks({ includeRemoved: true })).map((w) => w.id)).toEqual([hook.id]);
    const refused = await partner.resumeWebhook(hook.id).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(HubRefusal);
  });
});
