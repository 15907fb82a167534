import { problem, type Refusal } from './types.ts';

/**
 * 特级技师 / 首席技师 评聘: a post held for a term, given to a 一级/高级技师 of
 * the occupation (具有高级技师等级的高技能领军人才).
 */
export function appointmentProblems(a: {
  heldLevels: readonly number[];
  termStartsOn: string;
  termEndsOn: string;
  ownWorker: boolean;
}): Refusal[] {
  const out: Refusal[] = [];
  if (!a.ownWorker) {
    out.push(problem('APPOINTMENT_NOT_OWN_WORKER', '特级技师、首席技师由职工所在企业聘任', 'workerId'));
  }
  if (!a.heldLevels.includes(1)) {
    out.push(
      problem(
        'APPOINTMENT_NEEDS_LEVEL_1',
        '特级技师、首席技师 are appointed from holders of 一级/高级技师 in the occupation',
        'occupationCode',
      ),
    );
  }
  if (a.termEndsOn <= a.termStartsOn) {
    out.push(problem('APPOINTMENT_TERM', '聘期结束日期须晚于开始日期', 'termEndsOn'));
  }
  return out;
}
