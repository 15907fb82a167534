import { addCalendarDays } from '@hub/vocabulary';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Actors,
  actors,
  CREATE,
  fileAndSubmit,
  filingForm,
  REVIEW,
  register,
  revokeThroughCase,
} from './enterprises-fixtures.ts';
import { gql, token } from './helpers.ts';
import { startHubProcess } from './processes.ts';

/**
 * Issue #24 point 11, the configurable waiting period: a hub started with HUB_REFILE_WAITING_DAYS=30
 * refuses a revoked enterprise's new filing (REVOCATION_WAITING_PERIOD) until 30 days after the
 * revocation day, and takes it from that day on. The days pass on the hub's sandbox clock.
 */

let hub: Awaited<ReturnType<typeof startHubProcess>>;
let a: Actors;
const WAITING_DAYS = 30;

beforeAll(async () => {
  hub = await startHubProcess(0, { HUB_REFILE_WAITING_DAYS: String(WAITING_DAYS) });
  a = await actors();
});
afterAll(() => hub?.kill());

/** The hub's clock through /admin/clock: GET reads it, a body moves it. */
async function clock(body?: Record<string, unknown>): Promise<string> {
  const res = await fetch(hub.url.replace(/\/graphql$/, '/admin/clock'), {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await token({ role: 'admin' })}` },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { today: string }).today;
}

const MY_FILINGS = 'query { filings(first: 20) { totalCount } }';

describe('the waiting period after 取消备案资质 (#24 point 11)', () => {
  it('refuses a new filing within the configured days from the revocation day, writing nothing, and takes it after', async () => {
    const id = await register(hub.url, await a.city('430200'));
    const own = await a.enterprise(id);
    const first = await fileAndSubmit(hub.url, own);
    for (const tok of [await a.city('430200'), a.province, a.ministry]) {
      const r = await gql(hub.url, REVIEW, { token: tok, variables: { id: first.id, d: 'APPROVE', o: '同意' } });
      expect(r.data?.reviewFiling.errors).toEqual([]);
    }
    await revokeThroughCase(hub.url, id, await a.city('430200'));
    const revokedOn = await clock();
    const from = addCalendarDays(revokedOn, WAITING_DAYS);
    const filed = async () => (await gql(hub.url, MY_FILINGS, { token: own })).data?.filings.totalCount;
    const before = await filed();

    for (const day of [revokedOn, await clock({ advanceDays: WAITING_DAYS - 1 })]) {
      const refused = await gql(hub.url, CREATE, { token: own, variables: { input: filingForm() } });
      expect(refused.data?.createFiling.filing, day).toBeNull();
      expect(refused.data?.createFiling.errors).toEqual([
        expect.objectContaining({ code: 'REVOCATION_WAITING_PERIOD', message: expect.stringContaining(from) }),
      ]);
      expect(await filed()).toBe(before);
    }

    expect(await clock({ advanceDays: 1 })).toBe(from);
    const taken = await gql(hub.url, CREATE, { token: own, variables: { input: filingForm() } });
    expect(taken.data?.createFiling.errors).toEqual([]);
    expect(taken.data?.createFiling.filing).toMatchObject({ status: 'DRAFT', amendsFilingId: null });
    expect(await filed()).toBe(before + 1);
  });
});
