import { applyAction, caseCommand } from './case-steps.ts';

/** 移交纪检监察或司法机关, naming the receiving body. */
export const transferCase = caseCommand<{ receivingBody: string; reason: string }>((tx, ctx, c, args) =>
  applyAction(
    tx,
    ctx,
    c,
    { kind: 'TRANSFER', receivingBody: args.receivingBody, reason: args.reason },
    (_to, day) => ({ transferredTo: args.receivingBody.trim(), transferredOn: day, closedOn: c.closedOn ?? day }),
    `移交${args.receivingBody.trim()}：${args.reason.trim()}`,
  ),
);
