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
import { canReach, isAuthority } from '@hub/kit';
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

/** Personal data in full for the institution itself and the authorities; masked for anyone else. */
export const seesPersonalData = (ctx: Context, enterpriseId: string) =>
  isAuthority(ctx.caller) || ctx.caller.enterpriseId === enterpriseId;
