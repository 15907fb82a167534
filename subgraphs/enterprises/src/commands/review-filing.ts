import { enterprises, refuseAll, transact } from '@hub/db';
import { refuse } from '@hub/platform';
import { eq } from 'drizzle-orm';
import { isRefusal, type ReviewDecision, review } from '../rules/workflow.ts';
import { assignInstitutionCode, type CommandContext, lockFiling, moveFiling } from './filing-steps.ts';

/** reviewFiling: the authority whose step it is approves or rejects; 备案确认 puts the institution in the catalog. */
export async function reviewFiling(
  ctx: CommandContext,
  args: { id: string; decision: ReviewDecision; opinion?: string | null; expectedVersion?: number | null },
) {
  const opinion = args.opinion?.trim() || null;
  if (opinion && opinion.length > 2000) {
    return { value: null, errors: [refuse('TOO_LONG', '意见 has at most 2000 characters', 'opinion')] };
  }
  return transact(ctx.db, async (tx) => {
    const { filing, enterprise } = await lockFiling(tx, args.id, args.expectedVersion);
    const decided = review(
      { ...filing, affiliation: enterprise.affiliation, prefectureCode: enterprise.prefectureCode },
      ctx.caller,
      args.decision,
      opinion,
    );
    if (isRefusal(decided)) refuseAll([decided]);
    if (decided.to !== 'CONFIRMED') return moveFiling(tx, filing, decided.to, ctx, opinion);
    const now = ctx.clock.now();
    const moved = await moveFiling(tx, filing, 'CONFIRMED', ctx, opinion ?? '予以备案确认。', { confirmedAt: now });
    if (!enterprise.institutionCode) await assignInstitutionCode(tx, enterprise.id, enterprise.prefectureCode);
    await tx
      .update(enterprises)
      .set({
        qualification: 'CONFIRMED',
        // Back in the catalog after a revocation or a 注销: the catalog dates the new confirmation.
        qualifiedAt: enterprise.qualification === 'CONFIRMED' ? (enterprise.qualifiedAt ?? now) : now,
        updatedAt: now,
      })
      .where(eq(enterprises.id, enterprise.id));
    return moved;
  });
}
