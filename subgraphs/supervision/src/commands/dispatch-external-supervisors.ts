import { randomBytes } from 'node:crypto';
import { inspectors, isUuid, planFacts, supervisorDispatches } from '@hub/db';
import { and, eq, inArray } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { actorOf, change, stop, stopIf } from '../change.ts';
import { actRefusal } from '../rules/access.ts';
import { dispatchFor } from '../rules/dispatch.ts';
import type { DispatchOutcome } from './dispatch-steps.ts';

export interface DispatchArgs {
  planIds: readonly string[];
  perPlan?: number | null;
  seed?: string | null;
}

/**
 * 随机派遣外部质量督导员 to reported plans still to come: drawn by a recorded seed, never to their
 * own or a former employer, qualified for the occupation. All plans or none.
 */
export function dispatchExternalSupervisors(ctx: Context, args: DispatchArgs): DispatchOutcome {
  return change(ctx, async (tx) => {
    const ids = [...new Set(args.planIds)];
    const perPlan = args.perPlan ?? 1;
    if (!ids.length) stop('NO_PLANS', 'name at least one plan', 'planIds');
    if (perPlan < 1 || perPlan > 3) stop('BAD_COUNT', 'dispatch 1 to 3 supervisors to a plan', 'perPlan');
    const bad = ids.find((id) => !isUuid(id));
    if (bad) stop('NOT_FOUND', `no plan has id ${bad}`, 'planIds');
    const plans = await planFacts(tx, ids);
    const seed = args.seed?.trim() || randomBytes(16).toString('hex');
    const already = await tx
      .selectDistinct({ planId: supervisorDispatches.planId })
      .from(supervisorDispatches)
      .where(inArray(supervisorDispatches.planId, ids));
    const pool = await tx
      .select()
      .from(inspectors)
      .where(and(eq(inspectors.kind, 'EXTERNAL_SUPERVISOR'), eq(inspectors.active, true)));
    const rows: (typeof supervisorDispatches.$inferInsert)[] = [];
    for (const id of ids) {
      const p = plans.get(id);
      if (!p) stop('NOT_FOUND', `no plan has id ${id}`, 'planIds');
      stopIf(actRefusal(ctx.caller, p.prefectureCode, `plan ${id}`));
      if (p.status !== 'REPORTED' || p.evaluationDate < ctx.clock.today()) {
        stop(
          'PLAN_NOT_UPCOMING',
          `plan ${id} is not a reported evaluation still to come (${p.status}, ${p.evaluationDate})`,
          'planIds',
        );
      }
      if (already.some((a) => a.planId === id))
        stop('ALREADY_DISPATCHED', `plan ${id} has its supervisors already`, 'planIds');
      const chosen = dispatchFor(seed, p, pool, perPlan);
      if (!chosen) {
        stop(
          'NOT_ENOUGH_SUPERVISORS',
          `too few external supervisors may supervise plan ${id} (市州, employer, qualification)`,
          'planIds',
        );
      }
      for (const supervisorId of chosen) {
        rows.push({
          planId: id,
          enterpriseId: p.enterpriseId,
          prefectureCode: p.prefectureCode,
          supervisorId,
          seed,
          dispatchedBy: actorOf(ctx.caller),
        });
      }
    }
    return { dispatches: await tx.insert(supervisorDispatches).values(rows).returning() };
  });
}
