import { and, count, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/migrate.ts';
import { isInConfirmedScope } from '../src/read/scope.ts';
import { enterprises, filingScopes, filings, filingTransitions } from '../src/schema/enterprise.ts';
import { seed } from '../src/seed/index.ts';
import { freshDb, type TestDb } from '../src/testing.ts';
import { applyQualificationDecision } from '../src/write/qualification.ts';

let h: TestDb;
beforeAll(async () => {
  h = await freshDb();
  await migrate(h);
  await seed(h, { size: 300 });
}, 120_000);
afterAll(() => h?.drop());

const decide = (enterpriseId: string, action: 'SUSPEND' | 'REINSTATE' | 'REVOKE') =>
  h.db.transaction((tx) =>
    applyQualificationDecision(tx, {
      enterpriseId,
      action,
      reference: 'case:test',
      reason: '超范围认定',
      actor: 'inspector-1',
      actorRole: 'inspector',
      at: new Date(),
    }),
  );

async function confirmedInstitution() {
  const rows = await h.db.select().from(enterprises).where(eq(enterprises.qualification, 'CONFIRMED'));
  const picked = rows.find((r) => !used.has(r.id));
  if (!picked) throw new Error('no confirmed institution left');
  used.add(picked.id);
  return picked;
}
const used = new Set<string>();

describe('supervision decisions carried out by the enterprises domain', () => {
  it('suspends and reinstates a confirmed institution, recording both steps', async () => {
    const e = await confirmedInstitution();
    expect(await decide(e.id, 'SUSPEND')).toEqual({ ok: true, qualification: 'SUSPENDED' });
    const [suspended] = await h.db.select().from(enterprises).where(eq(enterprises.id, e.id));
    expect(suspended?.qualification).toBe('SUSPENDED');
    expect(await decide(e.id, 'REINSTATE')).toEqual({ ok: true, qualification: 'CONFIRMED' });
    const steps = await h.db
      .select({ to: filingTransitions.toStatus, role: filingTransitions.actorRole, opinion: filingTransitions.opinion })
      .from(filingTransitions)
      .innerJoin(filings, eq(filings.id, filingTransitions.filingId))
      .where(eq(filings.enterpriseId, e.id));
    expect(steps.slice(-2).map((s) => s.to)).toEqual(['SUSPENDED', 'CONFIRMED']);
    expect(steps.at(-1)?.opinion).toContain('case:test');
  });

  it('revokes: the institution leaves the catalog, may no longer evaluate, and cannot be revoked twice', async () => {
    const e = await confirmedInstitution();
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const [scope] = await h.db
      .select({ occupationCode: filingScopes.occupationCode, levels: filingScopes.levels })
      .from(filingScopes)
      .innerJoin(filings, eq(filings.id, filingScopes.filingId))
      .where(and(eq(filings.enterpriseId, e.id), isNotNull(filings.confirmedAt)))
      .limit(1);
    if (!scope) throw new Error('institution without scope');
    const q = {
      enterpriseId: e.id,
      occupationCode: scope.occupationCode,
      level: scope.levels[0] as number,
      onDate: today,
    };
    expect(await isInConfirmedScope(h.db, q)).toBe(true);
    expect(await decide(e.id, 'REVOKE')).toEqual({ ok: true, qualification: 'REVOKED' });
    expect(await isInConfirmedScope(h.db, q)).toBe(false);
    const [row] = await h.db.select().from(enterprises).where(eq(enterprises.id, e.id));
    expect(row?.qualification).toBe('REVOKED');
    expect(await decide(e.id, 'REVOKE')).toMatchObject({ ok: false, code: 'ALREADY_REVOKED' });
    expect(await decide(e.id, 'REINSTATE')).toMatchObject({ ok: false, code: 'ALREADY_REVOKED' });
  });

  it('refuses to suspend an enterprise that was never confirmed, and changes nothing', async () => {
    const [never] = await h.db.select().from(enterprises).where(eq(enterprises.qualification, 'NONE')).limit(1);
    if (!never) throw new Error('seed has no unconfirmed enterprise');
    const before = (await h.db.select({ n: count() }).from(filingTransitions))[0]?.n;
    expect(await decide(never.id, 'SUSPEND')).toMatchObject({ ok: false, code: 'NOT_QUALIFIED' });
    expect((await h.db.select({ n: count() }).from(filingTransitions))[0]?.n).toBe(before);
  });
});
