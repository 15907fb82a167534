import { workSchemes } from '@hub/db';
import { eq, sql } from 'drizzle-orm';
import type { Context } from '../builder.ts';
import { actingInstitution, change, stopIf } from '../change.ts';
import type { Method } from '../rules/types.ts';
import { workSchemeProblems } from '../rules/work-scheme.ts';

export interface AdoptWorkSchemeInput {
  title: string;
  assessorCounts: readonly { method: Method; assessors: number }[];
}

/** 工作方案: the institution adopts a new version today; earlier versions stay on record. */
export function adoptWorkScheme(ctx: Context, input: AdoptWorkSchemeInput) {
  return change(ctx, async (tx) => {
    const institutionId = actingInstitution(ctx);
    stopIf(workSchemeProblems(input));
    const [last] = await tx
      .select({ v: sql<number>`coalesce(max(${workSchemes.version}), 0)::int` })
      .from(workSchemes)
      .where(eq(workSchemes.institutionId, institutionId));
    const [scheme] = await tx
      .insert(workSchemes)
      .values({
        institutionId,
        version: (last?.v ?? 0) + 1,
        title: input.title.trim(),
        adoptedOn: ctx.clock.today(),
        assessorCounts: Object.fromEntries(input.assessorCounts.map((c) => [c.method, c.assessors])),
        recordedBy: `${ctx.caller.role}:${ctx.caller.sub ?? 'unknown'}`,
      })
      .returning();
    if (!scheme) throw new Error('insert returned no row');
    return { scheme };
  });
}
