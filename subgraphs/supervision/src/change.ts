import { change, refuseAll, stop, type Tx } from '@hub/db';
import type { Claims, Refusal } from '@hub/kit';

export type { Tx };
export { change, stop };

/** Stops the change when a rule refused it. */
export function stopIf(refusal: Refusal | null | undefined): void {
  if (refusal) refuseAll([refusal]);
}

/** Who acted, for audit trails: the token's subject, or the role when it has none. */
export const actorOf = (caller: Claims) => caller.sub ?? caller.role;

export const dateString = (d: Date | string | null | undefined): string | null =>
  d == null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);
