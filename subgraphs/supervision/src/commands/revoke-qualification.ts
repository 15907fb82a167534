import { applyQualificationDecision } from '@hub/db';
import { actorOf, stop } from '../change.ts';
import { applyAction, caseCommand } from './case-steps.ts';

/** 取消备案资质: the enterprises domain revokes the filing in the same transaction. */
export const revokeQualification = caseCommand<{ reason: string }>(async (tx, ctx, c, args) => {
  const updated = await applyAction(
    tx,
    ctx,
    c,
    { kind: 'REVOKE_QUALIFICATION', reason: args.reason },
    (_to, day) => ({ revokedOn: day, closedOn: day, notifiedOn: c.notifiedOn ?? day }),
    args.reason.trim(),
  );
  const outcome = await applyQualificationDecision(tx, {
    enterpriseId: c.enterpriseId,
    action: 'REVOKE',
    reference: `case:${c.id}`,
    reason: args.reason.trim(),
    actor: actorOf(ctx.caller),
    actorRole: ctx.caller.role,
    at: ctx.clock.now(),
  });
  if (!outcome.ok) stop(outcome.code, `取消备案资质 refused by the enterprises domain: ${outcome.message}`);
  return updated;
});
