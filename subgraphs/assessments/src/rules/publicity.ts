import { daysBetween } from './dates.ts';
import { problem, type Refusal } from './types.ts';

/** 公示期不少于5天（按自然日计算）, both ends counted. */
export const MIN_PUBLICITY_DAYS = 5;

export function publicityProblems(p: { startsOn: string; endsOn: string; reviewedOn: string | null }): Refusal[] {
  const out: Refusal[] = [];
  if (!p.reviewedOn) {
    out.push(
      problem('PUBLICITY_BEFORE_REVIEW', '评价工作委员会 reviews the results before they are publicised', 'planId'),
    );
  } else if (p.startsOn < p.reviewedOn) {
    out.push(
      problem(
        'PUBLICITY_BEFORE_REVIEW',
        `publicity cannot start (${p.startsOn}) before the committee review (${p.reviewedOn})`,
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
    return [
      problem(
        'OBJECTION_NO_PUBLICITY',
        'objections are raised against publicised results; this plan has none',
        'planId',
      ),
    ];
  }
  if (today < publicity.startsOn || today > publicity.endsOn) {
    return [
      problem(
        'OBJECTION_OUTSIDE_PUBLICITY',
        `objections are raised during publicity (${publicity.startsOn} to ${publicity.endsOn}); today is ${today}`,
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
    out.push(problem('RESULTS_NOT_PUBLICISED', 'results are publicised before they are submitted', 'planId'));
  } else if (today <= publicity.endsOn) {
    out.push(
      problem(
        'RESULTS_BEFORE_PUBLICITY_ENDS',
        `publicity runs until ${publicity.endsOn}; results are submitted after it ends`,
        'planId',
      ),
    );
  }
  if (openObjections > 0) {
    out.push(
      problem(
        'OPEN_OBJECTIONS',
        `${openObjections} objection(s) await the committee’s decision (对公示结果有异议的，由评价工作委员会处理)`,
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
