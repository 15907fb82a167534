import { describe, expect, it } from 'vitest';
import {
  correctionRefusals,
  type EnterpriseInput,
  enterpriseInputRefusals,
  isPhone,
  registrationRefusals,
} from '../src/rules/enterprise-input.ts';

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

describe('who registers and corrects an enterprise (网上申请, #24 point 10)', () => {
  const code = '91430400MA4L0NET2E';
  const codesOf = (r: { code: string }[]) => r.map((x) => x.code);
  it('lets an enterprise with a legal-person token register under its own code only', () => {
    expect(registrationRefusals({ role: 'enterprise', creditCode: code }, code, '430400')).toEqual([]);
    expect(
      codesOf(registrationRefusals({ role: 'enterprise', creditCode: code }, '91430100MA4L0REG7R', '430400')),
    ).toEqual(['NOT_YOUR_CREDIT_CODE']);
    expect(codesOf(registrationRefusals({ role: 'enterprise' }, code, '430400'))).toEqual([
      'LEGAL_PERSON_TOKEN_REQUIRED',
    ]);
  });
  it('keeps a city centre to its 市州 and lets the province register anywhere', () => {
    expect(registrationRefusals({ role: 'city_center', prefecture: '430400' }, code, '430400')).toEqual([]);
    expect(codesOf(registrationRefusals({ role: 'city_center', prefecture: '430100' }, code, '430400'))).toEqual([
      'NOT_YOUR_PREFECTURE',
    ]);
    expect(registrationRefusals({ role: 'province_center' }, code, '430400')).toEqual([]);
  });
  it('lets the city centre correct within its 市州, the enterprise its own facts, the province move it', () => {
    const current = { id: 'e1', prefectureCode: '430400' };
    expect(correctionRefusals({ role: 'city_center', prefecture: '430400' }, current, '430400')).toEqual([]);
    expect(codesOf(correctionRefusals({ role: 'city_center', prefecture: '430400' }, current, '430100'))).toEqual([
      'PREFECTURE_FIXED',
    ]);
    expect(codesOf(correctionRefusals({ role: 'city_center', prefecture: '430100' }, current, '430400'))).toEqual([
      'NOT_YOUR_PREFECTURE',
    ]);
    expect(correctionRefusals({ role: 'enterprise', enterpriseId: 'e1' }, current, '430400')).toEqual([]);
    expect(codesOf(correctionRefusals({ role: 'enterprise', enterpriseId: 'e1' }, current, '430100'))).toEqual([
      'PREFECTURE_FIXED',
    ]);
    expect(codesOf(correctionRefusals({ role: 'enterprise', enterpriseId: 'e2' }, current, '430400'))).toEqual([
      'NOT_YOUR_ENTERPRISE',
    ]);
    expect(correctionRefusals({ role: 'province_center' }, current, '430100')).toEqual([]);
  });
});
