import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { jobRoleMappings, occupations, workTypes } from '../schema/occupation.ts';

/**
 * Read-only facts of the occupations domain that other domains may rely on: which
 * job-role mappings (相邻相近原则) a centre has confirmed for an enterprise, so that a
 * filing scope row can name the enterprise's own role beside the dictionary code; and which
 * occupations are 技能类职业 (skill occupations), the only ones filings, plans and certificates take.
 */

/** The skill mark (技能类职业) of a 职业, or of a 工种 by its 职业. */
export interface SkillMark {
  /** The 职业 the mark belongs to (the code itself, or a work type's 职业). */
  occupationCode: string;
  occupationName: string;
  isSkill: boolean;
  /** True when the province centre corrected the mark; false while it follows the 大类 (3–6 skill). */
  corrected: boolean;
}

/**
 * The skill marks of `codes` — 职业 codes (6-18-01-01) or work-type codes (6-18-02-04-01, marked as
 * their 职业) — by the code asked for. A code that is neither a 职业 (level 4) nor a 工种 of the
 * dictionary has no entry: the caller refuses it as unknown or as a category (大类/中类/小类).
 */
export async function skillMarks(db: Db, codes: readonly string[]): Promise<Map<string, SkillMark>> {
  const wanted = [...new Set(codes)];
  const out = new Map<string, SkillMark>();
  if (!wanted.length) return out;
  const types = await db
    .select({ code: workTypes.code, occupationCode: workTypes.occupationCode })
    .from(workTypes)
    .where(inArray(workTypes.code, wanted));
  const occupationOf = new Map(types.map((t) => [t.code, t.occupationCode]));
  const rows = await db
    .select({
      code: occupations.code,
      name: occupations.name,
      level: occupations.level,
      isSkill: occupations.isSkill,
      override: occupations.skillOverride,
    })
    .from(occupations)
    .where(inArray(occupations.code, [...new Set(wanted.map((c) => occupationOf.get(c) ?? c))]));
  const byCode = new Map(rows.filter((r) => r.level === 4).map((r) => [r.code, r]));
  for (const code of wanted) {
    const o = byCode.get(occupationOf.get(code) ?? code);
    if (o)
      out.set(code, {
        occupationCode: o.code,
        occupationName: o.name,
        isSkill: o.isSkill,
        corrected: o.override != null,
      });
  }
  return out;
}

/**
 * Is `code` a 技能类职业 (附表备注1: 《国家职业分类大典》中的技能类职业（工种）)? True for a 职业 marked
 * skill and for a work type of one; false for a 职业 not marked skill, a category, or an unknown
 * code. The check a filing scope row, an evaluation plan or a certificate makes.
 */
export async function isSkillOccupation(db: Db, code: string): Promise<boolean> {
  return (await skillMarks(db, [code])).get(code)?.isSkill ?? false;
}

export interface ConfirmedJobRoleMapping {
  id: string;
  /** Null: a province-wide mapping (省级岗位对照表). */
  enterpriseId: string | null;
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
