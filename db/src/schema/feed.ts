import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  bytea,
  check,
  index,
  integer,
  jsonb,
  pgSchema,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * 变更推送: the change feed partner HR systems read (`certificateEvents(after:)` and its siblings)
 * and the webhooks that push it to them. The domain owns its pg schema and migrations
 * (db/drizzle.feed.config.ts) so it evolves apart from the assessment tables it reports on.
 *
 * Events are written by the assessments commands in the same transaction as the change they
 * report (db/src/write/feed.ts `recordEvent`): a change that rolls back leaves no event, and no
 * change commits without one. They carry no resident ID and no name (the partner has both).
 * Append-only: a trigger (migration `append_only`) refuses UPDATE, DELETE and TRUNCATE.
 */
export const feedSchema = pgSchema('feed');

/** Which feed an event belongs to: the three partner-facing lists. */
export const feedTopic = feedSchema.enum('feed_topic', ['CERTIFICATE', 'PLAN', 'CANDIDATE_RESULT']);

export const feedEventType = feedSchema.enum('feed_event_type', [
  'CERTIFICATE_ISSUED', // 颁发证书
  'CERTIFICATE_REVOKED', // 撤销证书
  'CERTIFICATE_UPLOADED', // 上传全国联网查询系统
  'CERTIFICATE_CORRECTED', // 撤销已上报全国系统: the national record corrected
  'PLAN_RESULTS_REVIEWED', // 评价工作委员会审核签署
  'PLAN_PUBLICITY_STARTED', // 公示
  'PLAN_RESULTS_SUBMITTED', // 评价结果提交鉴定中心
  'PLAN_RESCHEDULED', // 改期
  'PLAN_CANCELLED', // 取消
  'CANDIDATE_RESULT_DETERMINED', // 评价结果: 合格 / 不合格
  'CANDIDATE_RESULT_CORRECTED', // 异议成立，不予认定
  'CANDIDATE_WITHDRAWN', // 参评人员退出
]);

/**
 * The next feed position of each institution. Writing an event bumps its institution's row in the
 * writing transaction (one upsert, like `assessment.certificate_serials`): two transactions of one
 * institution queue on the row, so positions are taken in commit order and a reader that sees
 * position n has seen every position before it. A rolled-back change gives its positions back.
 */
export const feedPositions = feedSchema.table('positions', {
  enterpriseId: uuid('enterprise_id').primaryKey(),
  last: bigint({ mode: 'number' }).notNull(),
});

/** The outbox: one row per change a partner is told about. */
export const feedEvents = feedSchema.table(
  'events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    /** The event's public id, sent as the webhook's idempotency key. */
    eventId: uuid('event_id').notNull().defaultRandom(),
    /** The institution whose record changed: only it (and its partner systems) read the event. */
    enterpriseId: uuid('enterprise_id').notNull(),
    /** Place in the institution's feed: 1, 2, 3, … without gaps, in commit order (the cursor). */
    position: bigint({ mode: 'number' }).notNull(),
    topic: feedTopic().notNull(),
    type: feedEventType().notNull(),
    /** What changed: a certificate number, a plan id or a candidate id. */
    subject: text().notNull(),
    /** When it changed, by the hub's clock. */
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** The record as it is after the change: numbers, ids, levels and dates; never a resident ID or a name. */
    data: jsonb().$type<Record<string, unknown>>().notNull(),
  },
  (t) => [
    uniqueIndex('events_event_id_key').on(t.eventId),
    uniqueIndex('events_position_key').on(t.enterpriseId, t.position),
    index('events_topic_idx').on(t.enterpriseId, t.topic, t.position),
  ],
);

export const webhookStatus = feedSchema.enum('webhook_status', [
  'ACTIVE', // delivering
  'PAUSED', // by the partner, or automatically after repeated failures; `resumeWebhook` goes on
]);

/**
 * A partner's HTTPS endpoint: the feed of one institution, pushed in feed order, one event per
 * POST, signed with the partner's secret. `position` is the last event the endpoint acknowledged;
 * the next delivery is the first event after it of the webhook's topics.
 */
export const webhooks = feedSchema.table(
  'webhooks',
  {
    id: uuid().primaryKey().defaultRandom(),
    enterpriseId: uuid('enterprise_id').notNull(),
    url: text().notNull(),
    /** The signing secret, encrypted with the personal-data key (db/src/pii.ts `encryptText`). */
    secretEnc: bytea('secret_enc').notNull(),
    topics: feedTopic().array().notNull(),
    description: text(),
    status: webhookStatus().notNull().default('ACTIVE'),
    /** Why it is paused: `FAILURES` (automatic) or `PARTNER`. */
    pausedReason: text('paused_reason'),
    pausedAt: timestamp('paused_at', { withTimezone: true }),
    /** The feed position of the last event delivered (or skipped as of another topic). */
    position: bigint({ mode: 'number' }).notNull(),
    /** Failed attempts in a row (since the last delivery or resumption): the back-off and the pause count them. */
    failures: integer().notNull().default(0),
    /** Attempts so far at the event after `position` (the delivery log numbers them). */
    attempts: integer().notNull().default(0),
    /** When the next attempt may be made (the back-off after a failure). */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    /** A delivery worker holds the webhook until then (its attempt in flight); null: nobody does. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Removed by the partner: nothing more is delivered; its delivery log stays readable. */
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    index('webhooks_enterprise_idx').on(t.enterpriseId),
    index('webhooks_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'ACTIVE' and ${t.removedAt} is null`),
    check('webhooks_topics_present', sql`cardinality(${t.topics}) > 0`),
  ],
);

export const deliveryOutcome = feedSchema.enum('delivery_outcome', ['DELIVERED', 'FAILED']);

/** 推送记录: every attempt to deliver an event to a webhook, as the partner may read it. */
export const webhookDeliveries = feedSchema.table(
  'deliveries',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    webhookId: uuid('webhook_id')
      .notNull()
      .references(() => webhooks.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').notNull(),
    position: bigint({ mode: 'number' }).notNull(),
    /** 1 for the first attempt at this event, 2 for its first retry, … */
    attempt: integer().notNull(),
    attemptedAt: timestamp('attempted_at', { withTimezone: true }).notNull(),
    outcome: deliveryOutcome().notNull(),
    /** The HTTP status the endpoint answered; null when it did not answer (refused, timed out). */
    statusCode: integer('status_code'),
    /** Why it failed, in a few words (`HTTP 500`, `timed out after 10000 ms`, `redirect not followed`). */
    error: text(),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('deliveries_webhook_idx').on(t.webhookId, t.id)],
);
