import { describe, expect, it } from 'vitest';
import {
  employmentEndedProblems,
  type WorkerRecordFacts,
  type WorkerRecordUpdate,
  workerRecordUpdate,
} from '../src/rules/worker-record.ts';

/** 职工信息变更: what a correction or the end of an employment changes, and when a worker is no longer put forward. */

const worker: WorkerRecordFacts = {
  name: '张山',
  employedSince: '2015-03-01',
  employmentEndedOn: null,
  dispatched: false,
  employerCreditCode: '91430100MA4L000001',
  employerName: '湖南示范机械有限公司',
};
const update = (u: Omit<WorkerRecordUpdate, 'reason'> & { reason?: string }) =>
  workerRecordUpdate(worker, { reason: '依据身份证件更正', ...u });
const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code).sort();

describe('职工信息变更 (worker record changes)', () => {
  it('corrects a name: the history keeps the name before and after', () => {
    const r = update({ name: ' 张珊 ' });
    expect(r.problems).toEqual([]);
    expect(r.next.name).toBe('张珊');
    expect(r.changes).toEqual([{ field: 'NAME', previousValue: '张山', newValue: '张珊' }]);
  });

  it('records the end of the employment, and clears it again with an explicit null', () => {
    const ended = update({ employmentEndedOn: '2026-06-30', reason: '劳动合同期满终止' });
    expect(ended.changes).toEqual([{ field: 'EMPLOYMENT_ENDED', previousValue: null, newValue: '2026-06-30' }]);
    const back = workerRecordUpdate(ended.next, { employmentEndedOn: null, reason: '误录离职，予以撤销' });
    expect(back.changes).toEqual([{ field: 'EMPLOYMENT_ENDED', previousValue: '2026-06-30', newValue: null }]);
    // Left out, the end stays.
    expect(workerRecordUpdate(ended.next, { dispatched: true, reason: '派遣关系更正' }).next.employmentEndedOn).toBe(
      '2026-06-30',
    );
  });

  it('lists every field changed at once, as text (是/否, 名称（信用代码）), and none that stayed', () => {
    const r = update({
      name: '张山',
      employedSince: '2015-04-01',
      dispatched: true,
      employerCreditCode: '91430100MA4L000002',
      employerName: '湖南示范劳务有限公司',
    });
    expect(r.problems).toEqual([]);
    expect(r.changes).toEqual([
      { field: 'EMPLOYED_SINCE', previousValue: '2015-03-01', newValue: '2015-04-01' },
      { field: 'DISPATCHED', previousValue: '否', newValue: '是' },
      {
        field: 'EMPLOYER',
        previousValue: '湖南示范机械有限公司（91430100MA4L000001）',
        newValue: '湖南示范劳务有限公司（91430100MA4L000002）',
      },
    ]);
  });

  it('refuses an empty name, half an employer, an end before the start, nothing to change, and no reason', () => {
    expect(codes(update({ name: '  ' }))).toEqual(['WORKER_NAME_MISSING']);
    expect(codes(update({ employerName: '另一单位' }))).toEqual(['WORKER_EMPLOYER_INCOMPLETE']);
    expect(codes(update({ employmentEndedOn: '2015-02-28' }))).toEqual(['WORKER_ENDED_BEFORE_EMPLOYED']);
    const ended = { ...worker, employmentEndedOn: '2020-01-31' };
    const late = workerRecordUpdate(ended, { employedSince: '2020-02-01', reason: '入职日期更正' });
    expect(late.problems.map((p) => [p.code, p.field])).toEqual([['WORKER_ENDED_BEFORE_EMPLOYED', 'employedSince']]);
    expect(codes(update({ name: '张山' }))).toEqual(['WORKER_RECORD_UNCHANGED']);
    expect(codes(update({ name: '张珊', reason: '更正' }))).toEqual(['CHANGE_REASON_MISSING']);
  });
});

describe('离职人员 (a worker whose employment ended)', () => {
  it('is not put forward for a plan evaluated after the last day, but may be on that day or before', () => {
    const ended = { employmentEndedOn: '2026-06-30' };
    expect(employmentEndedProblems(ended, '2026-06-30')).toEqual([]);
    expect(employmentEndedProblems(ended, '2026-05-20')).toEqual([]);
    const after = employmentEndedProblems(ended, '2026-07-01');
    expect(after.map((p) => [p.code, p.field])).toEqual([['CANDIDATE_EMPLOYMENT_ENDED', 'workerId']]);
    expect(after[0]?.message).toContain('2026-06-30');
    expect(employmentEndedProblems({ employmentEndedOn: null }, '2030-01-01')).toEqual([]);
  });
});
