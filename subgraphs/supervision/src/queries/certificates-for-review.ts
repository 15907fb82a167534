import { type CertificateForReview, certificateOrders, type Db, institutionCertificates } from '@hub/db';
import { inArray } from 'drizzle-orm';
import type { CertificateOrderRow } from '../loaders.ts';

/** 待复核证书: one page of the institution's certificates by number, each with the case order to revoke it, if any. */
export async function certificatesForReview(
  db: Db,
  enterpriseId: string,
  afterNumber: string | undefined,
  limit: number,
): Promise<(CertificateForReview & { order: CertificateOrderRow | null })[]> {
  const page = await institutionCertificates(db, { enterpriseId, afterNumber, limit });
  const orders = page.length
    ? await db
        .select()
        .from(certificateOrders)
        .where(
          inArray(
            certificateOrders.certificateNumber,
            page.map((p) => p.number),
          ),
        )
    : [];
  return page.map((p) => ({ ...p, order: orders.find((o) => o.certificateNumber === p.number) ?? null }));
}
