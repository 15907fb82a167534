import { change, enterprisePrefectures, isUuid, refuseAll, stop, type Tx } from '@hub/db';
import type { Claims, Refusal } from '@hub/platform';
import { actRefusal } from './rules/access.ts';

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

/**
 * The 市州 of the institution an authority acts on, read through the enterprises domain; stops
 * the change when no enterprise has that id or the caller may not act in that 市州 (属地管理).
 */
export async function institutionInReach(tx: Tx, caller: Claims, enterpriseId: string): Promise<string> {
  const prefecture = isUuid(enterpriseId)
    ? (await enterprisePrefectures(tx, [enterpriseId])).get(enterpriseId)
    : undefined;
  if (!prefecture) stop('NOT_FOUND', 'no enterprise has that id', 'enterpriseId');
  stopIf(actRefusal(caller, prefecture, '该机构'));
  return prefecture;
}
