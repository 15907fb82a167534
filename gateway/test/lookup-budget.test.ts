import { PUBLIC_CALLER } from '@hub/platform';
import { loadConfig } from '@hub/platform/config';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  type Admission,
  type BudgetStore,
  LOOKUP_BUDGET_DEFAULTS,
  LookupBudget,
  type LookupBudgetOptions,
  lookupBudgetOf,
} from '../src/lookup-budget.ts';
import type { Lookup } from '../src/lookups.ts';

const options = (o: Partial<LookupBudgetOptions> = {}): LookupBudgetOptions => ({
  ...LOOKUP_BUDGET_DEFAULTS,
  trustProxy: false,
  ...o,
});
const SECRET = Buffer.alloc(32, 7);
const budgetOf = (o: Partial<LookupBudgetOptions> = {}, store?: BudgetStore) =>
  new LookupBudget(options(o), store, SECRET);

const NAME = '黄志勇';
/** Candidate IDs of one person (same county, birth date and sex), as an enumeration tries them. */
const candidate = (i: number) => `43010219900307${String(100 + i * 2).padStart(3, '0')}X`;
const byId = (residentId: string, holderName = NAME): Lookup => ({
  kind: 'identity',
  responseKey: 'v',
  residentId,
  holderName,
});
const byNumber = (number: string, holderName: string): Lookup => ({
  kind: 'certificate',
  responseKey: 'v',
  number,
  holderName,
});
const from = (address: string) => ({ address, caller: PUBLIC_CALLER });
const admitted = (a: Admission) => {
  if (!a.ok) throw new Error(`refused: ${a.budget}`);
  return a.ticket;
};

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-12-01T02:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('lookup budget: per lookup, per client', () => {
  it('charges every lookup of a request (ten aliases are ten) and refuses the request that would go over', async () => {
    const budget = budgetOf({ lookups: 12 });
    // ten people's certificates (ten numbers guessed for one name would be the back-off's business)
    const ten = Array.from({ length: 10 }, (_, i) => byNumber(`Y00004312345625100000${i}`, `张${i}`));
    expect((await budget.admit(from('a'), ten)).ok).toBe(true);
    const three = ten.slice(0, 3);
    expect(await budget.admit(from('a'), three)).toEqual({ ok: false, budget: 'lookups', retryAfter: 600 });
    // the refusal took nothing: two more still fit
    expect((await budget.admit(from('a'), three.slice(0, 2))).ok).toBe(true);
    expect((await budget.admit(from('a'), three.slice(0, 1))).ok).toBe(false);
    // another address has its own budget
    expect((await budget.admit(from('b'), three)).ok).toBe(true);
    // and the window passes
    vi.advanceTimersByTime(600_000);
    expect((await budget.admit(from('a'), three)).ok).toBe(true);
  });

  it('limits a signed-in caller by its credential across addresses, and by its address too', async () => {
    const budget = budgetOf({ lookups: 4 });
    const partner = { role: 'hr_partner' as const, credentialId: 'cred-1', enterpriseId: 'e1' };
    const two = [byNumber('Y000043123456251000001', '张三'), byNumber('Y000043123456251000002', '李四')];
    expect((await budget.admit({ address: 'a', caller: partner }, two)).ok).toBe(true);
    expect((await budget.admit({ address: 'b', caller: partner }, two)).ok).toBe(true);
    expect(await budget.admit({ address: 'c', caller: partner }, two)).toMatchObject({ ok: false, budget: 'lookups' });
    // another token at an address whose budget is spent gets no second budget there
    const other = { role: 'enterprise' as const, sub: 'u2', enterpriseId: 'e2' };
    expect((await budget.admit({ address: 'a', caller: other }, two)).ok).toBe(true);
    expect((await budget.admit({ address: 'a', caller: other }, two.slice(0, 1))).ok).toBe(false);
    expect(budget.clientKeys({ address: 'a', caller: partner })).toHaveLength(2);
    expect(budget.clientKeys(from('a'))).toHaveLength(1);
  });

  it('keys its counters by keyed hashes: no name, number, ID or address in them', async () => {
    const seen: string[] = [];
    const store: BudgetStore = {
      counter: (spec) => {
        const limiter = new RateLimiterMemory(spec);
        const consume = limiter.consume.bind(limiter);
        limiter.consume = (key, points) => {
          seen.push(String(key));
          return consume(key, points);
        };
        return limiter;
      },
    };
    const budget = budgetOf({}, store);
    await budget.admit(from('203.0.113.9'), [byId(candidate(1)), byNumber('Y000043123456251000001', NAME)]);
    expect(seen.length).toBeGreaterThan(4);
    for (const key of seen) {
      expect(key).toMatch(/^[\w-]{22}$/);
      expect(key).not.toContain('203.0.113.9');
    }
  });
});

describe('lookups by resident ID', () => {
  it('have a much smaller budget per client, and one per holder name from all clients together', async () => {
    const budget = budgetOf({ identity: 3, identityPerName: 5, misses: 100 });
    for (let i = 0; i < 3; i++) admitted(await budget.admit(from('a'), [byId(candidate(i))]));
    expect(await budget.admit(from('a'), [byId(candidate(3))])).toMatchObject({ ok: false, budget: 'identity' });
    // lookups by number from the same client still run: the general budget is far from spent
    expect((await budget.admit(from('a'), [byNumber('Y000043123456251000001', NAME)])).ok).toBe(true);
    admitted(await budget.admit(from('b'), [byId(candidate(4))]));
    admitted(await budget.admit(from('b'), [byId(candidate(5))]));
    // five lookups for this name in the window, from any address: the sixth is refused, another name is not
    expect(await budget.admit(from('c'), [byId(candidate(6))])).toMatchObject({ ok: false, budget: 'holder' });
    expect((await budget.admit(from('c'), [byId(candidate(6), '李四')])).ok).toBe(true);
  });

  it('lock one person out after N misses, for every client, until the lockout ends', async () => {
    const budget = budgetOf({ misses: 5, lockout: 3_600, missWindow: 86_400 });
    for (let i = 0; i < 5; i++) {
      const ticket = admitted(await budget.admit(from(`addr-${i}`), [byId(candidate(i))]));
      await budget.settle(ticket, [false]);
    }
    const locked = await budget.admit(from('fresh'), [byId(candidate(5))]);
    expect(locked).toEqual({ ok: false, budget: 'misses', retryAfter: 3_600 });
    // the same name with another birth date is another person; the locked one waits out the lockout
    expect((await budget.admit(from('fresh'), [byId('430102198501010013')])).ok).toBe(true);
    vi.advanceTimersByTime(3_600_000);
    expect((await budget.admit(from('fresh'), [byId(candidate(5))])).ok).toBe(true);
  });

  it('count a guess as a miss until its answer shows a hit, so concurrent guesses cannot outrun the back-off', async () => {
    const budget = budgetOf({ misses: 5 });
    const inFlight = await Promise.all(
      Array.from({ length: 8 }, (_, i) => budget.admit(from(`addr-${i}`), [byId(candidate(i))])),
    );
    expect(inFlight.filter((a) => a.ok)).toHaveLength(5);
    expect(inFlight.filter((a) => !a.ok && a.budget === 'misses')).toHaveLength(3);
  });

  it('a request of ten guesses for one person is refused whole when it would pass the miss limit', async () => {
    const budget = budgetOf({ misses: 5 });
    const ten = Array.from({ length: 10 }, (_, i) => byId(candidate(i)));
    expect(await budget.admit(from('a'), ten)).toMatchObject({ ok: false, budget: 'misses' });
    // and took nothing: five single guesses still run
    for (let i = 0; i < 5; i++) admitted(await budget.admit(from('a'), [byId(candidate(i))]));
  });
});

describe('lookups by certificate number', () => {
  it('lock a number out after N misses (a name guessed for it), and a name within one series (numbers guessed)', async () => {
    const budget = budgetOf({ misses: 3, lockout: 600 });
    const number = 'Y000043123456251000042';
    for (const name of ['黄一勇', '黄二勇', '黄三勇']) {
      await budget.settle(admitted(await budget.admit(from('a'), [byNumber(number, name)])), [false]);
    }
    expect(await budget.admit(from('b'), [byNumber(number, '黄志勇')])).toMatchObject({ ok: false, budget: 'misses' });
    // numbers guessed for one name within one series (institution, year, level)
    for (const serial of ['000101', '000102', '000103']) {
      await budget.settle(admitted(await budget.admit(from('a'), [byNumber(`Y0000431234562510${serial}`, '李四')])), [
        false,
      ]);
    }
    expect(await budget.admit(from('c'), [byNumber('Y000043123456251000104', '李四')])).toMatchObject({
      ok: false,
      budget: 'misses',
    });
    expect((await budget.admit(from('c'), [byNumber('Y000043123456251000104', '王五')])).ok).toBe(true);
  });

  it('never troubles a holder checking their own two certificates again and again: hits give their miss back', async () => {
    const budget = budgetOf();
    const own = [byNumber('Y000043123456251000007', '张三'), byNumber('Y000043123456232000019', '张三')];
    for (let round = 0; round < 20; round++) {
      for (const lookup of own) {
        await budget.settle(admitted(await budget.admit(from('home'), [lookup])), [true]);
      }
      await budget.settle(admitted(await budget.admit(from('home'), [byId(candidate(1), '张三')])), [true]);
    }
  });
});

describe('the store', () => {
  it('refuses (budget unavailable) when the store fails, or lets the lookups through when configured to fail open', async () => {
    const broken = (onFailure?: 'open'): BudgetStore => ({
      counter: (spec) => {
        const limiter = new RateLimiterMemory(spec);
        limiter.consume = () => Promise.reject(new Error('store down'));
        return limiter;
      },
      ...(onFailure ? { onFailure } : {}),
    });
    const lookup = [byNumber('Y000043123456251000001', '张三')];
    expect(await budgetOf({}, broken()).admit(from('a'), lookup)).toMatchObject({ ok: false, budget: 'unavailable' });
    expect((await budgetOf({}, broken('open')).admit(from('a'), lookup)).ok).toBe(true);
  });

  it('turns off with HUB_LOOKUP_BUDGET=0', async () => {
    const budget = budgetOf({ lookups: 0, identity: 1, misses: 1 });
    for (let i = 0; i < 10; i++) expect((await budget.admit(from('a'), [byId(candidate(1))])).ok).toBe(true);
  });
});

describe('configuration', () => {
  it('reads HUB_LOOKUP_* and HUB_IDENTITY_* with documented defaults, and refuses nonsense', () => {
    expect(lookupBudgetOf(loadConfig({}))).toEqual({ ...LOOKUP_BUDGET_DEFAULTS, trustProxy: false });
    expect(
      lookupBudgetOf(
        loadConfig({
          HUB_LOOKUP_BUDGET: '50',
          HUB_LOOKUP_WINDOW: '60',
          HUB_IDENTITY_BUDGET: '3',
          HUB_IDENTITY_NAME_BUDGET: '4',
          HUB_IDENTITY_WINDOW: '120',
          HUB_LOOKUP_MISSES: '2',
          HUB_LOOKUP_MISS_WINDOW: '300',
          HUB_LOOKUP_LOCKOUT: '900',
          HUB_TRUST_PROXY: '1',
        }),
      ),
    ).toEqual({
      lookups: 50,
      lookupWindow: 60,
      identity: 3,
      identityPerName: 4,
      identityWindow: 120,
      misses: 2,
      missWindow: 300,
      lockout: 900,
      trustProxy: true,
    });
    expect(lookupBudgetOf(loadConfig({ HUB_LOOKUP_BUDGET: '0' })).lookups).toBe(0);
    expect(() => lookupBudgetOf(loadConfig({ HUB_IDENTITY_BUDGET: '0' }))).toThrow(/HUB_IDENTITY_BUDGET/);
    expect(() => lookupBudgetOf(loadConfig({ HUB_LOOKUP_MISSES: 'five' }))).toThrow(/HUB_LOOKUP_MISSES/);
    expect(() => lookupBudgetOf(loadConfig({ HUB_LOOKUP_WINDOW: '1.5' }))).toThrow();
  });
});
