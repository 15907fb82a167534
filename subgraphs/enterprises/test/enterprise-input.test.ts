import { describe, expect, it } from 'vitest';
import { type EnterpriseInput, enterpriseInputRefusals, isPhone } from '../src/rules/enterprise-input.ts';

const valid: EnterpriseInput = {
  name: '株洲恒达轨道装备有限公司',
  legalRepresentative: '张伟',
  address: '株洲市天元区黄河南路 88 号',
  phone: '0731-22881234',
  registrationAuthority: '株洲市市场监督管理局',
  foundedOn: '2003-05-18',
  employeeCount: 1200,
  skilledWorkerCount: 800,
  mainBusiness: '轨道交通装备制造',
  headName: '李强',
  headPhone: '13907331234',
  contactName: '王芳',
  contactPhone: '0731 2288 1235',
  contactTitle: '人力资源部部长',
  email: 'hr@hengda.example.cn',
  prefectureCode: '430200',
};
const codes = (input: Partial<EnterpriseInput>) =>
  enterpriseInputRefusals({ ...valid, ...input }, '2026-11-26').map((r) => r.code);

describe('企业基本信息 rules', () => {
  it('accepts a complete, consistent form', () => {
    expect(codes({})).toEqual([]);
  });

  it('refuses more skilled workers than employees', () => {
    expect(codes({ skilledWorkerCount: 1201 })).toEqual(['SKILLED_EXCEEDS_EMPLOYEES']);
    expect(codes({ skilledWorkerCount: 1200 })).toEqual([]);
  });

  it('refuses a founding date in the future', () => {
    expect(codes({ foundedOn: '2026-11-27' })).toEqual(['FOUNDED_IN_FUTURE']);
    expect(codes({ foundedOn: '2026-11-26' })).toEqual([]);
  });

  it('refuses malformed phones and e-mail, and a 市州 outside Hunan', () => {
    expect(codes({ phone: '12345' })).toEqual(['INVALID_PHONE']);
    expect(codes({ headPhone: '12907331234' })).toEqual(['INVALID_PHONE']);
    expect(codes({ email: 'hr@localhost' })).toEqual(['INVALID_EMAIL']);
    expect(codes({ prefectureCode: '110100' })).toEqual(['UNKNOWN_PREFECTURE']);
  });

  it('requires the form’s text fields and bounds their length', () => {
    expect(codes({ name: ' ' })).toEqual(['REQUIRED']);
    expect(codes({ mainBusiness: '制'.repeat(501) })).toEqual(['TOO_LONG']);
  });

  it('knows mobile numbers and landlines with area codes', () => {
    expect(isPhone('13812345678')).toBe(true);
    expect(isPhone('0731-88888888-201')).toBe(true);
    expect(isPhone('88888888')).toBe(false);
  });
});
