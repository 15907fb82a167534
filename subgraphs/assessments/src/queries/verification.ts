import { certificates, type Db, residentIdLookup } from '@hub/db';
import { and, asc, eq, inArray } from 'drizzle-orm';

/**
 * 证书查询 by 身份证号 and name: the person's certificates, oldest first, at most 100. One indexed
 * lookup by the keyed hash (HMAC-SHA256): the clear ID is neither stored nor logged.
 */
export function certificatesByIdentity(lookupDb: Db, residentId: string, holderName: string) {
  return lookupDb
    .select()
    .from(certificates)
    .where(
      and(
        inArray(certificates.holderResidentIdHmac, residentIdLookup(residentId)),
        eq(certificates.holderName, holderName),
      ),
    )
    .orderBy(asc(certificates.issuedOn), asc(certificates.number))
    .limit(100);
}
