/**
 * 职业技能等级: the five levels of the national standard, 五级 (lowest) to 一级 (highest). The
 * number is the level (1–5); the GraphQL enum value is `LEVEL_<n>`. Defined once here: every
 * domain names levels with these words.
 */
export type SkillLevelNumber = 1 | 2 | 3 | 4 | 5;

export const SKILL_LEVELS: readonly SkillLevelNumber[] = [5, 4, 3, 2, 1];

/** The name of each level, as the notice and the certificates write it. */
export const LEVEL_NAMES: Readonly<Record<number, string>> = {
  5: '五级/初级工',
  4: '四级/中级工',
  3: '三级/高级工',
  2: '二级/技师',
  1: '一级/高级技师',
};

/** The same names keyed by the GraphQL enum value (`LEVEL_5` …). */
export const LEVEL_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  SKILL_LEVELS.map((l) => [`LEVEL_${l}`, LEVEL_NAMES[l] as string]),
);
