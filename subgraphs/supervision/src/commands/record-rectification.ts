import { applyAction, caseCommand } from './case-steps.ts';

/** 整改到位, verified on or before the deadline. */
export const recordRectification = caseCommand<{ report: string }>((tx, ctx, c, args) =>
  applyAction(
    tx,
    ctx,
    c,
    { kind: 'RECORD_RECTIFICATION', report: args.report },
    (_to, day) => ({ rectificationReport: args.report.trim(), rectifiedOn: day }),
    args.report.trim(),
  ),
);
