import { dateString } from '../change.ts';
import { applyAction, caseCommand } from './case-steps.ts';

/** 责令限期整改 with what to rectify and by when; the enterprise is notified. */
export const orderRectification = caseCommand<{ requirements: string; dueOn: Date | string }>((tx, ctx, c, args) => {
  const dueOn = dateString(args.dueOn) as string;
  return applyAction(
    tx,
    ctx,
    c,
    { kind: 'ORDER_RECTIFICATION', requirements: args.requirements, dueOn },
    (_to, day) => ({
      rectificationRequirements: args.requirements.trim(),
      rectificationDueOn: dueOn,
      notifiedOn: c.notifiedOn ?? day,
    }),
    `${args.requirements.trim()}（期限 ${dueOn}）`,
  );
});
