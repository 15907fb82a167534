import { dictionaryFacts, enterpriseSpecifications, refuseAll, transact } from '@hub/db';
import { type Refusal, refuse } from '@hub/platform';
import type { SpecificationRow } from '../loaders.ts';
import { scopeRefusals } from '../rules/scope.ts';
import { mayActForEnterprise } from '../rules/workflow.ts';
import type { CommandContext } from './filing-steps.ts';

/** fileSpecification: the calling enterprise files a 企业评价规范 with the authorities (报人社部门备案) for review. */
export function fileSpecification(
  ctx: CommandContext,
  input: {
    title: string;
    occupationCode: string;
    workTypeCode?: string | null;
    levels: number[];
    documentReference: string;
  },
) {
  const enterpriseId = ctx.caller.enterpriseId ?? '';
  return transact(ctx.db, async (tx) => {
    const who = mayActForEnterprise(ctx.caller, enterpriseId);
    if (who) refuseAll([who]);
    const refusals: Refusal[] = [];
    if (!input.title.trim() || input.title.length > 200)
      refusals.push(refuse('INVALID_TITLE', '名称 needs 1–200 characters', 'title'));
    if (!input.documentReference.trim() || input.documentReference.length > 500) {
      refusals.push(refuse('INVALID_REFERENCE', '文件索引为 1 至 500 个字符', 'documentReference'));
    }
    const dict = await dictionaryFacts(tx, [input.occupationCode]);
    refusals.push(
      ...scopeRefusals(
        [
          {
            occupationCode: input.occupationCode,
            workTypeCode: input.workTypeCode ?? null,
            levels: input.levels,
            basis: 'NATIONAL_STANDARD',
          },
        ],
        enterpriseId,
        dict,
        new Map(),
      ).map((r) => ({ ...r, field: r.field?.replace(/^scope\.0\./, '') ?? null })),
    );
    if (refusals.length) refuseAll(refusals);
    const [row] = await tx
      .insert(enterpriseSpecifications)
      .values({
        enterpriseId,
        title: input.title.trim(),
        occupationCode: input.occupationCode,
        workTypeCode: input.workTypeCode ?? null,
        levels: [...new Set(input.levels)],
        documentReference: input.documentReference,
      })
      .returning();
    return row as SpecificationRow;
  });
}
