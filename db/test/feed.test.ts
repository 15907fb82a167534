import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../src/client.ts';
import { migrate } from '../src/migrate.ts';
import { feedEvents, webhookDeliveries, webhooks } from '../src/schema/feed.ts';
import { freshDb, type TestDb } from '../src/testing.ts';
import { feedEventsPage, lastFeedPosition, recordEvent, recordEvents } from '../src/write/feed.ts';
import { pruneDeliveries } from '../src/write/webhooks.ts';

/**
 * The change feed's outbox (变更推送): events commit with the change or not at all, and each
 * institution's positions are handed out in commit order, without gaps — on PGlite (one
 * connection) and on PostgreSQL (DATABASE_URL), where the second transaction waits on the first's
 * lock of the institution's position row.
 */

let h: TestDb;
const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const at = new Date('2026-12-01T02:00:00Z');
const issued = (n: string) => ({
  type: 'CERTIFICATE_ISSUED' as const,
  subject: n,
  data: { number: n, level: 4 },
});

beforeAll(async () => {
  h = await freshDb();
  await migrate(h);
}, 60_000);
afterAll(() => h?.drop());

/** A promise and the function that settles it. */
function gate() {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('the change feed outbox', () => {
  it('numbers each institution’s events 1, 2, 3 … in the order they were recorded, apart from other institutions', async () => {
    await recordEvents(h.db, at, [
      { enterpriseId: A, ...issued('A1') },
      { enterpriseId: B, ...issued('B1') },
      { enterpriseId: A, ...issued('A2') },
    ]);
    await recordEvent(h.db, at, { enterpriseId: A, ...issued('A3') });
    const a = await feedEventsPage(h.db, A, ['CERTIFICATE'], 0, 10);
    expect(a.map((e) => [e.position, e.subject, e.topic])).toEqual([
      [1, 'A1', 'CERTIFICATE'],
      [2, 'A2', 'CERTIFICATE'],
      [3, 'A3', 'CERTIFICATE'],
    ]);
    expect((await feedEventsPage(h.db, B, ['CERTIFICATE'], 0, 10)).map((e) => e.position)).toEqual([1]);
    expect((await feedEventsPage(h.db, A, ['CERTIFICATE'], 1, 1)).map((e) => e.subject)).toEqual(['A2']);
    expect(await feedEventsPage(h.db, A, ['PLAN'], 0, 10)).toEqual([]);
    expect(new Set(a.map((e) => e.eventId)).size).toBe(3);
  });

  it('writes nothing when the change rolls back, and gives the position back', async () => {
    const before = await lastFeedPosition(h.db, A);
    await expect(
      h.db.transaction(async (tx) => {
        await recordEvent(tx, at, { enterpriseId: A, ...issued('rolled back') });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await lastFeedPosition(h.db, A)).toBe(before);
    await recordEvent(h.db, at, { enterpriseId: A, ...issued('A4') });
    const rows = await h.db
      .select()
      .from(feedEvents)
      .where(eq(feedEvents.enterpriseId, A))
      .orderBy(asc(feedEvents.position));
    expect(rows.map((r) => r.subject)).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(rows.map((r) => r.position)).toEqual([1, 2, 3, 4]);
  });

  it('hands a later transaction the next position only once the earlier one has ended: commit order is feed order', async () => {
    const tookPosition = gate();
    const finish = gate();
    const first = h.db.transaction(async (tx) => {
      await recordEvent(tx, at, { enterpriseId: A, ...issued('first') });
      tookPosition.open();
      await finish.opened;
    });
    await tookPosition.opened;
    // Waits: on PostgreSQL for the lock of A's position row, on PGlite for the connection.
    let secondDone = false;
    const second = h.db
      .transaction(async (tx) => {
        await recordEvent(tx, at, { enterpriseId: A, ...issued('second') });
      })
      .then(() => {
        secondDone = true;
      });
    if (h.kind === 'postgres') {
      // The second is seen waiting on a lock while the first is open (bounded wait, no sleep assumed).
      const deadline = Date.now() + 15_000;
      let waiting = 0;
      while (!waiting && Date.now() < deadline) {
        const [row] = rowsOf<{ n: number }>(
          await h.db.execute(
            sql`select count(*)::int as n from pg_stat_activity
                where datname = current_database() and wait_event_type = 'Lock'`,
          ),
        );
        waiting = row?.n ?? 0;
        if (!waiting) await new Promise((r) => setTimeout(r, 20));
      }
      expect(waiting).toBe(1);
    }
    expect(secondDone).toBe(false);
    finish.open();
    await Promise.all([first, second]);
    const tail = await feedEventsPage(h.db, A, ['CERTIFICATE'], 4, 10);
    expect(tail.map((e) => [e.position, e.subject])).toEqual([
      [5, 'first'],
      [6, 'second'],
    ]);
  });

  it('keeps events as written: UPDATE, DELETE and TRUNCATE are refused', async () => {
    await expect(
      h.db.update(feedEvents).set({ subject: 'changed' }).where(eq(feedEvents.subject, 'A1')),
    ).rejects.toThrow();
    await expect(h.db.delete(feedEvents).where(eq(feedEvents.subject, 'A1'))).rejects.toThrow();
    await expect(h.db.execute(sql`truncate feed.events`)).rejects.toThrow();
    expect((await feedEventsPage(h.db, A, ['CERTIFICATE'], 0, 1))[0]?.subject).toBe('A1');
  });
});

describe('the delivery log (推送记录)', () => {
  it('prunes the attempts made before the cut, oldest first and at most the limit, and no later one', async () => {
    const [hook] = await h.db
      .insert(webhooks)
      .values({
        enterpriseId: A,
        url: 'https://hr.example.cn/hub',
        secretEnc: Buffer.from('sealed'),
        topics: ['CERTIFICATE'],
        position: 0,
        nextAttemptAt: at,
        createdBy: 'test',
        createdAt: at,
      })
      .returning();
    if (!hook) throw new Error('no webhook');
    const cut = new Date('2026-09-01T00:00:00Z');
    const day = 86_400_000;
    // Attempts 3 days, 2 days and 1 ms before the cut, at it, and a day after.
    const offsets = [-3 * day, -2 * day, -1, 0, day];
    await h.db.insert(webhookDeliveries).values(
      offsets.map((o, i) => ({
        webhookId: hook.id,
        eventId: `00000000-0000-4000-8000-0000000000${10 + i}`,
        position: i + 1,
        attempt: 1,
        attemptedAt: new Date(cut.getTime() + o),
        outcome: 'DELIVERED' as const,
        statusCode: 204,
        durationMs: 5,
      })),
    );
    const left = async () =>
      (
        await h.db
          .select({ position: webhookDeliveries.position })
          .from(webhookDeliveries)
          .where(eq(webhookDeliveries.webhookId, hook.id))
          .orderBy(asc(webhookDeliveries.position))
      ).map((r) => r.position);
    expect(await pruneDeliveries(h.db, cut, 2)).toBe(2);
    expect(await left()).toEqual([3, 4, 5]);
    expect(await pruneDeliveries(h.db, cut, 100)).toBe(1);
    expect(await left()).toEqual([4, 5]);
    expect(await pruneDeliveries(h.db, cut, 100)).toBe(0);
  });
});
