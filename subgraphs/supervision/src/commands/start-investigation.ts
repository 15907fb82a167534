import { applyAction, caseCommand } from './case-steps.ts';

/** 开始调查核实: OPEN → INVESTIGATING. */
export const startInvestigation = caseCommand<{ note?: string | null }>((tx, ctx, c, args) =>
  applyAction(tx, ctx, c, { kind: 'START_INVESTIGATION' }, () => ({}), args.note ?? null),
);
