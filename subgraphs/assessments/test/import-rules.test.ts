import { residentIdCheckChar } from '@hub/vocabulary';
import { describe, expect, it } from 'vitest';
import {
  assessorOf,
  calendarDay,
  candidateRowProblems,
  creditCodeRefusal,
  importRefusal,
  importSizeProblems,
  MAX_IMPORT_ROWS,
  nameMismatch,
  repeatedRows,
  residentIdRefusal,
  rowNumbers,
  rowProblems,
  scoreRowProblems,
  workerRowProblems,
} from '../src/rules/import.ts';
import { workerEntryProblems } from '../src/rules/workers.ts';

const codes = (ps: { code: string }[]) => ps.map((p) => p.code).sort();
const rid = (seq: number) => {
  const first17 = `43010219900101${String(seq).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
};
/** The same ID with its check character changed: the commonest typing slip. */
const wrongCheck = (id: string) => id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');
const TODAY = '2026-12-07';

describe('批量导入: the rows one by one', () => {
  it('checks resident IDs by their GB 11643 check character, shape and birth date', () => {
    expect(residentIdRefusal(rid(1))).toBeNull();
    expect(residentIdRefusal(` ${rid(1).toLowerCase()} `)).toBeNull();
    expect(residentIdRefusal(wrongCheck(rid(1)))?.code).toBe('RESIDENT_ID_INVALID');
    expect(residentIdRefusal(wrongCheck(rid(1)))?.message).toContain('GB 11643');
    expect(residentIdRefusal('43010219900101123')?.code).toBe('RESIDENT_ID_INVALID');
    expect(residentIdRefusal('430102199002301234')?.message).toContain('出生日期');
    expect(residentIdRefusal('')?.code).toBe('RESIDENT_ID_MISSING');
    expect(residentIdRefusal(null)?.field).toBe('residentId');
  });

  it('checks credit codes by their GB 32100 check character, when given', () => {
    expect(creditCodeRefusal('91430100MA4L0K3D3G', 'employerCreditCode')).toBeNull();
    expect(creditCodeRefusal('91430100MA4L0K3D3H', 'employerCreditCode')?.code).toBe('CREDIT_CODE_INVALID');
    expect(creditCodeRefusal('9143010OMA4L0K3D3G', 'employerCreditCode')?.message).toContain('18 位');
    expect(creditCodeRefusal(null, 'employerCreditCode')).toBeNull();
  });

  it('reads the dates people type, and only real days', () => {
    expect(calendarDay('2020-03-01')).toBe('2020-03-01');
    expect(calendarDay('2020/3/1')).toBe('2020-03-01');
    expect(calendarDay('2020.3.1')).toBe('2020-03-01');
    expect(calendarDay('2020年3月1日')).toBe('2020-03-01');
    expect(calendarDay('2021-02-29')).toBeNull();
    expect(calendarDay('去年三月')).toBeNull();
    expect(calendarDay('')).toBeNull();
  });

  it('holds a worker row to registerWorker’s rules and bounds, and says every problem of the row', () => {
    const ok = { name: '张三', residentId: rid(1), employedSince: '2020-03-01' };
    expect(workerRowProblems(ok, TODAY)).toEqual([]);
    expect(
      codes(
        workerRowProblems(
          { name: ' ', residentId: wrongCheck(rid(1)), employedSince: '2020-02-30', employerName: '某公司' },
          TODAY,
        ),
      ),
    ).toEqual(['DATE_INVALID', 'RESIDENT_ID_INVALID', 'WORKER_EMPLOYER_INCOMPLETE', 'WORKER_NAME_MISSING']);
    // The single-row bounds: 姓名 ≤ 50, 入职 between 1950 and today.
    expect(codes(workerRowProblems({ ...ok, name: '长'.repeat(51) }, TODAY))).toEqual(['TOO_LONG']);
    expect(workerRowProblems({ ...ok, employedSince: '2027-01-04' }, TODAY)).toEqual([
      expect.objectContaining({ code: 'DATE_OUT_OF_RANGE', field: 'employedSince' }),
    ]);
    expect(codes(workerRowProblems({ ...ok, employedSince: null }, TODAY))).toEqual(['EMPLOYED_SINCE_MISSING']);
    expect(
      codes(workerRowProblems({ ...ok, employerCreditCode: '91430100MA4L0K3D3H', employerName: '某公司' }, TODAY)),
    ).toEqual(['CREDIT_CODE_INVALID']);
    // registerWorker's own rule, one function for both.
    expect(codes(workerEntryProblems({ name: '张三', employerCreditCode: '91430100MA4L0K3D3G' }))).toEqual([
      'WORKER_EMPLOYER_INCOMPLETE',
    ]);
  });

  it('wants a candidate row’s name, and 破格 particulars only with a ground', () => {
    expect(candidateRowProblems({ residentId: rid(1), name: '张三' })).toEqual([]);
    expect(codes(candidateRowProblems({ residentId: rid(1) }))).toEqual(['WORKER_NAME_MISSING']);
    expect(
      codes(candidateRowProblems({ residentId: rid(1), name: '张三', exceptionalDetail: '获省级奖励若干项' })),
    ).toEqual(['EXCEPTIONAL_GROUND_MISSING']);
    expect(nameMismatch('张 三', '张三')).toBeNull();
    expect(nameMismatch('李四', '张三')?.code).toBe('WORKER_NAME_MISMATCH');
  });

  it('wants a score row’s candidate, assessor, part and score', () => {
    expect(scoreRowProblems({ residentId: rid(1), assessorName: '王考评', part: 'SKILL', score: 80 })).toEqual([]);
    expect(codes(scoreRowProblems({ residentId: rid(1) }))).toEqual([
      'ASSESSOR_MISSING',
      'SCORE_MISSING',
      'SCORE_PART_MISSING',
    ]);
    expect(scoreRowProblems({ residentId: rid(1), assessorName: 'x', part: 'SKILL', score: 0 })).toEqual([]);
  });

  it('finds a plan’s 考评员 by name or id, and refuses a name two of them share or none has', () => {
    const staff = [
      { assessorId: 'a1', name: '王考评' },
      { assessorId: 'a2', name: '李考评' },
      { assessorId: 'a3', name: '李考评' },
    ];
    expect(assessorOf('王考评', staff)).toEqual({ assessorId: 'a1' });
    expect(assessorOf('a3', staff)).toEqual({ assessorId: 'a3' });
    expect(assessorOf('李考评', staff)).toMatchObject({ problem: { code: 'ASSESSOR_NAME_AMBIGUOUS' } });
    expect(assessorOf('赵考评', staff)).toMatchObject({ problem: { code: 'SCORE_ASSESSOR_NOT_ON_PLAN' } });
  });
});

describe('批量导入: the file as a whole', () => {
  it('names each row that repeats an earlier one, with the first row it repeats', () => {
    const repeated = repeatedRows([
      { row: 2, key: 'a' },
      { row: 3, key: 'b' },
      { row: 4, key: 'a' },
      { row: 5, key: null },
      { row: 6, key: null },
      { row: 7, key: 'a' },
    ]);
    expect([...repeated]).toEqual([
      [4, 2],
      [7, 2],
    ]);
  });

  it('takes 1 to 10,000 rows', () => {
    expect(codes(importSizeProblems(0))).toEqual(['IMPORT_EMPTY']);
    expect(importSizeProblems(MAX_IMPORT_ROWS)).toEqual([]);
    expect(codes(importSizeProblems(MAX_IMPORT_ROWS + 1))).toEqual(['IMPORT_TOO_MANY_ROWS']);
  });

  it('numbers rows as given, else by place; renames a command’s fields to the row’s; counts refused rows', () => {
    expect(rowNumbers([{ row: 7 }, {}, { row: null }])).toEqual([7, 2, 3]);
    const ps = rowProblems(9, [{ code: 'X', message: 'm', field: 'workerId' }], { workerId: 'residentId' });
    expect(ps).toEqual([{ row: 9, field: 'residentId', code: 'X', message: 'm' }]);
    const refusal = importRefusal([
      ...ps,
      { ...ps[0], code: 'Y' } as (typeof ps)[0],
      { row: 12, field: null, code: 'Z', message: '' },
    ]);
    expect(refusal).toMatchObject({ code: 'IMPORT_REFUSED', field: 'rows' });
    expect(refusal.message).toContain('2 行有误（共 3 处）');
  });
});
