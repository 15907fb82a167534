import { createHmac } from 'node:crypto';
import { isIP } from 'node:net';
import { problem, type Refusal } from './types.ts';

/**
 * 变更推送 webhooks: how a delivery is signed, when a failed one is tried again, when a webhook
 * pauses, and which endpoints may be registered. Pure functions; the delivery worker
 * (src/webhooks/worker.ts) and the commands apply them.
 */

/** The header that carries the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = 'Skill-Hub-Signature';

/**
 * The signature of one delivery: HMAC-SHA256, keyed with the webhook's secret, of the timestamp, a
 * full stop and the exact bytes of the body (`${t}.${body}`), in lower-case hex. Signing the
 * timestamp with the body lets a receiver refuse a replayed delivery by its age.
 */
export function signature(secret: string, timestampSeconds: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.${body}`, 'utf8').digest('hex');
}

/** The signature header's value for one delivery. */
export const signatureHeader = (secret: string, timestampSeconds: number, body: string) =>
  `t=${timestampSeconds},v1=${signature(secret, timestampSeconds, body)}`;

// What a receiver does with the header: the partner client's verifyWebhookSignature
// (clients/partner/src/webhook-signature.ts), the one check the docs show.

export interface RetryPolicy {
  /** Wait after the first failure (ms); it doubles with each further failure in a row. */
  backoffBaseMs: number;
  /** The longest wait between two attempts (ms). */
  backoffMaxMs: number;
  /** Failures in a row after which the webhook pauses (自动暂停). */
  pauseAfter: number;
}

/** How long to wait after the `failures`-th failure in a row (1, 2, …) before trying again: base · 2^(n−1), at most the cap. */
export function backoffMs(failures: number, policy: Pick<RetryPolicy, 'backoffBaseMs' | 'backoffMaxMs'>): number {
  const n = Math.max(1, Math.floor(failures));
  // 2^(n-1) overflows nothing before the cap: stop doubling once past it.
  let wait = policy.backoffBaseMs;
  for (let i = 1; i < n && wait < policy.backoffMaxMs; i++) wait *= 2;
  return Math.min(wait, policy.backoffMaxMs);
}

/** What follows an attempt: the webhook's next attempt time, failures in a row, and whether it pauses now. */
export function afterAttempt(
  delivered: boolean,
  failuresBefore: number,
  nowMs: number,
  policy: RetryPolicy,
): { failures: number; nextAttemptAtMs: number; pause: boolean } {
  if (delivered) return { failures: 0, nextAttemptAtMs: nowMs, pause: false };
  const failures = failuresBefore + 1;
  return { failures, nextAttemptAtMs: nowMs + backoffMs(failures, policy), pause: failures >= policy.pauseAfter };
}

/** The outcome of one HTTP attempt: delivered on 2xx only; a redirect is not followed. */
export function attemptOutcome(status: number): { delivered: boolean; error: string | null } {
  if (status >= 200 && status < 300) return { delivered: true, error: null };
  if (status >= 300 && status < 400) return { delivered: false, error: `HTTP ${status}: redirect not followed` };
  return { delivered: false, error: `HTTP ${status}` };
}

export const MAX_URL_LENGTH = 2000;
export const SECRET_LENGTH = { min: 32, max: 256 } as const;
/** Webhooks an institution may have at once (removed ones not counted). */
export const MAX_WEBHOOKS = 10;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for an IP literal no partner endpoint lives at: loopback, private, link-local, unspecified. */
function internalAddress(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  const v = isIP(h);
  if (v === 4) {
    const [a = 0, b = 0] = h.split('.').map(Number);
    return (
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 169 && b === 254) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (v === 6) return h === '::1' || h === '::' || /^f[cd]/.test(h) || /^fe[89ab]/.test(h) || h.startsWith('::ffff:');
  return false;
}

/**
 * An endpoint a webhook may deliver to: HTTPS, no user name or password, no fragment, at most
 * 2,000 characters. In production never an internal address (loopback, private, link-local).
 * Outside production (tests, a partner's trial on one machine) `http://127.0.0.1`, `localhost`
 * and `[::1]` are allowed too.
 */
export function endpointProblems(raw: string, production: boolean): Refusal[] {
  const text = raw.trim();
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || text.length > MAX_URL_LENGTH)
    return [problem('WEBHOOK_URL_INVALID', `推送地址须为不超过${MAX_URL_LENGTH}个字符的完整网址`, 'url')];
  if (url.username || url.password || url.hash)
    return [problem('WEBHOOK_URL_INVALID', '推送地址不得含用户名、密码或“#”片段', 'url')];
  const loopback = LOOPBACK_HOSTS.has(url.hostname.toLowerCase());
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback && !production))
    return [problem('WEBHOOK_URL_NOT_HTTPS', '推送地址须使用 HTTPS', 'url')];
  if (production && internalAddress(url.hostname))
    return [problem('WEBHOOK_URL_INTERNAL', '推送地址不得指向本机或内网地址', 'url')];
  return [];
}

/** A signing secret the partner chose: 32–256 printable ASCII characters. */
export function secretProblems(secret: string): Refusal[] {
  if (secret.length < SECRET_LENGTH.min || secret.length > SECRET_LENGTH.max || !/^[\x21-\x7e]+$/.test(secret)) {
    return [
      problem(
        'WEBHOOK_SECRET_WEAK',
        `签名密钥须为${SECRET_LENGTH.min}至${SECRET_LENGTH.max}个可见ASCII字符（建议随机生成，如 openssl rand -hex 32）`,
        'secret',
      ),
    ];
  }
  return [];
}
