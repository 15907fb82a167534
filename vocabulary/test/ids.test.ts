import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckChar,
  creditCodeProblem,
  isValidCreditCode,
  makeCreditCode,
  orgCodeCheckChar,
} from '../src/credit-code.ts';
import { maskName } from '../src/mask.ts';
import { isValidResidentId, maskResidentId, residentIdCheckChar, residentIdProblem } from '../src/resident-id.ts';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts published example codes', () => {
    // Widely published sample codes whose check characters are known to be right.
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91110000600037341L')).toBe(true);
  });

  it('computes the check character over the first 17 characters', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('refuses a code whose last character is off by one', () => {
    expect(creditCodeProblem('91350100M000100Y44')).toBe('CHECK_CHARACTER');
  });

  it('refuses wrong shapes: length, lower case, letters the standard excludes (I O S V Z)', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('SHAPE');
    expect(creditCodeProblem('91350100m000100y43')).toBe('SHAPE');
    expect(creditCodeProblem('91350100M0001O0Y43')).toBe('SHAPE');
    expect(creditCodeProblem('9135010OM000100Y43')).toBe('SHAPE'); // division must be digits
  });

  it('builds valid codes with the GB 11714 organisation check character', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    const code = makeCreditCode('9', '1', '430100', 'MA4L16JG');
    expect(code).toHaveLength(18);
    expect(isValidCreditCode(code)).toBe(true);
  });
});

describe('公民身份号码 (GB 11643-1999)', () => {
  it('accepts the standard’s own example and computes X as a check character', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });

  it('refuses a wrong check digit, an impossible birth date and a wrong shape', () => {
    expect(residentIdProblem('110105194912310021')).toBe('CHECK_DIGIT');
    expect(residentIdProblem('110105194902300021')).toBe('BIRTH_DATE'); // 30 February
    expect(residentIdProblem('11010519491231002')).toBe('SHAPE');
  });

  it('masks all but the first three and last two characters', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110*************2X');
  });
});

describe('masking names for the public', () => {
  it('keeps the first and last characters (张*三), and only the first of a two-character name', () => {
    expect(maskName('张小三')).toBe('张*三');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('王')).toBe('*');
  });
});
