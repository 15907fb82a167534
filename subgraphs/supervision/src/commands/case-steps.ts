import { caseEvents, caseFindings, cases, isUuid } from '@hub/db';
import type { Refusal } from '@hub/platform';
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { actorOf, change, stop, stopIf, type Tx } from '../change.ts';
import type { CaseRow } from '../loaders.ts';
import { actRefusal } from '../rules/access.ts';
import { type CaseAction, decide, isRefusal, type CaseStatus as Status } from '../rules/workflow.ts';

/** What every case command answers: the case as it now stands, or why nothing changed. */
export type CaseOutcome = Promise<{ supervisionCase?: CaseRow | null; errors: Refusal[] }>;

export type ViolationValue = CaseRow['violationTypes'][number];

/** Opens a case (立案) with its first history step; the caller checked who may. */
export async function insertCase(
  tx: Tx,
  ctx: Context,
  c: {
    enterpriseId: string;
    prefectureCode: string;
    source: CaseRow['source'];
    violationTypes: readonly ViolationValue[];
    summary: string;
    campaignId?: string | null;
    complaintId?: string | null;
    signalKey?: string | null;
  },
): Promise<CaseRow> {
  if (!c.summary.trim()) stop('CASE_NEEDS_SUMMARY', 'give the case a summary (案情摘要)', 'summary');
  const [row] = await tx
    .insert(cases)
    .values({
      enterpriseId: c.enterpriseId,
      prefectureCode: c.prefectureCode,
      source: c.source,
      violationTypes: [...new Set(c.violationTypes)],
      summary: c.summary.trim(),
      openedOn: ctx.clock.today(),
      campaignId: c.campaignId ?? null,
      complaintId: c.complaintId ?? null,
      signalKey: c.signalKey ?? null,
    })
    .returning();
  if (!row) throw new Error('insert returned no row');
  await tx.insert(caseEvents).values({
    caseId: row.id,
    action: 'OPEN_CASE',
    fromStatus: null,
    toStatus: 'OPEN',
    note: `立案（${c.source}）`,
    actor: actorOf(ctx.caller),
    actorRole: ctx.caller.role,
    at: ctx.clock.now(),
  });
  return row;
}

/** Locks a case for the rest of the transaction, checks the caller acts within its 市州 and saw this version. */
export async function lockCase(tx: Tx, ctx: Context, id: string, expectedVersion?: number | null): Promise<CaseRow> {
  const [c] = isUuid(id) ? await tx.select().from(cases).where(eq(cases.id, id)).for('update') : [];
  if (!c) stop('NOT_FOUND', 'no case has that id', 'id');
  stopIf(actRefusal(ctx.caller, c.prefectureCode));
  if (expectedVersion != null && expectedVersion !== c.version) {
    stop(
      'CASE_CHANGED',
      `the case changed since you loaded it (version ${expectedVersion}, now ${c.version}); reload and decide again`,
      'expectedVersion',
    );
  }
  return c;
}

async function findingCount(tx: Tx, caseId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(caseFindings)
    .where(eq(caseFindings.caseId, caseId));
  return row?.n ?? 0;
}

/**
 * Findings recorded since the case's latest 责令限期整改, told by the order of the history steps
 * (a sequence), not by clock time: a sandbox clock may stand before the database's.
 */
async function findingsSinceOrder(tx: Tx, caseId: string): Promise<number> {
  const [order] = await tx
    .select({ id: sql<number>`max(${caseEvents.id})` })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.action, 'ORDER_RECTIFICATION')));
  if (order?.id == null) return 0;
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(caseEvents)
    .where(
      and(eq(caseEvents.caseId, caseId), eq(caseEvents.action, 'RECORD_FINDING'), gt(caseEvents.id, Number(order.id))),
    );
  return row?.n ?? 0;
}

/** Decides an action on a locked case, writes the new state and the history step. */
export async function applyAction(
  tx: Tx,
  ctx: Context,
  c: CaseRow,
  action: CaseAction,
  set: (to: Status, day: string) => Partial<typeof cases.$inferInsert> = () => ({}),
  note: string | null = null,
): Promise<CaseRow> {
  const day = ctx.clock.today();
  const decision = decide(
    {
      status: c.status,
      rectificationDueOn: c.rectificationDueOn,
      findings: await findingCount(tx, c.id),
      findingsSinceOrder: c.status === 'RECTIFICATION_ORDERED' ? await findingsSinceOrder(tx, c.id) : 0,
    },
    action,
    day,
  );
  if (isRefusal(decision)) stopIf(decision);
  const to = (decision as { to: Status }).to;
  const [updated] = await tx
    .update(cases)
    .set({ ...set(to, day), status: to, version: sql`${cases.version} + 1` })
    .where(eq(cases.id, c.id))
    .returning();
  await tx.insert(caseEvents).values({
    caseId: c.id,
    action: action.kind,
    fromStatus: c.status,
    toStatus: to,
    note,
    actor: actorOf(ctx.caller),
    actorRole: ctx.caller.role,
    at: ctx.clock.now(),
  });
  return updated as CaseRow;
}

/** The arguments every action on an existing case takes. */
export interface CaseTarget {
  id: string;
  expectedVersion?: number | null;
}

/** One command per case action: lock, check 属地 and version, then the action's own steps, in one transaction. */
export function caseCommand<A>(run: (tx: Tx, ctx: Context, c: CaseRow, args: A) => Promise<CaseRow>) {
  return (ctx: Context, args: CaseTarget & A): CaseOutcome =>
    change(ctx, async (tx) => {
      const c = await lockCase(tx, ctx, args.id, args.expectedVersion);
      return { supervisionCase: await run(tx, ctx, c, args) };
    });
}
