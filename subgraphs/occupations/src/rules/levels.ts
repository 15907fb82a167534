/**
 * 职业技能等级: the eight-level ladder of the skill-certification system. The national
 * standards (国家职业技能标准) define 五级 … 一级; 学徒工 comes before them, and 特级技师
 * and 首席技师 are appointed above 一级 (新八级职业技能等级制度).
 */
export const SKILL_LADDER = [
  { rung: 'APPRENTICE', name: '学徒工', standardLevel: null },
  { rung: 'LEVEL_5', name: '五级/初级工', standardLevel: 5 },
  { rung: 'LEVEL_4', name: '四级/中级工', standardLevel: 4 },
  { rung: 'LEVEL_3', name: '三级/高级工', standardLevel: 3 },
  { rung: 'LEVEL_2', name: '二级/技师', standardLevel: 2 },
  { rung: 'LEVEL_1', name: '一级/高级技师', standardLevel: 1 },
  { rung: 'PRINCIPAL_TECHNICIAN', name: '特级技师', standardLevel: null },
  { rung: 'CHIEF_TECHNICIAN', name: '首席技师', standardLevel: null },
] as const;

export type SkillRung = (typeof SKILL_LADDER)[number]['rung'];

/** The levels a national standard defines by default: all five. */
export const DEFAULT_STANDARD_LEVELS = [5, 4, 3, 2, 1] as const;

/** The rung of a standard level number (5 → LEVEL_5 …). */
export function rungOfLevel(level: number): SkillRung | null {
  return SKILL_LADDER.find((r) => r.standardLevel === level)?.rung ?? null;
}

/**
 * Checks the levels an occupation's national standard defines: one to five of 五级 … 一级,
 * each once. Returns them as numbers, 五级 first, or the reason they cannot be.
 */
export function standardLevelsFrom(rungs: readonly string[]): { levels: number[] } | { problem: string } {
  if (!rungs.length) return { problem: 'a national standard defines at least one level' };
  const levels: number[] = [];
  for (const r of rungs) {
    const step = SKILL_LADDER.find((s) => s.rung === r);
    if (!step?.standardLevel) {
      return { problem: `${step?.name ?? r} is not set by a national standard: only 五级 … 一级 are` };
    }
    if (levels.includes(step.standardLevel)) return { problem: `${step.name} is listed twice` };
    levels.push(step.standardLevel);
  }
  return { levels: levels.sort((a, b) => b - a) };
}
