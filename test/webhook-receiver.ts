/** A partner's webhook receiver, as a partner would write one with node:http: it checks each signature itself. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Delivery {
  /** The Idempotency-Key header: the event id. */
  key: string;
  body: { id: string; type: string; topic: string; cursor: string; data: Record<string, unknown> };
  attempt: string | undefined;
  /** The body exactly as it arrived, and its Skill-Hub-Signature header (to check it another way). */
  raw: string;
  signature: string | undefined;
  /** The signature checked as the partner guide says (HMAC-SHA256 of `${t}.${raw body}`, t within 5 minutes). */
  signed: boolean;
}

/** Checks `Skill-Hub-Signature: t=…,v1=…` the way docs/partner-feed.md shows, written apart from the hub's code. */
export function signedBy(secret: string, header: string | undefined, raw: string, nowSeconds: number): boolean {
  const fields = new Map<string, string[]>();
  for (const part of (header ?? '').split(',')) {
    const [k, v] = part.split('=');
    if (k && v) fields.set(k, [...(fields.get(k) ?? []), v]);
  }
  const t = Number(fields.get('t')?.[0]);
  if (!Number.isFinite(t) || Math.abs(nowSeconds - t) > 300) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${raw}`).digest();
  return (fields.get('v1') ?? []).some((v) => {
    const got = Buffer.from(v, 'hex');
    return got.length === expected.length && timingSafeEqual(got, expected);
  });
}

/**
 * Records every delivery it gets and answers 204; it can be stopped (connections cut) and started
 * again on the same port, keeping what it has received.
 */
export class Receiver {
  readonly deliveries: Delivery[] = [];
  private server: http.Server | undefined;
  port = 0;

  constructor(
    private readonly secret: string,
    /** The hub's now in seconds (signatures are dated by the hub's clock). */
    private readonly now: () => number,
  ) {}

  get url() {
    return `http://127.0.0.1:${this.port}/hub/events`;
  }

  /** Events received, each once (by idempotency key), in the order they first arrived. */
  unique(): Delivery[] {
    const seen = new Set<string>();
    return this.deliveries.filter((d) => !seen.has(d.key) && seen.add(d.key));
  }

  async start(): Promise<void> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        this.deliveries.push({
          key: String(req.headers['idempotency-key']),
          body: JSON.parse(raw),
          attempt: req.headers['skill-hub-delivery-attempt'] as string | undefined,
          raw,
          signature: req.headers['skill-hub-signature'] as string | undefined,
          signed: signedBy(this.secret, req.headers['skill-hub-signature'] as string | undefined, raw, this.now()),
        });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }
}

/** Polls `check` until it holds (at most `ms`): no fixed sleeps, a bounded wait. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
