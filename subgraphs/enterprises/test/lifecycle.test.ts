import type { Claims } from '@hub/platform';
import { addCalendarDays } from '@hub/vocabulary';
import { describe, expect, it } from 'vitest';
import { giveUpRefusal, newFilingRefusal, resumptionRefusal, suspensionRefusal } from '../src/rules/lifecycle.ts';

const ENT = '11111111-1111-4111-8111-111111111111';
const TODAY = '2026-03-10'; // any day: every date below counts from it
const own: Claims = { role: 'enterprise', enterpriseId: ENT };
const zhuzhou: Claims = { role: 'city_center', prefecture: '430200' };
const changsha: Claims = { role: 'city_center', prefecture: '430100' };
const province: Claims = { role: 'province_center' };
const institution = (qualification: 'NONE' | 'CONFIRMED' | 'SUSPENDED' | 'REVOKED' | 'CANCELLED') => ({
  id: ENT,
  qualification,
  prefectureCode: '430200',
});

describe('a new filing after a revocation (no lifetime ban)', () => {
  it('lets a revoked enterprise file again at once when no waiting period is set (the default)', () => {
    expect(newFilingRefusal({ qualification: 'REVOKED', revokedOn: TODAY }, 0, TODAY)).toBeNull();
  });
  it('refuses within the configured waiting period, counted from the revocation day', () => {
    const revokedOn = addCalendarDays(TODAY, -29);
    expect(newFilingRefusal({ qualification: 'REVOKED', revokedOn }, 30, TODAY)).toMatchObject({
      code: 'REVOCATION_WAITING_PERIOD',
    });
    expect(
      newFilingRefusal({ qualification: 'REVOKED', revokedOn: addCalendarDays(TODAY, -30) }, 30, TODAY),
    ).toBeNull();
  });
  it('refuses while suspended; lets a rejected, withdrawn or 注销 enterprise file again', () => {
    expect(newFilingRefusal({ qualification: 'SUSPENDED', revokedOn: null }, 0, TODAY)).toMatchObject({
      code: 'QUALIFICATION_SUSPENDED',
    });
    expect(newFilingRefusal({ qualification: 'CANCELLED', revokedOn: null }, 30, TODAY)).toBeNull();
    expect(newFilingRefusal({ qualification: 'NONE', revokedOn: null }, 30, TODAY)).toBeNull();
  });
});

describe('注销 (the enterprise gives its qualification up)', () => {
  it('is the enterprise’s own act, on a confirmed qualification, with a reason', () => {
    expect(giveUpRefusal(institution('CONFIRMED'), own, '企业转型，不再开展评价')).toBeNull();
    expect(giveUpRefusal(institution('CONFIRMED'), own, '  ')).toMatchObject({ code: 'REASON_REQUIRED' });
    expect(giveUpRefusal(institution('CONFIRMED'), zhuzhou, '理由')).toMatchObject({ code: 'NOT_YOUR_ENTERPRISE' });
    expect(giveUpRefusal(institution('NONE'), own, '理由')).toMatchObject({ code: 'NOT_QUALIFIED' });
  });
  it('is refused while suspended: rectify first', () => {
    expect(giveUpRefusal(institution('SUSPENDED'), own, '理由')).toMatchObject({ code: 'QUALIFICATION_SUSPENDED' });
  });
});

describe('暂停 and 恢复 by a centre', () => {
  it('lets the centre of its 市州 or the province suspend with reasons and a period', () => {
    const s = { days: 90, reason: '考务管理不规范' };
    expect(suspensionRefusal(institution('CONFIRMED'), zhuzhou, s)).toBeNull();
    expect(suspensionRefusal(institution('CONFIRMED'), province, s)).toBeNull();
    expect(suspensionRefusal(institution('CONFIRMED'), changsha, s)).toMatchObject({ code: 'NOT_YOUR_PREFECTURE' });
  });
  it('refuses a period outside 1 to 366 days, a blank reason, and a second suspension', () => {
    const at = (days: number, reason = '理由') =>
      suspensionRefusal(institution('CONFIRMED'), province, { days, reason });
    expect(at(0)).toMatchObject({ code: 'PERIOD_OUT_OF_RANGE' });
    expect(at(367)).toMatchObject({ code: 'PERIOD_OUT_OF_RANGE' });
    expect(at(366)).toBeNull();
    expect(at(30, ' ')).toMatchObject({ code: 'REASON_REQUIRED' });
    expect(suspensionRefusal(institution('SUSPENDED'), province, { days: 30, reason: '理由' })).toMatchObject({
      code: 'ALREADY_SUSPENDED',
    });
    expect(suspensionRefusal(institution('REVOKED'), province, { days: 30, reason: '理由' })).toMatchObject({
      code: 'NOT_QUALIFIED',
    });
  });
  it('resumes only a suspended institution, with reasons', () => {
    expect(resumptionRefusal(institution('SUSPENDED'), zhuzhou, '整改到位')).toBeNull();
    expect(resumptionRefusal(institution('CONFIRMED'), zhuzhou, '整改到位')).toMatchObject({ code: 'NOT_SUSPENDED' });
    expect(resumptionRefusal(institution('SUSPENDED'), zhuzhou, '')).toMatchObject({ code: 'REASON_REQUIRED' });
  });
});
