import { type Db, enterprises, filings, filingsInForce, filingTransitions, refuseAll, transact } from '@hub/db';
import { refuse } from '@hub/platform';
import { and, eq, inArray } from 'drizzle-orm';
import { newFilingRefusal } from '../rules/lifecycle.ts';
import { type FilingRoute, filingRoute, isRefusal, mayActForEnterprise, OPEN } from '../rules/workflow.ts';
import { revokedOn } from './enterprise-history.ts';
import { actorOf, type CommandContext, type FilingForm, narrativeOf, writeContent } from './filing-steps.ts';

/**
 * createFiling: a draft for the calling enterprise. For an institution in the catalog it is an
 * amendment (变更备案) of its filing of that kind in force, restating the whole scope of that kind.
 * After a rejection, a withdrawal, a revocation (past the waiting period) or a 注销 it is a new filing.
 */
export function createFiling(
  ctx: CommandContext,
  input: FilingForm & { route?: FilingRoute | null },
  opts: { refileWaitingDays: number },
) {
  const enterpriseId = ctx.caller.enterpriseId ?? '';
  return transact(ctx.db, async (tx) => {
    const who = mayActForEnterprise(ctx.caller, enterpriseId);
    if (who) refuseAll([who]);
    const [enterprise] = await tx.select().from(enterprises).where(eq(enterprises.id, enterpriseId)).for('update');
    if (!enterprise) refuseAll([refuse('NOT_FOUND', '该企业尚未在平台登记企业基本信息，请先登记')]);
    const today = ctx.clock.today();
    const standing = newFilingRefusal(
      { qualification: enterprise.qualification, revokedOn: await revokedOn(tx, enterpriseId) },
      opts.refileWaitingDays,
      today,
    );
    if (standing) refuseAll([standing]);
    const [open] = await tx
      .select({ id: filings.id, status: filings.status })
      .from(filings)
      .where(and(eq(filings.enterpriseId, enterpriseId), inArray(filings.status, [...OPEN])))
      .limit(1);
    if (open) {
      refuseAll([
        refuse(
          'FILING_ALREADY_OPEN',
          `该企业已有一份正在办理的备案申报（${open.status}）：请修改或撤回该申报，不能同时办理两份`,
        ),
      ]);
    }
    const route = filingRoute(enterprise, input.route);
    if (isRefusal(route)) refuseAll([route]);
    const inForce = (await filingsInForce(tx as unknown as Db, [enterpriseId], today)).find(
      (f) => f.kind === input.kind,
    );
    const [filing] = await tx
      .insert(filings)
      .values({
        enterpriseId,
        kind: input.kind,
        route,
        amendsFilingId: inForce?.filingId ?? null,
        ...narrativeOf(input),
      })
      .returning();
    if (!filing) throw new Error('insert returned nothing');
    await writeContent(tx, filing.id, enterpriseId, input, today);
    await tx.insert(filingTransitions).values({
      filingId: filing.id,
      fromStatus: null,
      toStatus: 'DRAFT',
      actor: actorOf(ctx.caller),
      actorRole: ctx.caller.role,
      opinion: inForce ? '变更备案（申报范围以本次为准）' : null,
      at: ctx.clock.now(),
    });
    return filing;
  });
}
