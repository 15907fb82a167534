import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  afterAttempt,
  attemptOutcome,
  backoffMs,
  endpointProblems,
  secretProblems,
  signature,
  signatureHeader,
} from '../src/rules/webhooks.ts';

const SECRET = 'a3f1c2d4e5b6978812345678abcdefab';
const codes = (r: { code: string }[]) => r.map((p) => p.code);

describe('webhook signatures (HMAC-SHA256 of timestamp and body)', () => {
  const body = '{"id":"e1","type":"CERTIFICATE_ISSUED"}';

  it('signs the timestamp, a full stop and the body with the secret, in hex, as the docs’ receiver computes it', () => {
    const expected = createHmac('sha256', SECRET).update(`1764547200.${body}`).digest('hex');
    expect(signature(SECRET, 1_764_547_200, body)).toBe(expected);
    expect(signatureHeader(SECRET, 1_764_547_200, body)).toBe(`t=1764547200,v1=${expected}`);
  });
});

describe('retries: exponential back-off and the automatic pause', () => {
  const policy = { backoffBaseMs: 30_000, backoffMaxMs: 6 * 3_600_000, pauseAfter: 16 };

  it('waits base · 2^(n−1) after the n-th failure in a row, at most the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, policy))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffMs(11, policy)).toBe(6 * 3_600_000);
    expect(backoffMs(1000, policy)).toBe(6 * 3_600_000);
    expect(backoffMs(0, policy)).toBe(30_000);
  });

  it('clears the failures on a delivery, counts them on a failure, and pauses on the pauseAfter-th in a row', () => {
    expect(afterAttempt(true, 7, 1_000, policy)).toEqual({ failures: 0, nextAttemptAtMs: 1_000, pause: false });
    expect(afterAttempt(false, 0, 1_000, policy)).toEqual({ failures: 1, nextAttemptAtMs: 31_000, pause: false });
    expect(afterAttempt(false, 14, 0, policy).pause).toBe(false);
    expect(afterAttempt(false, 15, 0, policy)).toMatchObject({ failures: 16, pause: true });
  });

  it('counts only 2xx as delivered; a redirect is a failure, not followed', () => {
    expect(attemptOutcome(200)).toEqual({ delivered: true, error: null });
    expect(attemptOutcome(204).delivered).toBe(true);
    expect(attemptOutcome(301)).toEqual({ delivered: false, error: 'HTTP 301: redirect not followed' });
    expect(attemptOutcome(500)).toEqual({ delivered: false, error: 'HTTP 500' });
    expect(attemptOutcome(410).delivered).toBe(false);
  });
});

describe('endpoints and secrets a partner may register', () => {
  it('takes HTTPS, and in development plain HTTP to this machine only', () => {
    expect(endpointProblems('https://hr.example.com/hub/events', true)).toEqual([]);
    expect(endpointProblems('http://127.0.0.1:8080/hook', false)).toEqual([]);
    expect(endpointProblems('http://localhost:8080/hook', false)).toEqual([]);
    expect(codes(endpointProblems('http://127.0.0.1:8080/hook', true))).toEqual(['WEBHOOK_URL_NOT_HTTPS']);
    expect(codes(endpointProblems('http://hr.example.com/hook', false))).toEqual(['WEBHOOK_URL_NOT_HTTPS']);
    expect(codes(endpointProblems('ftp://hr.example.com/hook', false))).toEqual(['WEBHOOK_URL_NOT_HTTPS']);
  });

  it('refuses internal addresses in production, credentials, fragments and what is no URL', () => {
    for (const url of [
      'https://127.0.0.1/h',
      'https://10.1.2.3/h',
      'https://192.168.0.9/h',
      'https://[::1]/h',
      'https://localhost/h',
      'https://169.254.169.254/latest',
    ])
      expect(codes(endpointProblems(url, true)), url).toEqual(['WEBHOOK_URL_INTERNAL']);
    expect(endpointProblems('https://8.8.8.8/h', true)).toEqual([]);
    expect(codes(endpointProblems('https://user:pw@hr.example.com/h', true))).toEqual(['WEBHOOK_URL_INVALID']);
    expect(codes(endpointProblems('https://hr.example.com/h#x', true))).toEqual(['WEBHOOK_URL_INVALID']);
    expect(codes(endpointProblems('x', true))).toEqual(['WEBHOOK_URL_INVALID']);
    expect(codes(endpointProblems(`https://hr.example.com/${'a'.repeat(2000)}`, true))).toEqual([
      'WEBHOOK_URL_INVALID',
    ]);
  });

  it('wants a secret of 32–256 visible ASCII characters', () => {
    expect(secretProblems(SECRET)).toEqual([]);
    expect(codes(secretProblems('short'))).toEqual(['WEBHOOK_SECRET_WEAK']);
    expect(codes(secretProblems(`${SECRET} with spaces`))).toEqual(['WEBHOOK_SECRET_WEAK']);
    expect(codes(secretProblems('密'.repeat(40)))).toEqual(['WEBHOOK_SECRET_WEAK']);
    expect(codes(secretProblems('a'.repeat(257)))).toEqual(['WEBHOOK_SECRET_WEAK']);
  });
});
