import type http from 'node:http';
import { HeaderMap } from '@apollo/server';
import { type HubConfig, hubConfig } from '@hub/platform/config';
import { GraphQLError } from 'graphql';

/**
 * Rate limit for public (no-token) callers, per client address: a token bucket of
 * `HUB_PUBLIC_BURST` requests (default: the rate) refilled at `HUB_PUBLIC_RATE` per minute
 * (default 600; `0` turns the limit off). Signed-in callers are accountable by their token and
 * are not limited here. In memory, per gateway process: with N gateways behind a balancer each
 * address gets up to N × the rate — acceptable for a brake on scraping 证书查询; a shared store
 * (Redis) is the step after that. This limit counts requests; 证书查询 lookups are budgeted one by
 * one, for signed-in callers too, by lookup-budget.ts.
 *
 * The address is the TCP peer; behind a reverse proxy set `HUB_TRUST_PROXY=1` to take the
 * left-most `X-Forwarded-For` entry instead (only then: the header is forgeable otherwise).
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

export function clientAddress(req: http.IncomingMessage, trustProxy: boolean): string {
  const forwarded = trustProxy ? req.headers['x-forwarded-for'] : undefined;
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first || req.socket.remoteAddress || 'unknown';
}

/** Pure bucket arithmetic: takes one token for `key` at `now` (ms), or says how long to wait. */
export function tokenBuckets(perMinute: number, burst: number, maxKeys = 100_000) {
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (key: string, now: number): { ok: true } | { ok: false; retryAfterSeconds: number } => {
    const b = buckets.get(key) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + (now - b.at) * perMs);
    b.at = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      buckets.set(key, b);
      // Bounded memory: forget the oldest addresses first (a forgotten address starts with a full bucket).
      if (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value as string);
      return { ok: true };
    }
    buckets.set(key, b);
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - b.tokens) / perMs / 1000)) };
  };
}

/** A check for the gateway's context: throws TOO_MANY_REQUESTS (HTTP 429, Retry-After) when the address is over. */
export function publicRateLimit(opts: RateLimitOptions = rateLimitOf()) {
  if (opts.perMinute === 0) return (_req: http.IncomingMessage) => {};
  const take = tokenBuckets(opts.perMinute, opts.burst);
  return (req: http.IncomingMessage) => {
    const r = take(clientAddress(req, opts.trustProxy), Date.now());
    if (r.ok) return;
    // Apollo reads `http.headers` as a HeaderMap; the graphql typings know it only as a plain record.
    const http: Record<string, unknown> = {
      status: 429,
      headers: new HeaderMap([['retry-after', String(r.retryAfterSeconds)]]),
    };
    throw new GraphQLError(
      `too many requests without a token from this address (limit ${opts.perMinute} per minute); retry after ${r.retryAfterSeconds} s`,
      {
        extensions: {
          code: 'TOO_MANY_REQUESTS',
          retryAfterSeconds: r.retryAfterSeconds,
          http,
        },
      },
    );
  };
}
