import { describe, expect, it } from 'vitest';
import {
  type DictionaryFacts,
  type ScopeRowInput,
  type SpecificationFacts,
  scopeRefusals,
} from '../src/rules/scope.ts';

const ENT = '11111111-1111-4111-8111-111111111111';
const dict: DictionaryFacts = {
  occupations: new Map([
    ['6-18-01-01', { name: '车工', level: 4, standardLevels: [1, 2, 3, 4, 5], isSkill: true }],
    ['6-18-02-04', { name: '焊工', level: 4, standardLevels: [1, 2, 3, 4, 5], isSkill: true }],
    ['2-02-10-01', { name: '机械设计工程技术人员', level: 4, standardLevels: [], isSkill: false }],
    ['4-10-01-06', { name: '保育师', level: 4, standardLevels: [3, 4, 5], isSkill: true }],
    ['6-18-01-00', { name: '机械冷加工人员', level: 3, standardLevels: [1, 2, 3, 4, 5], isSkill: true }],
  ]),
  workTypes: new Map([['6-18-02-04', [{ code: '6-18-02-04-01', name: '电焊工' }]]]),
};
const SPEC = '33333333-3333-4333-8333-333333333333';
const specs = new Map<string, SpecificationFacts>([
  [
    SPEC,
    {
      id: SPEC,
      enterpriseId: ENT,
      occupationCode: '6-18-01-01',
      workTypeCode: null,
      levels: [5, 4, 3],
      status: 'APPROVED',
    },
  ],
]);
const row = (r: Partial<ScopeRowInput>): ScopeRowInput => ({
  occupationCode: '6-18-01-01',
  levels: [5, 4, 3],
  basis: 'NATIONAL_STANDARD',
  ...r,
});
const codes = (rows: ScopeRowInput[], s = specs) => scopeRefusals(rows, ENT, dict, s).map((r) => r.code);

describe('备案范围 rows', () => {
  it('accepts an occupation with levels its standard sets', () => {
    expect(codes([row({})])).toEqual([]);
  });

  it('refuses a 职业 that is not a skill occupation (技能类职业 only, 附表备注1): 2-02 专业技术人员', () => {
    expect(codes([row({ occupationCode: '2-02-10-01', levels: [3] })])).toEqual(['OCCUPATION_NOT_SKILL']);
  });

  it('refuses an unknown code and a category that is not a 职业', () => {
    expect(codes([row({ occupationCode: '6-99-99-99' })])).toEqual(['UNKNOWN_OCCUPATION']);
    expect(codes([row({ occupationCode: '6-18-01-00' })])).toEqual(['NOT_AN_OCCUPATION']);
  });

  it('refuses a level the national standard does not set', () => {
    expect(codes([row({ occupationCode: '4-10-01-06', levels: [3, 2] })])).toEqual(['LEVEL_NOT_IN_STANDARD']);
    expect(codes([row({ levels: [] })])).toEqual(['LEVELS_REQUIRED']);
  });

  it('requires the work type of an occupation that has work types, and only its own', () => {
    expect(codes([row({ occupationCode: '6-18-02-04' })])).toEqual(['WORK_TYPE_REQUIRED']);
    expect(codes([row({ occupationCode: '6-18-02-04', workTypeCode: '6-18-02-04-01' })])).toEqual([]);
    expect(codes([row({ workTypeCode: '6-18-02-04-01' })])).toEqual(['WORK_TYPE_NOT_OF_OCCUPATION']);
  });

  it('bases a row on a 企业评价规范 only when approved for this enterprise and occupation', () => {
    const based = (specificationId?: string) =>
      row({ basis: 'ENTERPRISE_SPECIFICATION', specificationId: specificationId ?? null });
    expect(codes([based(SPEC)])).toEqual([]);
    expect(codes([based()])).toEqual(['SPECIFICATION_REQUIRED']);
    const pending = new Map([[SPEC, { ...(specs.get(SPEC) as SpecificationFacts), status: 'SUBMITTED' as const }]]);
    expect(codes([based(SPEC)], pending)).toEqual(['SPECIFICATION_NOT_APPROVED']);
    const other = new Map([[SPEC, { ...(specs.get(SPEC) as SpecificationFacts), enterpriseId: 'x' }]]);
    expect(codes([based(SPEC)], other)).toEqual(['SPECIFICATION_MISMATCH']);
  });

  it('names an enterprise’s own job role beside the code only under a confirmed mapping', () => {
    const mapped = [{ roleName: '数控车床操作工', occupationCode: '6-18-01-01', workTypeCode: null }];
    const withRole = (jobRoleName: string) => row({ jobRoleName });
    expect(scopeRefusals([withRole('数控车床操作工')], ENT, dict, specs, mapped)).toEqual([]);
    expect(scopeRefusals([withRole('锂电池极片制片工')], ENT, dict, specs, mapped).map((r) => r.code)).toEqual([
      'JOB_ROLE_NOT_MAPPED',
    ]);
    const elsewhere = [{ ...mapped[0], occupationCode: '6-18-02-04' } as (typeof mapped)[0]];
    expect(scopeRefusals([withRole('数控车床操作工')], ENT, dict, specs, elsewhere).map((r) => r.code)).toEqual([
      'JOB_ROLE_NOT_MAPPED',
    ]);
  });

  it('refuses the same occupation twice', () => {
    expect(codes([row({}), row({ levels: [2] })])).toEqual(['DUPLICATE_SCOPE_ROW']);
  });
});

describe('企业评价规范 covers the row it backs (#24 point 4)', () => {
  const WELD = '44444444-4444-4444-8444-444444444444';
  const weldSpecs = new Map<string, SpecificationFacts>([
    ...specs,
    [
      WELD,
      {
        id: WELD,
        enterpriseId: ENT,
        occupationCode: '6-18-02-04',
        workTypeCode: '6-18-02-04-01',
        levels: [5, 4],
        status: 'APPROVED',
      },
    ],
  ]);
  const based = (r: Partial<ScopeRowInput>) => row({ basis: 'ENTERPRISE_SPECIFICATION', specificationId: SPEC, ...r });

  it('backs a row within its levels', () => {
    expect(codes([based({ levels: [5, 4] })])).toEqual([]);
  });

  it('refuses levels the specification was not filed for (a 五级、四级 specification behind 二级)', () => {
    const out = scopeRefusals([based({ levels: [4, 2] })], ENT, dict, specs);
    expect(out).toEqual([expect.objectContaining({ code: 'SPECIFICATION_DOES_NOT_COVER', field: 'scope.0.levels' })]);
    expect(out[0]?.message).toContain('2');
  });

  it('refuses a work type other than the one it was filed for', () => {
    const row2 = based({ occupationCode: '6-18-02-04', specificationId: WELD, levels: [5] });
    expect(codes([{ ...row2, workTypeCode: '6-18-02-04-01' }], weldSpecs)).toEqual([]);
    expect(
      scopeRefusals([{ ...row2, workTypeCode: null }], ENT, dict, weldSpecs).map((r) => [r.code, r.field]),
    ).toContainEqual(['SPECIFICATION_DOES_NOT_COVER', 'scope.0.workTypeCode']);
  });
});
