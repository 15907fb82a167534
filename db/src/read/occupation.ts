import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { jobRoleMappings } from '../schema/occupation.ts';

/**
 * Read-only facts of the occupations domain that other domains may rely on: which
 * job-role mappings (相邻相近原则) a centre has confirmed for an enterprise, so that a
 * filing scope row can name the enterprise's own role beside the dictionary code.
 */

export interface ConfirmedJobRoleMapping {
  id: string;
  enterpriseId: string;
  /** The enterprise's own name for the role, e.g. 锂电池极片制片工. */
  roleName: string;
  occupationCode: string;
  workTypeCode: string | null;
  confirmedAt: Date;
}

const columns = {
  id: jobRoleMappings.id,
  enterpriseId: jobRoleMappings.enterpriseId,
  roleName: jobRoleMappings.roleName,
  occupationCode: jobRoleMappings.occupationCode,
  workTypeCode: jobRoleMappings.workTypeCode,
  reviewedAt: jobRoleMappings.reviewedAt,
};

function toFacts(
  r: { reviewedAt: Date | null } & Omit<ConfirmedJobRoleMapping, 'confirmedAt'>,
): ConfirmedJobRoleMapping {
  const { reviewedAt, ...rest } = r;
  return { ...rest, confirmedAt: reviewedAt as Date };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The confirmed mapping with this id, if it belongs to this enterprise; null when proposed, rejected, another's or unknown. */
export async function confirmedJobRoleMapping(
  db: Db,
  q: { enterpriseId: string; mappingId: string },
): Promise<ConfirmedJobRoleMapping | null> {
  if (!UUID.test(q.mappingId) || !UUID.test(q.enterpriseId)) return null;
  const [row] = await db
    .select(columns)
    .from(jobRoleMappings)
    .where(
      and(
        eq(jobRoleMappings.id, q.mappingId),
        eq(jobRoleMappings.enterpriseId, q.enterpriseId),
        eq(jobRoleMappings.status, 'CONFIRMED'),
      ),
    );
  return row ? toFacts(row) : null;
}

/** The enterprise's confirmed mappings, by role name; only those for `roleNames` when given. */
export async function confirmedJobRoleMappingsOf(
  db: Db,
  enterpriseId: string,
  roleNames?: readonly string[],
): Promise<ConfirmedJobRoleMapping[]> {
  if (!UUID.test(enterpriseId) || (roleNames && !roleNames.length)) return [];
  const rows = await db
    .select(columns)
    .from(jobRoleMappings)
    .where(
      and(
        eq(jobRoleMappings.enterpriseId, enterpriseId),
        eq(jobRoleMappings.status, 'CONFIRMED'),
        roleNames ? inArray(jobRoleMappings.roleName, [...roleNames]) : undefined,
      ),
    )
    .orderBy(asc(jobRoleMappings.roleName));
  return rows.map(toFacts);
}

/**
 * Is "this enterprise's role → this occupation (and work type)" a confirmed mapping? The check a
 * filing scope row that names an enterprise role makes.
 */
export async function isJobRoleMappingConfirmed(
  db: Db,
  q: { enterpriseId: string; roleName: string; occupationCode: string; workTypeCode?: string | null },
): Promise<boolean> {
  if (!UUID.test(q.enterpriseId)) return false;
  const rows = await db
    .select({ id: jobRoleMappings.id })
    .from(jobRoleMappings)
    .where(
      and(
        eq(jobRoleMappings.enterpriseId, q.enterpriseId),
        eq(jobRoleMappings.roleName, q.roleName.trim()),
        eq(jobRoleMappings.occupationCode, q.occupationCode),
        q.workTypeCode ? eq(jobRoleMappings.workTypeCode, q.workTypeCode) : isNull(jobRoleMappings.workTypeCode),
        eq(jobRoleMappings.status, 'CONFIRMED'),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
