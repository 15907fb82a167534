import { applyAction, caseCommand } from './case-steps.ts';

/** 结案 with its conclusion. */
export const closeCase = caseCommand<{ conclusion: string }>((tx, ctx, c, args) =>
  applyAction(
    tx,
    ctx,
    c,
    { kind: 'CLOSE', conclusion: args.conclusion },
    (_to, day) => ({ conclusion: args.conclusion.trim(), closedOn: c.closedOn ?? day }),
    args.conclusion.trim(),
  ),
);
