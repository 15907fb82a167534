/**
 * 确认 / 驳回岗位映射: a centre decides a proposed mapping — one transaction: the row locked, the
 * rules (rules/mapping.ts), the write; a confirmation bumps the mappings revision, so every matcher
 * index takes the role name in.
 */
import { bumpIndexRevision, enterprisePrefectures, jobRoleMappings, refuseAll, transact } from '@hub/db';
import { refuse } from '@hub/platform';
import { eq } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { type JobRoleMappingRow, UUID } from '../loaders.ts';
import { type Decision, reviewRefusal } from '../rules/mapping.ts';

/** Confirms or rejects a proposed mapping, with the row locked; a confirmation feeds the matcher. */
export async function reviewMapping(ctx: Context, id: string, decision: Decision, reason: string | null | undefined) {
  const result = await transact(ctx.db, async (tx) => {
    if (!UUID.test(id)) refuseAll([refuse('MAPPING_NOT_FOUND', `没有编号为 ${id} 的岗位映射`, 'id')]);
    const [m] = await tx.select().from(jobRoleMappings).where(eq(jobRoleMappings.id, id)).for('update');
    if (!m) refuseAll([refuse('MAPPING_NOT_FOUND', `没有编号为 ${id} 的岗位映射`, 'id')]);
    const prefectures = m.enterpriseId ? await enterprisePrefectures(tx, [m.enterpriseId]) : new Map<string, string>();
    const refusal = reviewRefusal(
      ctx.caller,
      { status: m.status, enterprisePrefecture: (m.enterpriseId && prefectures.get(m.enterpriseId)) || null },
      decision,
      reason,
    );
    if (refusal) refuseAll([refusal]);
    const [row] = await tx
      .update(jobRoleMappings)
      .set({
        status: decision === 'CONFIRM' ? 'CONFIRMED' : 'REJECTED',
        reviewedBy: ctx.caller.sub ?? ctx.caller.role,
        reviewerRole: ctx.caller.role,
        reviewedAt: ctx.clock.now(),
        reviewReason: reason?.trim() || null,
      })
      .where(eq(jobRoleMappings.id, m.id))
      .returning();
    if (decision === 'CONFIRM') await bumpIndexRevision(tx, 'mappings');
    return row as JobRoleMappingRow;
  });
  return result;
}
