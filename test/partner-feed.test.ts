import {
  auditEvents,
  certificates,
  decryptResidentId,
  enterprises,
  feedEvents,
  webhookDeliveries,
  webhooks,
} from '@hub/db';
import { HubClock } from '@hub/vocabulary';
import { asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller, institutionToken } from './assessments-fixtures.ts';
import { dayFrom, gql, partnerToken, startTestHub, type TestHub, token } from './helpers.ts';
import { reviewScoredPlan, type StoryPlans, storyPlans } from './partner-feed-story.ts';
import { Receiver, waitFor } from './webhook-receiver.ts';

/**
 * Issue #30 point 4, through the gateway: 变更推送 for partner HR systems. The story institution's
 * plans are walked (reviewed, publicised, an objection upheld, submitted, certificates issued,
 * uploaded, one revoked and its national record corrected); every change is in the institution's
 * feed, written with the change, read oldest first in pages by cursor, by the institution and its
 * partner system only; and pushed to a partner's webhook receiver, which is stopped mid-stream and
 * restarted and ends with every event exactly once, in feed order.
 */

let hub: TestHub;
let story: { id: string; prefectureCode: string };
let plans: StoryPlans;
let institution: ReturnType<typeof caller>;
/** The hub's clock runs this far ahead of the real time (the back-off waits are stepped over). */
let shift = 0;
/**
 * Certificate events of the walk (the first describe): two per certificate issued, the revocation and
 * its correction. How many certificates the seed's plan holds depends on the day the hub starts.
 */
let walkEvents = 0;

const PAGE = (list: string, fields: string) => `query($after: String) {
  ${list}(first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { cursor node { id type cursor occurredAt ${fields} } } } }`;
const CERTIFICATE_FIELDS =
  'number status workerId candidateId planId occupationCode level issuedOn revokedOn uploadedOn';

/** Every event of one list, read in pages of two, as a partner would: each page after the last cursor. */
async function readAll(tok: string, list: string, fields: string, after: string | null = null) {
  const nodes: any[] = [];
  let cursor = after;
  for (let page = 0; page < 100; page++) {
    const r = await gql(hub.url, PAGE(list, fields), { token: tok, variables: { after: cursor } });
    expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
    const conn = r.data?.[list];
    for (const e of conn.edges) {
      expect(e.node.cursor).toBe(e.cursor);
      nodes.push(e.node);
    }
    if (!conn.pageInfo.hasNextPage) return { nodes, cursor: conn.pageInfo.endCursor ?? cursor };
    cursor = conn.pageInfo.endCursor;
  }
  throw new Error('more than 100 pages');
}

/** Delivery settings of this hub: a quick poll, and a pause after three failures in a row. */
const ENV = { HUB_WEBHOOK_POLL_MS: '100', HUB_WEBHOOK_PAUSE_AFTER: '3' } as const;
const savedEnv = Object.fromEntries(Object.keys(ENV).map((k) => [k, process.env[k]]));

beforeAll(async () => {
  Object.assign(process.env, ENV);
  hub = await startTestHub(300, { clock: new HubClock({ production: false, realTime: () => Date.now() + shift }) });
  const [row] = await hub.db.db
    .select({ id: enterprises.id, prefectureCode: enterprises.prefectureCode })
    .from(enterprises)
    .where(eq(enterprises.institutionCode, '010001'));
  if (!row) throw new Error('the seed has no story institution 010001');
  story = row;
  plans = await storyPlans(hub.db.db, story.id, hub.clock.today());
  institution = caller(hub.url, await institutionToken(story.id));
});
afterAll(async () => {
  await hub?.stop();
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

describe('the change feed (certificateEvents, planEvents, candidateResultEvents)', () => {
  let issued: string[] = [];

  it('records every change of the walk, in the same transaction, and lists it oldest first in pages by cursor', async () => {
    const tok = await institutionToken(story.id);
    expect((await readAll(tok, 'certificateEvents', 'number')).nodes).toEqual([]);

    const reviewedPlan = await reviewScoredPlan(hub.db.db, institution, plans.scored);
    const publicity = await institution(
      `mutation($p: ID!, $s: Date!, $e: Date!) { startPublicity(planId: $p, startsOn: $s, endsOn: $e) { errors { code } } }`,
      { p: plans.reviewed, s: hub.clock.today(), e: dayFrom(hub, 6) },
    );
    expect(publicity.startPublicity.errors).toEqual([]);
    const upheld = await institution(
      `mutation($o: ID!) { resolveObjection(objectionId: $o, outcome: UPHELD, resolution: "经复核，异议成立") { errors { code } } }`,
      { o: plans.objection.objectionId },
    );
    expect(upheld.resolveObjection.errors).toEqual([]);
    const submitted = await institution(`mutation($p: ID!) { submitResults(planId: $p) { errors { code } } }`, {
      p: plans.publicityEnded,
    });
    expect(submitted.submitResults.errors).toEqual([]);
    const issue = await institution(
      `mutation($p: ID!) { issueCertificates(planId: $p) { certificates { number } errors { code } } }`,
      { p: plans.publicityEnded },
    );
    expect(issue.issueCertificates.errors).toEqual([]);
    issued = issue.issueCertificates.certificates.map((c: { number: string }) => c.number);
    expect(issued.length).toBeGreaterThan(1);
    const upload = await institution(
      `mutation($n: [String!]!) { recordUpload(numbers: $n, batchReference: "OSTA-FEED-0001") { errors { code } } }`,
      { n: issued },
    );
    expect(upload.recordUpload.errors).toEqual([]);
    const [first] = issued;
    const revoke = await institution(
      `mutation($n: String!) { revokeCertificate(number: $n, reason: "考评记录不实，撤销证书") { errors { code } } }`,
      { n: first },
    );
    expect(revoke.revokeCertificate.errors).toEqual([]);
    const correct = await institution(
      `mutation($n: [String!]!) { recordUpload(numbers: $n, batchReference: "OSTA-FEED-0002") { errors { code } } }`,
      { n: [first] },
    );
    expect(correct.recordUpload.errors).toEqual([]);

    const certs = await readAll(tok, 'certificateEvents', CERTIFICATE_FIELDS);
    expect(certs.nodes.map((n) => [n.type, n.number])).toEqual([
      ...issued.map((n) => ['CERTIFICATE_ISSUED', n]),
      ...issued.map((n) => ['CERTIFICATE_UPLOADED', n]),
      ['CERTIFICATE_REVOKED', first],
      ['CERTIFICATE_CORRECTED', first],
    ]);
    walkEvents = certs.nodes.length;
    // As the certificate stood after each change; the holder by worker id only.
    const rows = await hub.db.db.select().from(certificates).where(inArray(certificates.number, issued));
    const one = certs.nodes[0];
    const row = rows.find((r) => r.number === one.number);
    expect(one).toMatchObject({
      status: 'VALID',
      planId: plans.publicityEnded,
      candidateId: row?.candidateId,
      occupationCode: row?.occupationCode,
      issuedOn: hub.clock.today(),
      revokedOn: null,
      uploadedOn: null,
    });
    expect(one.workerId).toMatch(/^[0-9a-f-]{36}$/);
    expect(certs.nodes.at(-2)).toMatchObject({ status: 'REVOKED', revokedOn: hub.clock.today() });
    expect(new Set(certs.nodes.map((n) => n.id)).size).toBe(certs.nodes.length);

    const planFeed = await readAll(tok, 'planEvents', 'planId status passed failed withheld');
    expect(planFeed.nodes.map((n) => [n.type, n.planId, n.status])).toEqual([
      ['PLAN_RESULTS_REVIEWED', reviewedPlan, 'REVIEWED'],
      ['PLAN_PUBLICITY_STARTED', plans.reviewed, 'PUBLICISED'],
      ['PLAN_RESULTS_SUBMITTED', plans.publicityEnded, 'SUBMITTED'],
    ]);
    expect(planFeed.nodes[2].passed).toBe(issued.length);
    const results = await readAll(tok, 'candidateResultEvents', 'candidateId planId result workerId');
    const determined = results.nodes.filter((n) => n.type === 'CANDIDATE_RESULT_DETERMINED');
    expect(determined.length).toBeGreaterThan(0);
    expect(determined.every((n) => n.planId === reviewedPlan && ['PASSED', 'FAILED'].includes(n.result))).toBe(true);
    expect(results.nodes.at(-1)).toMatchObject({
      type: 'CANDIDATE_RESULT_CORRECTED',
      candidateId: plans.objection.candidateId,
      planId: plans.objection.planId,
      result: 'WITHHELD',
    });
  });

  it('keeps no name and no resident ID in the outbox', async () => {
    const events = await hub.db.db.select().from(feedEvents).where(eq(feedEvents.enterpriseId, story.id));
    const text = JSON.stringify(events);
    const holders = await hub.db.db
      .select({ name: certificates.holderName, id: certificates.holderResidentIdEnc })
      .from(certificates)
      .where(inArray(certificates.number, issued));
    expect(holders.length).toBe(issued.length);
    for (const h of holders) {
      expect(text).not.toContain(h.name);
      expect(text).not.toContain(decryptResidentId(h.id));
    }
    expect(text).not.toContain('考评记录不实');
  });

  it('writes no event for a refused change, and reads on from a kept cursor', async () => {
    const tok = await institutionToken(story.id);
    const before = await readAll(tok, 'certificateEvents', 'number');
    const again = await institution(`mutation($p: ID!) { issueCertificates(planId: $p) { errors { code } } }`, {
      p: plans.publicityEnded,
    });
    expect(again.issueCertificates.errors.map((e: { code: string }) => e.code)).toEqual(['NOTHING_TO_ISSUE']);
    const after = await readAll(tok, 'certificateEvents', 'number', before.cursor);
    expect(after).toEqual({ nodes: [], cursor: before.cursor });
    const bad = await gql(hub.url, PAGE('certificateEvents', 'number'), {
      token: tok,
      variables: { after: 'bm90LWEtbnVtYmVy' },
    });
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('shows the partner system the same feed; another enterprise nothing; a centre is refused at the door', async () => {
    const own = await readAll(await institutionToken(story.id), 'certificateEvents', 'number');
    const partner = await readAll(await partnerToken(hub, story.id), 'certificateEvents', 'number');
    expect(partner.nodes).toEqual(own.nodes);
    const [other] = await hub.db.db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(ne(enterprises.id, story.id))
      .orderBy(asc(enterprises.id))
      .limit(1);
    const theirs = await token({ role: 'enterprise', enterpriseId: other?.id as string, sub: 'feed-other' });
    for (const list of ['certificateEvents', 'planEvents', 'candidateResultEvents']) {
      expect((await readAll(theirs, list, '')).nodes).toEqual([]);
    }
    const centre = await token({ role: 'city_center', prefecture: story.prefectureCode, sub: 'feed-centre' });
    const r = await gql(hub.url, PAGE('certificateEvents', 'number'), { token: centre });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

// ── Webhooks: pushed to a real receiver, signed, retried, paused ──

const SECRET = 'f3a9c1e07b5d4a2c9e8f1b3d5a7c9e0f1a2b3c4d5e6f7a8b';
const REGISTER = `mutation($i: RegisterWebhookInput!) {
  registerWebhook(input: $i) { webhook { id status cursor topics } errors { code message } } }`;
const HOOKS = `query { webhooks { id url status pausedReason failures lastError cursor
  deliveries(first: 100) { edges { node { eventId cursor attempt outcome statusCode error } } } } }`;
const nowSeconds = () => Math.floor(hub.clock.now().getTime() / 1000);

async function hookOf(tok: string, id: string) {
  const r = await gql(hub.url, HOOKS, { token: tok });
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data?.webhooks.find((w: { id: string }) => w.id === id);
}

describe('webhooks (registerWebhook, deliveries, pause and resume)', () => {
  let partner: string;
  let hookId: string;
  const receiver = new Receiver(SECRET, nowSeconds);

  beforeAll(async () => {
    partner = await partnerToken(hub, story.id, { canWrite: true, name: 'feed partner' });
  });
  afterAll(() => receiver.stop());

  it('catches a new receiver up from the start of the feed, signed, in feed order', async () => {
    await receiver.start();
    const r = await gql(hub.url, REGISTER, {
      token: partner,
      variables: { i: { url: receiver.url, secret: SECRET, topics: ['CERTIFICATE'], fromStart: true } },
    });
    expect(r.data?.registerWebhook).toMatchObject({ errors: [], webhook: { status: 'ACTIVE', cursor: null } });
    hookId = r.data?.registerWebhook.webhook.id;
    const feed = (await readAll(partner, 'certificateEvents', 'number')).nodes;
    expect(walkEvents).toBeGreaterThan(0);
    expect(feed.length).toBe(walkEvents);
    await waitFor('the catch-up', async () => receiver.unique().length === feed.length);
    expect(receiver.unique().map((d) => [d.key, d.body.id, d.body.cursor, d.body.type])).toEqual(
      feed.map((n) => [n.id, n.id, n.cursor, n.type]),
    );
    expect(receiver.deliveries.every((d) => d.signed && d.attempt === '1')).toBe(true);
  });

  it('a receiver stopped mid-stream and restarted on its port ends with every event exactly once, as the feed lists it', async () => {
    const issue = await institution(
      `mutation($p: ID!) { issueCertificates(planId: $p) { certificates { number } errors { code } } }`,
      { p: plans.submitted },
    );
    expect(issue.issueCertificates.errors).toEqual([]);
    const numbers: string[] = issue.issueCertificates.certificates.map((c: { number: string }) => c.number);
    await waitFor('the new certificates', async () => receiver.unique().length === walkEvents + numbers.length);
    const sent = (await readAll(partner, 'certificateEvents', 'number')).cursor;
    await waitFor('their acknowledgement', async () => (await hookOf(partner, hookId)).cursor === sent);

    await receiver.stop();
    const upload = await institution(
      `mutation($n: [String!]!) { recordUpload(numbers: $n, batchReference: "OSTA-FEED-0003") { errors { code } } }`,
      { n: numbers },
    );
    expect(upload.recordUpload.errors).toEqual([]);
    const revoke = await institution(
      `mutation($n: String!) { revokeCertificate(number: $n, reason: "证书信息有误") { errors { code } } }`,
      { n: numbers.at(-1) },
    );
    expect(revoke.revokeCertificate.errors).toEqual([]);
    // The first delivery while it is down fails; the next waits for the back-off on the hub's clock.
    const failed = await waitFor('a failed delivery', async () => {
      const h = await hookOf(partner, hookId);
      return h?.failures >= 1 && h;
    });
    expect(failed).toMatchObject({ status: 'ACTIVE', lastError: expect.stringMatching(/^connection failed/) });

    await receiver.start();
    shift += 31_000;
    const feed = (await readAll(partner, 'certificateEvents', 'number')).nodes;
    expect(feed.length).toBe(walkEvents + 2 * numbers.length + 1);
    await waitFor('the backlog', async () => receiver.unique().length === feed.length);
    expect(receiver.unique().map((d) => d.key)).toEqual(feed.map((n) => n.id));
    expect(receiver.deliveries.map((d) => d.key)).toEqual(feed.map((n) => n.id));
    expect(receiver.deliveries.every((d) => d.signed)).toBe(true);
    expect(receiver.unique().at(-1)?.body).toMatchObject({
      type: 'CERTIFICATE_REVOKED',
      data: { number: numbers.at(-1) },
    });

    // The receiver has the last event a moment before the hub has recorded its answer.
    const hook = await waitFor('the last acknowledgement', async () => {
      const h = await hookOf(partner, hookId);
      return h.cursor === feed.at(-1)?.cursor && h;
    });
    expect(hook).toMatchObject({ status: 'ACTIVE', failures: 0 });
    const log = hook.deliveries.edges.map((e: { node: any }) => e.node);
    const retried = log.filter((d: any) => d.outcome === 'FAILED');
    expect(retried.length).toBeGreaterThanOrEqual(1);
    expect(retried[0]).toMatchObject({ attempt: 1, statusCode: null });
    const after = log.find((d: any) => d.outcome === 'DELIVERED' && d.eventId === retried[0].eventId);
    expect(after).toMatchObject({ attempt: 2, statusCode: 204 });
  });

  it('pauses a webhook after repeated failures, keeps its log, and delivers again once resumed', async () => {
    const dead = new Receiver(SECRET, nowSeconds);
    await dead.start();
    await dead.stop();
    const r = await gql(hub.url, REGISTER, {
      token: partner,
      variables: { i: { url: dead.url, secret: SECRET, topics: ['PLAN'], fromStart: true, description: '停用测试' } },
    });
    const id = r.data?.registerWebhook.webhook.id;
    let failures = 0;
    for (let step = 0; step < 10; step++) {
      const h = await waitFor('another failure', async () => {
        const x = await hookOf(partner, id);
        return (x.failures > failures || x.status === 'PAUSED') && x;
      });
      failures = h.failures;
      if (h.status === 'PAUSED') break;
      shift += 30_000 * 2 ** (failures - 1) + 1_000;
    }
    const paused = await hookOf(partner, id);
    expect(paused).toMatchObject({ status: 'PAUSED', pausedReason: 'FAILURES', failures: 3 });
    const attempts = paused.deliveries.edges.map((e: { node: any }) => [e.node.attempt, e.node.outcome]);
    expect(attempts).toEqual([
      [3, 'FAILED'],
      [2, 'FAILED'],
      [1, 'FAILED'],
    ]);

    await dead.start();
    const resumed = await gql(
      hub.url,
      `mutation($id: ID!) { resumeWebhook(id: $id) { webhook { status failures } errors { code } } }`,
      {
        token: partner,
        variables: { id },
      },
    );
    expect(resumed.data?.resumeWebhook).toEqual({ webhook: { status: 'ACTIVE', failures: 0 }, errors: [] });
    const plansFeed = (await readAll(partner, 'planEvents', 'planId')).nodes;
    await waitFor('the plan events', async () => dead.unique().length === plansFeed.length);
    expect(dead.unique().map((d) => d.key)).toEqual(plansFeed.map((n) => n.id));
    const done = await waitFor('the last acknowledgement', async () => {
      const h = await hookOf(partner, id);
      return h.cursor === plansFeed.at(-1)?.cursor && h;
    });
    expect(done.deliveries.edges[plansFeed.length - 1].node).toMatchObject({
      attempt: 4,
      outcome: 'DELIVERED',
    });
    await dead.stop();
  });

  it('shows another enterprise none of it; a read-only partner reads but may not register; bad endpoints are refused', async () => {
    const [other] = await hub.db.db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(ne(enterprises.id, story.id))
      .orderBy(asc(enterprises.id))
      .limit(1);
    const theirs = await token({ role: 'enterprise', enterpriseId: other?.id as string, sub: 'hooks-other' });
    expect((await gql(hub.url, HOOKS, { token: theirs })).data?.webhooks).toEqual([]);
    const pause = await gql(hub.url, `mutation($id: ID!) { pauseWebhook(id: $id) { errors { code } } }`, {
      token: theirs,
      variables: { id: hookId },
    });
    expect(pause.data?.pauseWebhook.errors).toEqual([{ code: 'WEBHOOK_NOT_FOUND' }]);

    const readOnly = await partnerToken(hub, story.id, { name: 'read-only feed partner' });
    expect((await hookOf(readOnly, hookId))?.url).toBe(receiver.url);
    const refused = await gql(hub.url, REGISTER, {
      token: readOnly,
      variables: { i: { url: receiver.url, secret: SECRET } },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PARTNER_READ_ONLY' });

    const bad = await gql(hub.url, REGISTER, {
      token: partner,
      variables: { i: { url: 'http://hr.example.com/hub', secret: 'short' } },
    });
    expect(bad.data?.registerWebhook.errors.map((e: { code: string }) => e.code)).toEqual([
      'WEBHOOK_URL_NOT_HTTPS',
      'WEBHOOK_SECRET_WEAK',
    ]);
    expect(bad.data?.registerWebhook.errors[0].message).toMatch(/HTTPS/);
    expect((await gql(hub.url, HOOKS, { token: partner })).data?.webhooks).toHaveLength(2);
  });

  it('keeps the signing secret out of the audit log (the registration is recorded, the secret removed)', async () => {
    const audited = await waitFor('the registration in the audit log', async () => {
      const rows = await hub.db.db.select().from(auditEvents).where(eq(auditEvents.field, 'registerWebhook'));
      return rows.some((r) => r.outcome === 'OK') && rows;
    });
    expect(JSON.stringify(audited)).not.toContain(SECRET.slice(0, 12));
    expect(audited.find((r) => r.outcome === 'OK')?.args).toMatchObject({ input: { secret: '[removed]' } });
  });

  it('forgets delivery attempts older than the log keeps (HUB_WEBHOOK_LOG_DAYS, 90), and keeps the feed', async () => {
    const attempts = async () =>
      (
        await hub.db.db
          .select({ n: sql<number>`count(*)::int` })
          .from(webhookDeliveries)
          .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
          .where(eq(webhooks.enterpriseId, story.id))
      )[0]?.n ?? 0;
    const events = async () =>
      (await hub.db.db.select().from(feedEvents).where(eq(feedEvents.enterpriseId, story.id))).length;
    const feedBefore = await events();
    expect(await attempts()).toBeGreaterThan(0);
    // 91 days on, every attempt of this test is older than the log keeps (the boundary: db/test/feed.test.ts).
    shift += 91 * 86_400_000;
    await waitFor('the delivery log pruned', async () => (await attempts()) === 0);
    expect(await events()).toBe(feedBefore);
  });
});
