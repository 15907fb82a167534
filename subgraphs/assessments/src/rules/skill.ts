import { problem, type Refusal } from './types.ts';

/**
 * 技能类职业（工种）only (附表备注1: 《国家职业分类大典》中的技能类职业（工种）): a plan and a
 * certificate name an occupation the dictionary marks skill (大类 3–6 by default, as the province
 * centre corrected it). `isSkill` is the mark of the work type when the plan names one (it follows
 * its 职业), else of the 职业; undefined for a code the dictionary does not know, which the scope check
 * refuses (no confirmed scope names it).
 */
export function skillOccupationProblems(
  isSkill: boolean | undefined,
  code: string,
  field = 'occupationCode',
): Refusal[] {
  if (isSkill !== false) return [];
  return [problem('OCCUPATION_NOT_SKILL', `仅限技能类职业（工种）：${code} 不是技能类职业（工种）`, field)];
}
