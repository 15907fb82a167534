import { SeededStream } from './draw.ts';

/**
 * 随机派遣外部质量督导员 (工作指引 五(五)2): for a reported plan, supervisors are drawn at random
 * (SHA-256 stream over `<seed>:<planId>`, so each plan's draw is re-runnable on its own) from
 * those who may supervise it: active external supervisors of the plan's 市州 or the province,
 * never one employed (now or before) by the plan's enterprise, qualified for its occupation.
 */
export interface Supervisor {
  id: string;
  prefectureCode: string | null;
  employerId: string | null;
  formerEmployerIds: readonly string[];
  /** Occupation codes or 大类/中类 prefixes; empty = any. */
  occupationCodes: readonly string[];
}

export interface PlanToSupervise {
  planId: string;
  enterpriseId: string;
  prefectureCode: string;
  occupationCode: string;
}

/** A code covers an occupation when it is the occupation itself or a whole-segment prefix of it. */
export function covers(code: string, occupationCode: string): boolean {
  return occupationCode === code || occupationCode.startsWith(`${code}-`);
}

export function maySupervise(s: Supervisor, p: PlanToSupervise): boolean {
  if (s.prefectureCode !== null && s.prefectureCode !== p.prefectureCode) return false;
  if (s.employerId === p.enterpriseId || s.formerEmployerIds.includes(p.enterpriseId)) return false;
  return s.occupationCodes.length === 0 || s.occupationCodes.some((c) => covers(c, p.occupationCode));
}

/** The supervisors drawn for one plan (ids, in draw order), or null when too few may supervise it. */
export function dispatchFor(
  seed: string,
  plan: PlanToSupervise,
  pool: readonly Supervisor[],
  count: number,
): string[] | null {
  const eligible = pool.filter((s) => maySupervise(s, plan)).sort((a, b) => (a.id < b.id ? -1 : 1));
  if (eligible.length < count) return null;
  return new SeededStream(`${seed}:${plan.planId}`)
    .shuffle(eligible)
    .slice(0, count)
    .map((s) => s.id);
}
