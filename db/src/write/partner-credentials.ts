import { type Claims, hubError, logError, type Refusal, refuse, signUserToken } from '@hub/platform';
import { and, desc, eq, gt, isNull, lt, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { isUuid } from '../loaders.ts';
import { enterprises, partnerCredentials } from '../schema/enterprise.ts';

/**
 * 合作HR系统 API 凭证. A partner HR system gets a long-lived hub JWT (role hr_partner,
 * its enterprise, `jti` = the credential's id). Every subgraph looks the credential
 * up on every hr_partner request (`partnerAdmission`), so a revocation holds at
 * once, everywhere; what it may do (`canWrite`) comes from the row, not the token.
 */
export type PartnerCredentialRow = typeof partnerCredentials.$inferSelect;

export const MAX_VALID_DAYS = 5 * 366;

export interface IssueInput {
  enterpriseId: string;
  name: string;
  canWrite?: boolean | null | undefined;
  validDays?: number | null | undefined;
  /** Who issued it (the admin's subject, or `cli`). */
  createdBy: string;
}

/** Issues a credential and its token (shown once: the hub keeps no copy of the token). */
export async function issuePartnerCredential(
  db: Db,
  input: IssueInput,
): Promise<{ credential: PartnerCredentialRow; token: string; errors: [] } | { errors: Refusal[] }> {
  const name = input.name.trim();
  const validDays = input.validDays ?? 365;
  const errors: Refusal[] = [];
  if (!name || name.length > 100) {
    errors.push(refuse('CREDENTIAL_NAME_INVALID', 'name the partner system in 1–100 characters', 'name'));
  }
  if (!Number.isInteger(validDays) || validDays < 1 || validDays > MAX_VALID_DAYS) {
    errors.push(
      refuse(
        'CREDENTIAL_VALIDITY_INVALID',
        `validDays must be a whole number from 1 to ${MAX_VALID_DAYS}`,
        'validDays',
      ),
    );
  }
  const [enterprise] = isUuid(input.enterpriseId)
    ? await db.select({ id: enterprises.id }).from(enterprises).where(eq(enterprises.id, input.enterpriseId))
    : [];
  if (!enterprise) errors.push(refuse('ENTERPRISE_NOT_FOUND', 'no enterprise has that id', 'enterpriseId'));
  if (errors.length || !enterprise) return { errors };
  const expiresAt = new Date(Date.now() + validDays * 86_400_000);
  const [credential] = await db
    .insert(partnerCredentials)
    .values({
      enterpriseId: enterprise.id,
      name,
      canWrite: input.canWrite ?? false,
      createdBy: input.createdBy,
      expiresAt,
    })
    .returning();
  if (!credential) throw new Error('partner credential insert returned no row');
  const token = await signUserToken(
    {
      role: 'hr_partner',
      enterpriseId: credential.enterpriseId,
      credentialId: credential.id,
      sub: `partner:${credential.id}`,
    },
    Math.floor(expiresAt.getTime() / 1000),
  );
  return { credential, token, errors: [] };
}

/** Revokes a credential; the next request with its token is refused (401 CREDENTIAL_REVOKED). */
export async function revokePartnerCredential(
  db: Db,
  input: { id: string; reason: string; revokedBy: string },
): Promise<{ credential: PartnerCredentialRow; errors: [] } | { errors: Refusal[] }> {
  const reason = input.reason.trim();
  if (!reason) return { errors: [refuse('REASON_REQUIRED', 'say why the credential is revoked', 'reason')] };
  const [row] = isUuid(input.id)
    ? await db.select().from(partnerCredentials).where(eq(partnerCredentials.id, input.id))
    : [];
  if (!row) return { errors: [refuse('CREDENTIAL_NOT_FOUND', 'no partner credential has that id', 'id')] };
  const [updated] = await db
    .update(partnerCredentials)
    .set({ revokedAt: new Date(), revokedBy: input.revokedBy, revokedReason: reason.slice(0, 500) })
    .where(and(eq(partnerCredentials.id, row.id), isNull(partnerCredentials.revokedAt)))
    .returning();
  if (!updated) return { errors: [refuse('CREDENTIAL_ALREADY_REVOKED', 'this credential is already revoked', 'id')] };
  return { credential: updated, errors: [] };
}

/** An enterprise's credentials by id (keyset paging); active ones only unless asked. */
export function partnerCredentialsPage(
  db: Db,
  opts: { enterpriseId: string; includeRevoked: boolean; afterId?: string | undefined; limit: number },
): Promise<PartnerCredentialRow[]> {
  if (!isUuid(opts.enterpriseId) || (opts.afterId && !isUuid(opts.afterId))) return Promise.resolve([]);
  const where: (SQL | undefined)[] = [
    eq(partnerCredentials.enterpriseId, opts.enterpriseId),
    opts.includeRevoked ? undefined : isNull(partnerCredentials.revokedAt),
    opts.includeRevoked ? undefined : gt(partnerCredentials.expiresAt, new Date()),
    opts.afterId ? lt(partnerCredentials.id, opts.afterId) : undefined,
  ];
  return db
    .select()
    .from(partnerCredentials)
    .where(and(...where))
    .orderBy(desc(partnerCredentials.id))
    .limit(opts.limit);
}

const revoked = () =>
  hubError(
    'UNAUTHENTICATED',
    'this partner credential is unknown, revoked or expired; ask an admin for a new one',
    { reason: 'CREDENTIAL_REVOKED' },
    401,
  );

/**
 * The `admit` option of startSubgraph: one primary-key lookup per hr_partner request.
 * Last use is written at most once a minute per credential per process.
 */
export function partnerAdmission(db: Db, touchEveryMs = 60_000): (caller: Claims) => Promise<Claims> {
  const touched = new Map<string, number>();
  return async (caller) => {
    const id = caller.credentialId;
    if (!id || !isUuid(id)) throw revoked();
    const [row] = await db
      .select({
        enterpriseId: partnerCredentials.enterpriseId,
        canWrite: partnerCredentials.canWrite,
        expiresAt: partnerCredentials.expiresAt,
        revokedAt: partnerCredentials.revokedAt,
      })
      .from(partnerCredentials)
      .where(eq(partnerCredentials.id, id));
    const now = Date.now();
    if (!row || row.revokedAt || row.expiresAt.getTime() <= now || row.enterpriseId !== caller.enterpriseId) {
      throw revoked();
    }
    if (now - (touched.get(id) ?? 0) >= touchEveryMs) {
      touched.set(id, now);
      if (touched.size > 10_000) touched.delete(touched.keys().next().value as string);
      await db
        .update(partnerCredentials)
        .set({ lastUsedAt: new Date(now) })
        .where(eq(partnerCredentials.id, id))
        .catch((err: unknown) => logError('partner-credentials', err));
    }
    return { ...caller, canWrite: row.canWrite };
  };
}

const mismatch = () =>
  hubError(
    'UNAUTHENTICATED',
    'the token names an enterprise (enterpriseId) that does not hold its 统一社会信用代码 (creditCode)',
    { reason: 'CLAIMS_INVALID' },
    401,
  );

/**
 * 法人认证: an enterprise token that carries a 统一社会信用代码 (`creditCode`) acts for the enterprise
 * registered under that code — looked up on every request (one indexed lookup), so the same token
 * works before the enterprise registers itself (it reaches nothing and may only register) and
 * straight after. A token naming both an `enterpriseId` and a code of another enterprise is refused.
 */
export async function admitLegalPerson(db: Db, caller: Claims): Promise<Claims> {
  if (!caller.creditCode) return caller;
  const [row] = await db
    .select({ id: enterprises.id })
    .from(enterprises)
    .where(eq(enterprises.creditCode, caller.creditCode));
  if (caller.enterpriseId && caller.enterpriseId !== row?.id) throw mismatch();
  return row ? { ...caller, enterpriseId: row.id } : caller;
}

/**
 * The `admit` option of startSubgraph for every subgraph: partner credentials (hr_partner) and
 * legal-person tokens (enterprise with `creditCode`); every other caller passes unchanged.
 */
export function callerAdmission(db: Db): (caller: Claims) => Promise<Claims> {
  const partner = partnerAdmission(db);
  return (caller) =>
    caller.role === 'hr_partner'
      ? partner(caller)
      : caller.role === 'enterprise'
        ? admitLegalPerson(db, caller)
        : Promise.resolve(caller);
}
