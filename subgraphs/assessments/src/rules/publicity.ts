import { daysBetween } from './dates.ts';
import { problem, type Refusal } from './types.ts';

/** 公示期不少于5天（按自然日计算）, both ends counted. */
export const MIN_PUBLICITY_DAYS = 5;

export function publicityProblems(p: { startsOn: string; endsOn: string; reviewedOn: string | null }): Refusal[] {
  const out: Refusal[] = [];
  if (!p.reviewedOn) {
    out.push(problem('PUBLICITY_BEFORE_REVIEW', '评价结果须经评价工作委员会审核后方可公示', 'planId'));
  } else if (p.startsOn < p.reviewedOn) {
    out.push(
      problem(
        'PUBLICITY_BEFORE_REVIEW',
        `公示开始日期（${p.startsOn}）不得早于评价工作委员会审核日期（${p.reviewedOn}）`,
        'startsOn',
      ),
    );
  }
  const days = daysBetween(p.startsOn, p.endsOn) + 1;
  if (days < MIN_PUBLICITY_DAYS) {
    out.push(
      problem(
        'PUBLICITY_TOO_SHORT',
        `公示期不少于5天（按自然日计算）: ${p.startsOn} to ${p.endsOn} is ${Math.max(days, 0)} day(s)`,
        'endsOn',
      ),
    );
  }
  return out;
}

/** 异议 are raised during publicity. */
export function objectionWindowProblems(
  publicity: { startsOn: string | null; endsOn: string | null },
  today: string,
): Refusal[] {
  if (!publicity.startsOn || !publicity.endsOn) {
    return [problem('OBJECTION_NO_PUBLICITY', '异议针对公示的评价结果提出；本计划尚未公示', 'planId')];
  }
  if (today < publicity.startsOn || today > publicity.endsOn) {
    return [
      problem(
        'OBJECTION_OUTSIDE_PUBLICITY',
        `异议须在公示期内（${publicity.startsOn}至${publicity.endsOn}）提出；今日为${today}`,
        'planId',
      ),
    ];
  }
  return [];
}

/** 提交评价结果: after publicity has ended, with every objection handled by the committee. */
export function submissionProblems(
  publicity: { endsOn: string | null },
  openObjections: number,
  today: string,
): Refusal[] {
  const out: Refusal[] = [];
  if (!publicity.endsOn) {
    out.push(problem('RESULTS_NOT_PUBLICISED', '评价结果须经公示后方可报送', 'planId'));
  } else if (today <= publicity.endsOn) {
    out.push(
      problem('RESULTS_BEFORE_PUBLICITY_ENDS', `公示至${publicity.endsOn}，公示期满后方可报送评价结果`, 'planId'),
    );
  }
  if (openObjections > 0) {
    out.push(
      problem(
        'OPEN_OBJECTIONS',
        `尚有${openObjections}件异议待评价工作委员会处理（对公示结果有异议的，由评价工作委员会处理）`,
        'planId',
      ),
    );
  }
  return out;
}

/** Lateness of a submission against its deadline: working-day deadline, calendar-day count of days late. */
export function daysLate(submittedOn: string | null, deadline: string | null): number | null {
  if (!submittedOn || !deadline) return null;
  return Math.max(0, daysBetween(deadline, submittedOn));
}
