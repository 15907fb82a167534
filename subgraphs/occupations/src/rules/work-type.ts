/**
 * 工种 codes: the occupation code plus one two-digit segment (6-18-02-04 → 6-18-02-04-01).
 */
export const WORK_TYPE_CODE = /^(\d-\d{2}-\d{2}-\d{2})-(\d{2})$/;

/** The next free work-type code under an occupation: one past the highest in use (01 first). */
export function nextWorkTypeCode(occupationCode: string, existing: readonly string[]): string | null {
  let max = 0;
  for (const c of existing) {
    const m = WORK_TYPE_CODE.exec(c);
    if (m && m[1] === occupationCode) max = Math.max(max, Number(m[2]));
  }
  return max >= 99 ? null : `${occupationCode}-${String(max + 1).padStart(2, '0')}`;
}

/** Why a requested work-type code cannot be used under this occupation, or null. */
export function workTypeCodeProblem(code: string, occupationCode: string): string | null {
  const m = WORK_TYPE_CODE.exec(code);
  if (!m) return `a work-type code is the occupation code plus two digits, e.g. ${occupationCode}-01`;
  if (m[1] !== occupationCode) return `work type ${code} does not belong to occupation ${occupationCode}`;
  if (m[2] === '00') return 'the two digits of a work-type code run from 01 to 99';
  return null;
}

/** Why a work-type name cannot be used, or null: 2–30 characters, Chinese or Latin letters and digits. */
export function workTypeNameProblem(name: string): string | null {
  const n = name.trim();
  const length = [...n].length;
  if (length < 2 || length > 30) return 'a work-type name has 2–30 characters';
  if (!/^[\p{L}\p{N}（）()、·/\- ]+$/u.test(n)) return 'a work-type name has letters, digits and brackets only';
  return null;
}
