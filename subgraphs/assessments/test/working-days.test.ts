import { describe, expect, it } from 'vitest';
import { calendarOf, packageNotices } from '../src/calendar.ts';
import { addYears, weekday } from '../src/rules/dates.ts';
import { noticeProblems } from '../src/rules/notice.ts';
import {
  isWorkingDay,
  planReportDeadline,
  resultSubmissionDeadline,
  WEEKENDS_ONLY,
} from '../src/rules/working-days.ts';

/** The calendar as the hub seeds it: every year the chinese-days package knows (2004–2026). */
const official = calendarOf(packageNotices());

describe('official calendar (法定节假日与调休) from the chinese-days package', () => {
  it('knows the 2026 National Day holiday and its adjusted working Sunday and Saturday', () => {
    for (let d = 1; d <= 7; d++) expect(isWorkingDay(official, `2026-10-0${d}`), `2026-10-0${d}`).toBe(false);
    expect(weekday('2026-09-20')).toBe(0);
    expect(isWorkingDay(official, '2026-09-20')).toBe(true);
    expect(weekday('2026-10-10')).toBe(6);
    expect(isWorkingDay(official, '2026-10-10')).toBe(true);
  });

  it('knows the 2026 Spring Festival holiday and its adjusted working Saturdays', () => {
    for (let d = 15; d <= 23; d++) expect(isWorkingDay(official, `2026-02-${d}`)).toBe(false);
    expect(isWorkingDay(official, '2026-02-14')).toBe(true);
    expect(isWorkingDay(official, '2026-02-28')).toBe(true);
  });

  it('covers every year from 2004 to 2026', () => {
    expect([...official.confirmedYears].sort()).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
  });
});

describe('plan report deadline: no later than the 5th working day before the evaluation (提前5个工作日报备)', () => {
  it('evaluation on Mon 2026-12-14 is reported by Mon 2026-12-07', () => {
    expect(planReportDeadline(official, '2026-12-14')).toEqual({ date: '2026-12-07', calendarConfirmed: true });
  });

  it('skips the National Day holiday and counts the adjusted Saturday 2026-10-10', () => {
    // 10-10 (Sat, worked), 10-09, 10-08, [10-01 … 10-07 off], 09-30, 09-29
    expect(planReportDeadline(official, '2026-10-12')).toEqual({ date: '2026-09-29', calendarConfirmed: true });
    // Weekends alone would allow reporting as late as 10-05, a day of the holiday.
    expect(planReportDeadline(WEEKENDS_ONLY, '2026-10-12').date).toBe('2026-10-05');
  });

  it('skips Mid-Autumn (09-25) and counts the adjusted Sunday 2026-09-20 before National Day', () => {
    // 10-09 → 10-08 (1), holiday, 09-30 (2), 09-29 (3), 09-28 (4), [09-25 … 09-27 off], 09-24 (5)
    expect(planReportDeadline(official, '2026-10-09').date).toBe('2026-09-24');
    // 09-22 → 09-21 (1), 09-20 Sunday worked (2), 09-18 (3), 09-17 (4), 09-16 (5)
    expect(planReportDeadline(official, '2026-09-22').date).toBe('2026-09-16');
  });

  it('skips the Spring Festival holiday and counts the adjusted Saturday 2026-02-14', () => {
    // 02-24 → [02-15 … 02-23 off], 02-14 Saturday worked (1), 02-13, 02-12, 02-11, 02-10 (5)
    expect(planReportDeadline(official, '2026-02-24').date).toBe('2026-02-10');
    // 03-02 → 02-28 Saturday worked (1), 02-27 … 02-24 (5)
    expect(planReportDeadline(official, '2026-03-02').date).toBe('2026-02-24');
  });

  it('counts weekends only in a year with no loaded notice, and says the calendar is unconfirmed', () => {
    expect(planReportDeadline(official, '2027-01-11')).toEqual({ date: '2027-01-04', calendarConfirmed: false });
    // A deadline in a confirmed year is still unconfirmed when the walk crossed an unloaded one.
    expect(planReportDeadline(official, '2027-01-05')).toEqual({ date: '2026-12-29', calendarConfirmed: false });
  });
});

describe('result submission deadline: within 20 working days after publicity ends (公示结束后20个工作日内)', () => {
  it('skips the National Day holiday and counts the adjusted Saturday 2026-10-10', () => {
    // 10-08, 10-09, 10-10 (3), 10-12 … 10-30 (18), 11-02, 11-03 (20)
    expect(resultSubmissionDeadline(official, '2026-09-30')).toEqual({ date: '2026-11-03', calendarConfirmed: true });
    expect(resultSubmissionDeadline(WEEKENDS_ONLY, '2026-09-30').date).toBe('2026-10-28');
  });

  it('skips the Spring Festival holiday and counts the adjusted Saturdays 2026-02-14 and 02-28', () => {
    // 02-13 ends → 02-14 Sat (1), [02-15 … 02-23 off], 02-24 … 02-27 (5), 02-28 Sat (6), 03-02 … 03-19 (20)
    expect(resultSubmissionDeadline(official, '2026-02-13').date).toBe('2026-03-19');
    expect(resultSubmissionDeadline(WEEKENDS_ONLY, '2026-02-13').date).toBe('2026-03-13');
  });

  it('says calendarConfirmed: false when the 20 working days run into an unloaded year', () => {
    expect(resultSubmissionDeadline(official, '2026-12-20')).toEqual({ date: '2027-01-15', calendarConfirmed: false });
  });
});

describe('a State Council notice loaded by an authority', () => {
  it('makes a new year count its holidays and adjusted days, and confirms it', () => {
    const y2027 = {
      year: 2027,
      holidays: [
        { day: '2027-01-01', name: '元旦' },
        { day: '2027-01-04', name: '元旦' },
      ],
      adjustedWorkingDays: [{ day: '2027-01-09', name: '元旦' }],
    };
    expect(noticeProblems(y2027)).toEqual([]);
    const cal = calendarOf([...packageNotices(), y2027]);
    // 01-11 → 01-09 Saturday worked (1), 01-08, 01-07, 01-06, 01-05 (5)
    expect(planReportDeadline(cal, '2027-01-11')).toEqual({ date: '2027-01-05', calendarConfirmed: true });
  });

  it('refuses days outside its year, a day listed twice and an adjusted working day that is a weekday', () => {
    const codes = noticeProblems({
      year: 2027,
      holidays: [
        { day: '2026-12-31', name: '元旦' },
        { day: '2027-01-01', name: '元旦' },
      ],
      adjustedWorkingDays: [
        { day: '2027-01-01', name: '元旦' },
        { day: '2027-01-06', name: '元旦' },
      ],
    }).map((p) => p.code);
    expect([...new Set(codes)].sort()).toEqual(['NOTICE_DAY_TWICE', 'NOTICE_WORKDAY_NOT_WEEKEND', 'NOTICE_WRONG_YEAR']);
    expect(noticeProblems({ year: 2027, holidays: [], adjustedWorkingDays: [] }).map((p) => p.code)).toEqual([
      'NOTICE_EMPTY',
    ]);
  });
});

describe('dates', () => {
  it('adds years keeping the calendar day, 29 February to 28 February', () => {
    expect(addYears('2025-03-01', 1)).toBe('2026-03-01');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });
});
