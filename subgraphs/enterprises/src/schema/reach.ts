import { type Owner, objectAccess } from '@hub/platform';
import type { Context } from '../builder.ts';

/**
 * 按对象授权: what a caller sees of each object of this subgraph, decided wherever the object is
 * reached (platform/src/object-access.ts). Each type's rule sits next to its definition; index.ts applies
 * them to the built schema.
 */
export const objects = objectAccess<Context>();

/** An enterprise's own records (filings, specifications): the enterprise, in its 市州 today. */
export async function enterpriseOwner(ctx: Context, enterpriseId: string): Promise<Owner> {
  const e = await ctx.loaders.enterpriseById.load(enterpriseId);
  return { enterpriseId, prefectureCode: e?.prefectureCode ?? null };
}
