import { caseEvents, cases, isUuid, planFacts, postRevocationDecisions } from '@hub/db';
import { eq, sql } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { actorOf, stopIf } from '../change.ts';
import { afterRevocationRefusal, type CertificateDecision } from '../rules/after-revocation.ts';
import { caseCommand } from './case-steps.ts';

export interface DecisionArgs {
  planId: string;
  decision: CertificateDecision;
  reason: string;
}

/**
 * 取消备案资质之后的证书: the centre decides, for one plan of the revoked institution evaluated
 * while it was in scope, whether its candidates who passed may still get certificates. The
 * decision is kept, and the case's history records who decided, when and why.
 */
export const decideCertificatesAfterRevocation = caseCommand<DecisionArgs>(async (tx, ctx: Context, c, args) => {
  const known = isUuid(args.planId);
  const plan = known ? ((await planFacts(tx, [args.planId])).get(args.planId) ?? null) : null;
  const [existing] = known
    ? await tx
        .select({ planId: postRevocationDecisions.planId })
        .from(postRevocationDecisions)
        .where(eq(postRevocationDecisions.planId, args.planId))
        .for('update')
    : [];
  stopIf(
    afterRevocationRefusal({
      caseEnterpriseId: c.enterpriseId,
      revokedOn: c.revokedOn,
      plan,
      decided: existing != null,
      reason: args.reason,
    }),
  );
  const reason = args.reason.trim();
  await tx.insert(postRevocationDecisions).values({
    planId: args.planId,
    caseId: c.id,
    enterpriseId: c.enterpriseId,
    prefectureCode: c.prefectureCode,
    decision: args.decision,
    reason,
    decidedOn: ctx.clock.today(),
    decidedBy: actorOf(ctx.caller),
    decidedRole: ctx.caller.role,
    decidedAt: ctx.clock.now(),
  });
  const [updated] = await tx
    .update(cases)
    .set({ version: sql`${cases.version} + 1` })
    .where(eq(cases.id, c.id))
    .returning();
  await tx.insert(caseEvents).values({
    caseId: c.id,
    action: 'DECIDE_CERTIFICATES',
    fromStatus: c.status,
    toStatus: c.status,
    note: `${args.decision === 'AUTHORISE' ? '仍予发证' : '不予发证'}（计划 ${args.planId}）：${reason}`,
    actor: actorOf(ctx.caller),
    actorRole: ctx.caller.role,
    at: ctx.clock.now(),
  });
  return updated ?? c;
});
