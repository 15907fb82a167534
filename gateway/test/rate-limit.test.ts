import type http from 'node:http';
import { loadConfig } from '@hub/platform/config';
import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { memoryBudgetStore } from '../src/lookup-budget.ts';
import { publicRateLimit, publicWindow, rateLimitOf } from '../src/rate-limit.ts';

/** A request as the limit sees it: only its peer address (and X-Forwarded-For) matter. */
const from = (address: string, forwarded?: string) =>
  ({
    headers: forwarded ? { 'x-forwarded-for': forwarded } : {},
    socket: { remoteAddress: address },
  }) as unknown as http.IncomingMessage;

const refusal = async (p: Promise<void>) =>
  p.then(
    () => undefined,
    (e: GraphQLError) => e,
  );

describe('public rate limit (per address, rate-limiter-flexible counters)', () => {
  it('gives the burst at once and the rate over time', () => {
    expect(publicWindow({ perMinute: 600, burst: 600 })).toEqual({ points: 600, seconds: 60 });
    expect(publicWindow({ perMinute: 60, burst: 5 })).toEqual({ points: 5, seconds: 5 });
    // A burst below one second's worth: one second's worth, whole seconds only.
    expect(publicWindow({ perMinute: 6000, burst: 10 })).toEqual({ points: 100, seconds: 1 });
    expect(publicWindow({ perMinute: 1, burst: 1 })).toEqual({ points: 1, seconds: 60 });
  });

  it('lets the window through, refuses the next with 429 and the wait, and counts each address apart', async () => {
    const limit = publicRateLimit({ perMinute: 60, burst: 3, trustProxy: false }, memoryBudgetStore, Buffer.alloc(32));
    for (let i = 0; i < 3; i++) expect(await refusal(limit(from('10.0.0.1')))).toBeUndefined();
    const over = await refusal(limit(from('10.0.0.1')));
    expect(over?.extensions.code).toBe('TOO_MANY_REQUESTS');
    expect(over?.extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(over?.extensions.retryAfterSeconds).toBeLessThanOrEqual(3);
    expect((over?.extensions.http as { status?: number } | undefined)?.status).toBe(429);
    expect(await refusal(limit(from('10.0.0.2')))).toBeUndefined();
    // X-Forwarded-For is only believed when told to.
    expect((await refusal(limit(from('10.0.0.1', '192.0.2.7'))))?.extensions.code).toBe('TOO_MANY_REQUESTS');
  });

  it('keys the behind-a-proxy address on the left-most X-Forwarded-For when trusted', async () => {
    const limit = publicRateLimit({ perMinute: 60, burst: 1, trustProxy: true }, memoryBudgetStore, Buffer.alloc(32));
    expect(await refusal(limit(from('10.0.0.9', '192.0.2.7, 10.0.0.9')))).toBeUndefined();
    expect((await refusal(limit(from('10.0.0.9', '192.0.2.7'))))?.extensions.code).toBe('TOO_MANY_REQUESTS');
    expect(await refusal(limit(from('10.0.0.9', '192.0.2.8')))).toBeUndefined();
  });

  it('reads HUB_PUBLIC_RATE and HUB_PUBLIC_BURST, defaulting the burst to the rate, and refuses nonsense', () => {
    expect(rateLimitOf(loadConfig({ HUB_PUBLIC_RATE: '60' }))).toEqual({ perMinute: 60, burst: 60, trustProxy: false });
    expect(rateLimitOf(loadConfig({ HUB_PUBLIC_RATE: '60', HUB_PUBLIC_BURST: '5', HUB_TRUST_PROXY: '1' }))).toEqual({
      perMinute: 60,
      burst: 5,
      trustProxy: true,
    });
    expect(() => rateLimitOf(loadConfig({ HUB_PUBLIC_RATE: 'lots' }))).toThrow();
    // 0 turns the limit off, and needs no burst
    expect(rateLimitOf(loadConfig({ HUB_PUBLIC_RATE: '0' })).perMinute).toBe(0);
    expect(() => loadConfig({ HUB_REDIS_FAILURE: 'maybe' })).toThrow(/HUB_REDIS_FAILURE/);
    expect(loadConfig({}).redisFailure).toBe('closed');
  });
});
