/**
 * 公民身份号码 (resident identity number), GB 11643-1999: 17 digits and an
 * ISO 7064 MOD 11-2 check character (0-9 or X).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (WEIGHTS[i] as number);
  return CHECK.charAt(sum % 11);
}

export type ResidentIdProblem = 'SHAPE' | 'BIRTH_DATE' | 'CHECK_DIGIT';

export function residentIdProblem(id: string): ResidentIdProblem | null {
  if (!/^\d{17}[\dX]$/.test(id)) return 'SHAPE';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d || birth.getTime() > Date.now()) {
    return 'BIRTH_DATE';
  }
  return residentIdCheckChar(id.slice(0, 17)) === id.charAt(17) ? null : 'CHECK_DIGIT';
}

export function isValidResidentId(id: string): boolean {
  return residentIdProblem(id) === null;
}

/** Masks all but the first 3 and last 2 characters: 430***********123X → 430*************3X. */
export function maskResidentId(id: string): string {
  return id.length < 6 ? '*'.repeat(id.length) : `${id.slice(0, 3)}${'*'.repeat(id.length - 5)}${id.slice(-2)}`;
}
