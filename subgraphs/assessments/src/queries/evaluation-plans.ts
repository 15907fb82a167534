import { evaluationPlans } from '@hub/db';
import { hubError, reachOf } from '@hub/platform';
import { eq, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import type { PlanRow } from '../loaders.ts';
import { isoDate } from '../rules/dates.ts';
import { keyset } from './pages.ts';

export interface PlanFilter {
  status?: string | null;
  overdueOn?: string | Date | null;
}

/**
 * Pages of the plans the caller may see (an institution its own, a city centre its 市州, the
 * province all), by id, optionally in one state or overdue with results as of a day. A caller who
 * may list none is refused at once, before any page is read.
 */
export function evaluationPlanPages(ctx: Context, filter: PlanFilter) {
  const reach = reachOf(ctx.caller);
  const where: (SQL | undefined)[] = [];
  if (reach.kind === 'none') throw hubError('FORBIDDEN', `role ${ctx.caller.role} may not list plans`);
  if (reach.kind === 'enterprise') where.push(eq(evaluationPlans.enterpriseId, reach.enterpriseId));
  if (reach.kind === 'prefecture') where.push(eq(evaluationPlans.prefectureCode, reach.prefecture));
  if (filter.status) where.push(eq(evaluationPlans.status, filter.status as never));
  if (filter.overdueOn) {
    const day = isoDate(filter.overdueOn);
    where.push(
      // A cancelled plan owes no results.
      ne(evaluationPlans.status, 'CANCELLED'),
      sql`${evaluationPlans.resultDeadline} < ${day}`,
      or(
        isNull(evaluationPlans.resultsSubmittedOn),
        sql`${evaluationPlans.resultsSubmittedOn} > ${evaluationPlans.resultDeadline}`,
      ),
    );
  }
  return keyset<PlanRow>(ctx.db, evaluationPlans, evaluationPlans.id, where);
}
