import { describe, expect, it } from 'vitest';
import { SKILL_LADDER, standardLevelsFrom } from '../src/rules/levels.ts';
import { proposeRefusal, reviewRefusal, roleInputRefusal } from '../src/rules/mapping.ts';
import { skillByMajorGroup, skillMarkRefusal } from '../src/rules/skill.ts';
import { nextWorkTypeCode, workTypeCodeProblem, workTypeNameProblem } from '../src/rules/work-type.ts';

describe('the eight-level ladder and standard levels', () => {
  it('runs 学徒工, 五级 … 一级, 特级技师, 首席技师; only 五级 … 一级 are set by a national standard', () => {
    expect(SKILL_LADDER.map((s) => s.name)).toEqual([
      '学徒工',
      '五级/初级工',
      '四级/中级工',
      '三级/高级工',
      '二级/技师',
      '一级/高级技师',
      '特级技师',
      '首席技师',
    ]);
    expect(SKILL_LADDER.filter((s) => s.standardLevel).map((s) => s.standardLevel)).toEqual([5, 4, 3, 2, 1]);
  });

  it('accepts a subset of 五级 … 一级 and orders it 五级 first', () => {
    expect(standardLevelsFrom(['LEVEL_3', 'LEVEL_5', 'LEVEL_4'])).toEqual({ levels: [5, 4, 3] });
  });

  it('refuses no levels, a level twice, and rungs no standard sets', () => {
    expect(standardLevelsFrom([])).toHaveProperty('problem');
    expect(standardLevelsFrom(['LEVEL_5', 'LEVEL_5'])).toEqual({ problem: '五级/初级工 is listed twice' });
    expect(standardLevelsFrom(['PRINCIPAL_TECHNICIAN'])).toEqual({
      problem: '特级技师 is not set by a national standard: only 五级 … 一级 are',
    });
    expect(standardLevelsFrom(['APPRENTICE'])).toHaveProperty('problem');
  });
});

describe('work-type codes (occupation code + -NN)', () => {
  it('gives the next free code, starting at -01 and past gaps', () => {
    expect(nextWorkTypeCode('6-18-02-04', [])).toBe('6-18-02-04-01');
    expect(nextWorkTypeCode('6-18-02-04', ['6-18-02-04-01', '6-18-02-04-04', '6-18-01-01-07'])).toBe('6-18-02-04-05');
    expect(nextWorkTypeCode('6-18-02-04', ['6-18-02-04-99'])).toBeNull();
  });

  it('refuses a code of another occupation, of the wrong shape, or -00', () => {
    expect(workTypeCodeProblem('6-18-02-04-02', '6-18-02-04')).toBeNull();
    expect(workTypeCodeProblem('6-18-01-01-02', '6-18-02-04')).toMatch(/does not belong/);
    expect(workTypeCodeProblem('6-18-02-04', '6-18-02-04')).toMatch(/plus two digits/);
    expect(workTypeCodeProblem('6-18-02-04-00', '6-18-02-04')).toMatch(/01 to 99/);
  });

  it('wants a name of 2–30 letters', () => {
    expect(workTypeNameProblem('电焊工')).toBeNull();
    expect(workTypeNameProblem('焊')).toMatch(/2–30/);
    expect(workTypeNameProblem('x'.repeat(31))).toMatch(/2–30/);
    expect(workTypeNameProblem('电焊工;drop')).toMatch(/letters/);
  });
});

describe('job-role mapping workflow rules', () => {
  const E = '00000000-0000-4000-8000-000000000001';
  it('lets an enterprise (or its HR system) propose for itself only', () => {
    expect(proposeRefusal({ role: 'enterprise', enterpriseId: E }, E)).toBeNull();
    expect(proposeRefusal({ role: 'hr_partner', enterpriseId: E }, E)).toBeNull();
    expect(proposeRefusal({ role: 'enterprise', enterpriseId: E }, 'other')?.code).toBe('NOT_OWN_ENTERPRISE');
    expect(proposeRefusal({ role: 'city_center', prefecture: '430100' }, E)?.code).toBe('NOT_PROPOSER');
  });

  it('refuses an empty or over-long role name and an over-long description', () => {
    expect(roleInputRefusal('锂电池极片制片工')).toBeNull();
    expect(roleInputRefusal('   ')?.code).toBe('ROLE_NAME_EMPTY');
    expect(roleInputRefusal('工'.repeat(101))?.code).toBe('ROLE_NAME_TOO_LONG');
    expect(roleInputRefusal('制片工', '字'.repeat(2001))?.code).toBe('DESCRIPTION_TOO_LONG');
  });

  it('keeps a city centre to its own 市州 (属地管理); the province decides for all', () => {
    const proposed = { status: 'PROPOSED' as const, enterprisePrefecture: '430200' };
    expect(reviewRefusal({ role: 'city_center', prefecture: '430200' }, proposed, 'CONFIRM', null)).toBeNull();
    expect(reviewRefusal({ role: 'city_center', prefecture: '430100' }, proposed, 'CONFIRM', null)?.code).toBe(
      'OUTSIDE_PREFECTURE',
    );
    expect(reviewRefusal({ role: 'province_center' }, proposed, 'CONFIRM', null)).toBeNull();
    expect(reviewRefusal({ role: 'inspector' }, proposed, 'CONFIRM', null)?.code).toBe('NOT_REVIEWER');
  });

  it('decides a proposed mapping once, and a rejection says why', () => {
    const c = { role: 'province_center' as const };
    expect(reviewRefusal(c, { status: 'PROPOSED', enterprisePrefecture: null }, 'REJECT', ' ')?.code).toBe(
      'REASON_REQUIRED',
    );
    expect(
      reviewRefusal(c, { status: 'PROPOSED', enterprisePrefecture: null }, 'REJECT', '应对应电池制造工'),
    ).toBeNull();
    expect(reviewRefusal(c, { status: 'CONFIRMED', enterprisePrefecture: null }, 'REJECT', '理由')?.code).toBe(
      'MAPPING_DECIDED',
    );
    expect(reviewRefusal(c, { status: 'REJECTED', enterprisePrefecture: null }, 'CONFIRM', null)?.code).toBe(
      'MAPPING_DECIDED',
    );
  });
});

describe('技能类职业: the skill mark', () => {
  it('follows the 大类 by default: 3 to 6 skill; 1, 2, 7 and 8 not', () => {
    for (const code of ['3-01-02-02', '4-03-02-01', '5-01-01-01', '6-18-02-04', '6-18-02-04-01']) {
      expect(skillByMajorGroup(code), code).toBe(true);
    }
    for (const code of ['1-01-00-01', '2-02-10-01', '7-00-00-00', '8-00-00-00', '']) {
      expect(skillByMajorGroup(code), code).toBe(false);
    }
  });

  it('is corrected for a 职业 only, with a reason, and not set to what it already is', () => {
    const welder = { code: '6-18-02-04', name: '焊工', level: 4, isSkill: true };
    expect(skillMarkRefusal(welder, welder.code, false, '依据国家职业技能标准更正')).toBeNull();
    expect(skillMarkRefusal(undefined, '9-99-99-99', false, '理由充分')?.code).toBe('OCCUPATION_NOT_FOUND');
    expect(
      skillMarkRefusal({ ...welder, code: '6-18-02-00', level: 3 }, '6-18-02-00', false, '理由充分'),
    ).toMatchObject({ code: 'NOT_AN_OCCUPATION', field: 'occupationCode' });
    expect(skillMarkRefusal(welder, welder.code, false, ' 无 ')).toMatchObject({
      code: 'REASON_REQUIRED',
      field: 'reason',
    });
    expect(skillMarkRefusal(welder, welder.code, false, '理'.repeat(501))?.code).toBe('REASON_REQUIRED');
    expect(skillMarkRefusal(welder, welder.code, true, '理由充分')).toMatchObject({
      code: 'SKILL_MARK_UNCHANGED',
      field: 'isSkill',
    });
  });
});
