import { describe, expect, it } from 'vitest';
import { candidateResultEvent, certificateEvent, planEvent, resultCounts } from '../src/rules/feed-events.ts';

/** 变更推送: what an event says about a record — ids, numbers, levels and dates, never a person. */

const certificate = {
  number: 'Y000043010001263000007',
  status: 'VALID' as const,
  enterpriseId: 'e-1',
  planId: 'p-1',
  candidateId: 'c-1',
  occupationCode: '6-18-01-01',
  workTypeCode: null,
  level: 4,
  issuedOn: '2026-12-01',
  revokedOn: null,
  uploadedOn: null,
  // What the row also holds, and the feed must leave out.
  holderName: '张三',
  holderResidentIdEnc: Buffer.from('secret'),
  revocationReason: '考评记录不实',
};

describe('change feed events', () => {
  it('describes a certificate by number, worker id, plan, level and dates — no name, resident ID or typed reason', () => {
    const e = certificateEvent('CERTIFICATE_ISSUED', certificate, 'w-1');
    expect(e).toEqual({
      enterpriseId: 'e-1',
      type: 'CERTIFICATE_ISSUED',
      subject: certificate.number,
      data: {
        number: certificate.number,
        status: 'VALID',
        workerId: 'w-1',
        candidateId: 'c-1',
        planId: 'p-1',
        occupationCode: '6-18-01-01',
        workTypeCode: null,
        level: 4,
        issuedOn: '2026-12-01',
        revokedOn: null,
        uploadedOn: null,
      },
    });
    const text = JSON.stringify(e);
    expect(text).not.toContain('张三');
    expect(text).not.toContain('考评记录不实');
    expect(text).not.toMatch(/holder|resident/i);
  });

  it('tallies a plan’s results, leaving out candidates without one (withdrawn)', () => {
    expect(resultCounts(['PASSED', 'PASSED', 'FAILED', 'WITHHELD', null])).toEqual({
      passed: 2,
      failed: 1,
      withheld: 1,
    });
    const plan = {
      id: 'p-1',
      enterpriseId: 'e-1',
      status: 'PUBLICISED',
      occupationCode: '6-18-01-01',
      workTypeCode: null,
      level: 3,
      method: 'SKILL_OPERATION',
      evaluationDate: '2026-11-20',
      reviewedOn: '2026-11-24',
      publicityStartsOn: '2026-11-25',
      publicityEndsOn: '2026-11-30',
      resultsSubmittedOn: null,
    };
    const e = planEvent('PLAN_PUBLICITY_STARTED', plan, { passed: 2, failed: 1, withheld: 0 });
    expect(e).toMatchObject({ enterpriseId: 'e-1', subject: 'p-1', type: 'PLAN_PUBLICITY_STARTED' });
    expect(e.data).toMatchObject({ status: 'PUBLICISED', publicityEndsOn: '2026-11-30', results: { passed: 2 } });
  });

  it('describes a candidate’s result by candidate and worker id, with the day it was decided', () => {
    const e = candidateResultEvent(
      'CANDIDATE_RESULT_CORRECTED',
      { id: 'c-1', workerId: 'w-1', result: 'WITHHELD', total: 78.5 },
      { id: 'p-1', enterpriseId: 'e-1', occupationCode: '6-18-01-01', workTypeCode: null, level: 4 },
      '2026-12-02',
    );
    expect(e).toEqual({
      enterpriseId: 'e-1',
      type: 'CANDIDATE_RESULT_CORRECTED',
      subject: 'c-1',
      data: {
        candidateId: 'c-1',
        workerId: 'w-1',
        planId: 'p-1',
        occupationCode: '6-18-01-01',
        workTypeCode: null,
        level: 4,
        result: 'WITHHELD',
        total: 78.5,
        decidedOn: '2026-12-02',
      },
    });
  });
});
