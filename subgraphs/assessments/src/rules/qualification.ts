import { type InstitutionKind, problem, type Refusal } from './types.ts';

/** 资格类别 names as the notice writes them. */
export const QUALIFICATION_NAMES: Readonly<Record<InstitutionKind, string>> = {
  ENTERPRISE_SELF_EVALUATION: '企业自主评价',
  SOCIAL_EVALUATION_ORGANIZATION: '社会评价组织',
};

/**
 * 按哪一种资质开展评价: 「地方行业龙头企业可另申请备案为社会评价组织」 — an enterprise may hold its
 * 企业自主评价 qualification and a 社会评价组织 one at once, each with its own scope and served
 * parties, so a plan states which one it runs under.
 * - Named: the institution must hold it (a filing of that kind in force): QUALIFICATION_NOT_HELD.
 * - Not named: the only one it holds; holding both, it must name one: QUALIFICATION_REQUIRED.
 * - Holding none and naming none: no qualification, and no refusal here — the scope check refuses
 *   the plan (PLAN_OUT_OF_SCOPE), as it does for any institution outside the catalog.
 */
export function planQualification(
  held: readonly InstitutionKind[],
  named: InstitutionKind | null | undefined,
): { qualification: InstitutionKind | null; problems: Refusal[] } {
  const kinds = [...new Set(held)];
  if (named) {
    if (kinds.includes(named)) return { qualification: named, problems: [] };
    return {
      qualification: null,
      problems: [
        problem(
          'QUALIFICATION_NOT_HELD',
          `本机构没有有效的${QUALIFICATION_NAMES[named]}备案资质，不能按该资质报备评价计划${
            kinds.length ? `（现有资质：${kinds.map((k) => QUALIFICATION_NAMES[k]).join('、')}）` : ''
          }`,
          'qualification',
        ),
      ],
    };
  }
  if (kinds.length > 1) {
    return {
      qualification: null,
      problems: [
        problem(
          'QUALIFICATION_REQUIRED',
          '本机构同时具有企业自主评价和社会评价组织备案资质，报备评价计划须写明按哪一种资质开展（qualification）',
          'qualification',
        ),
      ],
    };
  }
  return { qualification: kinds[0] ?? null, problems: [] };
}

/** Is the plan inside the scope of its own qualification? `covering`: the qualifications whose scope covers it that day. */
export const inScopeUnder = (covering: readonly InstitutionKind[], qualification: InstitutionKind | null): boolean =>
  qualification != null && covering.includes(qualification);
