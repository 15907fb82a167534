import { applyAction, caseCommand } from './case-steps.ts';

/** 升级处理 with its reason; the enterprise is notified. */
export const escalateCase = caseCommand<{ reason: string }>((tx, ctx, c, args) =>
  applyAction(
    tx,
    ctx,
    c,
    { kind: 'ESCALATE', reason: args.reason },
    (_to, day) => ({ escalatedOn: day, escalationReason: args.reason.trim(), notifiedOn: c.notifiedOn ?? day }),
    args.reason.trim(),
  ),
);
