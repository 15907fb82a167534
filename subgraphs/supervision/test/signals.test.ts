import { describe, expect, it } from 'vitest';
import { covers, dispatchFor, maySupervise } from '../src/rules/dispatch.ts';
import {
  HIGH_LEVEL_RULE,
  highLevelShareSignals,
  highLevelThreshold,
  median,
  overdueUploadCutoff,
  overdueUploadSignal,
  shortPublicitySignal,
} from '../src/rules/signals.ts';

const row = (enterpriseId: string, level: number, valid: number) => ({
  enterpriseId,
  prefectureCode: '430200',
  occupationCode: '6-18-01-01',
  level,
  valid,
});

describe('技师、高级技师 share against peers (工作指引 五(九)1)', () => {
  it('warns far above the peer median: at least twice it and 25 points above', () => {
    expect(median([0.1, 0.3, 0.2])).toBe(0.2);
    expect(median([0.1, 0.2])).toBeCloseTo(0.15);
    expect(highLevelThreshold(0.1)).toBeCloseTo(0.35);
    expect(highLevelThreshold(0.4)).toBeCloseTo(0.8);
    expect(highLevelThreshold(0.6)).toBe(1);
  });

  it('flags an institution at 60% among peers at 10%, and none at the threshold or with too few certificates or peers', () => {
    const peers = ['a', 'b', 'c'].flatMap((e) => [row(e, 4, 18), row(e, 2, 2)]);
    const flagged = highLevelShareSignals([...peers, row('x', 4, 8), row('x', 1, 12)]);
    expect(flagged.map((s) => [s.enterpriseId, s.share, s.peerMedian, s.threshold])).toEqual([['x', 0.6, 0.1, 0.35]]);
    expect(flagged[0]?.explanation).toMatch(/60\.0%.*3 家.*10\.0%.*35\.0%/);
    // exactly at the threshold (7 of 20 = 35%): not flagged
    expect(highLevelShareSignals([...peers, row('x', 4, 13), row('x', 1, 7)])).toEqual([]);
    // too few certificates to judge
    const small = HIGH_LEVEL_RULE.minCertificates - 1;
    expect(highLevelShareSignals([...peers, row('x', 1, small)])).toEqual([]);
    // too few peers for a median
    expect(highLevelShareSignals([row('a', 4, 20), row('b', 4, 20), row('x', 1, 20)])).toEqual([]);
  });

  it('counts publicity days with both ends (5 days from the 1st is the 5th)', () => {
    const s = shortPublicitySignal({
      planId: 'p',
      enterpriseId: 'e',
      prefectureCode: '430200',
      publicityStartsOn: '2026-12-01',
      publicityEndsOn: '2026-12-04',
    });
    expect(s.publicityDays).toBe(4);
  });
});

describe('external supervisor dispatch (随机派遣外部质量督导员)', () => {
  const plan = { planId: 'p1', enterpriseId: 'e1', prefectureCode: '430200', occupationCode: '6-18-01-01' };
  const sup = (id: string, over: Partial<Parameters<typeof maySupervise>[0]> = {}) => ({
    id,
    prefectureCode: '430200' as string | null,
    employerId: null,
    formerEmployerIds: [],
    occupationCodes: [],
    ...over,
  });

  it('never sends a supervisor to their own or former employer, outside their 市州, or outside their occupations', () => {
    expect(maySupervise(sup('s'), plan)).toBe(true);
    expect(maySupervise(sup('s', { employerId: 'e1' }), plan)).toBe(false);
    expect(maySupervise(sup('s', { formerEmployerIds: ['e1'] }), plan)).toBe(false);
    expect(maySupervise(sup('s', { prefectureCode: '430100' }), plan)).toBe(false);
    expect(maySupervise(sup('s', { prefectureCode: null }), plan)).toBe(true);
    expect(maySupervise(sup('s', { occupationCodes: ['6-18'] }), plan)).toBe(true);
    expect(maySupervise(sup('s', { occupationCodes: ['6-1'] }), plan)).toBe(false);
    expect(covers('6', '6-18-01-01')).toBe(true);
  });

  it('draws reproducibly per seed and plan, and refuses when too few may go', () => {
    const pool = ['s1', 's2', 's3', 's4'].map((id) => sup(id));
    const once = dispatchFor('seed', plan, pool, 2);
    expect(once).toHaveLength(2);
    expect(dispatchFor('seed', plan, [...pool].reverse(), 2)).toEqual(once);
    expect(dispatchFor('seed', plan, [sup('own', { employerId: 'e1' }), sup('s1')], 2)).toBeNull();
  });
});

describe('证书逾期未上报全国证书查询系统 (#24 point 6)', () => {
  it('counts from the oldest certificate: due on issue day + the upload days, late the day after', () => {
    // Issued 2027-01-31, 30 days: due 2027-03-02 (not a leap year), so 2027-03-03 is the first late day.
    expect(overdueUploadCutoff('2027-03-03', 30)).toBe('2027-01-31');
    expect(overdueUploadCutoff('2027-03-02', 30)).toBe('2027-01-30');
    expect(overdueUploadCutoff('2028-03-02', 30)).toBe('2028-01-31');
    const s = overdueUploadSignal(
      { enterpriseId: 'e1', prefectureCode: '430200', count: 3, oldestIssuedOn: '2027-01-31' },
      '2027-03-05',
      30,
    );
    expect(s).toMatchObject({
      key: 'OVERDUE_NATIONAL_UPLOAD:e1',
      kind: 'OVERDUE_NATIONAL_UPLOAD',
      certificates: 3,
      deadline: '2027-03-02',
      daysLate: 3,
      suggestedViolation: 'MISMANAGEMENT',
    });
    expect(s.explanation).toContain('30 天内未上报');
  });
});
