import { enterpriseSpecifications, enterprises, isUuid, refuseAll, transact } from '@hub/db';
import { refuse } from '@hub/platform';
import { eq } from 'drizzle-orm';
import type { SpecificationRow } from '../loaders.ts';
import type { ReviewDecision } from '../rules/workflow.ts';
import type { CommandContext } from './filing-steps.ts';

/** reviewSpecification: the 市州 centre of the enterprise, or the province centre, approves or rejects a filed 企业评价规范. */
export function reviewSpecification(
  ctx: CommandContext,
  args: { id: string; decision: ReviewDecision; opinion?: string | null },
) {
  const id = args.id;
  return transact(ctx.db, async (tx) => {
    const [spec] = isUuid(id)
      ? await tx.select().from(enterpriseSpecifications).where(eq(enterpriseSpecifications.id, id)).for('update')
      : [];
    if (!spec) refuseAll([refuse('NOT_FOUND', '没有该企业评价规范', 'id')]);
    const [enterprise] = await tx.select().from(enterprises).where(eq(enterprises.id, spec.enterpriseId));
    if (ctx.caller.role === 'city_center' && enterprise?.prefectureCode !== ctx.caller.prefecture) {
      refuseAll([refuse('NOT_YOUR_PREFECTURE', '市州职业技能鉴定中心只审核本市州企业的评价规范')]);
    }
    if (spec.status !== 'SUBMITTED')
      refuseAll([refuse('SPECIFICATION_WRONG_STATE', `该企业评价规范已处理（${spec.status}），不能再次审核`, 'id')]);
    const opinion = args.opinion?.trim() || null;
    if (args.decision === 'REJECT' && !opinion)
      refuseAll([refuse('REJECTION_NEEDS_REASONS', '退回须写明理由', 'opinion')]);
    const [row] = await tx
      .update(enterpriseSpecifications)
      .set({
        status: args.decision === 'APPROVE' ? 'APPROVED' : 'REJECTED',
        reviewOpinion: opinion,
        reviewedBy: ctx.caller.sub ?? ctx.caller.role,
        reviewedAt: ctx.clock.now(),
      })
      .where(eq(enterpriseSpecifications.id, id))
      .returning();
    return row as SpecificationRow;
  });
}
