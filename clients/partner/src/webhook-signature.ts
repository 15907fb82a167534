import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header each webhook delivery is signed in (docs/partner-feed.md). */
export const SIGNATURE_HEADER = 'skill-hub-signature';

export interface VerifyOptions {
  /** The receiver's clock, in seconds since the epoch (default: now). */
  nowSeconds?: number;
  /** How old (or how far ahead) a delivery may be: a replay older than this is refused (default 300 s). */
  toleranceSeconds?: number;
}

/**
 * Checks a webhook delivery as the hub signs it: `Skill-Hub-Signature: t=<unix seconds>,v1=<hex>`,
 * HMAC-SHA256 keyed with the webhook's secret over `${t}.${raw body}`. True only when one `v1`
 * matches (compared in constant time) and `t` is within the tolerance of the receiver's clock.
 * Pass the body exactly as received, before any JSON parsing.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  rawBody: string,
  options: VerifyOptions = {},
): boolean {
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  const tolerance = options.toleranceSeconds ?? 300;
  let timestamp: number | undefined;
  const candidates: Buffer[] = [];
  for (const part of (header ?? '').split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    if (key === 'v1' && value && /^[0-9a-f]{64}$/i.test(value)) candidates.push(Buffer.from(value, 'hex'));
  }
  if (timestamp === undefined || Math.abs(now - timestamp) > tolerance) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest();
  return candidates.some((c) => timingSafeEqual(c, expected));
}
