import { enterprises, isUuid, refuseAll, transact } from '@hub/db';
import { refuse } from '@hub/platform';
import { eq } from 'drizzle-orm';
import type { EnterpriseRow } from '../loaders.ts';
import { correctionRefusals, enterpriseInputRefusals } from '../rules/enterprise-input.ts';
import type { EnterpriseForm } from './enterprise-form.ts';
import type { CommandContext } from './filing-steps.ts';

/**
 * updateEnterprise: replaces 企业基本信息 — the enterprise its own (not its 市州), its city centre to
 * correct the record within the 市州, the province centre or an admin anything.
 */
export function updateEnterprise(ctx: CommandContext, id: string, form: EnterpriseForm) {
  return transact(ctx.db, async (tx) => {
    if (ctx.caller.role === 'enterprise' && ctx.caller.enterpriseId !== id) {
      refuseAll([refuse('NOT_YOUR_ENTERPRISE', '企业只能修改本企业的基本信息', 'id')]);
    }
    const [current] = isUuid(id) ? await tx.select().from(enterprises).where(eq(enterprises.id, id)).for('update') : [];
    if (!current) refuseAll([refuse('NOT_FOUND', '没有该企业', 'id')]);
    const refusals = [
      ...enterpriseInputRefusals(form, ctx.clock.today()),
      ...correctionRefusals(ctx.caller, current, form.prefectureCode),
    ];
    if (refusals.length) refuseAll(refusals);
    const [row] = await tx
      .update(enterprises)
      .set({ ...form, updatedAt: ctx.clock.now() })
      .where(eq(enterprises.id, id))
      .returning();
    return row as EnterpriseRow;
  });
}
