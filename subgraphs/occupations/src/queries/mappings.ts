/**
 * The job-role mappings a caller may list (`jobRoleMappings`): an enterprise its own, a city centre
 * those of the enterprises of its 市州, the province all; optionally of one enterprise or in one
 * state. A page after an id, and the whole list's length.
 */
import { enterpriseIdsInPrefecture, jobRoleMappings, keysetPage } from '@hub/db';
import { hubError, reachOf } from '@hub/platform';
import { and, count, eq, inArray, type SQL } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { type JobRoleMappingRow, UUID } from '../loaders.ts';

export interface MappingFilter {
  status?: JobRoleMappingRow['status'] | null | undefined;
  enterpriseId?: string | number | null | undefined;
}

export async function mappingList(ctx: Context, args: MappingFilter) {
  const reach = reachOf(ctx.caller);
  const where: (SQL | undefined)[] = [];
  if (reach.kind === 'none') throw hubError('FORBIDDEN', `role ${ctx.caller.role} may not list mappings`);
  if (reach.kind === 'enterprise') where.push(eq(jobRoleMappings.enterpriseId, reach.enterpriseId));
  if (reach.kind === 'prefecture') {
    const ids = await enterpriseIdsInPrefecture(ctx.db, reach.prefecture);
    where.push(
      ids.length
        ? inArray(jobRoleMappings.enterpriseId, ids)
        : eq(jobRoleMappings.id, '00000000-0000-0000-0000-000000000000'),
    );
  }
  if (args.enterpriseId != null) {
    if (!UUID.test(String(args.enterpriseId))) {
      throw hubError('BAD_USER_INPUT', '"enterpriseId" is not an enterprise id', { field: 'enterpriseId' });
    }
    where.push(eq(jobRoleMappings.enterpriseId, String(args.enterpriseId)));
  }
  if (args.status) where.push(eq(jobRoleMappings.status, args.status));
  return {
    page: (afterKey: string | undefined, limit: number): Promise<JobRoleMappingRow[]> =>
      keysetPage(ctx.db, jobRoleMappings, jobRoleMappings.id, { where, afterKey, limit }),
    count: async () =>
      (
        await ctx.db
          .select({ n: count() })
          .from(jobRoleMappings)
          .where(and(...where))
      )[0]?.n ?? 0,
  };
}
