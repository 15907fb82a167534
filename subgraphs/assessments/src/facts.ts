import {
  certificates,
  type Db,
  filingsInForce,
  type InstitutionFacts,
  institutionFacts,
  isServedBy,
  residentIdLookup,
  type ScopeQuestion,
  scopeQualifications,
  suspendedOn,
  workerCredentials,
} from '@hub/db';
import { canReach, type Owner, reachOf } from '@hub/platform';
import { and, eq, inArray } from 'drizzle-orm';
import type { Context } from './builder.ts';
import { stop, type Tx } from './change.ts';
import type { InstitutionKind } from './rules/types.ts';

/** Other domains' read functions take a Db; inside a mutation they read through its transaction. */
export const asDb = (tx: Tx | Db) => tx as unknown as Db;

/** The evaluating institution's facts (enterprises domain), or a refusal when it is unknown. */
export async function institutionOf(tx: Tx | Db, id: string): Promise<InstitutionFacts> {
  const facts = (await institutionFacts(asDb(tx), [id])).get(id);
  if (!facts) stop('INSTITUTION_UNKNOWN', '没有该企业');
  return facts;
}

/** Levels a person holds in an occupation: our valid certificates by resident ID, and certificates declared from elsewhere. */
export async function heldLevels(
  tx: Tx | Db,
  q: { residentId: string; workerId: string; occupationCode: string },
): Promise<number[]> {
  return [...new Set((await heldCertificates(tx, q)).map((r) => r.level))].sort();
}

/** The same certificates, each with the day it was issued (申报条件: held for N years). */
export async function heldCertificates(
  tx: Tx | Db,
  q: { residentId: string; workerId: string; occupationCode: string },
): Promise<{ level: number; since: string }[]> {
  const [ours, declared] = await Promise.all([
    tx
      .select({ level: certificates.level, since: certificates.issuedOn })
      .from(certificates)
      .where(
        and(
          inArray(certificates.holderResidentIdHmac, residentIdLookup(q.residentId)),
          eq(certificates.occupationCode, q.occupationCode),
          eq(certificates.status, 'VALID'),
        ),
      ),
    tx
      .select({ level: workerCredentials.level, since: workerCredentials.issuedOn })
      .from(workerCredentials)
      .where(and(eq(workerCredentials.workerId, q.workerId), eq(workerCredentials.occupationCode, q.occupationCode))),
  ]);
  return [...ours, ...declared];
}

/** The qualifications (资格类别) whose confirmed scope covers this occupation and level that day; none while suspended. */
export const scopeKinds = (tx: Tx | Db, q: ScopeQuestion) => scopeQualifications(asDb(tx), q);

/** Is the institution suspended (资质暂停) on that day? */
export const isSuspended = (tx: Tx | Db, enterpriseId: string, onDate: string) =>
  suspendedOn(asDb(tx), enterpriseId, onDate);

/** The qualifications the institution holds on a day: a filing of that kind in force (an enterprise may hold both). */
export async function qualificationsHeld(
  tx: Tx | Db,
  enterpriseId: string,
  onDate: string,
): Promise<InstitutionKind[]> {
  return (await filingsInForce(asDb(tx), [enterpriseId], onDate)).map((f) => f.kind);
}

/** Does the institution's 社会评价组织 filing in force on `onDate` serve this employer? */
export const serves = (tx: Tx | Db, organizationId: string, partyCreditCode: string, onDate: string) =>
  isServedBy(asDb(tx), { organizationId, partyCreditCode, onDate });

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
