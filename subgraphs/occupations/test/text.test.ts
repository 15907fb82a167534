import { describe, expect, it } from 'vitest';
import { aliasPhrases, charBigrams, cleanTitle, normalizeText } from '../src/rules/text.ts';

describe('cleaning a job-posting title', () => {
  it('folds full-width characters and Latin case', () => {
    expect(normalizeText('  ＣＮＣ　操机工（Ａ班） ')).toBe('cnc 操机工(a班)');
  });

  it('keeps the role after "<company or place>招聘"', () => {
    expect(cleanTitle('青岛汗沽建材招聘油漆工').core).toBe('油漆工');
    expect(cleanTitle('韩城鑫招聘切割工').core).toBe('切割工');
  });

  it('keeps 招聘 when it is the role itself (招聘专员)', () => {
    expect(cleanTitle('公司招聘专员').core).toBe('公司招聘专员');
  });

  it('drops pay, perks and seniority words but keeps the trade', () => {
    expect(cleanTitle('高薪销售顾问保底8000').core).toBe('销售顾问');
    expect(cleanTitle('资深平面设计师 五险一金 双休').core).toBe('平面设计师');
    expect(cleanTitle('抖音房产分析师/选房师+提成70% 月入3万').core).toContain('房产分析师');
  });

  it('drops what the work is not (无销售, 非销售类, 不外出), in brackets too, and nothing that only starts alike', () => {
    expect(cleanTitle('移动纯接听客户（无销售性质）')).toEqual({ core: '移动纯接听客户', asides: '' });
    expect(cleanTitle('非销售类客服/文员').core).toBe('客服/文员');
    expect(cleanTitle('货运司机不装卸').core).toBe('货运司机');
    expect(cleanTitle('电话客服 不销售不外出').core).toBe('电话客服');
    expect(cleanTitle('无责4500 电话客服').core).toBe('电话客服');
    expect(cleanTitle('不锈钢焊工').core).toBe('不锈钢焊工');
    expect(cleanTitle('无人机驾驶员').core).toBe('无人机驾驶员');
    expect(cleanTitle('南非销售经理').core).toBe('南非销售经理');
    expect(cleanTitle('销售代表（不限经验）').core).toBe('销售代表');
  });

  it('takes bracketed asides apart, and falls back to them when nothing else is left', () => {
    expect(cleanTitle('综合采购工程师（杭州乾景）')).toEqual({ core: '综合采购工程师', asides: '杭州乾景' });
    expect(cleanTitle('（数控车工）').core).toBe('数控车工');
  });
});

describe('alias phrases (slashes are alternatives)', () => {
  it('borrows the head of the last part for a prefix alternative', () => {
    expect(aliasPhrases('质量/品质经理')).toEqual(['质量经理', '品质经理']);
    expect(aliasPhrases('汽车/摩托车工程师')).toEqual(['汽车工程师', '摩托车工程师']);
  });

  it('swaps the head of the first part for a suffix alternative', () => {
    expect(aliasPhrases('物流专员/助理')).toEqual(['物流专员', '物流助理']);
    expect(aliasPhrases('临床医学经理/专员')).toEqual(['临床医学经理', '临床医学专员']);
  });

  it('reads one-character parts as prefixes and keeps Latin parts and bracketed abbreviations', () => {
    expect(aliasPhrases('配/理/拣/发货')).toEqual(['配货', '理货', '拣货', '发货']);
    expect(aliasPhrases('CNC/数控操机')).toEqual(['cnc', '数控操机']);
    expect(aliasPhrases('生产计划/物料管理（PMC）')).toEqual(['pmc', '生产计划', '物料管理']);
  });
});

describe('character bigrams', () => {
  it('overlap within each run, and a one-character run stands for itself', () => {
    expect(charBigrams('焊工 a')).toEqual(['焊工', 'a']);
    expect(charBigrams('塔吊司机')).toEqual(['塔吊', '吊司', '司机']);
  });
});
