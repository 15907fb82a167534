import { addYears } from './dates.ts';
import { problem, type Refusal } from './types.ts';

/**
 * 档案: the process records of a plan are kept for its retention period after the
 * results are submitted; only then may they be destroyed, and only with a ledger
 * entry (保存期满需要销毁的，应进行台账登记后统一销毁).
 */
export function retainedUntil(resultsSubmittedOn: string | null, retentionYears: number): string | null {
  return resultsSubmittedOn ? addYears(resultsSubmittedOn, retentionYears) : null;
}

export function destructionProblems(p: {
  resultsSubmittedOn: string | null;
  retentionYears: number;
  alreadyDestroyed: boolean;
  entry: string;
  today: string;
}): Refusal[] {
  const out: Refusal[] = [];
  const until = retainedUntil(p.resultsSubmittedOn, p.retentionYears);
  if (p.alreadyDestroyed) out.push(problem('ARCHIVE_ALREADY_DESTROYED', '这些档案已销毁', 'planId'));
  if (!until) {
    out.push(problem('ARCHIVE_PLAN_OPEN', '评价结果尚未报送，本计划档案仍在使用中', 'planId'));
  } else if (p.today < until) {
    out.push(problem('ARCHIVE_RETENTION_NOT_OVER', `保存期未满：档案保存至${until}`, 'planId'));
  }
  if (p.entry.trim().length < 10) {
    out.push(problem('ARCHIVE_LEDGER_ENTRY_MISSING', '销毁前应进行台账登记：写明销毁的内容、方式和经办人', 'entry'));
  }
  return out;
}
