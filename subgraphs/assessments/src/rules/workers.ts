import { problem, type Refusal } from './types.ts';

/**
 * 职工信息 as the institution records it: a name, and the employer (用人单位) given whole — its
 * credit code and its name — or not at all (then it is the institution itself). registerWorker and
 * the bulk import check each worker by this rule.
 */
export function workerEntryProblems(w: {
  name?: string | null;
  employerCreditCode?: string | null;
  employerName?: string | null;
}): Refusal[] {
  const out: Refusal[] = [];
  if (!w.name?.trim()) out.push(problem('WORKER_NAME_MISSING', '职工须有姓名', 'name'));
  if (!!w.employerCreditCode?.trim() !== !!w.employerName?.trim()) {
    out.push(
      problem('WORKER_EMPLOYER_INCOMPLETE', '用人单位的统一社会信用代码和名称须同时填写或同时不填', 'employerName'),
    );
  }
  return out;
}

export const WORKER_ALREADY_RECORDED = problem('WORKER_ALREADY_RECORDED', '本机构已登记此人', 'residentId');
