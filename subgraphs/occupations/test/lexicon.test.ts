import { describe, expect, it } from 'vitest';
import { namedWorkIn, tradeTermsIn } from '../src/rules/lexicon.ts';

describe('the work a title names (rules/lexicon.ts)', () => {
  it('names the crane operator for any crane driven, the signaller for its signals', () => {
    expect(namedWorkIn('龙门吊司机')).toEqual(['起重装卸机械操作工']);
    expect(namedWorkIn('塔吊指挥')).toEqual(['起重工']);
  });

  it('reads a verb of maintenance or assembly before the machine, the most specific 职业 alone', () => {
    expect(namedWorkIn('推土机维修工')).toEqual(['工程机械维修工']);
    expect(namedWorkIn('包装机维修工')).toEqual(['机电设备维修工']);
    expect(namedWorkIn('计算机维修工')).toEqual([]);
    expect(namedWorkIn('注塑机维修工')).toEqual(['机电设备维修工']);
    expect(namedWorkIn('注塑工')).toEqual(['塑料制品成型制作工']);
  });

  it('files checking at any stage under 质检员, and acronyms under their trade', () => {
    expect(namedWorkIn('来料检验员')).toEqual(['质检员']);
    expect(namedWorkIn('IPQC')).toEqual(['质检员']);
    expect(namedWorkIn('SMT操作员')).toEqual(['电子设备装接工']);
    expect(tradeTermsIn('PLC调试员')).toContain('可编程控制');
  });

  it('names a trade by the work’s everyday word, and leaves it to a verb of maintenance or assembly', () => {
    expect(namedWorkIn('司炉工')).toEqual(['锅炉操作工']);
    expect(namedWorkIn('挖机操作手')).toEqual(['挖掘铲运和桩工机械司机']);
    expect(namedWorkIn('卷接机操作工')).toEqual(['烟机设备操作工']);
    expect(namedWorkIn('芯片封装工')).toEqual(['半导体分立器件和集成电路装调工']);
    expect(namedWorkIn('缝纫机装配工')).toEqual([]);
    expect(namedWorkIn('汽车喷漆工')).toEqual([]);
    expect(namedWorkIn('重卡司机')).toEqual(['道路货运汽车驾驶员']);
    expect(namedWorkIn('矿用卡车司机')).toEqual([]);
    expect(namedWorkIn('快递分拣员')).toEqual(['快件处理员']);
    expect(namedWorkIn('UT探伤工')).toEqual(['无损检测员']);
  });

  it('leaves a title naming none of this alone', () => {
    expect(namedWorkIn('会计')).toEqual([]);
    expect(tradeTermsIn('会计')).toEqual([]);
  });
});
