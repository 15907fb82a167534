import { refuseAll, type Tx, transact } from '@hub/db';
import { type Claims, type Refusal, refuse } from '@hub/kit';
import type { Context } from './builder.ts';

export type { Tx };

/** Stops the change with one named rule (rolls back everything); `field` is the input field at fault. */
export function stop(code: string, message: string, field?: string): never {
  return refuseAll([refuse(code, message, field)]);
}

/** Stops the change when a rule refused it. */
export function stopIf(refusal: Refusal | null | undefined): void {
  if (refusal) refuseAll([refusal]);
}

/**
 * A mutation in one transaction: a refusal anywhere inside rolls back every write and comes
 * back as `{ errors }`; success is the work's payload with `errors: []`.
 */
export async function change<T extends object>(
  ctx: Context,
  work: (tx: Tx) => Promise<T>,
): Promise<Partial<T> & { errors: Refusal[] }> {
  const out = await transact(ctx.db, work);
  return out.value ? { ...out.value, errors: [] } : ({ errors: out.errors } as Partial<T> & { errors: Refusal[] });
}

/** Who acted, for audit trails: the token's subject, or the role when it has none. */
export const actorOf = (caller: Claims) => caller.sub ?? caller.role;

export const dateString = (d: Date | string | null | undefined): string | null =>
  d == null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);
