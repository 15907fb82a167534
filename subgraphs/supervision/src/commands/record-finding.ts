import { caseFindings } from '@hub/db';
import { actorOf } from '../change.ts';
import { applyAction, caseCommand, type ViolationValue } from './case-steps.ts';

export interface FindingArgs {
  input: { violationType: ViolationValue; description: string; evidence: readonly string[] };
}

/** Records a finding with its evidence; its violation type joins the case's. */
export const recordFinding = caseCommand<FindingArgs>(async (tx, ctx, c, { input }) => {
  const evidence = input.evidence.map((e) => e.trim()).filter(Boolean);
  const updated = await applyAction(
    tx,
    ctx,
    c,
    { kind: 'RECORD_FINDING', description: input.description, evidence },
    () => ({ violationTypes: [...new Set([...c.violationTypes, input.violationType])] }),
    input.description.trim(),
  );
  await tx.insert(caseFindings).values({
    caseId: c.id,
    violationType: input.violationType,
    description: input.description.trim(),
    evidence,
    recordedBy: actorOf(ctx.caller),
    recordedRole: ctx.caller.role,
  });
  return updated;
});
