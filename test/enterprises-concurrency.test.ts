import { filings, filingTransitions } from '@hub/db';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actors, fileAndSubmit, REVIEW, register } from './enterprises-fixtures.ts';
import { gql, startTestHub, type TestHub } from './helpers.ts';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub(200);
});
afterAll(() => hub?.stop());

describe('two reviewers at once', () => {
  it('lets exactly one of two concurrent reviews of the same filing succeed', async () => {
    const a = await actors();
    const city = await a.city('430200');
    for (let round = 0; round < 3; round++) {
      const id = await register(hub.url, city);
      const f = await fileAndSubmit(hub.url, await a.enterprise(id));
      // Two clerks of the same centre, both looking at version f.version: one approves, one rejects.
      const [x, y] = await Promise.all([
        gql(hub.url, REVIEW, { token: city, variables: { id: f.id, d: 'APPROVE', o: '同意', v: f.version } }),
        gql(hub.url, REVIEW, { token: city, variables: { id: f.id, d: 'REJECT', o: '材料不全', v: f.version } }),
      ]);
      const outcomes = [x, y].map((r) => r.data?.reviewFiling);
      const won = outcomes.filter((o) => o.errors.length === 0);
      const lost = outcomes.filter((o) => o.errors.length > 0);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].errors[0].code).toBe('FILING_CHANGED');
      const [row] = await hub.db.db.select().from(filings).where(eq(filings.id, f.id));
      expect(row?.status).toBe(won[0].filing.status);
      expect(row?.version).toBe(f.version + 1);
      const steps = await hub.db.db.select().from(filingTransitions).where(eq(filingTransitions.filingId, f.id));
      expect(steps.filter((s) => s.fromStatus === 'SUBMITTED')).toHaveLength(1);
    }
  });
});
