import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { feedEvents, feedEventType, feedPositions, type feedTopic } from '../schema/feed.ts';
import type { Tx } from '../tx.ts';

export type FeedTopic = (typeof feedTopic.enumValues)[number];
export type FeedEventType = (typeof feedEventType.enumValues)[number];
export type FeedEventRow = typeof feedEvents.$inferSelect;

/** The feed each event type belongs to. */
export const TOPIC_OF: Readonly<Record<FeedEventType, FeedTopic>> = {
  CERTIFICATE_ISSUED: 'CERTIFICATE',
  CERTIFICATE_REVOKED: 'CERTIFICATE',
  CERTIFICATE_UPLOADED: 'CERTIFICATE',
  CERTIFICATE_CORRECTED: 'CERTIFICATE',
  PLAN_RESULTS_REVIEWED: 'PLAN',
  PLAN_PUBLICITY_STARTED: 'PLAN',
  PLAN_RESULTS_SUBMITTED: 'PLAN',
  PLAN_RESCHEDULED: 'PLAN',
  PLAN_CANCELLED: 'PLAN',
  CANDIDATE_RESULT_DETERMINED: 'CANDIDATE_RESULT',
  CANDIDATE_RESULT_CORRECTED: 'CANDIDATE_RESULT',
  CANDIDATE_WITHDRAWN: 'CANDIDATE_RESULT',
};

export interface FeedEventInput {
  /** The institution whose record changed. */
  enterpriseId: string;
  type: FeedEventType;
  /** A certificate number, a plan id or a candidate id. */
  subject: string;
  /** Numbers, ids, levels and dates of the record after the change: never a resident ID or a name. */
  data: Record<string, unknown>;
}

/**
 * Records changes in the change feed, inside the transaction that makes them (the outbox): they
 * commit together or not at all. Each institution's events take the next positions of its feed
 * under the lock of its `feed.positions` row, held to the end of the transaction, so positions
 * are handed out in commit order (see docs/decisions/change-feed.md). Institutions are locked in
 * id order, so two transactions that both touch two institutions cannot deadlock here.
 */
export async function recordEvents(tx: Tx | Db, occurredAt: Date, events: readonly FeedEventInput[]): Promise<void> {
  if (!events.length) return;
  const byInstitution = new Map<string, FeedEventInput[]>();
  for (const e of events) byInstitution.set(e.enterpriseId, [...(byInstitution.get(e.enterpriseId) ?? []), e]);
  for (const enterpriseId of [...byInstitution.keys()].sort()) {
    const mine = byInstitution.get(enterpriseId) as FeedEventInput[];
    const [row] = await tx
      .insert(feedPositions)
      .values({ enterpriseId, last: mine.length })
      .onConflictDoUpdate({
        target: feedPositions.enterpriseId,
        set: { last: sql`${feedPositions.last} + ${mine.length}` },
      })
      .returning({ last: feedPositions.last });
    const first = (row?.last ?? mine.length) - mine.length + 1;
    await tx.insert(feedEvents).values(
      mine.map((e, i) => ({
        enterpriseId,
        position: first + i,
        topic: TOPIC_OF[e.type],
        type: e.type,
        subject: e.subject,
        occurredAt,
        data: e.data,
      })),
    );
  }
}

/** One event, as `recordEvents`. */
export const recordEvent = (tx: Tx | Db, occurredAt: Date, event: FeedEventInput) =>
  recordEvents(tx, occurredAt, [event]);

/** The last position of an institution's feed (0 when it has none yet). */
export async function lastFeedPosition(db: Db | Tx, enterpriseId: string): Promise<number> {
  const [row] = await db
    .select({ last: feedPositions.last })
    .from(feedPositions)
    .where(eq(feedPositions.enterpriseId, enterpriseId));
  return row?.last ?? 0;
}

/** One page of an institution's feed of these topics, in feed order, after a position. */
export function feedEventsPage(
  db: Db,
  enterpriseId: string,
  topics: readonly FeedTopic[],
  afterPosition: number,
  limit: number,
): Promise<FeedEventRow[]> {
  return db
    .select()
    .from(feedEvents)
    .where(
      and(
        eq(feedEvents.enterpriseId, enterpriseId),
        topics.length === 1 ? eq(feedEvents.topic, topics[0] as FeedTopic) : inArray(feedEvents.topic, [...topics]),
        gt(feedEvents.position, afterPosition),
      ),
    )
    .orderBy(asc(feedEvents.position))
    .limit(limit);
}

export const FEED_EVENT_TYPES = feedEventType.enumValues;
