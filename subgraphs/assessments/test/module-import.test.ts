import { describe, expect, it } from 'vitest';
import { moduleOf, moduleScoreRowProblems } from '../src/rules/module-import.ts';

/** 模块评分导入 rows on their own (#25 point 3): what a sheet row must carry before it is looked up. */

const codes = (r: { code: string }[]) => r.map((p) => p.code).sort();
const rid = '430102199306120419';

describe('a module score row', () => {
  it('takes a resident ID, an assessor, a module, a score and a real day (or none: today)', () => {
    const row = { residentId: rid, assessorName: '周考评', module: '设备维护', score: 80 };
    expect(moduleScoreRowProblems(row)).toEqual([]);
    expect(moduleScoreRowProblems({ ...row, assessedOn: '2027年6月25日' })).toEqual([]);
    expect(codes(moduleScoreRowProblems({ ...row, assessedOn: '2027-02-30' }))).toEqual(['MODULE_SCORE_DATE']);
  });

  it('names every missing field', () => {
    expect(codes(moduleScoreRowProblems({ residentId: rid }))).toEqual([
      'ASSESSOR_MISSING',
      'MODULE_MISSING',
      'SCORE_MISSING',
    ]);
  });

  it('finds the module by name, spaces ignored', () => {
    const modules = [
      { id: 'a', name: '安全操作' },
      { id: 'b', name: '设备维护' },
    ];
    expect(moduleOf(' 设备 维护', modules)?.id).toBe('b');
    expect(moduleOf('故障排除', modules)).toBeNull();
  });
});
