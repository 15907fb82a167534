import { enterprises, refuseAll, transact } from '@hub/db';
import { refuse } from '@hub/platform';
import { eq } from 'drizzle-orm';
import { type GroundsOpinion, groundsOpinionRefusals } from '../rules/leading-grounds.ts';
import { isRefusal, type ReviewDecision, review, reviewStep } from '../rules/workflow.ts';
import { assignInstitutionCode, type CommandContext, lockFiling, moveFiling } from './filing-steps.ts';

/**
 * reviewFiling: the authority whose step it is approves or rejects; 备案确认 puts the institution in
 * the catalog. On a 社会评价组织 filing the 市州 and province centres approve with their opinion on
 * its 龙头企业 grounds, kept on the step.
 */
export async function reviewFiling(
  ctx: CommandContext,
  args: {
    id: string;
    decision: ReviewDecision;
    opinion?: string | null;
    groundsOpinion?: GroundsOpinion | null;
    expectedVersion?: number | null;
  },
) {
  const opinion = args.opinion?.trim() || null;
  if (opinion && opinion.length > 2000) {
    return { value: null, errors: [refuse('TOO_LONG', '审核意见不超过 2000 字', 'opinion')] };
  }
  const grounds = args.groundsOpinion
    ? { accepted: args.groundsOpinion.accepted, opinion: args.groundsOpinion.opinion.trim() }
    : null;
  return transact(ctx.db, async (tx) => {
    const { filing, enterprise } = await lockFiling(tx, args.id, args.expectedVersion);
    const facts = { ...filing, affiliation: enterprise.affiliation, prefectureCode: enterprise.prefectureCode };
    const decided = review(facts, ctx.caller, args.decision, opinion);
    if (isRefusal(decided)) refuseAll([decided]);
    const step = reviewStep(facts);
    if (step) {
      const refused = groundsOpinionRefusals(filing.kind, step.role, args.decision, grounds);
      if (refused.length) refuseAll(refused);
    }
    const onGrounds = grounds ? { groundsAccepted: grounds.accepted, groundsOpinion: grounds.opinion } : {};
    if (decided.to !== 'CONFIRMED') return moveFiling(tx, filing, decided.to, ctx, opinion, {}, onGrounds);
    const now = ctx.clock.now();
    const moved = await moveFiling(
      tx,
      filing,
      'CONFIRMED',
      ctx,
      opinion ?? '予以备案确认。',
      { confirmedAt: now },
      onGrounds,
    );
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
