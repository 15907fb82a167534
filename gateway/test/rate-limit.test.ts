import { loadConfig } from '@hub/platform/config';
import { describe, expect, it } from 'vitest';
import { rateLimitOf, tokenBuckets } from '../src/rate-limit.ts';

describe('public rate limit (token bucket per address)', () => {
  it('allows a burst, refuses the next call with the wait until one token is back, and refills at the rate', () => {
    const take = tokenBuckets(60, 3); // one per second, bursts of 3
    const t0 = 1_000_000;
    expect([take('a', t0), take('a', t0), take('a', t0)].every((r) => r.ok)).toBe(true);
    expect(take('a', t0)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(take('b', t0).ok).toBe(true); // another address has its own bucket
    expect(take('a', t0 + 1000).ok).toBe(true);
    expect(take('a', t0 + 1000).ok).toBe(false);
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
  });
});
