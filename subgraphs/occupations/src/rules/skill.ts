/**
 * 技能类职业 (skill occupations): 湘人社发〔2024〕26号 附表备注1 admits to enterprise skill-level
 * evaluation only 「《国家职业分类大典》中的技能类职业（工种）」. Every 职业 carries a mark: by default
 * its 大类's — 3 办事人员和有关人员, 4 社会生产服务和生活服务人员, 5 农、林、牧、渔业生产及辅助人员 and
 * 6 生产制造及有关人员 are skill; 1 负责人, 2 专业技术人员, 7 军队人员 and 8 不便分类的其他从业人员 are
 * not —, unless the province centre corrected it for that 职业 (with a reason; audited). A work type
 * takes its 职业's mark. The database keeps the mark as a generated column (db: occupations.is_skill);
 * these are the same rules for code that has no row at hand, and the checks of a correction.
 */
import type { Refusal } from '@hub/platform';

/** The 大类 whose 职业 are skill occupations unless corrected. */
export const SKILL_MAJOR_GROUPS = ['3', '4', '5', '6'] as const;

/** The mark a code takes from its 大类 (its first digit). */
export function skillByMajorGroup(code: string): boolean {
  return (SKILL_MAJOR_GROUPS as readonly string[]).includes(code.charAt(0)) && code.charAt(1) === '-';
}

/** Reasons a correction gives: 2 to 500 characters. */
export const SKILL_MARK_REASON_MAX = 500;

/**
 * Why this correction of a skill mark is refused, or null: only a 职业 (level 4) of the dictionary
 * is marked; the reason is required (2–500 characters); a mark already standing is not set again.
 */
export function skillMarkRefusal(
  occupation: { code: string; name: string; level: number; isSkill: boolean } | undefined,
  code: string,
  isSkill: boolean,
  reason: string,
): Refusal | null {
  if (!occupation) {
    return { code: 'OCCUPATION_NOT_FOUND', message: `职业编码 ${code} 不在大典中`, field: 'occupationCode' };
  }
  if (occupation.level !== 4) {
    return {
      code: 'NOT_AN_OCCUPATION',
      message: `${occupation.code} ${occupation.name} 是类别，技能类标记只在职业（第 4 层）上更正 / only a 职业 carries a skill mark of its own`,
      field: 'occupationCode',
    };
  }
  const r = reason.trim();
  if ([...r].length < 2 || [...r].length > SKILL_MARK_REASON_MAX) {
    return {
      code: 'REASON_REQUIRED',
      message: `更正技能类标记须说明理由（2–${SKILL_MARK_REASON_MAX} 字） / a correction gives its reason (2–${SKILL_MARK_REASON_MAX} characters)`,
      field: 'reason',
    };
  }
  if (occupation.isSkill === isSkill) {
    return {
      code: 'SKILL_MARK_UNCHANGED',
      message: `${occupation.code} ${occupation.name} 已${isSkill ? '是' : '不是'}技能类职业 / the mark already stands`,
      field: 'isSkill',
    };
  }
  return null;
}
