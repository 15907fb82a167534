import type http from 'node:http';
import { HeaderMap } from '@apollo/server';
import { type HubConfig, hubConfig } from '@hub/platform/config';
import { GraphQLError } from 'graphql';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { type BudgetStore, budgetKey, budgetKeySecret, memoryBudgetStore } from './lookup-budget.ts';

/**
 * Rate limit for public (no-token) callers, per client address: at most `HUB_PUBLIC_BURST` requests
 * (default: the rate) in a window sized so that the long-run rate is `HUB_PUBLIC_RATE` per minute
 * (default 600; `0` turns the limit off) — 600 a minute by default; rate 60, burst 5: 5 per 5 s.
 * Signed-in callers are accountable by their token and are not limited here. The counts live where
 * the lookup budgets' do (rate-limiter-flexible counters; budget-store.ts): in this process, or with
 * REDIS_URL in Redis, one limit for every gateway process. This limit counts requests; 证书查询
 * lookups are budgeted one by one, for signed-in callers too, by lookup-budget.ts.
 *
 * The address is the TCP peer; behind a reverse proxy set `HUB_TRUST_PROXY=1` to take the
 * left-most `X-Forwarded-For` entry instead (only then: the header is forgeable otherwise). It is
 * counted under a keyed hash, never as it is.
 */
export interface RateLimitOptions {
  perMinute: number;
  burst: number;
  trustProxy: boolean;
}

export function rateLimitOf(config: HubConfig = hubConfig()): RateLimitOptions {
  const perMinute = config.publicRate;
  // `HUB_PUBLIC_RATE=0` (no limit) has no burst to default to.
  const burst = config.publicBurst ?? (perMinute || 1);
  return { perMinute, burst, trustProxy: config.trustProxy };
}

/**
 * The window that gives `burst` requests at once and `perMinute` over time: `points` requests per
 * `seconds` (whole seconds, as the counters keep them).
 */
export function publicWindow({ perMinute, burst }: Pick<RateLimitOptions, 'perMinute' | 'burst'>): {
  points: number;
  seconds: number;
} {
  const seconds = Math.max(1, Math.round((60 * burst) / perMinute));
  return { points: Math.max(1, Math.floor((perMinute * seconds) / 60)), seconds };
}

export function clientAddress(req: http.IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? req.headers['x-forwarded-for'] : undefined;
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || req.socket.remoteAddress || 'unknown';
}

/**
 * A check for the gateway's context: throws TOO_MANY_REQUESTS (HTTP 429, Retry-After) when the
 * address is over, RATE_LIMIT_UNAVAILABLE (HTTP 503) when the store cannot count and fails closed.
 */
export function publicRateLimit(
  opts: RateLimitOptions = rateLimitOf(),
  store: BudgetStore = memoryBudgetStore,
  keySecret: Buffer = budgetKeySecret(),
) {
  if (opts.perMinute === 0) return async (_req: http.IncomingMessage) => {};
  const { points, seconds } = publicWindow(opts);
  const counter = store.counter({ keyPrefix: 'hub-public', points, duration: seconds });
  return async (req: http.IncomingMessage) => {
    const key = budgetKey(keySecret, 'public', clientAddress(req, opts.trustProxy));
    const refused = await counter.consume(key, 1).then(
      () => undefined,
      (err: unknown) => err,
    );
    if (refused === undefined) return;
    if (!(refused instanceof RateLimiterRes)) {
      // The store failed (Redis out of reach): as configured, never a 500.
      if (store.onFailure === 'open') return;
      throw refusal(503, 'RATE_LIMIT_UNAVAILABLE', 5, 'the request limit cannot be counted just now; retry after 5 s');
    }
    const wait = Math.max(1, Math.ceil(refused.msBeforeNext / 1000));
    throw refusal(
      429,
      'TOO_MANY_REQUESTS',
      wait,
      `too many requests without a token from this address (limit ${opts.perMinute} per minute); retry after ${wait} s`,
    );
  };
}

function refusal(status: number, code: string, retryAfterSeconds: number, message: string): GraphQLError {
  // Apollo reads `http.headers` as a HeaderMap; the graphql typings know it only as a plain record.
  const http: Record<string, unknown> = {
    status,
    headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]),
  };
  return new GraphQLError(message, { extensions: { code, retryAfterSeconds, http } });
}
