import { enterprises, refuseAll, transact } from '@hub/db';
import { refuse } from '@hub/platform';
import { eq } from 'drizzle-orm';
import type { EnterpriseRow } from '../loaders.ts';
import { enterpriseInputRefusals, registrationRefusals } from '../rules/enterprise-input.ts';
import type { EnterpriseForm } from './enterprise-form.ts';
import type { CommandContext } from './filing-steps.ts';

/**
 * registerEnterprise: an authority registers an enterprise in the hub (a city centre for its own 市州,
 * the province centre, or an admin), or the enterprise registers itself with its legal-person
 * identity (网上申请). A 统一社会信用代码 is registered once.
 */
export function registerEnterprise(
  ctx: CommandContext,
  args: { creditCode: string; affiliation: EnterpriseRow['affiliation']; form: EnterpriseForm },
) {
  const { form } = args;
  return transact(ctx.db, async (tx) => {
    const refusals = [
      ...enterpriseInputRefusals(form, ctx.clock.today()),
      ...registrationRefusals(ctx.caller, args.creditCode, form.prefectureCode),
    ];
    const [taken] = await tx
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(eq(enterprises.creditCode, args.creditCode));
    if (taken)
      refusals.push(
        refuse(
          'DUPLICATE_CREDIT_CODE',
          `统一社会信用代码为 ${args.creditCode} 的企业已经登记，不能重复登记`,
          'creditCode',
        ),
      );
    if (refusals.length) refuseAll(refusals);
    const [row] = await tx
      .insert(enterprises)
      .values({ ...form, creditCode: args.creditCode, affiliation: args.affiliation })
      .returning();
    return row as EnterpriseRow;
  });
}
