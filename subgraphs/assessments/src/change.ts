import { change, refuseAll, stop, type Tx } from '@hub/db';
import type { Refusal } from '@hub/platform';
import type { Context } from './builder.ts';

export type { Tx };
export { change, refuseAll, stop };

/** Stops the change with every problem found (each said once), when there is any. */
export function stopIf(problems: Refusal[]): void {
  const once = problems.filter(
    (p, i) => problems.findIndex((q) => q.code === p.code && q.message === p.message && q.field === p.field) === i,
  );
  if (once.length) refuseAll(once);
}

/** The institution an enterprise caller (or its partner HR system) acts for; authorities act for none. */
export function actingInstitution(ctx: Context): string {
  const id = ctx.caller.role === 'enterprise' || ctx.caller.role === 'hr_partner' ? ctx.caller.enterpriseId : undefined;
  if (!id) stop('NOT_AN_INSTITUTION', 'only an evaluating institution (企业 or its HR system) does this');
  return id;
}
