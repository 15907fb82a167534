import { filings, refuseAll, transact } from '@hub/db';
import { refuse } from '@hub/platform';
import { eq, sql } from 'drizzle-orm';
import type { FilingRow } from '../loaders.ts';
import { editRefusal } from '../rules/workflow.ts';
import { type CommandContext, type FilingForm, lockFiling, narrativeOf, writeContent } from './filing-steps.ts';

/** updateFiling: the enterprise replaces the whole content of its draft. */
export function updateFiling(ctx: CommandContext, id: string, input: FilingForm, expectedVersion?: number | null) {
  return transact(ctx.db, async (tx) => {
    const { filing, enterprise } = await lockFiling(tx, id, expectedVersion);
    const refusal = editRefusal(
      { ...filing, affiliation: enterprise.affiliation, prefectureCode: enterprise.prefectureCode },
      ctx.caller,
    );
    if (refusal) refuseAll([refusal]);
    if (input.kind !== filing.kind)
      refuseAll([
        refuse('KIND_FIXED', '备案类别（企业自主评价或社会评价组织）创建后不能更改：请另行新建一份备案申报', 'kind'),
      ]);
    await writeContent(tx, filing.id, filing.enterpriseId, input, ctx.clock.today());
    const [updated] = await tx
      .update(filings)
      .set({ ...narrativeOf(input), version: sql`${filings.version} + 1`, updatedAt: ctx.clock.now() })
      .where(eq(filings.id, filing.id))
      .returning();
    return updated as FilingRow;
  });
}
