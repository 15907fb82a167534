import { refuseAll, transact } from '@hub/db';
import { isRefusal, withdrawRefusal } from '../rules/workflow.ts';
import { type CommandContext, lockFiling, moveFiling } from './filing-steps.ts';

/** withdrawFiling (撤回): the enterprise takes its filing back before a decision; it stays in the history. */
export function withdrawFiling(
  ctx: CommandContext,
  args: { id: string; reason?: string | null; expectedVersion?: number | null },
) {
  const reason = args.reason?.trim() || null;
  return transact(ctx.db, async (tx) => {
    const { filing, enterprise } = await lockFiling(tx, args.id, args.expectedVersion);
    const refusal = withdrawRefusal(
      { ...filing, affiliation: enterprise.affiliation, prefectureCode: enterprise.prefectureCode },
      ctx.caller,
      reason,
    );
    if (isRefusal(refusal)) refuseAll([refusal]);
    return moveFiling(tx, filing, 'WITHDRAWN', ctx, reason ? `企业撤回：${reason}` : '企业撤回。');
  });
}
