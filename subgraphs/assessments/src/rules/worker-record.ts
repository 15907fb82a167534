import { reasonProblems } from './changes.ts';
import { problem, type Refusal } from './types.ts';
import { workerEntryProblems } from './workers.ts';

/**
 * 职工信息变更: a worker record is corrected or brought up to date after it was made — the name
 * (姓名更正), the 入职日期, 劳务派遣 or not, the employer, and the end of the employment (离职) —
 * each change with its reason, kept in the record's history with the value before and after.
 * The 公民身份号码 is not among them: it is how the person is found (certificates, levels held), so
 * a wrong one means a record of someone else, not a correction.
 */

export type WorkerRecordField = 'NAME' | 'EMPLOYED_SINCE' | 'EMPLOYMENT_ENDED' | 'DISPATCHED' | 'EMPLOYER';

export interface WorkerRecordFacts {
  name: string;
  employedSince: string;
  employmentEndedOn: string | null;
  dispatched: boolean;
  employerCreditCode: string;
  employerName: string;
}

/**
 * What the institution asks to change. A field left out (undefined) stays; `employmentEndedOn: null`
 * clears the end of the employment (recorded by mistake, or the worker came back); the employer is
 * given whole (credit code and name) or not at all.
 */
export interface WorkerRecordUpdate {
  name?: string | null;
  employedSince?: string | null;
  employmentEndedOn?: string | null;
  dispatched?: boolean | null;
  employerCreditCode?: string | null;
  employerName?: string | null;
  reason: string;
}

export interface WorkerRecordChange {
  field: WorkerRecordField;
  previousValue: string | null;
  newValue: string | null;
}

const yesNo = (b: boolean) => (b ? '是' : '否');
const employer = (w: Pick<WorkerRecordFacts, 'employerName' | 'employerCreditCode'>) =>
  `${w.employerName}（${w.employerCreditCode}）`;

/** The record after the update, each field that changed (before and after, as text), or why not. */
export function workerRecordUpdate(
  current: WorkerRecordFacts,
  update: WorkerRecordUpdate,
): { next: WorkerRecordFacts; changes: WorkerRecordChange[]; problems: Refusal[] } {
  const next: WorkerRecordFacts = {
    name: update.name != null ? update.name.trim() : current.name,
    employedSince: update.employedSince ?? current.employedSince,
    employmentEndedOn: update.employmentEndedOn !== undefined ? update.employmentEndedOn : current.employmentEndedOn,
    dispatched: update.dispatched ?? current.dispatched,
    employerCreditCode: update.employerCreditCode?.trim() || current.employerCreditCode,
    employerName: update.employerName?.trim() || current.employerName,
  };
  const problems: Refusal[] = workerEntryProblems({
    name: next.name,
    employerCreditCode: update.employerCreditCode,
    employerName: update.employerName,
  });
  if (next.employmentEndedOn && next.employmentEndedOn < next.employedSince) {
    problems.push(
      problem(
        'WORKER_ENDED_BEFORE_EMPLOYED',
        `离职日期 ${next.employmentEndedOn} 早于入职日期 ${next.employedSince}`,
        update.employmentEndedOn !== undefined ? 'employmentEndedOn' : 'employedSince',
      ),
    );
  }
  const changes: WorkerRecordChange[] = [];
  const changed = (field: WorkerRecordField, previousValue: string | null, newValue: string | null) => {
    if (previousValue !== newValue) changes.push({ field, previousValue, newValue });
  };
  changed('NAME', current.name, next.name);
  changed('EMPLOYED_SINCE', current.employedSince, next.employedSince);
  changed('EMPLOYMENT_ENDED', current.employmentEndedOn, next.employmentEndedOn);
  changed('DISPATCHED', yesNo(current.dispatched), yesNo(next.dispatched));
  changed('EMPLOYER', employer(current), employer(next));
  if (!changes.length && !problems.length) {
    problems.push(problem('WORKER_RECORD_UNCHANGED', '职工信息没有变化：请给出要更正的内容', 'workerId'));
  }
  problems.push(...reasonProblems(update.reason));
  return { next, changes, problems };
}

/**
 * 离职人员: a worker whose employment ended is not put forward for a plan evaluated after the last
 * day of it (an evaluation on that day still counts); candidacies and results from before stay.
 */
export function employmentEndedProblems(
  worker: { employmentEndedOn: string | null },
  evaluationDate: string,
  field = 'workerId',
): Refusal[] {
  if (!worker.employmentEndedOn || evaluationDate <= worker.employmentEndedOn) return [];
  return [
    problem(
      'CANDIDATE_EMPLOYMENT_ENDED',
      `该职工已于 ${worker.employmentEndedOn} 离职，不能参加 ${evaluationDate} 的评价`,
      field,
    ),
  ];
}
