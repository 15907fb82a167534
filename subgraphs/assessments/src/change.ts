import { refuseAll, type Tx, transact } from '@hub/db';
import { type Refusal, refuse } from '@hub/kit';
import type { Context } from './builder.ts';

export type { Tx };
export { refuseAll };

/** Stops the change with one named rule (rolls back everything); `field` is the input field at fault. */
export function stop(code: string, message: string, field?: string): never {
  return refuseAll([refuse(code, message, field)]);
}

/** Stops the change with every problem found (each said once), when there is any. */
export function stopIf(problems: Refusal[]): void {
  const once = problems.filter(
    (p, i) => problems.findIndex((q) => q.code === p.code && q.message === p.message && q.field === p.field) === i,
  );
  if (once.length) refuseAll(once);
}

/**
 * A mutation in one transaction (db `transact`): a refusal anywhere inside rolls
 * back every write and comes back as `{ errors }`; success is the work's payload
 * with `errors: []`.
 */
export async function change<T extends object>(
  ctx: Context,
  work: (tx: Tx) => Promise<T>,
): Promise<Partial<T> & { errors: Refusal[] }> {
  const out = await transact(ctx.db, work);
  return out.value ? { ...out.value, errors: [] } : ({ errors: out.errors } as Partial<T> & { errors: Refusal[] });
}

/** The institution an enterprise caller (or its partner HR system) acts for; authorities act for none. */
export function actingInstitution(ctx: Context): string {
  const id = ctx.caller.role === 'enterprise' || ctx.caller.role === 'hr_partner' ? ctx.caller.enterpriseId : undefined;
  if (!id) stop('NOT_AN_INSTITUTION', 'only an evaluating institution (企业 or its HR system) does this');
  return id;
}
