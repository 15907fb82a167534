import { logger } from '@hub/platform/log';
import { Redis } from 'ioredis';
import { RateLimiterRedis } from 'rate-limiter-flexible';
import type { BudgetStore } from './lookup-budget.ts';

/**
 * The lookup budgets and the public rate limit counted in Redis (REDIS_URL): one count for every
 * gateway process, so N gateways behind a balancer give a client one budget, not N. The counters are
 * rate-limiter-flexible's `RateLimiterRedis` (atomic in Redis), the client ioredis.
 *
 * Redis out of reach is not a refusal of the client: a counter then fails at once (no queue of
 * commands waiting for a connection, `rejectIfRedisNotReady`), and the budget answers as configured
 * (`HUB_REDIS_FAILURE`: `closed` refuses with HTTP 503, `open` lets the request through uncounted).
 * The outage is logged when it starts, at most once a minute while it lasts, and when it ends.
 */
export interface RedisBudgetStore extends BudgetStore {
  /** True while the connection is up. */
  ready(): boolean;
  /** Settles once the first connection attempt has succeeded or failed (never rejects). */
  firstAttempt(): Promise<void>;
  close(): Promise<void>;
}

export interface RedisBudgetStoreOptions {
  url: string;
  /** Every key starts `<prefix>:` (one prefix per hub sharing a Redis). */
  prefix: string;
  onFailure: 'open' | 'closed';
}

const OUTAGE_LOG_EVERY_MS = 60_000;

export function redisBudgetStore({ url, prefix, onFailure }: RedisBudgetStoreOptions): RedisBudgetStore {
  const client = new Redis(url, {
    // Fail a command at once while disconnected: a request waits for no reconnection.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    // Keep trying in the background, at most every 2 s.
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  let lastLogged = 0;
  let down = false;
  let settle: () => void = () => {};
  const first = new Promise<void>((resolve) => {
    settle = resolve;
  });
  client.on('ready', () => {
    settle();
    if (down) logger.info({ service: 'gateway', redis: 'reachable again' }, 'lookup budgets: Redis is back');
    down = false;
  });
  // Without a listener ioredis prints every failed attempt itself; the message names the host only.
  client.on('error', (err: Error & { code?: string }) => {
    settle();
    const now = Date.now();
    if (down && now - lastLogged < OUTAGE_LOG_EVERY_MS) return;
    down = true;
    lastLogged = now;
    logger.warn(
      { service: 'gateway', redis: 'unreachable', code: err.code ?? err.name, failure: onFailure },
      `lookup budgets: Redis cannot be reached; lookups and public requests are ${onFailure === 'open' ? 'let through uncounted' : 'refused (503)'} until it is back`,
    );
  });

  return {
    onFailure,
    counter: (spec) =>
      new RateLimiterRedis({
        storeClient: client,
        keyPrefix: `${prefix}:${spec.keyPrefix}`,
        points: spec.points,
        duration: spec.duration,
        rejectIfRedisNotReady: true,
      }),
    ready: () => client.status === 'ready',
    firstAttempt: () => first,
    async close() {
      client.removeAllListeners('error');
      client.on('error', () => {});
      await client.quit().catch(() => client.disconnect());
    },
  };
}
