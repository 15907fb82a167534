/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015.
 *
 * 18 characters: registration authority (1), organisation kind (1), administrative
 * division (6), organisation code (9, itself ending in a GB 11714 check character),
 * and a final check character over the first 17.
 */

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'; // 31 characters: no I, O, S, V, Z
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The GB 32100 check character for the first 17 characters. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17.charAt(i));
    if (v < 0) throw new RangeError(`invalid character ${first17.charAt(i)}`);
    sum += v * (WEIGHTS[i] as number);
  }
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** The GB 11714 check character of the 8-character organisation code body. */
export function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body8.charAt(i);
    const v = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55; // A=10 … Z=35
    sum += v * (ORG_WEIGHTS[i] as number);
  }
  const r = 11 - (sum % 11);
  return r === 10 ? 'X' : r === 11 ? '0' : String(r);
}

export type CreditCodeProblem = 'SHAPE' | 'CHECK_CHARACTER';

/** Null when the code is valid, otherwise what is wrong with it. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (!SHAPE.test(code)) return 'SHAPE';
  return creditCodeCheckChar(code.slice(0, 17)) === code.charAt(17) ? null : 'CHECK_CHARACTER';
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

/** Builds a valid code from its parts; the organisation-code and final check characters are computed. */
export function makeCreditCode(authority: string, kind: string, division: string, orgBody8: string): string {
  const first17 = `${authority}${kind}${division}${orgBody8}${orgCodeCheckChar(orgBody8)}`;
  return first17 + creditCodeCheckChar(first17);
}
