import {
  applyQualificationDecision,
  enterprises,
  filings,
  filingTransitions,
  isUuid,
  refuseAll,
  type Tx,
  transact,
} from '@hub/db';
import { refuse } from '@hub/platform';
import { addCalendarDays } from '@hub/vocabulary';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { EnterpriseRow } from '../loaders.ts';
import { giveUpRefusal, resumptionRefusal, suspensionRefusal } from '../rules/lifecycle.ts';
import { OPEN } from '../rules/workflow.ts';
import { actorOf, type CommandContext } from './filing-steps.ts';

async function lockEnterprise(tx: Tx, id: string) {
  const [e] = isUuid(id) ? await tx.select().from(enterprises).where(eq(enterprises.id, id)).for('update') : [];
  if (!e) refuseAll([refuse('NOT_FOUND', '没有该企业', 'enterpriseId')]);
  return e;
}

async function reload(tx: Tx, id: string) {
  const [e] = await tx.select().from(enterprises).where(eq(enterprises.id, id));
  return e as EnterpriseRow;
}

/**
 * giveUpQualification (注销): the enterprise gives its qualification up with a reason and leaves the
 * catalog at once. Its filings in force become CANCELLED, one in progress WITHDRAWN; it may file again.
 */
export function giveUpQualification(ctx: CommandContext, reason: string) {
  const text = reason.trim();
  return transact(ctx.db, async (tx) => {
    const e = await lockEnterprise(tx, ctx.caller.enterpriseId ?? '');
    const refusal = giveUpRefusal(e, ctx.caller, text);
    if (refusal) refuseAll([refusal]);
    const now = ctx.clock.now();
    const affected = await tx
      .select({ id: filings.id, status: filings.status })
      .from(filings)
      .where(and(eq(filings.enterpriseId, e.id), inArray(filings.status, ['CONFIRMED', ...OPEN])));
    for (const f of affected) {
      const to = f.status === 'CONFIRMED' ? 'CANCELLED' : 'WITHDRAWN';
      await tx
        .update(filings)
        .set({ status: to, version: sql`${filings.version} + 1`, updatedAt: now })
        .where(eq(filings.id, f.id));
      await tx.insert(filingTransitions).values({
        filingId: f.id,
        fromStatus: f.status,
        toStatus: to,
        actor: actorOf(ctx.caller),
        actorRole: ctx.caller.role,
        opinion: `企业申请注销备案资质：${text}`,
        at: now,
      });
    }
    await tx.update(enterprises).set({ qualification: 'CANCELLED', updatedAt: now }).where(eq(enterprises.id, e.id));
    return reload(tx, e.id);
  });
}

/** suspendInstitution (暂停): a centre suspends an institution with reasons for some days; the catalog says so. */
export function suspendInstitution(
  ctx: CommandContext,
  args: { enterpriseId: string; days: number; reason: string; reference?: string | null },
) {
  return transact(ctx.db, async (tx) => {
    const e = await lockEnterprise(tx, args.enterpriseId);
    const refusal = suspensionRefusal(e, ctx.caller, args);
    if (refusal) refuseAll([refusal]);
    const reason = args.reason.trim();
    const until = addCalendarDays(ctx.clock.today(), args.days);
    await decide(tx, ctx, e.id, 'SUSPEND', `暂停 ${args.days} 日（至 ${until}）：${reason}`, args.reference);
    await tx
      .update(enterprises)
      .set({ suspendedUntil: until, suspensionReason: reason })
      .where(eq(enterprises.id, e.id));
    return reload(tx, e.id);
  });
}

/** resumeInstitution (恢复): the centre ends a suspension, with reasons. */
export function resumeInstitution(
  ctx: CommandContext,
  args: { enterpriseId: string; reason: string; reference?: string | null },
) {
  return transact(ctx.db, async (tx) => {
    const e = await lockEnterprise(tx, args.enterpriseId);
    const refusal = resumptionRefusal(e, ctx.caller, args.reason);
    if (refusal) refuseAll([refusal]);
    await decide(tx, ctx, e.id, 'REINSTATE', `恢复：${args.reason.trim()}`, args.reference);
    await tx.update(enterprises).set({ suspendedUntil: null, suspensionReason: null }).where(eq(enterprises.id, e.id));
    return reload(tx, e.id);
  });
}

async function decide(
  tx: Tx,
  ctx: CommandContext,
  enterpriseId: string,
  action: 'SUSPEND' | 'REINSTATE',
  reason: string,
  reference: string | null | undefined,
) {
  const outcome = await applyQualificationDecision(tx, {
    enterpriseId,
    action,
    reason,
    reference: reference?.trim() || `${ctx.caller.role}:${actorOf(ctx.caller)}`,
    actor: actorOf(ctx.caller),
    actorRole: ctx.caller.role,
    at: ctx.clock.now(),
  });
  if (!outcome.ok) refuseAll([refuse(outcome.code, outcome.message)]);
}

/** setProvinceRoute: the province records that a 中央在湘 enterprise files straight with the province centre. */
export function setProvinceRoute(ctx: CommandContext, args: { enterpriseId: string; provinceRoute: boolean }) {
  return transact(ctx.db, async (tx) => {
    const e = await lockEnterprise(tx, args.enterpriseId);
    if (e.affiliation !== 'CENTRAL') {
      refuseAll([
        refuse(
          'ROUTE_FLAG_CENTRAL_ONLY',
          e.affiliation === 'PROVINCIAL'
            ? '省属企业本可自行选择直接向省鉴定中心申报，无需记录'
            : '属地企业向所在市州申报，不能记录为直接向省申报',
          'enterpriseId',
        ),
      ]);
    }
    await tx
      .update(enterprises)
      .set({ provinceRoute: args.provinceRoute, updatedAt: ctx.clock.now() })
      .where(eq(enterprises.id, e.id));
    return reload(tx, e.id);
  });
}
