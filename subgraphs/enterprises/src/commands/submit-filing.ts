import { filingScopes, filingServedParties, refuseAll, transact } from '@hub/db';
import { eq } from 'drizzle-orm';
import { submissionRefusals } from '../rules/filing-input.ts';
import { leadingGroundsSubmissionRefusals } from '../rules/leading-grounds.ts';
import { scopeRefusals } from '../rules/scope.ts';
import { editRefusal } from '../rules/workflow.ts';
import { type CommandContext, groundsOf, lockFiling, moveFiling, scopeFacts } from './filing-steps.ts';

/** submitFiling: a complete, signed draft goes to its first reviewer. */
export function submitFiling(ctx: CommandContext, id: string, expectedVersion?: number | null) {
  return transact(ctx.db, async (tx) => {
    const { filing, enterprise } = await lockFiling(tx, id, expectedVersion);
    const refusal = editRefusal(
      { ...filing, affiliation: enterprise.affiliation, prefectureCode: enterprise.prefectureCode },
      ctx.caller,
    );
    if (refusal) refuseAll([refusal]);
    const [scope, parties] = await Promise.all([
      tx.select().from(filingScopes).where(eq(filingScopes.filingId, filing.id)),
      tx.select().from(filingServedParties).where(eq(filingServedParties.filingId, filing.id)),
    ]);
    const missing = submissionRefusals({
      ...filing,
      commitmentSignedOn: filing.commitmentSignedOn,
      servedParties: parties,
      attachments: [],
      scopeRows: scope.length,
    });
    missing.push(...leadingGroundsSubmissionRefusals(filing.kind, await groundsOf(tx, filing.id)));
    // The dictionary and specifications may have changed since the draft was saved.
    const { dict, specs, mappings } = await scopeFacts(tx, filing.enterpriseId, scope);
    missing.push(...scopeRefusals(scope, filing.enterpriseId, dict, specs, mappings));
    if (missing.length) refuseAll(missing);
    return moveFiling(
      tx,
      filing,
      'SUBMITTED',
      ctx,
      filing.status === 'REJECTED' ? '修改后重新提交。' : '提交备案申报材料。',
      { submittedAt: ctx.clock.now() },
    );
  });
}
