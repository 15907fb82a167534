import { type Refusal, refuse } from '@hub/platform';

/**
 * 申请开展自主评价的职业（工种）, checked against the dictionary (附表 备注 1–4):
 * a 职业 of the dictionary; its work type when it has work types (原则上需填报工种)
 * and only one of its own; levels among those its national standard sets; an
 * 企业评价规范 basis only when that specification was approved for this enterprise
 * and covers the row: its occupation, its work type (a specification of a work type backs
 * that work type only) and every level of the row; an enterprise's own job role beside the code only under a confirmed
 * 相邻相近 mapping; no row twice.
 */
export interface ScopeRowInput {
  occupationCode: string;
  workTypeCode?: string | null;
  levels: number[];
  basis: 'NATIONAL_STANDARD' | 'ENTERPRISE_SPECIFICATION';
  specificationId?: string | null;
  jobRoleName?: string | null;
}

export interface DictionaryFacts {
  /** `isSkill`: 技能类职业 (附表备注1), the dictionary's mark as the province centre keeps it. */
  occupations: Map<string, { name: string; level: number; standardLevels: number[]; isSkill: boolean }>;
  workTypes: Map<string, { code: string; name: string }[]>;
}

export interface SpecificationFacts {
  id: string;
  enterpriseId: string;
  occupationCode: string;
  /** The work type it was filed for; null: the whole occupation. */
  workTypeCode: string | null;
  /** The levels it was filed for. */
  levels: number[];
  status: 'SUBMITTED' | 'APPROVED' | 'REJECTED';
}

/** A 相邻相近 mapping a centre confirmed: the enterprise's role → a dictionary occupation (work type). */
export interface MappingFacts {
  roleName: string;
  occupationCode: string;
  workTypeCode: string | null;
}

export const MAX_SCOPE_ROWS = 200;

export function scopeRefusals(
  rows: ScopeRowInput[],
  enterpriseId: string,
  dict: DictionaryFacts,
  specs: Map<string, SpecificationFacts>,
  mappings: MappingFacts[] = [],
): Refusal[] {
  const out: Refusal[] = [];
  if (rows.length > MAX_SCOPE_ROWS) out.push(refuse('TOO_MANY_ROWS', `备案范围不超过 ${MAX_SCOPE_ROWS} 行`, 'scope'));
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    const at = (f: string) => `scope.${i}.${f}`;
    const occ = dict.occupations.get(row.occupationCode);
    if (!occ) {
      out.push(
        refuse('UNKNOWN_OCCUPATION', `职业编码 ${row.occupationCode} 不在《国家职业分类大典》中`, at('occupationCode')),
      );
      return;
    }
    if (occ.level !== 4) {
      out.push(
        refuse(
          'NOT_AN_OCCUPATION',
          `${row.occupationCode} ${occ.name} 是职业分类的类别，不是职业：请填写具体职业（或工种）`,
          at('occupationCode'),
        ),
      );
      return;
    }
    if (!occ.isSkill) {
      out.push(
        refuse(
          'OCCUPATION_NOT_SKILL',
          `${row.occupationCode} ${occ.name} 不是技能类职业：仅限技能类职业（工种）备案（附表备注1）`,
          at('occupationCode'),
        ),
      );
      return;
    }
    const types = dict.workTypes.get(row.occupationCode) ?? [];
    if (row.workTypeCode) {
      if (!types.some((w) => w.code === row.workTypeCode)) {
        out.push(
          refuse('WORK_TYPE_NOT_OF_OCCUPATION', `工种 ${row.workTypeCode} 不属于${occ.name}`, at('workTypeCode')),
        );
      }
    } else if (types.length) {
      out.push(
        refuse(
          'WORK_TYPE_REQUIRED',
          `${occ.name}下设工种（${types.map((w) => w.name).join('、')}）：请填写具体工种（附表备注2）`,
          at('workTypeCode'),
        ),
      );
    }
    const levels = [...new Set(row.levels)];
    if (!levels.length) out.push(refuse('LEVELS_REQUIRED', '至少填写一个等级（五级、四级、三级……）', at('levels')));
    const outside = levels.filter((l) => !occ.standardLevels.includes(l));
    if (outside.length) {
      out.push(
        refuse(
          'LEVEL_NOT_IN_STANDARD',
          `${occ.name}的国家职业标准未设 ${outside.join('、')} 级（只设 ${[...occ.standardLevels].sort((a, b) => b - a).join('、')} 级）`,
          at('levels'),
        ),
      );
    }
    if (row.basis === 'ENTERPRISE_SPECIFICATION') {
      const spec = row.specificationId ? specs.get(row.specificationId) : undefined;
      if (!row.specificationId) {
        out.push(
          refuse(
            'SPECIFICATION_REQUIRED',
            '以企业评价规范为依据的备案范围须注明所备案的评价规范',
            at('specificationId'),
          ),
        );
      } else if (!spec || spec.enterpriseId !== enterpriseId || spec.occupationCode !== row.occupationCode) {
        out.push(
          refuse('SPECIFICATION_MISMATCH', '该企业评价规范不是本企业针对该职业备案的评价规范', at('specificationId')),
        );
      } else if (spec.status !== 'APPROVED') {
        out.push(
          refuse(
            'SPECIFICATION_NOT_APPROVED',
            '企业评价规范须经人社部门备案审核通过后方可作为评价依据（工作指引 一）',
            at('specificationId'),
          ),
        );
      } else {
        const gap = specificationGap(spec, row.workTypeCode ?? null, levels);
        if (gap) out.push(refuse('SPECIFICATION_DOES_NOT_COVER', gap.message, at(gap.field)));
      }
    }
    const role = row.jobRoleName?.trim();
    if (
      role &&
      !mappings.some(
        (m) =>
          m.roleName === role &&
          m.occupationCode === row.occupationCode &&
          m.workTypeCode === (row.workTypeCode ?? null),
      )
    ) {
      out.push(
        refuse(
          'JOB_ROLE_NOT_MAPPED',
          `岗位“${role}”须经鉴定中心确认与${occ.name}的对应关系后方可填写（相邻相近原则）`,
          at('jobRoleName'),
        ),
      );
    }
    const key = `${row.occupationCode}|${row.workTypeCode ?? ''}`;
    if (seen.has(key))
      out.push(
        refuse('DUPLICATE_SCOPE_ROW', `${occ.name}重复列出：同一职业（工种）的各等级请写在一行`, at('occupationCode')),
      );
    seen.add(key);
  });
  return out;
}

/** What of a scope row its 企业评价规范 does not cover (work type, levels), in words; null when it covers it all. */
export function specificationGap(
  spec: Pick<SpecificationFacts, 'workTypeCode' | 'levels'>,
  workTypeCode: string | null,
  levels: number[],
): { message: string; field: 'workTypeCode' | 'levels' } | null {
  if (spec.workTypeCode && spec.workTypeCode !== workTypeCode) {
    return {
      message: `该企业评价规范针对工种 ${spec.workTypeCode}，不能作为${workTypeCode ? `工种 ${workTypeCode}` : '整个职业'}的评价依据`,
      field: 'workTypeCode',
    };
  }
  const missing = levels.filter((l) => !spec.levels.includes(l)).sort((a, b) => b - a);
  if (missing.length) {
    return {
      message: `该企业评价规范只覆盖 ${[...spec.levels].sort((a, b) => b - a).join('、')} 级，不覆盖本行的 ${missing.join('、')} 级`,
      field: 'levels',
    };
  }
  return null;
}
