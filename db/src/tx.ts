import { type Refusal, refuse } from '@hub/platform';
import type { Db } from './client.ts';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

class Refused extends Error {
  constructor(readonly refusals: Refusal[]) {
    super(refusals.map((r) => r.code).join(', '));
  }
}

/** Inside `transact`: stop here, roll back everything, and report these refusals. */
export function refuseAll(refusals: Refusal[]): never {
  throw new Refused(refusals);
}

/**
 * Runs a change in one transaction. A refusal (via `refuseAll`) rolls back every
 * write and comes back as `{ errors }`; anything else thrown rolls back and rethrows.
 */
export async function transact<T>(
  db: Db,
  fn: (tx: Tx) => Promise<T>,
): Promise<{ value: T; errors: [] } | { value: null; errors: Refusal[] }> {
  try {
    const value = await db.transaction(fn);
    return { value, errors: [] };
  } catch (err) {
    if (err instanceof Refused) return { value: null, errors: err.refusals };
    throw err;
  }
}

/** Inside `transact`/`change`: stop with one named rule (rolls back everything); `field` is the input field at fault. */
export function stop(code: string, message: string, field?: string): never {
  return refuseAll([refuse(code, message, field)]);
}

/**
 * A mutation in one transaction: a refusal anywhere inside rolls back every write and comes
 * back as `{ errors }`; success is the work's payload with `errors: []`.
 */
export async function change<T extends object>(
  ctx: { db: Db },
  work: (tx: Tx) => Promise<T>,
): Promise<Partial<T> & { errors: Refusal[] }> {
  const out = await transact(ctx.db, work);
  return out.value ? { ...out.value, errors: [] } : ({ errors: out.errors } as Partial<T> & { errors: Refusal[] });
}
