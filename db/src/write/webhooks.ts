import { and, asc, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../client.ts';
import { feedEvents, webhookDeliveries, webhooks } from '../schema/feed.ts';
import type { Tx } from '../tx.ts';
import type { FeedEventRow, FeedTopic } from './feed.ts';

export type WebhookRow = typeof webhooks.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;

/** An institution's webhooks, oldest first; removed ones only when asked. */
export function webhooksOf(db: Db | Tx, enterpriseId: string, withRemoved = false): Promise<WebhookRow[]> {
  return db
    .select()
    .from(webhooks)
    .where(and(eq(webhooks.enterpriseId, enterpriseId), withRemoved ? undefined : isNull(webhooks.removedAt)))
    .orderBy(asc(webhooks.createdAt), asc(webhooks.id));
}

/** How many webhooks an institution has (not removed), its row locks held: registrations queue. */
export async function countWebhooks(tx: Tx, enterpriseId: string): Promise<number> {
  await tx
    .select({ id: webhooks.id })
    .from(webhooks)
    .where(and(eq(webhooks.enterpriseId, enterpriseId), isNull(webhooks.removedAt)))
    .for('update');
  const [row] = await tx
    .select({ n: count() })
    .from(webhooks)
    .where(and(eq(webhooks.enterpriseId, enterpriseId), isNull(webhooks.removedAt)));
  return row?.n ?? 0;
}

/** One page of a webhook's delivery log (推送记录), newest first, before a delivery id. */
export function deliveriesPage(
  db: Db,
  webhookId: string,
  beforeId: number | undefined,
  limit: number,
): Promise<WebhookDeliveryRow[]> {
  return db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.webhookId, webhookId),
        beforeId !== undefined ? lt(webhookDeliveries.id, beforeId) : undefined,
      ),
    )
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
}

/**
 * Claims up to `limit` webhooks with an event due, for one delivery each: active, not removed, due
 * (`next_attempt_at`), not held by another worker, with an event of its topics after its position.
 * `FOR UPDATE SKIP LOCKED` lets any number of processes claim at once without taking the same
 * webhook; the lease (`lease_until`) then keeps it theirs while the HTTP request is in flight, with
 * no transaction held open over the network.
 */
export async function claimDueWebhooks(db: Db, now: Date, leaseUntil: Date, limit: number): Promise<WebhookRow[]> {
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      with due as (
        select w.id from ${webhooks} w
        where w.status = 'ACTIVE' and w.removed_at is null and w.next_attempt_at <= ${now}
          and (w.lease_until is null or w.lease_until <= ${now})
          and exists (
            select 1 from ${feedEvents} e
            where e.enterprise_id = w.enterprise_id and e.position > w.position and e.topic = any(w.topics)
          )
        order by w.next_attempt_at
        limit ${limit}
        for update of w skip locked
      )
      update ${webhooks} w set lease_until = ${leaseUntil} from due where w.id = due.id
      returning w.id`),
  );
  if (!rows.length) return [];
  return db
    .select()
    .from(webhooks)
    .where(
      and(
        inArray(
          webhooks.id,
          rows.map((r) => r.id),
        ),
        eq(webhooks.leaseUntil, leaseUntil),
      ),
    );
}

/** The next event a webhook is to deliver: the first of its topics after its position. */
export async function nextEventFor(db: Db, w: Pick<WebhookRow, 'enterpriseId' | 'position' | 'topics'>) {
  const [e] = await db
    .select()
    .from(feedEvents)
    .where(
      and(
        eq(feedEvents.enterpriseId, w.enterpriseId),
        sql`${feedEvents.position} > ${w.position}`,
        inArray(feedEvents.topic, w.topics as FeedTopic[]),
      ),
    )
    .orderBy(asc(feedEvents.position))
    .limit(1);
  return e as FeedEventRow | undefined;
}

export interface AttemptRecord {
  webhook: Pick<WebhookRow, 'id' | 'attempts'>;
  /** The lease the attempt was made under: a worker whose lease was taken over records nothing. */
  lease: Date;
  event: Pick<FeedEventRow, 'eventId' | 'position'>;
  at: Date;
  delivered: boolean;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  failures: number;
  nextAttemptAt: Date;
  pause: boolean;
}

/**
 * Records one attempt in the delivery log and moves the webhook on: past the event when delivered,
 * to its back-off (and maybe paused) when not; the lease is released. One transaction; nothing is
 * written when the lease is no longer this attempt's.
 */
export async function recordAttempt(db: Db, a: AttemptRecord): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [moved] = await tx
      .update(webhooks)
      .set({
        leaseUntil: null,
        failures: a.failures,
        attempts: a.delivered ? 0 : sql`${webhooks.attempts} + 1`,
        nextAttemptAt: a.nextAttemptAt,
        ...(a.delivered
          ? { position: a.event.position, lastSuccessAt: a.at }
          : { lastFailureAt: a.at, lastError: a.error }),
        ...(a.pause
          ? {
              status: 'PAUSED',
              pausedReason: sql`case when ${webhooks.status} = 'ACTIVE' then 'FAILURES' else ${webhooks.pausedReason} end`,
              pausedAt: sql`case when ${webhooks.status} = 'ACTIVE' then ${a.at} else ${webhooks.pausedAt} end`,
            }
          : {}),
      })
      .where(and(eq(webhooks.id, a.webhook.id), eq(webhooks.leaseUntil, a.lease)))
      .returning({ attempts: webhooks.attempts });
    if (!moved) return false;
    await tx.insert(webhookDeliveries).values({
      webhookId: a.webhook.id,
      eventId: a.event.eventId,
      position: a.event.position,
      attempt: a.delivered ? a.webhook.attempts + 1 : moved.attempts,
      attemptedAt: a.at,
      outcome: a.delivered ? 'DELIVERED' : 'FAILED',
      statusCode: a.statusCode,
      error: a.error,
      durationMs: a.durationMs,
    });
    return true;
  });
}

/** Gives a claimed webhook back with nothing done (its event was gone by the time it was read). */
export async function releaseWebhookLease(db: Db, id: string, lease: Date): Promise<void> {
  await db
    .update(webhooks)
    .set({ leaseUntil: null })
    .where(and(eq(webhooks.id, id), eq(webhooks.leaseUntil, lease)));
}

/**
 * 推送记录的保留: deletes delivery attempts made before `before`, at most `limit` of them (oldest
 * first, so a long backlog goes in several calls); how many went. The feed's events are not
 * touched: a partner can always read the feed from its start.
 */
export async function pruneDeliveries(db: Db, before: Date, limit: number): Promise<number> {
  const gone = await db.execute(sql`
    delete from ${webhookDeliveries} where ${webhookDeliveries.id} in (
      select ${webhookDeliveries.id} from ${webhookDeliveries}
      where ${webhookDeliveries.attemptedAt} < ${before.toISOString()}::timestamptz
      order by ${webhookDeliveries.id} limit ${limit}
    ) returning ${webhookDeliveries.id}`);
  return rowsOf(gone).length;
}
