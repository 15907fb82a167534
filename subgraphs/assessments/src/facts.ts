import {
  certificates,
  type Db,
  type InstitutionFacts,
  institutionFacts,
  isInConfirmedScope,
  isServedBy,
  residentIdLookup,
  workerCredentials,
} from '@hub/db';
import { canReach, type Owner, reachOf } from '@hub/platform';
import { and, eq, inArray } from 'drizzle-orm';
import type { Context } from './builder.ts';
import { stop, type Tx } from './change.ts';

/** Other domains' read functions take a Db; inside a mutation they read through its transaction. */
export const asDb = (tx: Tx | Db) => tx as unknown as Db;

/** The evaluating institution's facts (enterprises domain), or a refusal when it is unknown. */
export async function institutionOf(tx: Tx | Db, id: string): Promise<InstitutionFacts> {
  const facts = (await institutionFacts(asDb(tx), [id])).get(id);
  if (!facts) stop('INSTITUTION_UNKNOWN', 'the hub has no enterprise with this id');
  return facts;
}

/** Levels a person holds in an occupation: our valid certificates by resident ID, and certificates declared from elsewhere. */
export async function heldLevels(
  tx: Tx | Db,
  q: { residentId: string; workerId: string; occupationCode: string },
): Promise<number[]> {
  const [ours, declared] = await Promise.all([
    tx
      .select({ level: certificates.level })
      .from(certificates)
      .where(
        and(
          inArray(certificates.holderResidentIdHmac, residentIdLookup(q.residentId)),
          eq(certificates.occupationCode, q.occupationCode),
          eq(certificates.status, 'VALID'),
        ),
      ),
    tx
      .select({ level: workerCredentials.level })
      .from(workerCredentials)
      .where(and(eq(workerCredentials.workerId, q.workerId), eq(workerCredentials.occupationCode, q.occupationCode))),
  ]);
  return [...new Set([...ours, ...declared].map((r) => r.level))].sort();
}

export const inScope = (
  tx: Tx | Db,
  q: { enterpriseId: string; occupationCode: string; workTypeCode: string | null; level: number; onDate: string },
) => isInConfirmedScope(asDb(tx), q);

export const serves = (tx: Tx | Db, organizationId: string, partyCreditCode: string) =>
  isServedBy(asDb(tx), { organizationId, partyCreditCode });

/** May the caller read records of this institution (its own, or an authority over its 市州)? */
export async function mayReadInstitution(ctx: Context, enterpriseId: string, prefectureCode?: string | null) {
  const prefecture = prefectureCode ?? (await ctx.loaders.prefectureOf.load(enterpriseId)) ?? '';
  return canReach(ctx.caller, { enterpriseId, prefectureCode: prefecture });
}

/**
 * The owner of an institution's standing records — its workers, its team, its announcements and
 * appointments: the institution, in the 市州 it is in today (they have no 市州 of their own; they
 * move with it).
 */
export async function institutionOwner(ctx: Context, enterpriseId: string): Promise<Owner> {
  return { enterpriseId, prefectureCode: (await ctx.loaders.prefectureOf.load(enterpriseId)) ?? null };
}

/** The owner of a plan's records (candidates, scores, objections, staff): the plan's institution and its 市州 when reported. */
export async function planOwner(ctx: Context, planId: string): Promise<Owner | null> {
  const plan = await ctx.loaders.planById.load(planId);
  return plan && { enterpriseId: plan.enterpriseId, prefectureCode: plan.prefectureCode };
}

/**
 * The 市州 an institution's dated records (certificates, plans) are listed in for this caller:
 * `undefined` for all of them (the institution itself, the province), a 市州 for a city authority
 * (属地 by each record's own 市州: after a move, each centre sees what was done in its 市州), null
 * when the caller may list none of them.
 */
export function recordsPrefectureFor(ctx: Context, enterpriseId: string): string | null | undefined {
  const reach = reachOf(ctx.caller);
  if (reach.kind === 'all') return undefined;
  if (reach.kind === 'prefecture') return reach.prefecture;
  if (reach.kind === 'enterprise' && reach.enterpriseId === enterpriseId) return undefined;
  return null;
}
