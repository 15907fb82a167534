import { describe, expect, it } from 'vitest';
import {
  CHECK_CODE_ALPHABET,
  CHECK_CODE_LENGTH,
  checkCodeFrom,
  checkCodeHash,
  checkCodeMatches,
  DEFAULT_COMPLAINT_HANDLING_DAYS,
  handlingDueOn,
  isOverdue,
  normaliseReceiptNumber,
  receiptNumber,
} from '../src/rules/complaint.ts';

describe('受理编号 a person can read out (#24 point 14)', () => {
  it('is TS, the day of receipt and the day’s sequence of at least 4 digits', () => {
    expect(receiptNumber('2026-12-07', 1)).toBe('TS202612070001');
    expect(receiptNumber('2026-12-07', 10_000)).toBe('TS2026120710000');
    expect(() => receiptNumber('2026-12-07', 0)).toThrow();
  });

  it('reads a number back as typed or read out, with spaces, hyphens or lower case', () => {
    expect(normaliseReceiptNumber(' ts 20261207-0001 ')).toBe('TS202612070001');
    expect(normaliseReceiptNumber('3f2a9c1e-0000-4000-8000-000000000000')).toBeNull();
    expect(normaliseReceiptNumber('TS2026120')).toBeNull();
  });
});

describe('查询码', () => {
  it('has 8 characters without the look-alikes 0/O and 1/I', () => {
    const code = checkCodeFrom(Uint8Array.from({ length: 16 }, (_, i) => i * 37));
    expect(code).toHaveLength(CHECK_CODE_LENGTH);
    expect(new Set(CHECK_CODE_ALPHABET).size).toBe(32);
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]+$/);
  });

  it('matches only with its own receipt number, as typed in any case', () => {
    const hash = checkCodeHash('TS202612070001', 'K7QM2XPA');
    expect(checkCodeMatches('TS202612070001', 'k7qm 2xpa', hash)).toBe(true);
    expect(checkCodeMatches('TS202612070002', 'K7QM2XPA', hash)).toBe(false);
    expect(checkCodeMatches('TS202612070001', 'K7QM2XPB', hash)).toBe(false);
    expect(checkCodeMatches('TS202612070001', 'K7QM2XPA', null)).toBe(false);
  });
});

describe('办理期限 (及时调查核实处理)', () => {
  it('falls 30 calendar days after receipt by default, or as configured', () => {
    expect(DEFAULT_COMPLAINT_HANDLING_DAYS).toBe(30);
    expect(handlingDueOn('2026-12-07')).toBe('2027-01-06');
    expect(handlingDueOn('2024-02-20', 10)).toBe('2024-03-01');
  });

  it('is overdue only while still open after its day', () => {
    const due = '2027-01-06';
    expect(isOverdue({ status: 'RECEIVED', handlingDueOn: due }, '2027-01-06')).toBe(false);
    expect(isOverdue({ status: 'RECEIVED', handlingDueOn: due }, '2027-01-07')).toBe(true);
    expect(isOverdue({ status: 'ACCEPTED', handlingDueOn: due }, '2027-01-07')).toBe(true);
    expect(isOverdue({ status: 'DISMISSED', handlingDueOn: due }, '2027-01-07')).toBe(false);
    expect(isOverdue({ status: 'CONVERTED', handlingDueOn: due }, '2027-01-07')).toBe(false);
    expect(isOverdue({ status: 'RECEIVED', handlingDueOn: null }, '2027-01-07')).toBe(false);
  });
});
