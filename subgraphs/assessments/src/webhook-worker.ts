import {
  claimDueWebhooks,
  type Db,
  decryptText,
  type FeedEventRow,
  nextEventFor,
  pruneDeliveries,
  recordAttempt,
  releaseWebhookLease,
  type WebhookRow,
} from '@hub/db';
import { logError, logger } from '@hub/platform';
import type { Clock } from '@hub/vocabulary';
import { feedCursor } from './queries/feed.ts';
import { afterAttempt, attemptOutcome, type RetryPolicy, SIGNATURE_HEADER, signatureHeader } from './rules/webhooks.ts';

export interface WebhookWorkerOptions {
  db: Db;
  /** The hub's clock: attempts, back-off and leases are timed by it (a test steps it). */
  clock: Clock;
  policy: RetryPolicy;
  /** How long an endpoint has to answer (ms). */
  timeoutMs: number;
  /** How often to look for due deliveries when there were none (ms). */
  pollMs: number;
  /** Webhooks delivered to at once by this process. */
  batch?: number;
  /** Days an attempt stays in the delivery log (HUB_WEBHOOK_LOG_DAYS); older ones are pruned hourly. */
  logDays?: number;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Attempts deleted per prune: a long backlog goes over several hours, never in one long statement. */
const PRUNE_BATCH = 10_000;

export interface WebhookWorker {
  /** Looks for due deliveries now instead of at the next poll. */
  kick(): void;
  /** Stops claiming; waits for the attempts in flight (each ends within the timeout). */
  stop(): Promise<void>;
}

/** The body of one delivery: the event as the feed lists it, with its cursor. */
export function deliveryBody(e: FeedEventRow): string {
  return JSON.stringify({
    id: e.eventId,
    type: e.type,
    topic: e.topic,
    enterpriseId: e.enterpriseId,
    cursor: feedCursor(e.position),
    occurredAt: e.occurredAt.toISOString(),
    data: e.data,
  });
}

/** Why a request got no answer, in a few words (no URL, no body: nothing personal). */
function failureOf(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; cause?: { code?: string; name?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  return `connection failed${e.cause?.code ? ` (${e.cause.code})` : ''}`;
}

/**
 * 变更推送的投递: delivers each active webhook's feed to its endpoint, one event per POST, in feed
 * order — the next event only once the endpoint has acknowledged (2xx) the one before — signed,
 * with the event id as idempotency key; a failure is retried after an exponential back-off, and
 * the webhook pauses after `policy.pauseAfter` failures in a row. Any number of processes may run
 * one over the same database: each claims due webhooks with FOR UPDATE SKIP LOCKED and holds them
 * by a lease while its request is in flight (db/src/write/webhooks.ts).
 */
export function startWebhookWorker(opts: WebhookWorkerOptions): WebhookWorker {
  const { db, clock, policy, timeoutMs, pollMs } = opts;
  const batch = opts.batch ?? 8;
  let stopped = false;
  let wake: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  let prunedAt = Number.NEGATIVE_INFINITY;

  async function deliver(w: WebhookRow, lease: Date): Promise<void> {
    const event = await nextEventFor(db, w);
    if (!event) {
      await releaseWebhookLease(db, w.id, lease);
      return;
    }
    const at = clock.now();
    const started = performance.now();
    let statusCode: number | null = null;
    let outcome: { delivered: boolean; error: string | null };
    try {
      const body = deliveryBody(event);
      const secret = decryptText(w.secretEnc);
      const res = await fetch(w.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'skill-hub-webhooks/1',
          [SIGNATURE_HEADER]: signatureHeader(secret, Math.floor(at.getTime() / 1000), body),
          'Idempotency-Key': event.eventId,
          'Skill-Hub-Event-Id': event.eventId,
          'Skill-Hub-Event-Type': event.type,
          'Skill-Hub-Webhook-Id': w.id,
          'Skill-Hub-Delivery-Attempt': String(w.attempts + 1),
        },
        body,
      });
      statusCode = res.status;
      outcome = attemptOutcome(res.status);
      await res.body?.cancel();
    } catch (err) {
      outcome = {
        delivered: false,
        error:
          (err as { name?: string }).name === 'PiiError'
            ? 'signing secret cannot be opened'
            : failureOf(err, timeoutMs),
      };
    }
    const next = afterAttempt(outcome.delivered, w.failures, clock.now().getTime(), policy);
    await recordAttempt(db, {
      webhook: w,
      lease,
      event,
      at,
      delivered: outcome.delivered,
      statusCode,
      error: outcome.error,
      durationMs: Math.round(performance.now() - started),
      failures: next.failures,
      nextAttemptAt: new Date(next.nextAttemptAtMs),
      pause: next.pause,
    });
    if (next.pause) logger.warn({ webhookId: w.id, failures: next.failures }, 'webhook paused after repeated failures');
  }

  /** 推送记录的保留: at most once an hour (of the hub's clock), the attempts older than the log keeps go. */
  async function prune(now: Date): Promise<void> {
    if (opts.logDays === undefined || now.getTime() - prunedAt < HOUR_MS) return;
    prunedAt = now.getTime();
    const gone = await pruneDeliveries(db, new Date(now.getTime() - opts.logDays * DAY_MS), PRUNE_BATCH);
    if (gone) logger.info({ deliveries: gone, logDays: opts.logDays }, 'webhook delivery log pruned');
  }

  /** One round: claim what is due and deliver one event to each; how many were claimed. */
  async function round(): Promise<number> {
    const now = clock.now();
    await prune(now);
    // Held for two timeouts and a margin: an attempt in flight is never taken over.
    const lease = new Date(now.getTime() + 2 * timeoutMs + 5_000);
    const claimed = await claimDueWebhooks(db, now, lease, batch);
    await Promise.all(claimed.map((w) => deliver(w, lease).catch((err) => logError('assessments', err))));
    return claimed.length;
  }

  const running = (async () => {
    while (!stopped) {
      let claimed = 0;
      try {
        claimed = await round();
      } catch (err) {
        if (!stopped) logError('assessments', err);
      }
      if (claimed || stopped) continue;
      await new Promise<void>((resolve) => {
        wake = resolve;
        timer = setTimeout(resolve, pollMs);
        timer.unref();
      });
      wake = undefined;
    }
  })();

  return {
    kick() {
      if (timer) clearTimeout(timer);
      wake?.();
    },
    async stop() {
      stopped = true;
      this.kick();
      await running;
    },
  };
}
