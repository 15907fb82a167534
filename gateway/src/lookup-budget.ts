import { createHmac, type KeyObject } from 'node:crypto';
import { piiKeyring } from '@hub/db/pii';
import { type Claims, jwtSecret } from '@hub/platform';
import { type HubConfig, hubConfig } from '@hub/platform/config';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Lookup } from './lookups.ts';

/**
 * 证书查询 budgets, per lookup (not per HTTP request): a request pays for every lookup field it
 * asks for, aliases and list elements each one, before any runs. Why and what the defaults mean:
 * docs/security.md, "Lookup budgets".
 *
 * - `lookups`: lookups of either kind per client per `lookupWindow` seconds (a brake on scraping).
 * - `identity`: lookups by resident ID per client, and `identityPerName` per 持证人姓名 from all
 *   clients together, per `identityWindow` (an ID is the secret part of that pair).
 * - `misses`: a lookup that finds nothing is a miss; after `misses` misses within `missWindow` for
 *   one target — one certificate number, one name within one certificate series (the number
 *   without its serial), one name with one birth date (the date inside the ID) — that target is
 *   locked out for `lockout` seconds, for every client. A lookup counts as a miss from the moment it
 *   is let through until its answer shows a hit, so concurrent guesses cannot outrun the back-off.
 *
 * A client is its address (the TCP peer, or with `trustProxy` the left-most X-Forwarded-For); a
 * signed-in caller is also its credential or subject, and pays both budgets: a token buys no second
 * budget at the same address, and one credential used from many addresses is one budget.
 */
export interface LookupBudgetOptions {
  /** 0 turns every lookup budget off (benchmarks). */
  lookups: number;
  lookupWindow: number;
  identity: number;
  identityPerName: number;
  identityWindow: number;
  misses: number;
  missWindow: number;
  lockout: number;
  trustProxy: boolean;
}

/** The defaults, in one place for the docs and the tests (seconds for windows). */
export const LOOKUP_BUDGET_DEFAULTS = {
  lookups: 300,
  lookupWindow: 600,
  identity: 20,
  identityPerName: 30,
  identityWindow: 3_600,
  misses: 5,
  missWindow: 86_400,
  lockout: 86_400,
} as const;

/** The budgets as configured (HUB_LOOKUP_* / HUB_IDENTITY_*; config.ts checks them). */
export function lookupBudgetOf(config: HubConfig = hubConfig()): LookupBudgetOptions {
  return {
    lookups: config.lookupBudget,
    lookupWindow: config.lookupWindow,
    identity: config.identityBudget,
    identityPerName: config.identityNameBudget,
    identityWindow: config.identityWindow,
    misses: config.lookupMisses,
    missWindow: config.lookupMissWindow,
    lockout: config.lookupLockout,
    trustProxy: config.trustProxy,
  };
}

/** What the budget asks of a counter: rate-limiter-flexible's limiter API (any store). */
export type Counter = Pick<RateLimiterAbstract, 'consume' | 'reward' | 'get' | 'penalty' | 'block'>;

/**
 * Where the counts live. In memory (this process) by default, so N gateway processes give a client N
 * budgets; with REDIS_URL, in Redis (budget-store.ts): one budget for all of them.
 */
export interface BudgetStore {
  counter(spec: { keyPrefix: string; points: number; duration: number }): Counter;
  /** When the store fails (not a refusal: an error): let the lookups through, or refuse them (default). */
  onFailure?: 'open' | 'closed';
}

export const memoryBudgetStore: BudgetStore = { counter: (spec) => new RateLimiterMemory(spec) };

/** Who is asking. */
export interface LookupClient {
  address: string;
  caller: Claims;
}

/** The budget a refusal names (a client-facing word, in the error's extensions). */
export type BudgetName = 'lookups' | 'identity' | 'holder' | 'misses' | 'unavailable';

/** A request's lookups, let through: what `settle` needs once the answer is known. */
export interface Ticket {
  lookups: Lookup[];
  /** Per lookup, its miss counters' keys. */
  missKeys: string[][];
  /** What was taken, to give back should the lookups not run after all (`release`). */
  charges: Charge[];
}

export type Admission = { ok: true; ticket: Ticket } | { ok: false; budget: BudgetName; retryAfter: number };

interface Charge {
  budget: BudgetName;
  counter: Counter;
  key: string;
  points: number;
}

/**
 * Counter keys are keyed hashes, never the names, numbers, addresses or IDs themselves: counts kept
 * in memory or in a shared store (Redis) hold no personal data. Every process of one hub derives the
 * same secret — from the personal-data lookup key where the gateway has one, else from the caller
 * tokens' secret, which every gateway has — so processes sharing a store share their counts.
 */
export function budgetKeySecret(): Buffer {
  const derive = (key: Uint8Array | KeyObject) => createHmac('sha256', key).update('hub lookup budget keys').digest();
  try {
    const key = piiKeyring().hmac[0];
    if (key) return derive(key);
  } catch {
    // no personal-data keys in this gateway: the token secret below
  }
  return derive(jwtSecret());
}

/** A counter key: a keyed hash of its parts (22 characters of base64url). */
export function budgetKey(secret: Buffer, ...parts: string[]): string {
  return createHmac('sha256', secret).update(parts.join('\u0000')).digest('base64url').slice(0, 22);
}

export class LookupBudget {
  readonly options: LookupBudgetOptions;
  private readonly secret: Buffer;
  private readonly store: BudgetStore;
  private readonly all: Counter;
  private readonly identity: Counter;
  private readonly holder: Counter;
  private readonly missed: Counter;
  /** Lookups let through and refused (each lookup of a refused request counts). */
  readonly stats = { admitted: 0, refused: 0 };

  constructor(options: LookupBudgetOptions, store: BudgetStore = memoryBudgetStore, keySecret?: Buffer) {
    this.options = options;
    this.store = store;
    this.secret = keySecret ?? budgetKeySecret();
    const o = options;
    this.all = store.counter({ keyPrefix: 'hub-lookups', points: Math.max(o.lookups, 1), duration: o.lookupWindow });
    this.identity = store.counter({ keyPrefix: 'hub-identity', points: o.identity, duration: o.identityWindow });
    this.holder = store.counter({ keyPrefix: 'hub-holder', points: o.identityPerName, duration: o.identityWindow });
    this.missed = store.counter({ keyPrefix: 'hub-misses', points: o.misses, duration: o.missWindow });
  }

  get enabled(): boolean {
    return this.options.lookups > 0;
  }

  private key(...parts: string[]): string {
    return budgetKey(this.secret, ...parts);
  }

  /** The client's counter keys: its address, and a signed-in caller's credential or subject too. */
  clientKeys({ address, caller }: LookupClient): string[] {
    const keys = [this.key('address', address)];
    if (caller.role === 'public') return keys;
    if (caller.credentialId) keys.push(this.key('credential', caller.credentialId));
    else if (caller.sub) keys.push(this.key('subject', caller.role, caller.sub));
    else if (caller.enterpriseId) keys.push(this.key('enterprise', caller.enterpriseId));
    else keys.push(this.key('role', caller.role, caller.prefecture ?? ''));
    return keys;
  }

  /** The targets a lookup guesses at, each with its own miss counter. */
  missKeys(l: Lookup): string[] {
    if (l.kind === 'certificate') {
      if (!l.number) return []; // no certificate has a malformed number: nothing to guess at
      const keys = [this.key('number', l.number)];
      // The series: kind, province, institution, year, level — all but the 6-digit serial.
      if (l.holderName) keys.push(this.key('series', l.number.slice(0, 16), l.holderName));
      return keys;
    }
    if (!l.holderName || !l.residentId) return [];
    // The birth date inside the ID: the candidates of one enumeration share it (and the name).
    return [this.key('person', l.holderName, l.residentId.slice(6, 14))];
  }

  /**
   * Takes what the lookups cost from every budget they fall under, or nothing: a refused request
   * gets back what it took, so a refusal changes no count (and no lookup runs).
   */
  async admit(client: LookupClient, lookups: Lookup[]): Promise<Admission> {
    const missKeys = lookups.map((l) => this.missKeys(l));
    if (!this.enabled || lookups.length === 0) return { ok: true, ticket: { lookups: [], missKeys: [], charges: [] } };
    const charges = new Map<string, Charge>();
    const charge = (budget: BudgetName, counter: Counter, key: string, points: number) => {
      const id = `${budget}\u0000${key}`;
      const c = charges.get(id);
      if (c) c.points += points;
      else if (points > 0) charges.set(id, { budget, counter, key, points });
    };
    const clientKeys = this.clientKeys(client);
    const identity = lookups.filter((l) => l.kind === 'identity');
    for (const k of clientKeys) {
      charge('lookups', this.all, k, lookups.length);
      charge('identity', this.identity, k, identity.length);
    }
    for (const l of identity) if (l.holderName) charge('holder', this.holder, this.key('holder', l.holderName), 1);
    for (const keys of missKeys) for (const k of keys) charge('misses', this.missed, k, 1);

    const list = [...charges.values()];
    const results = await Promise.allSettled(list.map((c) => c.counter.consume(c.key, c.points)));
    const over = results.flatMap((r, i) =>
      r.status === 'rejected' && r.reason instanceof RateLimiterRes ? [{ c: list[i] as Charge, res: r.reason }] : [],
    );
    const failed = results.some((r) => r.status === 'rejected' && !(r.reason instanceof RateLimiterRes));
    if (!over.length && !failed) {
      this.stats.admitted += lookups.length;
      return { ok: true, ticket: { lookups, missKeys, charges: list } };
    }
    // Give back what this request took, the refused counts included (a counter counts a refused take too).
    await Promise.allSettled(
      list.map((c, i) =>
        results[i]?.status === 'fulfilled' || (results[i] as PromiseRejectedResult).reason instanceof RateLimiterRes
          ? c.counter.reward(c.key, c.points)
          : undefined,
      ),
    );
    if (!over.length) {
      // The store failed (Redis out of reach): as configured, never a 500.
      if (this.store.onFailure === 'open') return { ok: true, ticket: { lookups: [], missKeys: [], charges: [] } };
      this.stats.refused += lookups.length;
      return { ok: false, budget: 'unavailable', retryAfter: 5 };
    }
    this.stats.refused += lookups.length;
    const longest = over.reduce((a, b) => (b.res.msBeforeNext > a.res.msBeforeNext ? b : a));
    return {
      ok: false,
      budget: longest.c.budget,
      retryAfter: Math.max(1, Math.ceil(longest.res.msBeforeNext / 1000)),
    };
  }

  /** Gives back all a ticket took: its lookups did not run after all (another path will charge them). */
  async release(ticket: Ticket): Promise<void> {
    this.stats.admitted -= ticket.lookups.length;
    await Promise.allSettled(ticket.charges.map((c) => c.counter.reward(c.key, c.points)));
    ticket.lookups = [];
    ticket.missKeys = [];
    ticket.charges = [];
  }

  /**
   * Once the answer is known: a lookup that found what it asked gives its presumed miss back; one
   * that missed stays counted, and the miss that reaches the limit locks its target out.
   */
  async settle(ticket: Ticket, hits: boolean[]): Promise<void> {
    if (!this.enabled) return;
    const work: Promise<unknown>[] = [];
    ticket.lookups.forEach((_, i) => {
      for (const key of ticket.missKeys[i] ?? []) {
        if (hits[i]) {
          work.push(this.missed.reward(key, 1));
          continue;
        }
        work.push(
          this.missed.get(key).then((res) => {
            if (res && res.consumedPoints >= this.options.misses) return this.missed.block(key, this.options.lockout);
            return undefined;
          }),
        );
      }
    });
    await Promise.allSettled(work);
  }
}
