import { describe, expect, it } from 'vitest';
import { passRate, statisticsPrefectures } from '../src/rules/statistics.ts';
import { normaliseHolderName, normaliseNumber } from '../src/rules/verification.ts';

describe('证书查询 inputs', () => {
  it('reads a certificate number typed in lower case or with spaces, and refuses anything not 22 characters of Y|S + digits', () => {
    expect(normaliseNumber(' y0000430100 01253000001 ')).toBe('Y000043010001253000001');
    expect(normaliseNumber('Y00004301000125300000')).toBeNull();
    expect(normaliseNumber("Y000043010001253000001' or 1=1")).toBeNull();
  });

  it('compares names without spaces, and refuses an empty or overlong one', () => {
    expect(normaliseHolderName(' 张 三 ')).toBe('张三');
    expect(normaliseHolderName('   ')).toBeNull();
    expect(normaliseHolderName('张'.repeat(51))).toBeNull();
  });
});

describe('statistics 属地', () => {
  it('gives a city centre its own 市州 and refuses another', () => {
    const city = { role: 'city_center' as const, prefecture: '430100' };
    expect(statisticsPrefectures(city, undefined)).toEqual({ prefectures: ['430100'] });
    expect(statisticsPrefectures(city, ['430100'])).toEqual({ prefectures: ['430100'] });
    expect(statisticsPrefectures(city, ['430100', '430200'])).toHaveProperty('refused');
  });

  it('lets the province, dashboards and the ministry read any 市州, and refuses enterprises', () => {
    expect(statisticsPrefectures({ role: 'province_center' }, ['430200'])).toEqual({ prefectures: ['430200'] });
    expect(statisticsPrefectures({ role: 'dashboard' }, undefined)).toEqual({ prefectures: null });
    expect(statisticsPrefectures({ role: 'ministry' }, undefined)).toEqual({ prefectures: null });
    expect(statisticsPrefectures({ role: 'enterprise', enterpriseId: 'x' }, undefined)).toHaveProperty('refused');
  });

  it('gives no pass rate without candidates, else passed / candidates to 4 places', () => {
    expect(passRate(0, 0)).toBeNull();
    expect(passRate(2, 3)).toBe(0.6667);
  });
});
