import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../src/webhook-signature.ts';

/**
 * The receiver's check of a delivery, the one the hub documents (docs/partner-feed.md) and the
 * partner client ships. The header is signed here as the hub signs it (HMAC-SHA256 of `${t}.${body}`,
 * pinned against the hub's own signer in subgraphs/assessments/test/webhooks.test.ts).
 */
const SECRET = 'a3f1c2d4e5b6978812345678abcdefab';
const body = '{"id":"e1","type":"CERTIFICATE_ISSUED"}';
const sign = (t: number, b = body) => createHmac('sha256', SECRET).update(`${t}.${b}`).digest('hex');
const at = (nowSeconds: number) => ({ nowSeconds });

describe('verifyWebhookSignature', () => {
  it('verifies a fresh delivery and refuses a changed body, another secret, an old timestamp or a bad header', () => {
    const header = `t=1000,v1=${sign(1000)}`;
    expect(verifyWebhookSignature(SECRET, header, body, at(1000))).toBe(true);
    expect(verifyWebhookSignature(SECRET, header, body, at(1300))).toBe(true);
    expect(verifyWebhookSignature(SECRET, header, body, at(1301))).toBe(false);
    expect(verifyWebhookSignature(SECRET, header, `${body} `, at(1000))).toBe(false);
    expect(verifyWebhookSignature(`${SECRET}x`, header, body, at(1000))).toBe(false);
    expect(verifyWebhookSignature(SECRET, header.replace('t=1000', 't=1001'), body, at(1000))).toBe(false);
    expect(verifyWebhookSignature(SECRET, 'v1=abc', body, at(1000))).toBe(false);
    expect(verifyWebhookSignature(SECRET, undefined, body, at(1000))).toBe(false);
    // A receiver accepts any listed v1 (two during a secret change).
    expect(verifyWebhookSignature(SECRET, `t=1000,v1=${'0'.repeat(64)},v1=${sign(1000)}`, body, at(1000))).toBe(true);
  });

  it('takes its tolerance from the caller', () => {
    const header = `t=1000,v1=${sign(1000)}`;
    expect(verifyWebhookSignature(SECRET, header, body, { nowSeconds: 1060, toleranceSeconds: 60 })).toBe(true);
    expect(verifyWebhookSignature(SECRET, header, body, { nowSeconds: 1061, toleranceSeconds: 60 })).toBe(false);
  });
});
