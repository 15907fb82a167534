import { describe, expect, it } from 'vitest';
import { calendarOf, packageNotices } from '../src/calendar.ts';
import { cancellationProblems, rescheduleProblems, withdrawalProblems } from '../src/rules/changes.ts';

/** 报备后变更: the rules for rescheduling, cancelling and withdrawing, as pure functions. */

const official = calendarOf(packageNotices());
const codes = (r: { code: string }[]) => r.map((p) => p.code).sort();
const reported = { status: 'REPORTED' as const, evaluationDate: '2026-12-14', scored: false };
const move = (newDate: string, over: Partial<{ reason: string; today: string }> = {}) => ({
  newDate,
  reason: '考场设备检修，改期进行',
  today: '2026-12-01',
  calendar: official,
  ...over,
});

describe('改期 (reschedule)', () => {
  it('moves a reported plan to a date 5 working days ahead, counted from today to the new date', () => {
    // Tue 2026-12-01: the 5th working day before Tue 12-08 is Tue 12-01 itself.
    expect(rescheduleProblems(reported, move('2026-12-08'))).toEqual([]);
    expect(codes(rescheduleProblems(reported, move('2026-12-07')))).toEqual(['PLAN_REPORTED_LATE']);
  });

  it('applies the working-day rule across a holiday: 5 working days before 2026-10-09 fall before National Day', () => {
    // 10-01..10-07 are holidays: the 5th working day before Fri 10-09 is Fri 09-25 (weekends alone: 10-02).
    expect(codes(rescheduleProblems(reported, move('2026-10-09', { today: '2026-09-29' })))).toEqual([
      'PLAN_REPORTED_LATE',
    ]);
  });

  it('refuses a date already past, the same date, and a change without its reason', () => {
    expect(codes(rescheduleProblems(reported, move('2026-12-01')))).toEqual(['PLAN_EVALUATION_DATE_PAST']);
    expect(codes(rescheduleProblems(reported, move('2026-12-14')))).toEqual(['PLAN_RESCHEDULE_SAME_DATE']);
    expect(codes(rescheduleProblems(reported, move('2026-12-21', { reason: ' ' })))).toEqual(['CHANGE_REASON_MISSING']);
  });

  it('refuses once scores are recorded, after the review (results), and for a cancelled plan', () => {
    expect(codes(rescheduleProblems({ ...reported, scored: true }, move('2026-12-21')))).toEqual([
      'PLAN_RESCHEDULE_AFTER_SCORING',
    ]);
    for (const status of ['REVIEWED', 'PUBLICISED', 'SUBMITTED'] as const) {
      expect(codes(rescheduleProblems({ ...reported, status }, move('2026-12-21')))).toEqual([
        'PLAN_RESCHEDULE_AFTER_RESULTS',
      ]);
    }
    expect(codes(rescheduleProblems({ ...reported, status: 'CANCELLED' }, move('2026-12-21')))).toEqual([
      'PLAN_CANCELLED',
    ]);
  });
});

describe('取消 (cancel)', () => {
  it('cancels a plan with its reason at any stage before results go to the centre and before certificates', () => {
    for (const status of ['REPORTED', 'REVIEWED', 'PUBLICISED'] as const) {
      expect(cancellationProblems({ status, certificatesIssued: 0 }, '企业停产，本期评价取消')).toEqual([]);
    }
    expect(codes(cancellationProblems({ status: 'REPORTED', certificatesIssued: 0 }, ''))).toEqual([
      'CHANGE_REASON_MISSING',
    ]);
  });

  it('refuses after certificates, after submission, and twice', () => {
    expect(codes(cancellationProblems({ status: 'SUBMITTED', certificatesIssued: 2 }, '理由充分的取消'))).toEqual([
      'PLAN_CANCEL_AFTER_CERTIFICATES',
    ]);
    expect(codes(cancellationProblems({ status: 'SUBMITTED', certificatesIssued: 0 }, '理由充分的取消'))).toEqual([
      'PLAN_CANCEL_AFTER_SUBMISSION',
    ]);
    expect(codes(cancellationProblems({ status: 'CANCELLED', certificatesIssued: 0 }, '理由充分的取消'))).toEqual([
      'PLAN_ALREADY_CANCELLED',
    ]);
  });
});

describe('参评人员退出 (withdraw a candidate)', () => {
  it('withdraws before the review, once, with the reason', () => {
    expect(withdrawalProblems({ status: 'REPORTED' }, { withdrawnOn: null }, '本人申请退出')).toEqual([]);
    expect(codes(withdrawalProblems({ status: 'REPORTED' }, { withdrawnOn: null }, ''))).toEqual([
      'CHANGE_REASON_MISSING',
    ]);
    expect(codes(withdrawalProblems({ status: 'REPORTED' }, { withdrawnOn: '2026-12-02' }, '本人申请退出'))).toEqual([
      'CANDIDATE_ALREADY_WITHDRAWN',
    ]);
  });

  it('refuses after the review and on a cancelled plan', () => {
    expect(codes(withdrawalProblems({ status: 'REVIEWED' }, { withdrawnOn: null }, '本人申请退出'))).toEqual([
      'CANDIDATE_WITHDRAW_AFTER_REVIEW',
    ]);
    expect(codes(withdrawalProblems({ status: 'CANCELLED' }, { withdrawnOn: null }, '本人申请退出'))).toEqual([
      'PLAN_CANCELLED',
    ]);
  });
});
